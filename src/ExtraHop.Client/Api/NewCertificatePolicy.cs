using System;

namespace ExtraHop.Api
{
    /// <summary>
    /// -AcceptNewCertificate: whether a job wait may re-pin its session when the appliance comes back from its
    /// restart with another certificate (never at the first request: only after the appliance was seen restarting),
    /// and where the warning that says so goes.
    /// </summary>
    internal sealed class NewCertificatePolicy
    {
        public NewCertificatePolicy(bool accept, Action<string>? warn)
        {
            Accept = accept;
            Warn = warn;
        }

        public bool Accept { get; }
        public Action<string>? Warn { get; }
    }
}
