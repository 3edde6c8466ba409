using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>Get-, New-, Invoke- and Save-EHSupportPack against a 9.9 and a 9.0 appliance: runs, downloads, resumes, and every refusal.</summary>
    public sealed class SupportPackTests : SimulatorTest
    {
        private const long PackBytes = 300_000;

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(
                new ApplianceOptions { Name = "eh99", Version = "9.9.2.1234", SupportPackBytes = PackBytes },
                new ApplianceOptions { Name = "eh90", Version = "9.0.1.100" });
            Shell.Connect(Sim, Sim["eh99"]);
            Shell.Connect(Sim, Sim["eh90"], "-NotDefault");
            Shell.SetVariable("dest", Temp.Path);
        }

        private static byte[] Pattern(long length) => Enumerable.Range(0, (int)length).Select(i => (byte)(i % 256)).ToArray();

        [Fact]
        public void TheListIsTypedAndANewPackIsRunWaitedForAndSavedByteForByte()
        {
            PsResult listed = Shell.Invoke("Get-EHSupportPack").AssertNoErrors();
            ExtraHopSupportPack first = listed.Single<ExtraHopSupportPack>();
            Assert.Equal(("diagnostics-default.expk", PackBytes), (first.FileName, first.Size));
            Assert.NotNull(first.Created);

            PsResult made = Shell.Invoke("$p = New-EHSupportPack -PollIntervalSec 0.05; $p; $p | Save-EHSupportPack -Destination $dest").AssertNoErrors();
            ExtraHopSupportPack pack = made.Single<ExtraHopSupportPack>();
            Assert.Matches(@"^supportpack-\d+-default\.expk$", pack.FileName);
            Assert.Equal(Sim["eh99"].Server, pack.Server);
            Assert.Contains(made.Progress, p => p.StatusDescription.StartsWith("Step ", StringComparison.Ordinal));

            ExtraHopDownload saved = made.Single<ExtraHopDownload>();
            Assert.Equal(Path.Combine(Temp.Path, pack.FileName), saved.Path);
            Assert.Equal(PackBytes, saved.Bytes);
            Assert.Equal(Pattern(PackBytes), File.ReadAllBytes(saved.Path));
            Assert.False(File.Exists(saved.Path + ".partial"));
            Assert.Equal(2, Shell.Invoke("Get-EHSupportPack").AssertNoErrors().Objects<ExtraHopSupportPack>().Count());
        }

        [Fact]
        public void AnInterruptedDownloadLeavesOnlyAPartialFileAndTheNextRunResumesIt()
        {
            // No retries, so the cut ends the command; with retries the client itself resumes from where the cut left it.
            Shell.SetVariable("key99", Simulators.Secure(Sim["eh99"].ApiKey));
            Shell.Invoke($"Connect-ExtraHop -Server '{Sim["eh99"].Server}' -ApiKey $key99 -CertificateThumbprint '{Sim.CertificateSha256}' -MaximumRetryCount 0").AssertNoErrors();
            Sim["eh99"].Faults.CutDownloads(1, "/supportpacks/");
            string final = Path.Combine(Temp.Path, "diagnostics-default.expk");

            PsResult cut = Shell.Invoke("Save-EHSupportPack diagnostics-default.expk -Destination $dest");

            Assert.StartsWith("ExtraHop.DownloadInterrupted,", Assert.Single(cut.Errors).FullyQualifiedErrorId);
            Assert.Contains("run the same command again", cut.Errors[0].Exception.Message);
            Assert.False(File.Exists(final));
            long partial = new FileInfo(final + ".partial").Length;
            Assert.InRange(partial, 1, PackBytes - 1);

            PsResult resumed = Shell.Invoke("Save-EHSupportPack diagnostics-default.expk -Destination $dest").AssertNoErrors();
            ExtraHopDownload saved = resumed.Single<ExtraHopDownload>();
            Assert.Equal(partial, saved.ResumedBytes);
            Assert.Equal(Pattern(PackBytes), File.ReadAllBytes(final));
            Assert.False(File.Exists(final + ".partial"));
        }

        [Fact]
        public void WithRetriesACutDownloadIsCompletedByARangeRequest()
        {
            Sim["eh99"].Faults.CutDownloads(1, "/supportpacks/");
            PsResult result = Shell.Invoke("Get-EHSupportPack diagnostics-default.expk | Save-EHSupportPack -Destination $dest").AssertNoErrors();

            Assert.Equal(Pattern(PackBytes), File.ReadAllBytes(result.Single<ExtraHopDownload>().Path));
            Assert.Equal(2, Sim.RequestLog.Count(e => e.Path.EndsWith("/supportpacks/diagnostics-default.expk", StringComparison.Ordinal)));
            Assert.Contains(Sim.RequestLog, e => e.StatusCode == 206);
        }

        [Fact]
        public void BadDestinationsAreRefusedBeforeAnythingIsSent()
        {
            File.WriteAllText(Path.Combine(Temp.Path, "diagnostics-default.expk"), "keep me");
            Sim.ResetStatistics();

            PsResult result = Shell.Invoke(@"
                Save-EHSupportPack diagnostics-default.expk -Destination ([IO.Path]::Combine($dest, 'missing'))
                Save-EHSupportPack diagnostics-default.expk -Destination $dest
                Save-EHSupportPack '../escape.expk' -Destination $dest
                Save-EHSupportPack diagnostics-default.expk -Destination /sys");

            Assert.Equal(
                new[] { "ExtraHop.DestinationNotFound", "ExtraHop.FileExists", "ExtraHop.InvalidArgument", "ExtraHop.DestinationNotWritable" },
                result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Equal("keep me", File.ReadAllText(Path.Combine(Temp.Path, "diagnostics-default.expk")));
            Assert.DoesNotContain(Sim.RequestLog, e => e.Path.Contains("/supportpacks/", StringComparison.Ordinal));
        }

        [Fact]
        public void ForceReplacesAnExistingFileOnlyOnceTheNewOneIsComplete()
        {
            string final = Path.Combine(Temp.Path, "diagnostics-default.expk");
            File.WriteAllText(final, "old");

            Shell.Invoke("Save-EHSupportPack diagnostics-default.expk -Destination $dest -Force").AssertNoErrors();

            Assert.Equal(Pattern(PackBytes), File.ReadAllBytes(final));
        }

        [Fact]
        public void UploadAndRunWorksOn99AndIsRefusedOn90BeforeAnythingIsSent()
        {
            string pack = Temp.File("adjust.expk", new byte[] { 1, 2, 3, 4 });
            PsResult ran = Shell.Invoke("Invoke-EHSupportPack -Path $args[0] -Force -PollIntervalSec 0.05", pack).AssertNoErrors();
            Assert.Matches(@"^supportpack-\d+-uploaded\.expk$", ran.Single<ExtraHopSupportPack>().FileName);

            Sim.ResetStatistics();
            PsResult refused = Shell.Invoke("Invoke-EHSupportPack -Path $args[0] -Force -Session $args[1]", pack, Sim["eh90"].Server);
            var error = Assert.Single(refused.Errors);
            Assert.StartsWith("ExtraHop.NotSupportedByFirmware,", error.FullyQualifiedErrorId);
            Assert.Contains("came with firmware 9.9", error.Exception.Message);
            Assert.Empty(Sim.RequestLog);
        }

        [Fact]
        public void AMissingPackFileAFailedRunAndWhatIfEachEndWithoutAChange()
        {
            Sim["eh99"].Faults.FailSupportPackAtStep(2, "disk full");
            PsResult result = Shell.Invoke(@"
                Invoke-EHSupportPack -Path ([IO.Path]::Combine($dest, 'nope.expk')) -Force
                New-EHSupportPack -PollIntervalSec 0.05");

            Assert.Equal(new[] { "ExtraHop.InvalidSupportPackFile", "ExtraHop.SupportPackFailed" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Contains("step 2 of 3", result.Errors[1].Exception.Message);
            Assert.Contains("disk full", result.Errors[1].Exception.Message);

            Sim.ResetStatistics();
            string pack = Temp.File("adjust.expk", new byte[] { 1 });
            PsResult whatIf = Shell.Invoke("New-EHSupportPack -WhatIf; Invoke-EHSupportPack -Path $args[0] -WhatIf; Save-EHSupportPack diagnostics-default.expk -Destination $dest -WhatIf", pack).AssertNoErrors();
            Assert.Empty(whatIf.Output);
            Assert.Equal(3, Shell.Host.TestUI.Written.Count(l => l.StartsWith("What if:", StringComparison.Ordinal)));
            Assert.Empty(Sim.RequestLog);
            Assert.Empty(Directory.GetFiles(Temp.Path, "diagnostics*"));
        }

        [Fact]
        public void AnUnknownPackIsNotFoundAndAReaderMayListButNotRun()
        {
            Shell.ConnectLimited(Sim, Sim["eh99"]);
            PsResult result = Shell.Invoke(@"
                Get-EHSupportPack nothing.expk
                Save-EHSupportPack nothing.expk -Destination $dest
                Get-EHSupportPack -Session $limited
                New-EHSupportPack -Session $limited -Confirm:$false");

            Assert.Equal(new[] { "ExtraHop.NotFound", "ExtraHop.NotFound", "ExtraHop.PermissionDenied" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Single(result.Objects<ExtraHopSupportPack>());
            Assert.Empty(Directory.GetFiles(Temp.Path));
        }
    }
}
