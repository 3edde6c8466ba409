using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// The endpoint table every simulated appliance serves, with the guide's privilege levels: the basic system
/// facts and one's own API keys are open to any user, every other GET to users who may read (system
/// administrators and every write level), and every change to system administrators. Routes open to any
/// user whose handlers apply finer rules (own keys, own password) say so in their handlers.
/// </summary>
internal static class ApiRoutes
{
    private const string Api = ApiPaths.Root;

    public static Router Router { get; } = new(new[]
    {
        new Route("POST", ApiPaths.Token, Access.Public, TokenEndpoint.IssueAsync, BodyHandling.SecretText),

        new Route("GET", Api + "/extrahop", Access.AnyUser, SystemEndpoints.GetSystemAsync),
        new Route("GET", Api + "/extrahop/edition", Access.AnyUser, SystemEndpoints.GetEditionAsync),
        new Route("GET", Api + "/extrahop/platform", Access.AnyUser, SystemEndpoints.GetPlatformAsync),
        new Route("GET", Api + "/extrahop/version", Access.AnyUser, SystemEndpoints.GetVersionAsync),
        new Route("POST", Api + "/extrahop/restart", Access.SystemAdministrator, SystemEndpoints.RestartAsync),

        new Route("GET", Api + "/users", Access.Reader, UserEndpoints.ListUsersAsync),
        new Route("GET", Api + "/users/{username}", Access.Reader, UserEndpoints.GetUserAsync),
        new Route("POST", Api + "/users", Access.SystemAdministrator, UserEndpoints.CreateUserAsync, BodyHandling.RedactPasswords),
        new Route("PATCH", Api + "/users/{username}", Access.AnyUser, UserEndpoints.UpdateUserAsync, BodyHandling.RedactPasswords),
        new Route("DELETE", Api + "/users/{username}", Access.SystemAdministrator, UserEndpoints.DeleteUserAsync),
        new Route("GET", Api + "/users/{username}/apikeys", Access.AnyUser, ApiKeyEndpoints.ListForUserAsync),
        new Route("GET", Api + "/users/{username}/apikeys/{keyid}", Access.AnyUser, ApiKeyEndpoints.GetForUserAsync),
        new Route("GET", Api + "/users/{username}/lock", Access.Reader, UserLockEndpoints.GetAsync),
        new Route("DELETE", Api + "/users/{username}/lock", Access.SystemAdministrator, UserLockEndpoints.UnlockAsync),
        new Route("GET", Api + "/apikeys", Access.AnyUser, ApiKeyEndpoints.ListAsync),
        new Route("POST", Api + "/apikeys", Access.Public, ApiKeyEndpoints.CreateSetupKeyAsync, BodyHandling.SecretText),
        new Route("GET", Api + "/apikeys/{keyid}", Access.AnyUser, ApiKeyEndpoints.GetAsync),

        new Route("GET", Api + "/extrahop/firmware", Access.Reader, FirmwareInfoEndpoints.GetFirmwareAsync),
        new Route("POST", Api + "/extrahop/firmware", Access.SystemAdministrator, FirmwareUploadEndpoint.UploadAsync, BodyHandling.Stream),
        new Route("GET", Api + "/extrahop/firmware/next", Access.Reader, FirmwareInfoEndpoints.GetNextAsync),
        new Route("GET", Api + "/extrahop/firmware/previous", Access.Reader, FirmwareInfoEndpoints.GetPreviousAsync),
        new Route("POST", Api + "/extrahop/firmware/latest/upgrade", Access.SystemAdministrator, FirmwareJobEndpoints.UpgradeLatestAsync),
        new Route("POST", Api + "/extrahop/firmware/download/url", Access.SystemAdministrator, FirmwareJobEndpoints.DownloadFromUrlAsync),
        new Route("POST", Api + "/extrahop/firmware/download/version", Access.SystemAdministrator, FirmwareJobEndpoints.DownloadVersionAsync),
        new Route("POST", Api + "/extrahop/firmware/previous/rollback", Access.SystemAdministrator, FirmwareJobEndpoints.RollbackAsync),

        new Route("GET", Api + "/jobs", Access.Reader, JobEndpoints.ListJobsAsync),
        new Route("GET", Api + "/jobs/{id}", Access.Reader, JobEndpoints.GetJobAsync),

        new Route("GET", Api + "/extrahop/cluster", Access.Reader, ClusterEndpoints.GetClusterAsync),
        new Route("PATCH", Api + "/extrahop/cluster", Access.SystemAdministrator, ClusterEndpoints.PatchClusterAsync),

        new Route("GET", Api + "/devices", Access.AnyUser, DeviceEndpoints.ListAsync),
        new Route("GET", Api + "/devices/{id}", Access.AnyUser, DeviceEndpoints.GetAsync),
        new Route("GET", Api + "/tags", Access.AnyUser, TagEndpoints.ListAsync),
        new Route("POST", Api + "/tags", Access.AnyUser, TagEndpoints.CreateAsync),
        new Route("GET", Api + "/tags/{id}", Access.AnyUser, TagEndpoints.GetAsync),
        new Route("PATCH", Api + "/tags/{id}", Access.AnyUser, TagEndpoints.RenameAsync),
        new Route("DELETE", Api + "/tags/{id}", Access.AnyUser, TagEndpoints.DeleteAsync),
        new Route("GET", Api + "/tags/{id}/devices", Access.AnyUser, TagEndpoints.ListDevicesAsync),
        new Route("POST", Api + "/tags/{id}/devices", Access.AnyUser, TagEndpoints.AssignAsync),
        new Route("GET", Api + "/supportpacks", Access.Reader, SupportPackEndpoints.ListAsync),
        new Route("GET", Api + "/supportpacks/{filename}", Access.Reader, SupportPackEndpoints.DownloadAsync),

        new Route("GET", Api + "/extrahop/idrac", Access.Reader, SystemEndpoints.GetIdracAsync),
        new Route("POST", Api + "/extrahop/shutdown", Access.SystemAdministrator, SystemEndpoints.ShutdownAsync),
        new Route("GET", Api + "/extrahop/processes", Access.Reader, ProcessEndpoints.ListAsync),
        new Route("POST", Api + "/extrahop/processes/{process}/restart", Access.SystemAdministrator, ProcessEndpoints.RestartAsync),
        new Route("GET", Api + "/extrahop/services", Access.Reader, SettingsEndpoints.GetServicesAsync),
        new Route("PATCH", Api + "/extrahop/services", Access.SystemAdministrator, SettingsEndpoints.PatchServicesAsync),
        new Route("GET", Api + "/extrahop/ticketing", Access.Reader, SettingsEndpoints.GetTicketingAsync),
        new Route("PATCH", Api + "/extrahop/ticketing", Access.SystemAdministrator, SettingsEndpoints.PatchTicketingAsync),
        // Connected appliances; the firmware paths come first so that "firmware" is never read as an {id}.
        new Route("GET", Api + "/appliances/firmware/next", Access.Reader, ApplianceFirmwareEndpoints.GetNextAsync),
        new Route("POST", Api + "/appliances/firmware/upgrade", Access.SystemAdministrator, ApplianceFirmwareEndpoints.UpgradeAsync),
        new Route("GET", Api + "/appliances", Access.Reader, ApplianceEndpoints.ListAsync),
        new Route("POST", Api + "/appliances", Access.SystemAdministrator, ApplianceEndpoints.ConnectAsync, BodyHandling.RedactPasswords),
        new Route("GET", Api + "/appliances/{id}", Access.Reader, ApplianceEndpoints.GetAsync),
        new Route("DELETE", Api + "/appliances/{id}", Access.SystemAdministrator, ApplianceEndpoints.DisconnectAsync),
        new Route("GET", Api + "/appliances/{id}/cloudservices", Access.Reader, CloudServiceEndpoints.GetAsync),
        new Route("POST", Api + "/appliances/{id}/cloudservices", Access.SystemAdministrator, CloudServiceEndpoints.ChangeAsync),
        new Route("GET", Api + "/appliances/{id}/productkey", Access.Reader, ApplianceEndpoints.GetProductKeyAsync),
        new Route("GET", Api + "/appliances/{ids_id}/association", Access.Reader, ApplianceEndpoints.GetAssociationAsync),
        new Route("POST", Api + "/appliances/{ids_id}/association", Access.SystemAdministrator, ApplianceEndpoints.SetAssociationAsync),
        new Route("GET", Api + "/license", Access.Reader, LicenseEndpoints.GetLicenseAsync),
        new Route("PUT", Api + "/license", Access.SystemAdministrator, LicenseEndpoints.PutLicenseAsync),
        new Route("GET", Api + "/license/productkey", Access.Reader, LicenseEndpoints.GetProductKeyAsync),
        new Route("PUT", Api + "/license/productkey", Access.SystemAdministrator, LicenseEndpoints.PutProductKeyAsync),
        new Route("POST", Api + "/extrahop/sslcert", Access.SystemAdministrator, CertificateEndpoints.RegenerateAsync),
        new Route("PUT", Api + "/extrahop/sslcert", Access.SystemAdministrator, CertificateEndpoints.ReplaceAsync, BodyHandling.SecretText),
        new Route("POST", Api + "/extrahop/sslcert/signingrequest", Access.SystemAdministrator, CertificateEndpoints.CreateSigningRequestAsync),
        new Route("POST", Api + "/supportpacks", Access.SystemAdministrator, SupportPackEndpoints.UploadAsync, BodyHandling.Stream),
        new Route("POST", Api + "/supportpacks/execute", Access.SystemAdministrator, SupportPackEndpoints.ExecuteAsync),
        new Route("GET", Api + "/supportpacks/queue/{id}", Access.Reader, SupportPackEndpoints.QueueStatusAsync),
        new Route("GET", Api + "/packets/search", Access.AnyUser, PacketEndpoints.SearchAsync),
        new Route("POST", Api + "/packets/search", Access.AnyUser, PacketEndpoints.SearchAsync),
        // The config carries secrets (SNMP community, LDAP bind password), so a replace's body is never logged.
        new Route("GET", Api + "/runningconfig", Access.Reader, RunningConfigEndpoints.GetAsync),
        new Route("PUT", Api + "/runningconfig", Access.SystemAdministrator, RunningConfigEndpoints.ReplaceAsync, BodyHandling.SecretText),
        new Route("POST", Api + "/runningconfig/save", Access.SystemAdministrator, RunningConfigEndpoints.SaveAsync),
        new Route("GET", Api + "/runningconfig/saved", Access.Reader, RunningConfigEndpoints.GetSavedAsync),
    });
}
