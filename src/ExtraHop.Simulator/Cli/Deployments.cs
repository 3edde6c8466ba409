using System.Linq;

namespace ExtraHop.Simulator.Cli;

/// <summary>The appliance sets the command line can start.</summary>
internal static class Deployments
{
    public static SimulatorOptions Build(CommandLine command)
    {
        var options = new SimulatorOptions { TimeScale = command.TimeScale };
        var appliances = command.Deployment ? Mixed() : Sensors(command.ApplianceCount);
        foreach (var (appliance, index) in appliances.Select((a, i) => (a, i)))
        {
            if (command.Version is not null)
            {
                appliance.Version = command.Version;
            }

            if (command.BasePort > 0)
            {
                appliance.Port = command.BasePort + index;
            }

            options.Appliances.Add(appliance);
        }

        return options;
    }

    private static ApplianceOptions[] Sensors(int count) =>
        Enumerable.Range(1, count).Select(i => new ApplianceOptions { Name = $"eh{i}", Role = ApplianceRole.Sensor }).ToArray();

    /// <summary>One of every role, with a three-node recordstore cluster: enough to practise the documented upgrade order.</summary>
    private static ApplianceOptions[] Mixed() => new[]
    {
        new ApplianceOptions { Name = "console1", Role = ApplianceRole.Console },
        new ApplianceOptions { Name = "sensor1", Role = ApplianceRole.Sensor },
        new ApplianceOptions { Name = "sensor2", Role = ApplianceRole.Sensor },
        Recordstore("rs1", RecordstoreNodeKind.Manager),
        Recordstore("rs2", RecordstoreNodeKind.Data),
        Recordstore("rs3", RecordstoreNodeKind.Data),
        new ApplianceOptions { Name = "ps1", Role = ApplianceRole.Packetstore },
    };

    private static ApplianceOptions Recordstore(string name, RecordstoreNodeKind kind) =>
        new() { Name = name, Role = ApplianceRole.Recordstore, ClusterName = "rsc1", NodeKind = kind };
}
