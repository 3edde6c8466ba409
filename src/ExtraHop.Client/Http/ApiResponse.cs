using System.Collections.Generic;
using System.Net;

namespace ExtraHop.Http
{
    /// <summary>A successful (2xx) answer: its status, the Location header (jobs and created objects), and the body text.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(HttpStatusCode statusCode, string? location, string body, string? contentType = null)
        {
            StatusCode = statusCode;
            Location = location;
            Body = body;
            ContentType = contentType;
        }

        public HttpStatusCode StatusCode { get; }
        public string? Location { get; }
        public string Body { get; }
        /// <summary>The media type of the body (application/json...), when the appliance named one.</summary>
        public string? ContentType { get; }

        /// <summary>The answer's headers (content headers too), kept only for downloads, whose body is not here to say more.</summary>
        public IReadOnlyDictionary<string, string>? Headers { get; set; }

        public T Read<T>() where T : new() => Json.JsonModelReader.Read<T>(Body);
    }
}
