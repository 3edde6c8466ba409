using System;

namespace ExtraHop.Simulator;

/// <summary>One request an appliance received. Credentials are never recorded.</summary>
/// <param name="Time">When the request arrived.</param>
/// <param name="Appliance">The appliance's name.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path including the query string.</param>
/// <param name="StatusCode">The status answered; 0 when the connection was dropped without an answer.</param>
/// <param name="Body">The request body when it was JSON and at most 4 KiB, else null.</param>
public sealed record RequestLogEntry(DateTimeOffset Time, string Appliance, string Method, string Path, int StatusCode, string? Body);
