using System.Threading.Tasks;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>Job status, which clients poll after every 202.</summary>
internal static class JobEndpoints
{
    public static Task ListJobsAsync(ApiContext c) => c.OkAsync(c.Engine.ListJobs());

    public static Task GetJobAsync(ApiContext c)
    {
        var id = c.RouteValue("id");
        var job = c.Engine.FindJob(id) ?? throw new ApiErrorException(404, $"Job {id} was not found");
        return c.OkAsync(job);
    }
}
