using System.Collections.Generic;
using System.Security;
using ExtraHop.Auth;

namespace ExtraHop.Api
{
    /// <summary>
    /// What POST /appliances takes to connect a remote appliance. The secret that proves the right to connect is a
    /// pairing token or the remote appliance's setup password; it is held as a SecureString and revealed only into
    /// the request body, never into a message or the verbose trace.
    /// </summary>
    internal sealed class NewApplianceRequest
    {
        public NewApplianceRequest(string host, string remoteApplianceType)
        {
            Host = host;
            RemoteApplianceType = remoteApplianceType;
        }

        public string Host { get; }
        /// <summary>The API's word for the remote role: command, discover, explore or trace.</summary>
        public string RemoteApplianceType { get; }
        public bool DataAccess { get; set; }
        public string? Fingerprint { get; set; }
        public string? LocalNickname { get; set; }
        public string? RemoteNickname { get; set; }
        public bool? ManagedByLocal { get; set; }
        public bool? ManagesLocal { get; set; }
        public bool ResetConfiguration { get; set; }
        public SecureString? PairingToken { get; set; }
        public SecureString? SetupPassword { get; set; }

        public Dictionary<string, object> ToWire()
        {
            var body = new Dictionary<string, object>
            {
                ["host"] = Host,
                ["remote_appliance_type"] = RemoteApplianceType,
                ["data_access"] = DataAccess,
            };
            if (Fingerprint != null) body["fingerprint"] = Fingerprint;
            if (LocalNickname != null) body["local_nickname_for_remote"] = LocalNickname;
            if (RemoteNickname != null) body["remote_nickname_for_local"] = RemoteNickname;
            if (ManagedByLocal.HasValue) body["managed_by_local"] = ManagedByLocal.Value;
            if (ManagesLocal.HasValue) body["manages_local"] = ManagesLocal.Value;
            if (ResetConfiguration) body["reset_configuration"] = true;
            if (PairingToken != null) body["remote_pairing_token"] = SecretText.Reveal(PairingToken);
            if (SetupPassword != null) body["remote_setup_password"] = SecretText.Reveal(SetupPassword);
            return body;
        }
    }
}
