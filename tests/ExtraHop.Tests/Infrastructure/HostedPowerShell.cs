using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>
    /// A real PowerShell engine in the test process with the module imported from the root ExtraHop.psd1.
    /// Each instance is its own runspace (its own default session), like a separate PowerShell window.
    /// </summary>
    public sealed class HostedPowerShell : IDisposable
    {
        private readonly Runspace runspace;

        public HostedPowerShell()
        {
            Host = new TestHost();
            InitialSessionState state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            runspace = RunspaceFactory.CreateRunspace(Host, state);
            runspace.Open();
            Invoke("Import-Module -Name $args[0] -ErrorAction Stop", RepoPaths.Manifest).AssertNoErrors();
        }

        public TestHost Host { get; }

        public Runspace Runspace => runspace;

        public void SetVariable(string name, object? value) => runspace.SessionStateProxy.SetVariable(name, value);

        public object? GetVariable(string name) => runspace.SessionStateProxy.GetVariable(name);

        /// <summary>Runs a script; arguments are available as $args. Terminating errors are captured, not thrown.</summary>
        public PsResult Invoke(string script, params object?[] arguments)
        {
            using (PowerShell shell = Create(script, arguments))
            {
                try
                {
                    var output = shell.Invoke();
                    return new PsResult(output, shell.Streams, null);
                }
                catch (RuntimeException ex)
                {
                    return new PsResult(new System.Collections.ObjectModel.Collection<PSObject>(), shell.Streams, ex);
                }
            }
        }

        /// <summary>Starts a script, lets <paramref name="whenToStop"/> decide when to press Ctrl+C, and reports how long stopping took.</summary>
        public async Task<(PsResult Result, TimeSpan StopDuration)> InvokeAndStopAsync(string script, Func<Task> whenToStop, params object?[] arguments)
        {
            using (PowerShell shell = Create(script, arguments))
            {
                var output = new PSDataCollection<PSObject>();
                IAsyncResult running = shell.BeginInvoke<PSObject, PSObject>(null, output);
                await whenToStop();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await Task.Factory.FromAsync(shell.BeginStop(null, null), shell.EndStop);
                TimeSpan stopDuration = clock.Elapsed;
                Exception? terminating = null;
                try
                {
                    shell.EndInvoke(running);
                }
                catch (Exception ex)
                {
                    terminating = ex;
                }
                return (new PsResult(new System.Collections.ObjectModel.Collection<PSObject>(new List<PSObject>(output)), shell.Streams, terminating), stopDuration);
            }
        }

        public void Dispose() => runspace.Dispose();

        private PowerShell Create(string script, object?[] arguments)
        {
            PowerShell shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);
            foreach (object? argument in arguments) shell.AddArgument(argument);
            return shell;
        }
    }
}
