using System;
using System.Management.Automation;
using System.Security;

namespace ExtraHop.Arguments
{
    /// <summary>
    /// Password parameters take a SecureString or a PSCredential (whose password is used), so they come straight from
    /// Read-Host -AsSecureString, Get-Credential or Get-Secret. A plain string is refused with its own ErrorId: typed
    /// into a command line it lands in the history, the transcript and the process's memory. The parameters are typed
    /// object so that this refusal is the module's own error, not a parameter-binding one.
    /// </summary>
    internal static class PasswordArgument
    {
        public static SecureString Read(object? value, string parameter)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case SecureString secure when secure.Length > 0:
                    return secure;
                case PSCredential credential when credential.Password != null && credential.Password.Length > 0:
                    return credential.Password;
                case SecureString _:
                case PSCredential _:
                    throw new ArgumentException($"The {parameter} is empty.");
                case string _:
                    throw new PlainTextPasswordException(
                        $"-{parameter} takes a SecureString or a PSCredential, not a plain string, which would stay in the command history and transcripts. " +
                        $"Use (Read-Host -AsSecureString), (Get-Credential) or (Get-Secret <name>).");
                default:
                    throw new ArgumentException($"-{parameter} takes a SecureString or a PSCredential, not {(value == null ? "nothing" : (value is PSObject p ? p.BaseObject : value).GetType().Name)}.");
            }
        }
    }

    /// <summary>A password given as a plain string; refused before anything was sent.</summary>
    public sealed class PlainTextPasswordException : ArgumentException
    {
        public PlainTextPasswordException(string message)
            : base(message)
        {
        }
    }
}
