using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>
    /// A host whose user answers confirmation prompts from a queue (and records every prompt), so -Confirm and
    /// ConfirmImpact High can be tested. With no queued answer, a prompt fails the way a non-interactive host does.
    /// </summary>
    public sealed class TestHost : PSHost
    {
        private readonly Guid id = Guid.NewGuid();
        private readonly TestHostUI ui = new TestHostUI();

        public TestHostUI TestUI => ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId => id;
        public override string Name => "ExtraHopTestHost";
        public override PSHostUserInterface UI => ui;
        public override Version Version => new Version(1, 0);
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class TestHostUI : PSHostUserInterface
    {
        /// <summary>Answers for PromptForChoice: the label of the choice to take, e.g. "&amp;Yes" or "Yes" or "No".</summary>
        public ConcurrentQueue<string> Answers { get; } = new ConcurrentQueue<string>();

        /// <summary>Every prompt shown: caption and message.</summary>
        public ConcurrentQueue<string> Prompts { get; } = new ConcurrentQueue<string>();

        public ConcurrentQueue<string> Written { get; } = new ConcurrentQueue<string>();

        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Enqueue(caption + ": " + message);
            if (!Answers.TryDequeue(out string? answer)) throw new PSInvalidOperationException("No answer queued for the prompt: " + message);
            for (int i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i].Label.Replace("&", string.Empty), answer.Replace("&", string.Empty), StringComparison.OrdinalIgnoreCase)) return i;
            }
            throw new PSInvalidOperationException($"No choice '{answer}' among {string.Join(", ", choices.ConvertAll(c => c.Label))}");
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new PSInvalidOperationException("The test host does not prompt for values: " + message);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new PSInvalidOperationException("The test host does not prompt for credentials.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new PSInvalidOperationException("The test host does not prompt for credentials.");

        public override string ReadLine() => throw new PSInvalidOperationException("The test host does not read input.");
        public override SecureString ReadLineAsSecureString() => throw new PSInvalidOperationException("The test host does not read input.");
        public override void Write(string value) => Written.Enqueue(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Written.Enqueue(value);
        public override void WriteLine(string value) => Written.Enqueue(value);
        public override void WriteErrorLine(string value) => Written.Enqueue(value);
        public override void WriteDebugLine(string message) => Written.Enqueue(message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) => Written.Enqueue(message);
        public override void WriteWarningLine(string message) => Written.Enqueue(message);
    }

    internal static class CollectionExtensions
    {
        public static List<TOut> ConvertAll<TIn, TOut>(this Collection<TIn> items, Func<TIn, TOut> convert)
        {
            var list = new List<TOut>(items.Count);
            foreach (TIn item in items) list.Add(convert(item));
            return list;
        }
    }
}
