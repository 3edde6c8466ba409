using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

/// <summary>Faults in how an appliance answers: silence before or after acting, 503 with Retry-After, plain-text errors.</summary>
public sealed class AnswerFaultTests : IAsyncLifetime
{
    private const string Upgrade = "/api/v1/extrahop/firmware/latest/upgrade";
    private readonly TempFolder _temp = new();
    private SimulatorHost _host = null!;
    private SimulatorClient _client = null!;

    private SimulatedAppliance Eh1 => _host["eh1"];

    public async Task InitializeAsync()
    {
        _host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());
        _client = new SimulatorClient(_host);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        _temp.Dispose();
    }

    /// <summary>
    /// Why the module must guard its state-changing requests: a plain .NET client resends a body-less POST that
    /// a server dropped on a kept-alive connection, by itself, so the appliance sees the upgrade request twice.
    /// </summary>
    [Fact]
    public async Task DotNetResendsABodilessPostDroppedOnAKeptAliveConnection()
    {
        await UploadImageAsync();
        Eh1.Faults.DropRequests(1, Upgrade);

        var answer = await _client.PostEmptyAsync(Eh1, Upgrade);

        Assert.Equal(202, answer.Status);
        Assert.Equal(new[] { 0, 202 }, (await _host.SettledRequestLogAsync()).Where(e => e.Path == Upgrade).Select(e => e.StatusCode));
    }

    [Fact]
    public async Task ADroppedRequestIsReadButNotActedOn()
    {
        Eh1.Faults.DropRequests(1, "/users");

        // A body is sent, so the client's handler does not resend it: the drop reaches the caller.
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.PostJsonAsync(Eh1, "/api/v1/users", "{\"username\":\"x\"}"));

        var dropped = Assert.Single(await _host.SettledRequestLogAsync(), e => e.Path == "/api/v1/users");
        Assert.Equal(0, dropped.StatusCode);
        Assert.Equal(200, (await _client.GetAsync(Eh1, "/api/v1/users/admin")).Status);
        Assert.Equal(404, (await _client.GetAsync(Eh1, "/api/v1/users/x")).Status);
    }

    [Fact]
    public async Task ADroppedAnswerStillLeavesTheWorkDone()
    {
        await UploadImageAsync();
        Eh1.Faults.DropAnswers(1, Upgrade);
        // A slow job, so it is still RUNNING when looked at, however busy the machine (at full speed it ends in seconds).
        Eh1.Faults.UpgradeDurationFactor = 100;

        await Assert.ThrowsAsync<HttpRequestException>(() => _client.SendAsync(Eh1, HttpMethod.Post, Upgrade, new ByteArrayContent(Array.Empty<byte>())));

        Assert.Equal(0, Assert.Single(await _host.SettledRequestLogAsync(), e => e.Path == Upgrade).StatusCode);
        var jobs = (await _client.GetAsync(Eh1, "/api/v1/jobs")).Json;
        Assert.Equal("RUNNING", Assert.Single(jobs.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnavailableAnswers503WithRetryAfterAndChangesNothing()
    {
        await UploadImageAsync();
        Eh1.Faults.Unavailable(1, 4, "/extrahop/firmware/latest");

        var refused = await _client.PostEmptyAsync(Eh1, Upgrade);

        Assert.Equal(503, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(4), refused.Headers.RetryAfter!.Delta);
        Assert.False(string.IsNullOrEmpty(refused.ErrorMessage));
        Assert.Empty((await _client.GetAsync(Eh1, "/api/v1/jobs")).Json.EnumerateArray());
        Assert.Equal(202, (await _client.PostEmptyAsync(Eh1, Upgrade)).Status);
    }

    [Fact]
    public async Task TextErrorsArePlainText()
    {
        Eh1.Faults.FailRequestsWithText(1, 400, "The specified access token is invalid", "/users");

        var failed = await _client.GetAsync(Eh1, "/api/v1/users");

        Assert.Equal(400, failed.Status);
        Assert.Equal("text/plain", failed.ContentType);
        Assert.Equal("The specified access token is invalid", failed.Body);
        Assert.Equal(200, (await _client.GetAsync(Eh1, "/api/v1/users")).Status);
    }

    private async Task UploadImageAsync() =>
        Assert.Equal(201, (await Wire.UploadFileAsync(_client, Eh1, _temp.Image("9.9.2.1234"))).Status);
}
