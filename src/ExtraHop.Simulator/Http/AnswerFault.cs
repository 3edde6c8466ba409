namespace ExtraHop.Simulator.Http;

/// <summary>How an answer fault treats the request it takes.</summary>
internal enum AnswerFaultKind
{
    DropRequest,
    DropAnswer,
    Unavailable,
    TextError,
}

/// <summary>One taken answer fault: what to do, and the status, Retry-After and text it answers with.</summary>
internal sealed record AnswerFault(AnswerFaultKind Kind, int StatusCode, int RetryAfterSeconds, string Text);
