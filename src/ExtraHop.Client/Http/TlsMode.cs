namespace ExtraHop
{
    /// <summary>How a session decides to trust the appliance's certificate.</summary>
    public enum TlsMode
    {
        /// <summary>The operating system's trust store and host-name check decide.</summary>
        Validated,
        /// <summary>Only a certificate with the pinned SHA-256 fingerprint is accepted.</summary>
        Pinned,
        /// <summary>Any certificate is accepted (the user asked for it with -SkipCertificateCheck).</summary>
        Skipped,
    }
}
