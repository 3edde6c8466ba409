namespace ExtraHop
{
    /// <summary>Why a call to an appliance failed, independent of the HTTP status.</summary>
    public enum ApiFailureKind
    {
        /// <summary>The appliance answered with an error status.</summary>
        HttpStatus,
        /// <summary>No connection: refused, reset, DNS failure, or the network is unreachable.</summary>
        ConnectionFailed,
        /// <summary>The appliance's certificate was not trusted (or did not match the pinned fingerprint).</summary>
        CertificateUntrusted,
        /// <summary>The request did not finish within the session's timeout.</summary>
        Timeout,
        /// <summary>The appliance redirected from https to http; credentials are never sent that way.</summary>
        InsecureRedirect,
        /// <summary>The appliance answered, but not with what the API promises (for example HTML instead of JSON).</summary>
        InvalidResponse,
        /// <summary>The operation came with a later firmware than the appliance runs (it answered 404 for it).</summary>
        NotSupportedByFirmware,
    }
}
