using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace HelpBuilderTests
{
    /// <summary>
    /// A minimal PowerShell host that records what Out-Host writes, so a test can read Get-Help's text the way a
    /// user sees it in a console. Its buffer is very wide so that lines are not wrapped in the middle of a phrase.
    /// </summary>
    internal sealed class CapturingHost : PSHost
    {
        private readonly CapturingUserInterface _ui = new CapturingUserInterface();

        public override CultureInfo CurrentCulture { get; } = new CultureInfo("en-US");

        public override CultureInfo CurrentUICulture { get; } = new CultureInfo("en-US");

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override string Name => "HelpBuilderTestsHost";

        public override PSHostUserInterface UI => _ui;

        public override Version Version { get; } = new Version(1, 0);

        /// <summary>Returns what was written since the last call, and forgets it.</summary>
        public string TakeOutput() => _ui.Take();

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode)
        {
        }

        private sealed class CapturingUserInterface : PSHostUserInterface
        {
            private readonly StringBuilder _text = new StringBuilder();
            private readonly RawUserInterface _raw = new RawUserInterface();

            public override PSHostRawUserInterface RawUI => _raw;

            public string Take()
            {
                lock (_text)
                {
                    string result = _text.ToString();
                    _text.Clear();
                    return result;
                }
            }

            public override void Write(string value)
            {
                lock (_text)
                {
                    _text.Append(value);
                }
            }

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

            public override void WriteLine(string value) => Write(value + "\n");

            public override void WriteErrorLine(string value) => Write("ERROR: " + value + "\n");

            public override void WriteDebugLine(string message)
            {
            }

            public override void WriteVerboseLine(string message)
            {
            }

            public override void WriteWarningLine(string message) => Write("WARNING: " + message + "\n");

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
            }

            public override string ReadLine() => throw new NotSupportedException("the test host cannot prompt");

            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("the test host cannot prompt");

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
                throw new NotSupportedException("the test host cannot prompt");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new NotSupportedException("the test host cannot prompt");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw new NotSupportedException("the test host cannot prompt");

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
                throw new NotSupportedException("the test host cannot prompt");
        }

        private sealed class RawUserInterface : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

            public override Size BufferSize { get; set; } = new Size(400, 1000);

            public override Coordinates CursorPosition { get; set; }

            public override int CursorSize { get; set; }

            public override bool KeyAvailable => false;

            public override Size MaxPhysicalWindowSize => new Size(400, 1000);

            public override Size MaxWindowSize => new Size(400, 1000);

            public override Coordinates WindowPosition { get; set; }

            public override Size WindowSize { get; set; } = new Size(400, 1000);

            public override string WindowTitle { get; set; } = string.Empty;

            public override void FlushInputBuffer()
            {
            }

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
        }
    }
}
