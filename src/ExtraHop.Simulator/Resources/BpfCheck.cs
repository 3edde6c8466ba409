using System;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace ExtraHop.Simulator.Resources;

/// <summary>
/// A rough syntax check of a Berkeley packet filter, enough to refuse what tcpdump would: unknown words, a
/// qualifier without its value, unbalanced parentheses, a dangling "and"/"or". It does not filter anything.
/// </summary>
internal static class BpfCheck
{
    private static readonly string[] Primitives = { "tcp", "udp", "icmp", "icmp6", "ip", "ip6", "arp", "vlan", "ether", "broadcast", "multicast" };
    private static readonly string[] Directions = { "src", "dst" };
    private static readonly string[] NeedValue = { "host", "net", "port", "portrange", "less", "greater", "proto" };
    private static readonly string[] Joins = { "and", "or", "&&", "||" };

    /// <summary>Why the filter does not parse, or null when it does.</summary>
    public static string? Problem(string filter)
    {
        var tokens = Regex.Matches(filter, @"\(|\)|&&|\|\||!|[^\s()!]+").Select(m => m.Value.ToLowerInvariant()).ToArray();
        var depth = 0;
        var expectOperand = true;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token == "(")
            {
                depth++;
                continue;
            }

            if (token == ")")
            {
                if (--depth < 0 || expectOperand)
                {
                    return "syntax error near ')'";
                }

                continue;
            }

            if (Joins.Contains(token))
            {
                if (expectOperand)
                {
                    return $"syntax error near '{token}'";
                }

                expectOperand = true;
                continue;
            }

            if (token is "not" or "!" || Directions.Contains(token))
            {
                continue;
            }

            if (NeedValue.Contains(token))
            {
                if (i + 1 >= tokens.Length || !IsValue(tokens[i + 1]))
                {
                    return $"'{token}' needs a value";
                }

                i++;
            }
            else if (!Primitives.Contains(token))
            {
                return $"syntax error near '{token}'";
            }

            expectOperand = false;
        }

        return depth != 0 ? "unbalanced parentheses" : expectOperand && tokens.Length > 0 ? "the filter ends too early" : null;
    }

    private static bool IsValue(string token) =>
        IPAddress.TryParse(token.Split('/')[0], out _) || Regex.IsMatch(token, @"^\d+(-\d+)?$") || Regex.IsMatch(token, @"^[a-z][a-z0-9.-]*$") && !Joins.Contains(token) && token != "not";
}
