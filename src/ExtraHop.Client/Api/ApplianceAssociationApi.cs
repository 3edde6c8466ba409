using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/appliances/{ids_id}/association: the packet sensor an IDS sensor is joined to (consoles, firmware 9.9 and later).</summary>
    internal static class ApplianceAssociationApi
    {
        public static async Task<ExtraHopApplianceAssociation> GetAsync(ExtraHopSession session, long idsId, CancellationToken cancellationToken)
        {
            ConsoleOnly.Association.Require(session);
            string path = ApplianceApi.AppliancePath(idsId, "IdsSensorId") + "/association";
            try
            {
                ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
                ExtraHopApplianceAssociation association = ResponseReader.ReadModel<ExtraHopApplianceAssociation>(session.Connection, response, path).From(session);
                association.IdsSensorId = idsId;
                return association;
            }
            catch (ExtraHopApiException ex)
            {
                throw FirmwareFeature.IdsAssociations.Explain(session, ex);
            }
        }

        /// <summary>
        /// Checks that the id is an IDS sensor and the packet sensor a sensor that is no IDS sensor, both connected to
        /// this console, and returns the IDS sensor; a refusal throws before anything changes.
        /// </summary>
        public static async Task<ExtraHopAppliance> CheckAsync(ExtraHopSession session, long idsId, long packetSensorId, CancellationToken cancellationToken)
        {
            ConsoleOnly.Association.Require(session);
            ApplianceApi.RefuseLocal(idsId, "join");
            ExtraHopAppliance ids = await ApplianceApi.GetAsync(session, idsId, cancellationToken).ConfigureAwait(false);
            if (!ids.IsIdsSensor)
            {
                throw new ApplianceRefusedException(ApplianceRefusal.NotIdsSensor, $"Appliance {idsId} ({ids.Name}, platform '{ids.Platform}') on {session.Server} is not an IDS sensor; only IDS sensors are joined to packet sensors. Nothing was changed.");
            }
            ExtraHopAppliance sensor = await ApplianceApi.GetAsync(session, packetSensorId, cancellationToken).ConfigureAwait(false);
            if (sensor.IsIdsSensor || sensor.Role != ApplianceRole.Sensor)
            {
                throw new ApplianceRefusedException(ApplianceRefusal.NotIdsSensor, $"Appliance {packetSensorId} ({sensor.Name}, platform '{sensor.Platform}') on {session.Server} is not a packet sensor; an IDS sensor joins a packet sensor. Nothing was changed.");
            }
            return ids;
        }

        /// <summary>POST {"associated_sensor_id": id} (204). Joining again to the same sensor changes nothing, yet it is a POST: never retried.</summary>
        public static async Task SetAsync(ExtraHopSession session, long idsId, long packetSensorId, CancellationToken cancellationToken)
        {
            ConsoleOnly.Association.Require(session);
            string path = ApplianceApi.AppliancePath(idsId, "IdsSensorId") + "/association";
            try
            {
                var post = ApiRequest.Post(path, new Dictionary<string, object> { ["associated_sensor_id"] = packetSensorId });
                post.SafeToRetry = false;
                await session.Connection.SendAsync(post, cancellationToken).ConfigureAwait(false);
            }
            catch (ExtraHopApiException ex)
            {
                throw FirmwareFeature.IdsAssociations.Explain(session, ex);
            }
        }
    }
}
