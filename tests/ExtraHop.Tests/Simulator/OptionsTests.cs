using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ExtraHop.Simulator.Tests.TestSupport;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Simulator.Tests;

public sealed class OptionsTests
{
    public static IEnumerable<object[]> BadAppliances() => new[]
    {
        new object[] { new ApplianceOptions { Version = "nine" } },
        new object[] { new ApplianceOptions { PreviousVersion = "9.x" } },
        new object[] { new ApplianceOptions { Role = ApplianceRole.Sensor, NodeKind = RecordstoreNodeKind.Data } },
        new object[] { new ApplianceOptions { ClientId = "id-without-secret" } },
        new object[] { new ApplianceOptions { TokenLifetimeSeconds = 0 } },
        new object[] { new ApplianceOptions { Port = 70000 } },
        new object[] { new ApplianceOptions { Name = " " } },
    };

    [Theory]
    [MemberData(nameof(BadAppliances))]
    public async Task ImpossibleApplianceOptionsAreRefusedBeforeAnythingStarts(ApplianceOptions appliance)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Simulators.StartAsync(Wire.Fast, appliance));
    }

    [Fact]
    public async Task DuplicateNamesNoAppliancesAndBadTimeScalesAreRefused()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Simulators.StartAsync(Wire.Fast, Simulators.Sensor("a"), Simulators.Sensor("A")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Simulators.StartAsync(Wire.Fast));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Simulators.StartAsync(0, Simulators.Sensor()));
    }

    [Fact]
    public async Task AFixedPortIsUsedAndKeptAcrossAReboot()
    {
        int free;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            free = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var host = await Simulators.StartAsync(Wire.Fast, new ApplianceOptions { Name = "fixed", Port = free });
        using var client = new SimulatorClient(host);
        var appliance = host["fixed"];
        Assert.Equal(free, appliance.Port);
        Assert.Equal($"localhost:{free}", appliance.Server);

        Assert.Equal(202, (await client.PostEmptyAsync(appliance, "/api/v1/extrahop/restart")).Status);
        await JobWatcher.WaitUntilBootedAsync(client, host, appliance);
        Assert.Equal(200, (await client.GetAsync(appliance, "/api/v1/extrahop")).Status);
        Assert.Equal(free, appliance.Port);
    }

    [Fact]
    public async Task UnknownApplianceNamesAreAClearError()
    {
        await using var host = await Simulators.StartAsync(Wire.Fast, Simulators.Sensor());

        Assert.Same(host["eh1"], host["EH1"]);
        Assert.Throws<KeyNotFoundException>(() => host["missing"]);
    }
}
