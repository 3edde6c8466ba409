using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

/// <summary>Faults in how an appliance answers: silence before or after acting, 503 with Retry-After, plain-text errors.</summary>
public sealed class AnswerFaultTests : IDisposable
{
    private const string Upgrade = "/api/v1/extrahop/firmware/latest/upgrade";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Why the module must guard its state-changing requests: a plain .NET client resends a body-less POST that
    /// a server dropped on a kept-alive connection, by itself, so the appliance sees the upgrade request twice.
    /// </summary>
    [Fact]
    public async Task DotNetResendsABodilessPostDroppedOnAKeptAliveConnection()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        Assert.Equal(201, (await Wire.UploadFileAsync(client, eh1, _temp.Image("9.9.2.1234"))).Status);
        eh1.Faults.DropRequests(1, Upgrade);

        var answer = await client.PostEmptyAsync(eh1, Upgrade);

        Assert.Equal(202, answer.Status);
        Assert.Equal(new[] { 0, 202 }, (await host.SettledRequestLogAsync()).Where(e => e.Path == Upgrade).Select(e => e.StatusCode));
    }

    [Fact]
    public async Task ADroppedRequestIsReadButNotActedOn()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.DropRequests(1, "/users");

        // A body is sent, so the client's handler does not resend it: the drop reaches the caller.
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostJsonAsync(eh1, "/api/v1/users", "{\"username\":\"x\"}"));

        var dropped = Assert.Single(await host.SettledRequestLogAsync(), e => e.Path == "/api/v1/users");
        Assert.Equal(0, dropped.StatusCode);
        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/users/admin")).Status);
        Assert.Equal(404, (await client.GetAsync(eh1, "/api/v1/users/x")).Status);
    }

    [Fact]
    public async Task ADroppedAnswerFollowsTheWorkItStood()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        Assert.Equal(201, (await Wire.UploadFileAsync(client, eh1, _temp.Image("9.9.2.1234"))).Status);
        eh1.Faults.DropAnswers(1, Upgrade);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(eh1, HttpMethod.Post, Upgrade, new ByteArrayContent(Array.Empty<byte>())));

        Assert.Equal(0, Assert.Single(await host.SettledRequestLogAsync(), e => e.Path == Upgrade).StatusCode);
        var jobs = (await client.GetAsync(eh1, "/api/v1/jobs")).Json;
        Assert.Equal("RUNNING", Assert.Single(jobs.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnavailableAnswers503WithRetryAfterAndChangesNothing()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        Assert.Equal(201, (await Wire.UploadFileAsync(client, eh1, _temp.Image("9.9.2.1234"))).Status);
        eh1.Faults.Unavailable(1, 4, "/extrahop/firmware/latest");

        var refused = await client.PostEmptyAsync(eh1, Upgrade);

        Assert.Equal(503, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(4), refused.Headers.RetryAfter!.Delta);
        Assert.False(string.IsNullOrEmpty(refused.ErrorMessage));
        Assert.Empty((await client.GetAsync(eh1, "/api/v1/jobs")).Json.EnumerateArray());
        Assert.Equal(202, (await client.PostEmptyAsync(eh1, Upgrade)).Status);
    }

    [Fact]
    public async Task TextErrorsArePlainText()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        using var client = new SimulatorClient(host);
        var eh1 = host["eh1"];
        eh1.Faults.FailRequestsWithText(1, 400, "The specified access token is invalid", "/users");

        var failed = await client.GetAsync(eh1, "/api/v1/users");

        Assert.Equal(400, failed.Status);
        Assert.Equal("text/plain", failed.ContentType);
        Assert.Equal("The specified access token is invalid", failed.Body);
        Assert.Equal(200, (await client.GetAsync(eh1, "/api/v1/users")).Status);
    }
}
