namespace ExtraHop.Simulator.Http;

/// <summary>Fixed paths of the appliance API.</summary>
internal static class ApiPaths
{
    /// <summary>Every API resource lives under this root.</summary>
    public const string Root = "/api/v1";

    /// <summary>Where RevealX 360 issues bearer tokens (outside the API root).</summary>
    public const string Token = "/oauth2/token";

    /// <summary>Where a job's status is, as the relative <c>Location</c> of a 202 names it.</summary>
    public static string Job(string id) => Root + "/jobs/" + id;
}
