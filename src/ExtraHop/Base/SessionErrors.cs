using System;
using System.Management.Automation;
using ExtraHop.Models;

namespace ExtraHop.Base
{
    /// <summary>The errors of naming no appliance, or one that is gone: each stops the command before it sends anything.</summary>
    internal static class SessionErrors
    {
        public static ErrorRecord NoSession(string what)
        {
            string message = what + " Only an omitted -Session means the default session, so nothing was done. A step before this one may have failed: a Connect-ExtraHop that returned nothing, or a Get-EHSession filter that matched no session.";
            return new ErrorRecord(new ArgumentException(message), ErrorIds.NoSession, ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Pass the sessions to act on (Get-EHSession lists them), or leave -Session out to use the default session.",
                },
            };
        }

        public static ErrorRecord NoDefaultSession()
        {
            const string message = "No ExtraHop session: connect with Connect-ExtraHop, or pass -Session.";
            return new ErrorRecord(new InvalidOperationException(message), ErrorIds.NoDefaultSession, ErrorCategory.ConnectionError, null)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Connect-ExtraHop -Server <appliance> -ApiKey (Read-Host -AsSecureString)",
                },
            };
        }

        public static ErrorRecord Closed(ExtraHopSession session) =>
            new ErrorRecord(
                new InvalidOperationException($"The session to {session.Server} was disconnected. Connect again with Connect-ExtraHop -Server {session.Server}."),
                ErrorIds.SessionClosed, ErrorCategory.InvalidOperation, session);
    }
}
