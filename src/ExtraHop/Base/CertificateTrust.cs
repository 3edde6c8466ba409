using ExtraHop.Models;
using ExtraHop.Sessions;

namespace ExtraHop.Base
{
    /// <summary>
    /// Moves the pin of a replaced certificate to its successor for every session of the runspace that reaches the same
    /// appliance with the old pin (a script may hold several), so none of them breaks when the appliance changes it.
    /// </summary>
    internal static class CertificateTrust
    {
        /// <summary>Pins <paramref name="changed"/> and the runspace's other sessions to that appliance that pinned <paramref name="oldSha256"/>.</summary>
        /// <returns>The number of sessions that now pin <paramref name="newSha256"/>.</returns>
        public static int Repin(ExtraHopSession changed, string? oldSha256, string newSha256)
        {
            int moved = 0;
            foreach (ExtraHopSession session in SessionRegistry.Current.All)
            {
                if (ReferenceEquals(session, changed) || !session.IsConnected || session.BaseUri != changed.BaseUri) continue;
                if (session.TlsMode != TlsMode.Pinned || session.CertificateSha256 != oldSha256) continue;
                session.TrustOnly(newSha256);
                moved++;
            }
            if (changed.CertificateSha256 != newSha256) changed.TrustOnly(newSha256);
            return moved + 1;
        }
    }
}
