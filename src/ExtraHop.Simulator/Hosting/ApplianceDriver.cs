using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Tls;

namespace ExtraHop.Simulator.Hosting;

/// <summary>
/// Keeps an appliance's port in step with its state: closed while it is down in a reboot, open otherwise.
/// It is the only thing that advances the state without a request, which a closed port needs (nobody can
/// ask a closed port anything). It sleeps until the next scheduled transition or until woken.
/// </summary>
internal static class ApplianceDriver
{
    private static readonly TimeSpan RebindRetryDelay = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(ApplianceEngine engine, HttpsListener listener, CancellationToken stopping)
    {
        var clock = engine.Host.Clock;
        while (!stopping.IsCancellationRequested)
        {
            var (listening, next) = engine.Tick();
            try
            {
                if (!listening)
                {
                    if (listener.IsListening)
                    {
                        await listener.StopAsync().ConfigureAwait(false);
                        if (engine.Faults.TryTakeNewCertificate())
                        {
                            listener.UseRegeneratedCertificate(CertificateSet.CreateSelfSignedServer());
                        }
                    }

                    if (engine.PortClosed())
                    {
                        continue;
                    }
                }
                else if (!listener.IsListening && !await TryReopenAsync(listener, stopping).ConfigureAwait(false))
                {
                    continue;
                }

                var wait = next is { } at ? clock.RealDelayUntil(at) : Timeout.InfiniteTimeSpan;
                await engine.Wake.WaitAsync(wait, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<bool> TryReopenAsync(HttpsListener listener, CancellationToken stopping)
    {
        try
        {
            await listener.StartAsync(stopping).ConfigureAwait(false);
            return true;
        }
        catch (IOException)
        {
            // Something else grabbed the port while the appliance was down; try again shortly.
            await Task.Delay(RebindRetryDelay, stopping).ConfigureAwait(false);
            return false;
        }
    }
}
