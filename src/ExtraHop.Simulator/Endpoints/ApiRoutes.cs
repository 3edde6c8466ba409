using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// The endpoint table every simulated appliance serves. Only the basic system facts are open to any
/// user; everything that administers the appliance needs system=full, as on real appliances. Routes open to
/// any user whose handlers apply finer rules (own keys, own password) say so in their handlers.
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

        new Route("GET", Api + "/users", Access.SystemAdministrator, UserEndpoints.ListUsersAsync),
        new Route("GET", Api + "/users/{username}", Access.SystemAdministrator, UserEndpoints.GetUserAsync),
        new Route("POST", Api + "/users", Access.SystemAdministrator, UserEndpoints.CreateUserAsync, BodyHandling.RedactPasswords),
        new Route("PATCH", Api + "/users/{username}", Access.AnyUser, UserEndpoints.UpdateUserAsync, BodyHandling.RedactPasswords),
        new Route("DELETE", Api + "/users/{username}", Access.SystemAdministrator, UserEndpoints.DeleteUserAsync),
        new Route("GET", Api + "/users/{username}/apikeys", Access.AnyUser, ApiKeyEndpoints.ListForUserAsync),
        new Route("GET", Api + "/users/{username}/apikeys/{keyid}", Access.AnyUser, ApiKeyEndpoints.GetForUserAsync),
        new Route("GET", Api + "/users/{username}/lock", Access.SystemAdministrator, UserLockEndpoints.GetAsync),
        new Route("DELETE", Api + "/users/{username}/lock", Access.SystemAdministrator, UserLockEndpoints.UnlockAsync),
        new Route("GET", Api + "/apikeys", Access.AnyUser, ApiKeyEndpoints.ListAsync),
        new Route("POST", Api + "/apikeys", Access.Public, ApiKeyEndpoints.CreateSetupKeyAsync, BodyHandling.SecretText),
        new Route("GET", Api + "/apikeys/{keyid}", Access.AnyUser, ApiKeyEndpoints.GetAsync),

        new Route("GET", Api + "/extrahop/firmware", Access.SystemAdministrator, FirmwareInfoEndpoints.GetFirmwareAsync),
        new Route("POST", Api + "/extrahop/firmware", Access.SystemAdministrator, FirmwareUploadEndpoint.UploadAsync, BodyHandling.Stream),
        new Route("GET", Api + "/extrahop/firmware/next", Access.SystemAdministrator, FirmwareInfoEndpoints.GetNextAsync),
        new Route("GET", Api + "/extrahop/firmware/previous", Access.SystemAdministrator, FirmwareInfoEndpoints.GetPreviousAsync),
        new Route("POST", Api + "/extrahop/firmware/latest/upgrade", Access.SystemAdministrator, FirmwareJobEndpoints.UpgradeLatestAsync),
        new Route("POST", Api + "/extrahop/firmware/download/url", Access.SystemAdministrator, FirmwareJobEndpoints.DownloadFromUrlAsync),
        new Route("POST", Api + "/extrahop/firmware/download/version", Access.SystemAdministrator, FirmwareJobEndpoints.DownloadVersionAsync),
        new Route("POST", Api + "/extrahop/firmware/previous/rollback", Access.SystemAdministrator, FirmwareJobEndpoints.RollbackAsync),

        new Route("GET", Api + "/jobs", Access.SystemAdministrator, JobEndpoints.ListJobsAsync),
        new Route("GET", Api + "/jobs/{id}", Access.SystemAdministrator, JobEndpoints.GetJobAsync),

        new Route("GET", Api + "/extrahop/cluster", Access.SystemAdministrator, ClusterEndpoints.GetClusterAsync),
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
        new Route("GET", Api + "/supportpacks", Access.SystemAdministrator, SupportPackEndpoints.ListAsync),
        new Route("GET", Api + "/supportpacks/{filename}", Access.SystemAdministrator, SupportPackEndpoints.DownloadAsync),
    });
}
