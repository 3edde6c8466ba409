using System;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator;

/// <summary>Faults in how the appliance answers: silence after a request, "come back later", and plain-text errors.</summary>
public sealed partial class ApplianceFaults
{
    private RequestFault? _dropRequests;
    private RequestFault? _dropAnswers;
    private RequestFault? _unavailable;
    private RequestFault? _textErrors;
    private string _textError = string.Empty;

    /// <summary>
    /// The next <paramref name="count"/> matching requests are read in full, then their connection is closed
    /// without an answer, before the appliance acts on them. On a kept-alive connection this is what a server
    /// closing an idle connection looks like, which .NET's handler would resend on its own unless told not to.
    /// </summary>
    public void DropRequests(int count, string? pathPrefix = null)
    {
        var fault = new RequestFault(NotNegative(count), 0, 0, pathPrefix);
        Write(() => _dropRequests = fault);
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests are carried out, then their connection is closed before
    /// the answer leaves: the request took effect, and the client cannot know it did.
    /// </summary>
    public void DropAnswers(int count, string? pathPrefix = null)
    {
        var fault = new RequestFault(NotNegative(count), 0, 0, pathPrefix);
        Write(() => _dropAnswers = fault);
    }

    /// <summary>The next <paramref name="count"/> matching requests get 503 with a <c>Retry-After</c> header, and nothing happens.</summary>
    public void Unavailable(int count, int retryAfterSeconds, string? pathPrefix = null)
    {
        var fault = new RequestFault(NotNegative(count), 503, NotNegative(retryAfterSeconds), pathPrefix);
        Write(() => _unavailable = fault);
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests answer <paramref name="statusCode"/> with
    /// <paramref name="text"/> as a <c>text/plain</c> body, as proxies and RevealX 360's gateway do.
    /// </summary>
    public void FailRequestsWithText(int count, int statusCode, string text, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fault = new RequestFault(NotNegative(count), ErrorStatus(statusCode), 0, pathPrefix);
        Write(() =>
        {
            _textErrors = fault;
            _textError = text;
        });
    }

    /// <summary>Takes the answer fault that applies to this path, if any.</summary>
    internal AnswerFault? TakeAnswerFault(string path)
    {
        lock (_lock)
        {
            if (Take(ref _dropRequests, path) is not null)
            {
                return new AnswerFault(AnswerFaultKind.DropRequest, 0, 0, string.Empty);
            }

            if (Take(ref _dropAnswers, path) is not null)
            {
                return new AnswerFault(AnswerFaultKind.DropAnswer, 0, 0, string.Empty);
            }

            if (Take(ref _unavailable, path) is { } unavailable)
            {
                return new AnswerFault(AnswerFaultKind.Unavailable, 503, unavailable.RetryAfterSeconds, string.Empty);
            }

            return Take(ref _textErrors, path) is { } text
                ? new AnswerFault(AnswerFaultKind.TextError, text.StatusCode, 0, _textError)
                : null;
        }
    }
}
