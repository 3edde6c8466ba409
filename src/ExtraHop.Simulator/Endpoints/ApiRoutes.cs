using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// The endpoint table every simulated appliance serves, with the guide's privilege levels: the basic system
/// facts and one's own API keys are open to any user, every other GET to users who may read (system
/// administrators and every write level), and every change to system administrators.
/// </summary>
internal static class ApiRoutes
{
    private const string Api = ApiPaths.Root;

    public static Router Router { get; } = new(WithTheRestOfTheGuide(new[]
    {
        new Route("POST", ApiPaths.Token, Access.Public, TokenEndpoint.IssueAsync, BodyHandling.SecretText),

        new Route("GET", Api + "/extrahop", Access.AnyUser, SystemEndpoints.GetSystemAsync),
        new Route("GET", Api + "/extrahop/edition", Access.AnyUser, SystemEndpoints.GetEditionAsync),
        new Route("GET", Api + "/extrahop/platform", Access.AnyUser, SystemEndpoints.GetPlatformAsync),
        new Route("GET", Api + "/extrahop/version", Access.AnyUser, SystemEndpoints.GetVersionAsync),
        new Route("POST", Api + "/extrahop/restart", Access.SystemAdministrator, SystemEndpoints.RestartAsync),

        new Route("GET", Api + "/users", Access.Reader, UserEndpoints.ListUsersAsync),
        new Route("GET", Api + "/users/{username}", Access.Reader, UserEndpoints.GetUserAsync),
        new Route("GET", Api + "/apikeys", Access.AnyUser, UserEndpoints.ListApiKeysAsync),

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
    }));

    /// <summary>The served routes, then one for each documented operation they lack, which answers 501.</summary>
    private static Route[] WithTheRestOfTheGuide(Route[] served) =>
        served.Concat(DocumentedOperations.All
                .Where(operation => !served.Any(route => route.Serves(operation.Method, Api + operation.Path)))
                .Select(operation => new Route(operation.Method, Api + operation.Path, Access.AnyUser, _ => NotServedYet(operation))))
            .ToArray();

    private static Task NotServedYet(ApiOperation operation) =>
        throw new ApiErrorException(501, $"The simulator does not serve {operation} yet; the ExtraHop REST API guide documents it, and an appliance would answer it");
}
