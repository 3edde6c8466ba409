using System;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Simulator;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Get-EHLicense, Set-EHLicense, Get-EHProductKey and Set-EHProductKey against simulated appliances: the expiry as a
    /// date and days left, registration jobs followed to their end, and every bad file or key refused before sending.
    /// </summary>
    public sealed class LicenseTests : SimulatorTest
    {
        private const string NewKey = "WXYZ-2345-ABCD-6789";

        public override async Task InitializeAsync()
        {
            var soon = Simulators.Sensor("eh1");
            soon.LicenseExpiresInDays = 12.5;
            soon.ProductKey = "AAAA-BBBB-CCCC-1234";
            var never = Simulators.Sensor("eh2");
            never.LicenseExpiresInDays = null;
            Sim = await Simulators.StartAsync(soon, never);
            Shell.Connect(Sim, Sim["eh1"]);
            Shell.Connect(Sim, Sim["eh2"], "-NotDefault");
        }

        private string License(string name, string text) => Temp.File(name, new UTF8Encoding(false).GetBytes(text));

        private int Puts => Sim.RequestLog.Count(e => e.Method == "PUT");

        [Fact]
        public void TheLicenseShowsEditionExpiryDaysLeftAndEnabledModulesAndAMaskedKey()
        {
            var licenses = Shell.Invoke("Get-EHLicense -Session (Get-EHSession)").AssertNoErrors().Objects<ExtraHopLicense>().ToList();

            ExtraHopLicense soon = licenses.Single(l => l.Server == Sim["eh1"].Server);
            Assert.Equal(12, soon.DaysLeft);
            Assert.False(soon.IsExpired);
            Assert.Equal(Sim["eh1"].LicenseExpiresAt!.Value.ToUnixTimeSeconds(), new DateTimeOffset(soon.Expires!.Value).ToUnixTimeSeconds());
            Assert.Equal("XXXX-XXXX-XXXX-1234", soon.ProductKey);
            Assert.Equal("Reveal(x) Enterprise", soon.Edition);
            Assert.Contains("ndr", soon.Modules);
            Assert.Contains("max_devices=10000", soon.Options);
            Assert.Contains("ssl_decryption", soon.Options);

            ExtraHopLicense never = licenses.Single(l => l.Server == Sim["eh2"].Server);
            Assert.Null(never.Expires);
            Assert.Null(never.DaysLeft);
        }

        [Fact]
        public void TheLicenseTableFitsEightyColumns()
        {
            ExtraHopLicense license = Shell.Invoke("Get-EHLicense").AssertNoErrors().Single<ExtraHopLicense>();

            var lines = Shell.Render(80, new[] { license }).Where(l => l.Length > 0).ToList();

            Assert.All(lines, line => Assert.True(line.Length <= 80, $"'{line}' is wider than 80 columns"));
            Assert.Equal(new[] { "Server", "Edition", "Expires", "DaysLeft", "Modules" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(lines, l => l.Contains(license.Expires!.Value.ToString("yyyy-MM-dd")) && l.Contains(" 12 "));
        }

        [Fact]
        public void ALicenseFileIsAppliedAndItsRegistrationJobFollowedToTheEnd()
        {
            long expiresAt = DateTimeOffset.UtcNow.AddDays(400).ToUnixTimeSeconds();
            string file = License("license.json", $"{{\"edition\": \"Reveal(x) Premium\", \"expires_at\": {expiresAt}, \"modules\": {{\"ndr\": true, \"npm\": false}}}}");

            ExtraHopLicense applied = Shell.Invoke("Set-EHLicense -Path $args[0] -PassThru -Confirm:$false", file).AssertNoErrors().Single<ExtraHopLicense>();

            Assert.Equal("Reveal(x) Premium", applied.Edition);
            Assert.InRange(applied.DaysLeft!.Value, 399, 400);
            Assert.Equal(new[] { "ndr" }, applied.Modules);
            Assert.Contains(Sim.Events, e => e.Kind == SimulatorEventKind.JobFinished && e.Detail.Contains("status=DONE"));
        }

        [Fact]
        public void AnArmoredLicenseFileIsSentAsTextAndTheSameLicenseAgainStartsNoJob()
        {
            string file = License("eh1.lic", "-----BEGIN EXTRAHOP LICENSE-----\nU2ltdWxhdGVkIGxpY2Vuc2U=\n-----END EXTRAHOP LICENSE-----\n");

            Shell.Invoke("Set-EHLicense $args[0] -Confirm:$false; Set-EHLicense $args[0] -Confirm:$false", file).AssertNoErrors();

            Assert.Equal(new[] { 202, 204 }, Sim.RequestLog.Where(e => e.Method == "PUT").Select(e => e.StatusCode));
            Assert.InRange((Sim["eh1"].LicenseExpiresAt!.Value - DateTimeOffset.UtcNow).TotalDays, 364, 366);
        }

        [Theory]
        [InlineData("", "ExtraHop.EmptyLicenseFile")]
        [InlineData(" \r\n ", "ExtraHop.EmptyLicenseFile")]
        [InlineData("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "ExtraHop.InvalidLicenseFile")]
        [InlineData("Server,ApiKey\neh1,abc\n", "ExtraHop.InvalidLicenseFile")]
        [InlineData("{\"name\": \"not a license\"}", "ExtraHop.InvalidLicenseFile")]
        public void AFileThatIsNoLicenseIsRefusedAndNothingIsSent(string content, string errorId)
        {
            string file = License("bad.txt", content);

            PsResult result = Shell.Invoke("Set-EHLicense -Path $args[0] -Confirm:$false", file);

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            Assert.Contains("Nothing was sent", error.Exception.Message);
            Assert.Equal(0, Puts);
        }

        [Fact]
        public void ABinaryFileIsNoLicense()
        {
            string file = Temp.File("license.bin", new byte[] { 0x7B, 0x00, 0x01, 0x7D });

            PsResult result = Shell.Invoke("Set-EHLicense -Path $args[0] -Confirm:$false", file);

            Assert.StartsWith("ExtraHop.InvalidLicenseFile,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, Puts);
        }

        [Fact]
        public void ALicenseTheApplianceRefusesIsAnErrorForThatApplianceAndTheOtherStillGetsIt()
        {
            Sim["eh1"].Faults.RefuseLicense(1, "The license is for another appliance");
            string file = License("license.json", "{\"edition\": \"Reveal(x) Premium\"}");

            PsResult result = Shell.Invoke("Set-EHLicense -Path $args[0] -Session (Get-EHSession) -PassThru -Confirm:$false", file);

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.BadRequest,", error.FullyQualifiedErrorId);
            Assert.Contains("another appliance", error.Exception.Message);
            Assert.Equal(Sim["eh2"].Server, result.Single<ExtraHopLicense>().Server);
            Assert.Equal("Reveal(x) Premium", result.Single<ExtraHopLicense>().Edition);
        }

        [Fact]
        public void AFailedRegistrationJobIsAJobFailedError()
        {
            Sim["eh1"].Faults.FailJobAtStep(2, "ExtraHop licensing could not be reached");
            string file = License("license.json", "{\"edition\": \"Reveal(x) Premium\"}");

            PsResult result = Shell.Invoke("Set-EHLicense -Path $args[0] -Confirm:$false", file);

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.JobFailed,", error.FullyQualifiedErrorId);
            Assert.Contains("could not be reached", error.Exception.Message);
            Assert.Equal("Reveal(x) Enterprise", Shell.Invoke("Get-EHLicense").AssertNoErrors().Single<ExtraHopLicense>().Edition);
        }

        [Fact]
        public void WhatIfSendsNoLicenseAndNoProductKey()
        {
            string file = License("license.json", "{\"edition\": \"Reveal(x) Premium\"}");

            Shell.Invoke($"Set-EHLicense -Path $args[0] -WhatIf; Set-EHProductKey {NewKey} -WhatIf", file).AssertNoErrors();

            Assert.Equal(0, Puts);
            Assert.Contains(Shell.Host.TestUI.Written, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains(NewKey));
        }

        [Fact]
        public void AProductKeyIsAppliedThroughItsRegistrationJobAndReadBack()
        {
            PsResult result = Shell.Invoke($"Set-EHProductKey {NewKey.ToLowerInvariant()} -PassThru -Confirm:$false; Get-EHProductKey -Session (Get-EHSession)").AssertNoErrors();

            var keys = result.Objects<ExtraHopProductKey>().ToList();
            Assert.Equal(NewKey, keys[0].ProductKey);
            Assert.Equal(NewKey, Sim["eh1"].ProductKey);
            Assert.Equal(Sim["eh2"].ProductKey, keys.Single(k => k.Server == Sim["eh2"].Server && k != keys[0]).ProductKey);
            Assert.Contains(Sim.Events, e => e.Kind == SimulatorEventKind.JobFinished && e.Detail.Contains("status=DONE"));
        }

        [Theory]
        [InlineData("12345")]
        [InlineData("ABCD-EFGH")]
        [InlineData("ABCD-EFG-HJKL-MNPQ")]
        [InlineData("ABCD_EFGH_JKLM_NPQR")]
        [InlineData("ABCD-EFGH-JKLM-NPQ!")]
        public void AProductKeyOfTheWrongShapeIsRefusedBeforeSending(string key)
        {
            PsResult result = Shell.Invoke("Set-EHProductKey -ProductKey $args[0] -Confirm:$false", key);

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.InvalidProductKey,", error.FullyQualifiedErrorId);
            Assert.Equal(0, Puts);
            Assert.NotEqual(key, Sim["eh1"].ProductKey);
        }

        [Fact]
        public void ReadersMayReadTheLicenseButNotChangeIt()
        {
            Shell.ConnectLimited(Sim, Sim["eh1"]);

            PsResult result = Shell.Invoke($"Get-EHLicense -Session $limited; Get-EHProductKey -Session $limited; Set-EHProductKey {NewKey} -Session $limited -Confirm:$false");

            Assert.Single(result.Objects<ExtraHopLicense>());
            Assert.Single(result.Objects<ExtraHopProductKey>());
            Assert.StartsWith("ExtraHop.PermissionDenied,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal("AAAA-BBBB-CCCC-1234", Sim["eh1"].ProductKey);
        }
    }
}
