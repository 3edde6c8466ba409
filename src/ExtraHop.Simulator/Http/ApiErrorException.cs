using System;

namespace ExtraHop.Simulator.Http;

/// <summary>Ends a request with an error status and an <c>error_message</c> body, from anywhere in its handling.</summary>
internal sealed class ApiErrorException : Exception
{
    public ApiErrorException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}
