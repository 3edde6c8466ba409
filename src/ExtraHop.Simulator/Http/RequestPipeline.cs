using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Hosting;
using Microsoft.AspNetCore.Connections.Features;
using ExtraHop.Simulator.Recording;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExtraHop.Simulator.Http;

/// <summary>
/// Everything one appliance does with a request, in order: refuse it while rebooting, apply injected
/// request faults, read a small body, authenticate, route, check privilege, run the endpoint, and write
/// the request log entry. Errors always leave as JSON <c>error_message</c> bodies (except the booting page,
/// which is HTML on purpose: real appliances serve their web UI's page then).
/// </summary>
internal sealed class RequestPipeline
{
    private const int MaxTextBodyBytes = 64 * 1024;
    private const int MaxLoggedBodyBytes = 4 * 1024;
    private static readonly TimeSpan ClientLetGoTimeout = TimeSpan.FromSeconds(5);

    private const string BootingPage =
        "<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>\n"
        + "<body><h1>Service Unavailable</h1><p>The ExtraHop system is starting up. Try again in a few minutes.</p></body></html>\n";

    private readonly ApplianceRuntime _appliance;
    private readonly Router _router;

    public RequestPipeline(ApplianceRuntime appliance, Router router)
    {
        _appliance = appliance;
        _router = router;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var host = _appliance.Engine.Host;
        var sequence = host.Requests.Arrive();
        var arrived = host.Clock.WallNow;
        var request = http.Request;
        var outcome = new Outcome();
        try
        {
            await ServeAsync(http, outcome).ConfigureAwait(false);
        }
        catch (ApiErrorException e) when (!http.Response.HasStarted)
        {
            await ApiJson.WriteErrorAsync(http.Response, e.StatusCode, e.Message).ConfigureAwait(false);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-request; there is nobody to answer.
            outcome.Dropped = true;
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            await ApiJson.WriteErrorAsync(http.Response, 500, $"Internal simulator error: {e.Message}").ConfigureAwait(false);
        }
        finally
        {
            if (outcome.SilenceAnswer)
            {
                // The request was carried out; its answer went nowhere, and now the connection goes too.
                http.Abort();
                outcome.Dropped = true;
            }

            var status = outcome.Dropped ? 0 : http.Response.StatusCode;
            host.Requests.Complete(sequence, new RequestLogEntry(arrived, _appliance.Name, request.Method, request.Path + request.QueryString, status, outcome.LoggedBody));
        }
    }

    private async Task ServeAsync(HttpContext http, Outcome outcome)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "/";
        switch (_appliance.Engine.Facts().Phase)
        {
            case RebootPhase.Down:
                // The port is about to close (the driver is stopping the listener); reset rather than answer.
                http.Abort();
                outcome.Dropped = true;
                return;
            case RebootPhase.Booting:
                _appliance.Engine.CountBootingAnswer();
                http.Response.StatusCode = 503;
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(BootingPage, http.RequestAborted).ConfigureAwait(false);
                return;
        }

