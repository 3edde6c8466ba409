using System;
using System.Collections.Generic;
using System.Net.Http;

namespace ExtraHop.Http
{
    /// <summary>
    /// What may go into a request header. .NET writes a value added without validation to the wire as it is, so a
    /// line break in a pasted API key would start a header of the attacker's choosing, and a non-ASCII character
    /// makes the handler fail in a way that looks like a network error. Credentials are checked when a session is
    /// made (naming the parameter), and every header of every message again right before it is sent.
    /// Messages never quote the offending text: it is part of a secret.
    /// </summary>
    internal static class HeaderText
    {
        /// <summary>A value that goes into a header as it is (an API key, a bearer token): printable ASCII only.</summary>
        public static void RequireSendable(string value, string what, string parameterName)
        {
            string? problem = SendableProblem(value);
            if (problem != null) throw new ArgumentException($"{what} {problem}.", parameterName);
        }

        /// <summary>A credential that is encoded before it is sent (client ID and secret, proxy credentials): no control characters.</summary>
        public static void RequireNoControlCharacters(string value, string what, string parameterName)
        {
            if (HasControlCharacter(value)) throw new ArgumentException($"{what} {ControlCharacterProblem}.", parameterName);
        }

        public static bool IsSendable(string value) => SendableProblem(value) == null;

        /// <summary>The last check before a message leaves: every header value, whoever set it.</summary>
        public static void Check(HttpRequestMessage message)
        {
            CheckAll(message.Headers, message);
            if (message.Content != null) CheckAll(message.Content.Headers, message);
        }

        private const string ControlCharacterProblem =
            "contains a line break or another control character, which cannot be sent in a request header; check for a line break pasted with it";

        private static void CheckAll(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, HttpRequestMessage message)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
            {
                foreach (string value in header.Value)
                {
                    string? problem = SendableProblem(value);
                    if (problem != null)
                    {
                        throw new ArgumentException($"The {header.Key} header of {message.Method} {message.RequestUri?.AbsolutePath} {problem}; the request was not sent.");
                    }
                }
            }
        }

        private static string? SendableProblem(string value)
        {
            if (HasControlCharacter(value)) return ControlCharacterProblem;
            foreach (char c in value)
            {
                if (c > '\u007e')
                {
                    return "contains a character outside ASCII, which cannot be sent in a request header; check for a non-breaking space or a typographic quote pasted with it";
                }
            }
            return null;
        }

        private static bool HasControlCharacter(string value)
        {
            foreach (char c in value)
            {
                if (char.IsControl(c)) return true;
            }
            return false;
        }
    }
}
