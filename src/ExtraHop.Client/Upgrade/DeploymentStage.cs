using ExtraHop.Models;

namespace ExtraHop.Upgrade
{
    /// <summary>The documented upgrade order of a mixed deployment.</summary>
    internal enum DeploymentStage
    {
        Consoles = 1,
        Sensors = 2,
        RecordstoreManagers = 3,
        RecordstoreDataNodes = 4,
        Packetstores = 5,
    }

    internal static class DeploymentStages
    {
        public static DeploymentStage? Of(ApplianceRole role, RecordstoreNodeKind nodeKind)
        {
            switch (role)
            {
                case ApplianceRole.Console: return DeploymentStage.Consoles;
                case ApplianceRole.Sensor: return DeploymentStage.Sensors;
                case ApplianceRole.Recordstore:
                    if (nodeKind == RecordstoreNodeKind.Manager) return DeploymentStage.RecordstoreManagers;
                    if (nodeKind == RecordstoreNodeKind.Data) return DeploymentStage.RecordstoreDataNodes;
                    return null;
                case ApplianceRole.Packetstore: return DeploymentStage.Packetstores;
                default: return null;
            }
        }

        public static string Name(DeploymentStage stage)
        {
            switch (stage)
            {
                case DeploymentStage.Consoles: return "Consoles";
                case DeploymentStage.Sensors: return "Sensors";
                case DeploymentStage.RecordstoreManagers: return "Recordstore managers";
                case DeploymentStage.RecordstoreDataNodes: return "Recordstore data nodes";
                default: return "Packetstores";
            }
        }

        public static bool IsRecordstore(DeploymentStage stage) =>
            stage == DeploymentStage.RecordstoreManagers || stage == DeploymentStage.RecordstoreDataNodes;
    }
}
