using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Benchmarks;

/// <summary>
/// A PowerShell engine in this process with the module imported from the repository's ExtraHop.psd1, as a user
/// would import it. Preferences stay at their defaults ($ProgressPreference = Continue), so progress is paid for.
/// </summary>
internal sealed class ModuleShell : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleShell(string manifestPath)
    {
        var state = InitialSessionState.CreateDefault2();
        // The REST row's script baseline parses with ConvertFrom-Json, as a script author would; this engine package
        // has only the core cmdlets, so that one comes from the Utility package, added by hand.
        state.Commands.Add(new SessionStateCmdletEntry("ConvertFrom-Json", typeof(Microsoft.PowerShell.Commands.ConvertFromJsonCommand), null));
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        InvokeOnThisThread("Import-Module -Name $args[0] -ErrorAction Stop", new object?[] { manifestPath });
    }

    public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>
    /// Runs a script ($args holds the arguments) on a thread of its own and returns its output; any error record fails
    /// the benchmark. A PowerShell host runs its pipeline on a dedicated thread, never on the thread pool; invoked
    /// straight from a benchmark's async code, the pipeline would block a pool thread for the whole call and leave the
    /// module's own continuations (and the in-process simulator) one worker short on a two-core machine, which cost the
    /// download rows a quarter of their speed. Awaiting here keeps the caller's pool thread free, as pwsh does.
    /// </summary>
    public Task<Collection<PSObject>> InvokeAsync(string script, params object?[] arguments)
    {
        var done = new TaskCompletionSource<Collection<PSObject>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipelineThread = new Thread(() =>
        {
            try
            {
                done.SetResult(InvokeOnThisThread(script, arguments));
            }
            catch (Exception failure)
            {
                done.SetException(failure);
            }
        })
        {
            IsBackground = true,
            Name = "PowerShell pipeline",
        };
        pipelineThread.Start();
        return done.Task;
    }

    private Collection<PSObject> InvokeOnThisThread(string script, object?[] arguments)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (var argument in arguments)
        {
            shell.AddArgument(argument);
        }

        var output = shell.Invoke();
        if (shell.Streams.Error.Count > 0)
        {
            var errors = string.Join(Environment.NewLine, shell.Streams.Error.Select(e => $"{e.FullyQualifiedErrorId}: {e}"));
            throw new InvalidOperationException($"The script wrote errors:{Environment.NewLine}{errors}{Environment.NewLine}Script: {script}");
        }

        return output;
    }

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public void Dispose() => _runspace.Dispose();
}