        if (_appliance.Engine.Faults.ResponseDelay is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted).ConfigureAwait(false);
        }

        if (_appliance.Engine.Faults.TakeAnswerFault(path) is { } answerFault
            && await ApplyAnswerFaultAsync(http, answerFault, outcome).ConfigureAwait(false))
        {
            return;
        }

        if (_appliance.Engine.Faults.TakeRequestFault(path) is { } fault)
        {
            await ApplyFaultAsync(http, fault, outcome).ConfigureAwait(false);
            return;
        }

        var match = _router.Match(request.Method, path);
        var bodyHandling = match.Route?.Body ?? BodyHandling.Text;
        var body = bodyHandling == BodyHandling.Stream ? null : await ReadTextBodyAsync(request).ConfigureAwait(false);
        if (bodyHandling is BodyHandling.Text or BodyHandling.RedactPasswords && body is not null && IsJson(request.ContentType) && Encoding.UTF8.GetByteCount(body) <= MaxLoggedBodyBytes)
        {
            outcome.LoggedBody = bodyHandling == BodyHandling.RedactPasswords ? BodyRedactor.WithoutPasswords(body) : body;
        }

        var caller = match.Route?.Access == Access.Public
            ? null
            : _appliance.Authenticator.Authenticate(request.Headers.Authorization, out var failure) ?? throw new ApiErrorException(401, failure);

        if (match.Route is not { } route)
        {
            if (match.PathExists)
            {
                http.Response.Headers.Allow = _router.AllowedMethods(path);
                throw new ApiErrorException(405, $"Method {request.Method} is not allowed on {path}");
            }

            throw new ApiErrorException(404, $"The requested resource was not found: {path}");
        }

        if (AccessRules.Refusal(route.Access, caller) is { } refusal)
        {
            throw new ApiErrorException(403, refusal);
        }

        await route.Handler(new ApiContext(http, _appliance, caller, match.Values, body)).ConfigureAwait(false);
    }

    private async Task ApplyFaultAsync(HttpContext http, RequestFault fault, Outcome outcome)
    {
        if (fault.IsHang)
        {
            // Accept and stay silent until the client gives up or the simulator stops.
            using var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _appliance.Engine.Host.Background.Stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Whoever gave up, the connection is dropped without an answer.
            }

            http.Abort();
            outcome.Dropped = true;
            return;
        }

        if (fault.StatusCode == 429)
        {
            http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await ApiJson.WriteErrorAsync(http.Response, 429, $"Too many requests; retry after {fault.RetryAfterSeconds} seconds").ConfigureAwait(false);
            return;
        }

        await ApiJson.WriteErrorAsync(http.Response, fault.StatusCode, $"Simulated failure (HTTP {fault.StatusCode})").ConfigureAwait(false);
    }

    /// <summary>Applies an answer fault; true when it answered (or dropped) the request, false when the request goes on.</summary>
    private static async Task<bool> ApplyAnswerFaultAsync(HttpContext http, AnswerFault fault, Outcome outcome)
    {
        switch (fault.Kind)
        {
            case AnswerFaultKind.DropRequest:
                // Take the whole request, so the client has certainly sent it, then vanish.
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted).ConfigureAwait(false);
                await CloseWithoutAnswerAsync(http).ConfigureAwait(false);
                outcome.Dropped = true;
                return true;
            case AnswerFaultKind.DropAnswer:
                http.Response.Body = Stream.Null;
                outcome.SilenceAnswer = true;
                return false;
            case AnswerFaultKind.Unavailable:
                http.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await ApiJson.WriteErrorAsync(http.Response, fault.StatusCode, $"Service unavailable; retry after {fault.RetryAfterSeconds} seconds").ConfigureAwait(false);
                return true;
            default:
                http.Response.StatusCode = fault.StatusCode;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(fault.Text, http.RequestAborted).ConfigureAwait(false);
                return true;
        }
    }

    /// <summary>
    /// Closes the connection the way a server ends an idle kept-alive connection: an orderly end of stream (FIN),
    /// not a reset, which is what .NET's handler takes as "the server closed it before reading my request" and
    /// resends. Then waits for the client to let go, so the reset of the final abort cannot overtake the FIN.
    /// </summary>
    private static async Task CloseWithoutAnswerAsync(HttpContext http)
    {
        var socket = http.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket is not null)
        {
            socket.Shutdown(SocketShutdown.Send);
            try
            {
                await Task.Delay(ClientLetGoTimeout, http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client closed its side: the FIN has been read.
            }
        }

        http.Abort();
    }

    private static async Task<string?> ReadTextBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxTextBodyBytes)
        {
            throw new ApiErrorException(413, $"Request bodies are limited to {MaxTextBodyBytes} bytes here");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxTextBodyBytes)
            {
                throw new ApiErrorException(413, $"Request bodies are limited to {MaxTextBodyBytes} bytes here");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>What the log needs to know about how a request ended.</summary>
    private sealed class Outcome
    {
        public string? LoggedBody { get; set; }

        public bool Dropped { get; set; }

        /// <summary>The request is carried out, but its connection is closed before the answer leaves.</summary>
        public bool SilenceAnswer { get; set; }
    }
}
