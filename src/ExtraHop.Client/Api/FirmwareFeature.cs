using System.Net;
using ExtraHop.Models;
using ExtraHop.Upgrade;

namespace ExtraHop.Api
{
    /// <summary>
    /// An operation that only later firmware serves, and the first version whose REST API guide lists it. An appliance
    /// that predates it answers 404 (or 405 where the path exists for another method), which on its own reads as "no such user" or "no such object"; when the session's
    /// firmware is older than the feature, that 404 becomes a NotSupportedByFirmware failure naming the version
    /// needed. A newer appliance's 404 stays what it is. Nothing is refused up front: the guides cover 9.0 and 9.9 only,
    /// so a release in between may already have the operation.
    /// </summary>
    internal sealed class FirmwareFeature
    {
        /// <summary>GET and DELETE /users/{username}/lock: in the 9.9 guide, not in 9.0's.</summary>
        public static readonly FirmwareFeature UserLocks = new FirmwareFeature("Locked accounts (GET and DELETE /users/{username}/lock)", "9.9");

        /// <summary>POST /appliances/{id}/cloudservices: in the 9.9 guide; 9.0 offers only the GET, so the POST meets 405.</summary>
        public static readonly FirmwareFeature CloudServiceChanges = new FirmwareFeature("Changing cloud services (POST /appliances/{id}/cloudservices)", "9.9");

        /// <summary>GET and POST /appliances/{ids_id}/association: in the 9.9 guide, not in 9.0's.</summary>
        public static readonly FirmwareFeature IdsAssociations = new FirmwareFeature("IDS sensor associations (GET and POST /appliances/{ids_id}/association)", "9.9");

        /// <summary>POST /supportpacks (upload a pack and run it): in the 9.9 guide, not in 9.0's.</summary>
        public static readonly FirmwareFeature SupportPackUpload = new FirmwareFeature("Uploading and running a support pack (POST /supportpacks)", "9.9");

        /// <summary>GET|POST /packets/search: named by the 9.9 guide; 9.0's names GET /packetcaptures/{id} instead.</summary>
        public static readonly FirmwareFeature PacketSearch = new FirmwareFeature("Packet search and download (GET|POST /packets/search)", "9.9");

        private FirmwareFeature(string name, string firstVersion)
        {
            Name = name;
            FirstVersion = firstVersion;
        }

        public string Name { get; }
        public string FirstVersion { get; }

        /// <summary>
        /// Refuses, before anything is sent, an appliance whose firmware is covered by the 9.0 guide (9.0.x or older),
        /// which lacks the operation; releases between 9.0 and <see cref="FirstVersion"/> are asked, and their 404
        /// is explained by <see cref="Explain"/>. An unknown version is asked too.
        /// </summary>
        public void RefuseOnGuideThatLacksIt(ExtraHopSession session, string method, string path)
        {
            if (!(FirmwareVersion.Compare(session.Version, "9.1") < 0)) return;
            throw new ExtraHopApiException(
                ApiFailureKind.NotSupportedByFirmware,
                $"{Name} came with firmware {FirstVersion}; {session.Server} runs {session.Version}, whose REST API does not offer it. Nothing was sent. Upgrade it to {FirstVersion} or later, or use its Administration settings.",
                session.Server, method, path) { Delivery = RequestDelivery.NotSent };
        }

        /// <summary>The failure to report for <paramref name="failure"/>: a firmware explanation for a 404 from older firmware, else the failure itself.</summary>
        public ExtraHopApiException Explain(ExtraHopSession session, ExtraHopApiException failure)
        {
            // 405: the path exists on older firmware for another method (GET cloudservices), just not for this one.
            bool absent = failure.StatusCode == HttpStatusCode.NotFound || failure.StatusCode == HttpStatusCode.MethodNotAllowed;
            if (!absent || !(FirmwareVersion.Compare(session.Version, FirstVersion) < 0)) return failure;
            return new ExtraHopApiException(
                ApiFailureKind.NotSupportedByFirmware,
                $"{Name} came with firmware {FirstVersion}; {session.Server} runs {session.Version}, whose REST API does not offer them. Upgrade it to {FirstVersion} or later, or use its Administration settings.",
                failure.Server, failure.Method, failure.Path, failure.StatusCode, failure.ApplianceMessage, failure);
        }
    }
}
