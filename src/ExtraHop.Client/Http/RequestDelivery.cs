namespace ExtraHop
{
    /// <summary>How far a failed request got: whether the appliance may have acted on it.</summary>
    public enum RequestDelivery
    {
        /// <summary>
        /// The request never reached the appliance: the connection was refused, the name did not resolve, TLS was
        /// refused, or the access token it needed could not be had. Nothing was done; sending it again is safe.
        /// </summary>
        NotSent,
        /// <summary>
        /// The request was sent, or may have been, and no answer came: the connection dropped or the time ran out.
        /// The appliance may have acted on it.
        /// </summary>
        Unanswered,
        /// <summary>The appliance answered (with an error status, a redirect, or something the API does not promise).</summary>
        Answered,
    }
}
