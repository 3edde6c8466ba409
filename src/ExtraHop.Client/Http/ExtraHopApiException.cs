using System;
using System.Net;

namespace ExtraHop
{
    /// <summary>
    /// The one exception the client throws for a failed call: what was asked (method, path, server),
    /// what came back (status, the appliance's own error_message) and why (<see cref="Kind"/>).
    /// Never carries a credential: the request's headers are not part of it.
    /// </summary>
    public sealed class ExtraHopApiException : Exception
    {
        internal ExtraHopApiException(
            ApiFailureKind kind,
            string message,
            string server,
            string method,
            string path,
            HttpStatusCode? statusCode = null,
            string? applianceMessage = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            Server = server;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            ApplianceMessage = applianceMessage;
            Delivery = kind == ApiFailureKind.ConnectionFailed || kind == ApiFailureKind.Timeout ? RequestDelivery.Unanswered
                : kind == ApiFailureKind.CertificateUntrusted ? RequestDelivery.NotSent
                : RequestDelivery.Answered;
        }

        /// <summary>What went wrong, how many attempts were made, and what became of the request.</summary>
        public override string Message
        {
            get
            {
                string text = base.Message;
                if (Attempts > 1) text = Sentence(text) + $" Tried {Attempts} times.";
                return Afterword == null ? text : Sentence(text) + " " + Afterword;
            }
        }

        public ApiFailureKind Kind { get; }
        public string Server { get; }
        public string Method { get; }
        /// <summary>The path below /api/v1, with its query string.</summary>
        public string Path { get; }
        public HttpStatusCode? StatusCode { get; }
        /// <summary>The appliance's error_message (or OAuth error), when it sent one.</summary>
        public string? ApplianceMessage { get; }
        /// <summary>The SHA-256 fingerprint of a certificate that was refused, so the user can decide to pin it.</summary>
        public string? CertificateSha256 { get; internal set; }

        /// <summary>
        /// Whether the appliance may have acted on the request: <see cref="RequestDelivery.Unanswered"/> means it was
        /// (or may have been) sent and no answer came, so check the appliance before making a change again.
        /// </summary>
        public RequestDelivery Delivery { get; internal set; }

        /// <summary>How many times the request was sent (or tried) before this failure was reported.</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>What the client did about the failure, when the caller should know (for example that it did not resend).</summary>
        internal string? Afterword { get; set; }

        /// <summary>How long the appliance asked us to wait (Retry-After), when it did.</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>True for failures that may pass if the same call is made again later (reboots, overload).</summary>
        public bool IsTransient =>
            Kind == ApiFailureKind.ConnectionFailed
            || (Kind == ApiFailureKind.HttpStatus && StatusCode.HasValue && RetryPolicy.IsTransientStatus((int)StatusCode.Value));

        private static string Sentence(string text)
        {
            text = text.TrimEnd();
            return text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
        }
    }
}
