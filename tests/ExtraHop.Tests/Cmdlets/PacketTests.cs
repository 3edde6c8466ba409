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
    /// <summary>Save-EHPacket against a packetstore, a console and a 9.0 sensor: captures, limits, empty results, privileges and every refusal.</summary>
    public sealed class PacketTests : SimulatorTest
    {
        private const long CaptureBytes = 200_000;

        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(
                new ApplianceOptions { Name = "eta", Role = ExtraHop.Simulator.ApplianceRole.Packetstore, Version = "9.9.2.1234", PacketCaptureBytes = CaptureBytes },
                new ApplianceOptions { Name = "eca", Role = ExtraHop.Simulator.ApplianceRole.Console, Version = "9.9.2.1234" },
                new ApplianceOptions { Name = "eh90", Version = "9.0.1.100" });
            Shell.Connect(Sim, Sim["eca"], "-NotDefault");
            Shell.Connect(Sim, Sim["eh90"], "-NotDefault");
            Shell.Connect(Sim, Sim["eta"]);
            Shell.SetVariable("dest", Temp.Path);
        }

        private string In(string name) => Path.Combine(Temp.Path, name);

        private static string Ids(PsResult result) => string.Join(" ", result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));

        [Fact]
        public void ACaptureIsStreamedToAValidPcapOrPcapngFile()
        {
            PsResult result = Shell.Invoke(@"
                Save-EHPacket -From '-10m' -Until ([DateTime]::Now) -Filter 'host 10.1.1.5 and port 443' -Path ([IO.Path]::Combine($dest, 'cap.pcap'))
                Save-EHPacket -From ([DateTime]::Now.AddMinutes(-5)) -IPAddress 10.9.8.7 -Port 8443 -PeerIPAddress 10.1.1.1 -Format pcapng -Path ([IO.Path]::Combine($dest, 'cap.pcapng'))").AssertNoErrors();

            var captures = result.Objects<ExtraHopPacketCapture>().ToList();
            Assert.All(captures, c => Assert.True(c.Matched && c.LimitReached == null && c.Bytes > CaptureBytes / 2 && c.Bytes <= CaptureBytes));
            byte[] pcap = File.ReadAllBytes(In("cap.pcap"));
            Assert.Equal(new byte[] { 0xd4, 0xc3, 0xb2, 0xa1 }, pcap.Take(4));
            Assert.Equal(captures[0].Bytes, pcap.Length);
            byte[] pcapng = File.ReadAllBytes(In("cap.pcapng"));
            Assert.Equal(new byte[] { 0x0a, 0x0d, 0x0d, 0x0a }, pcapng.Take(4));
            Assert.Equal("pcapng", captures[1].Format);
            Assert.Empty(Directory.GetFiles(Temp.Path, "*.partial"));
            Assert.Empty(result.Warnings);

            string sent = Sim.RequestLog.First(e => e.Path.EndsWith("/packets/search", StringComparison.Ordinal)).Body!;
            Assert.Contains("\"bpf\":\"host 10.1.1.5 and port 443\"", sent);
            Assert.Contains(Sim.RequestLog, e => e.Body != null && e.Body.Contains("\"ip1\":\"10.9.8.7\"") && e.Body.Contains("\"port1\":8443") && e.Body.Contains("\"ip2\":\"10.1.1.1\""));
        }

        [Fact]
        public void NothingMatchedWritesNoFileUnlessAskedAndALimitCutIsSaid()
        {
            PsResult result = Shell.Invoke(@"
                Save-EHPacket -From '-10m' -Filter 'host 192.0.2.1' -Path ([IO.Path]::Combine($dest, 'none.pcap'))
                Save-EHPacket -From '-10m' -Filter 'host 192.0.2.1' -Path ([IO.Path]::Combine($dest, 'empty.pcap')) -AllowEmpty
                Save-EHPacket -From '-10m' -LimitBytes 50000 -Path ([IO.Path]::Combine($dest, 'limited.pcap'))
                Save-EHPacket -From '-10m' -LimitSearchDuration 200ms -Path ([IO.Path]::Combine($dest, 'quick.pcap'))").AssertNoErrors();

            var captures = result.Objects<ExtraHopPacketCapture>().ToList();
            Assert.Equal(new bool[] { false, false, true, true }, captures.Select(c => c.Matched));
            Assert.Null(captures[0].Path);
            Assert.False(File.Exists(In("none.pcap")));
            Assert.Equal(24, new FileInfo(In("empty.pcap")).Length);
            Assert.Equal(("limit_bytes", "limit_search_duration"), (captures[2].LimitReached, captures[3].LimitReached));
            Assert.InRange(captures[2].Bytes, 1, 50000);
            Assert.Equal(4, result.Warnings.Count);
            Assert.Contains("no file was written", result.Warnings[0]);
            Assert.Contains("stopped at its limit (limit_bytes)", result.Warnings[2]);
        }

        [Fact]
        public void BadWindowsPathsAndFiltersAreRefusedWithTheirOwnErrorIds()
        {
            File.WriteAllText(In("exists.pcap"), "keep");
            Sim.ResetStatistics();
            PsResult refusedBeforeSending = Shell.Invoke(@"
                Save-EHPacket -From '-1m' -Until '-10m' -Path ([IO.Path]::Combine($dest, 'a.pcap'))
                Save-EHPacket -From ([DateTime]::Now.AddHours(1)) -Path ([IO.Path]::Combine($dest, 'b.pcap'))
                Save-EHPacket -From '-10m' -Path ([IO.Path]::Combine($dest, 'exists.pcap'))
                Save-EHPacket -From '-10m' -Path ([IO.Path]::Combine($dest, 'no', 'c.pcap'))
                Save-EHPacket -From '-10m' -Path ([IO.Path]::Combine($dest, 'w.pcap')) -WhatIf");
            Assert.Equal("ExtraHop.InvalidTimeWindow ExtraHop.TimeWindowInFuture ExtraHop.FileExists ExtraHop.DestinationNotFound", Ids(refusedBeforeSending));
            Assert.Empty(Sim.RequestLog);
            Assert.Equal("keep", File.ReadAllText(In("exists.pcap")));
            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("w.pcap"));

            PsResult filter = Shell.Invoke("Save-EHPacket -From '-10m' -Filter 'host and ((port' -Path ([IO.Path]::Combine($dest, 'f.pcap'))");
            Assert.Equal("ExtraHop.InvalidPacketFilter", Ids(filter));
            Assert.Contains("Invalid BPF filter", filter.Errors[0].Exception.Message);
            Assert.Contains("'host and ((port'", filter.Errors[0].Exception.Message);
            Assert.DoesNotContain(Directory.GetFiles(Temp.Path), f => !f.EndsWith("exists.pcap", StringComparison.Ordinal));

            PsResult badTime = Shell.Invoke("Save-EHPacket -From 'yesterday-ish' -Path ([IO.Path]::Combine($dest, 'g.pcap'))");
            Assert.StartsWith("ParameterArgumentTransformationError,", Assert.Single(badTime.AllErrors).FullyQualifiedErrorId);
        }

        [Fact]
        public void SessionKeysNeedFullWithKeysAndAUserWithoutThePacketsPrivilegeIsRefused()
        {
            Shell.ConnectLimited(Sim, Sim["eta"]);
            PsResult refused = Shell.Invoke(@"
                Save-EHPacket -From '-10m' -Path ([IO.Path]::Combine($dest, 'r.pcap')) -Session $limited
                Save-EHPacket -From '-10m' -Format zip -Path ([IO.Path]::Combine($dest, 'r.zip'))");
            Assert.Equal("ExtraHop.PacketsNotPermitted ExtraHop.PacketsNotPermitted", Ids(refused));
            Assert.Contains("full_with_keys", refused.Errors[1].Exception.Message);

            PsResult granted = Shell.Invoke(@"
                Set-EHUser auditor -Privilege @{ write = 'personal'; packets = 'full_with_keys' } -Confirm:$false
                Save-EHPacket -From '-10m' -Format zip -Path ([IO.Path]::Combine($dest, 'k.zip')) -Session $limited").AssertNoErrors();
            Assert.Equal("zip", granted.Single<ExtraHopPacketCapture>().Format);
            using var zip = System.IO.Compression.ZipFile.OpenRead(In("k.zip"));
            Assert.Equal(new[] { "packets.pcap", "sessionkeys.txt" }, zip.Entries.Select(e => e.FullName));
        }

        [Fact]
        public void AnApplianceWithoutPacketsAndOldFirmwareAreRefusedClearly()
        {
            Sim.ResetStatistics();
            PsResult result = Shell.Invoke(@"
                Save-EHPacket -From '-10m' -Path ([IO.Path]::Combine($dest, 'a.pcap')) -Session $args[0]
                Save-EHPacket -From '-10m' -Path ([IO.Path]::Combine($dest, 'b.pcap')) -Session $args[1]", Sim["eca"].Server, Sim["eh90"].Server);

            Assert.Equal("ExtraHop.PacketsUnavailable ExtraHop.NotSupportedByFirmware", Ids(result));
            Assert.Contains("packetstores", result.Errors[0].Exception.Message);
            Assert.DoesNotContain(Sim.RequestLog, e => e.Appliance == "eh90" && e.Path.Contains("packets", StringComparison.Ordinal));
            Assert.Empty(Directory.GetFiles(Temp.Path));
        }

        [Fact]
        public void ACaptureCutHalfWayLeavesNoFile()
        {
            Shell.SetVariable("keyEta", Simulators.Secure(Sim["eta"].ApiKey));
            Shell.Invoke($"Connect-ExtraHop -Server '{Sim["eta"].Server}' -ApiKey $keyEta -CertificateThumbprint '{Sim.CertificateSha256}' -MaximumRetryCount 0").AssertNoErrors();
            Sim["eta"].Faults.CutDownloads(1, "/packets/search");

            PsResult result = Shell.Invoke("Save-EHPacket -From '-10m' -Path ([IO.Path]::Combine($dest, 'cut.pcap'))");

            Assert.Single(result.Errors);
            Assert.Empty(result.Output);
            Assert.Empty(Directory.GetFiles(Temp.Path));
        }
    }
}
