using System.Security;

namespace ExtraHop.Benchmarks;

/// <summary>One fleet member as the connecting script sees it: its server and its API key as a SecureString.</summary>
public sealed record FleetMember(string Server, SecureString Key);
