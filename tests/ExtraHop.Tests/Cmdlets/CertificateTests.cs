using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Xunit;

namespace ExtraHop.Tests.Cmdlets
{
    /// <summary>
    /// Set-EHCertificate, Reset-EHCertificate and New-EHCertificateSigningRequest against a simulated appliance that
    /// serves the new certificate as soon as it is replaced or regenerated: pinned sessions keep working, every bad
    /// certificate, key or PFX is refused before sending, and the key never reaches a log.
    /// </summary>
    public sealed class CertificateTests : SimulatorTest
    {
        public override async Task InitializeAsync()
        {
            Sim = await Simulators.StartAsync(Simulators.Sensor("eh1"));
            Shell.Connect(Sim, Sim["eh1"]);
        }

        private string Server => Sim["eh1"].Server;

        private int Changes => Sim.RequestLog.Count(e => e.Path.StartsWith("/api/v1/extrahop/sslcert", StringComparison.Ordinal));

        /// <summary>A certificate for localhost, as a CA would issue it: RSA or EC, valid from an hour ago unless told otherwise.</summary>
        private static X509Certificate2 NewCertificate(bool ec = false, DateTimeOffset? notAfter = null)
        {
            using AsymmetricAlgorithm key = ec ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
            var name = new X500DistinguishedName("CN=localhost, O=Example Corp");
            CertificateRequest request = ec
                ? new CertificateRequest(name, (ECDsa)key, HashAlgorithmName.SHA256)
                : new CertificateRequest(name, (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            DateTimeOffset from = notAfter.HasValue ? notAfter.Value.AddDays(-30) : DateTimeOffset.UtcNow.AddHours(-1);
            return request.CreateSelfSigned(from, notAfter ?? DateTimeOffset.UtcNow.AddDays(365));
        }

        private static string Sha(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

        private string Pem(string name, string text) => Temp.File(name, System.Text.Encoding.ASCII.GetBytes(text));

        private (string Cert, string Key) PemFiles(X509Certificate2 certificate, string? keyText = null) =>
            (Pem("cert.pem", certificate.ExportCertificatePem()), Pem("key.pem", keyText ?? certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem()));

        [Fact]
        public void AReplacedCertificateIsServedAndThePinnedSessionsFollowIt()
        {
            using X509Certificate2 certificate = NewCertificate();
            (string cert, string key) = PemFiles(certificate);
            Shell.Invoke($"$script:second = Connect-ExtraHop -Server '{Server}' -ApiKey $ehTestKey -CertificateThumbprint '{Sim.CertificateSha256}' -NotDefault").AssertNoErrors();

            PsResult result = Shell.Invoke("Set-EHCertificate -Path $args[0] -KeyPath $args[1] -PassThru -Confirm:$false -Verbose", cert, key).AssertNoErrors();

            ExtraHopCertificate replaced = result.Single<ExtraHopCertificate>();
            Assert.Equal(Sha(certificate), replaced.CertificateSha256);
            Assert.True(replaced.SessionPinned);
            WaitUntilServed(Sha(certificate));
            Assert.Equal(Sha(certificate), Shell.Invoke("(Get-EHSession -Default).CertificateSha256").Output.Single().BaseObject);
            Shell.Invoke("Get-EHSystem; Get-EHSystem -Session $second").AssertNoErrors();
            Assert.Equal(2, Shell.Invoke("Get-EHSession | Where-Object CertificateSha256 -eq $args[0]", Sha(certificate)).Output.Count);

            // A session connected with the old pin now meets a certificate it refuses: the appliance really changed it.
            PsResult stale = Shell.Invoke($"Connect-ExtraHop -Server '{Server}' -ApiKey $ehTestKey -CertificateThumbprint '{Sim.CertificateSha256}' -NotDefault");
            Assert.StartsWith("ExtraHop.CertificateUntrusted,", Assert.Single(stale.AllErrors).FullyQualifiedErrorId);

            string everything = result.AllText() + string.Join("\n", Sim.RequestLog.Select(e => e.Body));
            Assert.DoesNotContain("PRIVATE KEY", everything);
            Assert.DoesNotContain(Directory.GetFiles(Temp.Path), f => f != cert && f != key && File.ReadAllText(f).Contains("PRIVATE KEY"));
        }

        [Fact]
        public void ACertificateFileWithItsEcKeyInsideIsEnough()
        {
            using X509Certificate2 certificate = NewCertificate(ec: true);
            string both = Pem("both.pem", certificate.ExportCertificatePem() + "\n" + certificate.GetECDsaPrivateKey()!.ExportECPrivateKeyPem());

            Shell.Invoke("Set-EHCertificate $args[0] -Confirm:$false", both).AssertNoErrors();

            WaitUntilServed(Sha(certificate));
            Shell.Invoke("Get-EHSystem").AssertNoErrors();
        }

        [Fact]
        public void APfxFileIsOpenedWithItsPasswordAndSent()
        {
            using X509Certificate2 certificate = NewCertificate();
            string pfx = Temp.File("eh1.pfx", certificate.Export(X509ContentType.Pkcs12, "s3cret!"));
            Shell.SetVariable("pw", Simulators.Secure("s3cret!"));

            Shell.Invoke("Set-EHCertificate -PfxPath $args[0] -PfxPassword $pw -Confirm:$false", pfx).AssertNoErrors();

            WaitUntilServed(Sha(certificate));
            Shell.Invoke("Get-EHSystem").AssertNoErrors();
        }

        [Fact]
        public void APfxWithTheWrongPasswordIsRefusedBeforeSending()
        {
            using X509Certificate2 certificate = NewCertificate();
            string pfx = Temp.File("eh1.pfx", certificate.Export(X509ContentType.Pkcs12, "s3cret!"));
            Shell.SetVariable("pw", Simulators.Secure("wrong"));

            PsResult result = Shell.Invoke("Set-EHCertificate -PfxPath $args[0] -PfxPassword $pw -Confirm:$false", pfx);

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.InvalidPfxPassword,", error.FullyQualifiedErrorId);
            Assert.DoesNotContain("wrong", error.Exception.Message);
            Assert.Equal(0, Changes);
        }

        [Fact]
        public void BadCertificatesAndKeysAreRefusedWithTheirOwnErrorIdsAndNothingIsSent()
        {
            using X509Certificate2 certificate = NewCertificate();
            using X509Certificate2 other = NewCertificate();
            string cert = Pem("cert.pem", certificate.ExportCertificatePem());
            string otherKey = Pem("other.key", other.GetRSAPrivateKey()!.ExportRSAPrivateKeyPem());
            string encrypted = Pem("enc.key", certificate.GetRSAPrivateKey()!.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)));
            string notPem = Pem("notes.txt", "just some notes\n");
            string keyOnly = Pem("key-only.pem", certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());

            var cases = new (string Script, string ErrorId)[]
            {
                ($"Set-EHCertificate -Path '{cert}' -Confirm:$false", "ExtraHop.CertificateKeyMissing"),
                ($"Set-EHCertificate -Path '{cert}' -KeyPath '{cert}' -Confirm:$false", "ExtraHop.CertificateKeyMissing"),
                ($"Set-EHCertificate -Path '{cert}' -KeyPath '{otherKey}' -Confirm:$false", "ExtraHop.CertificateKeyMismatch"),
                ($"Set-EHCertificate -Path '{cert}' -KeyPath '{encrypted}' -Confirm:$false", "ExtraHop.InvalidCertificate"),
                ($"Set-EHCertificate -Path '{notPem}' -KeyPath '{keyOnly}' -Confirm:$false", "ExtraHop.InvalidCertificate"),
                ($"Set-EHCertificate -Path '{keyOnly}' -Confirm:$false", "ExtraHop.InvalidCertificate"),
                ($"Set-EHCertificate -Path '{Temp.Path}/missing.pem' -Confirm:$false", "ExtraHop.InvalidArgument"),
            };
            foreach ((string script, string errorId) in cases)
            {
                PsResult result = Shell.Invoke(script);
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.True(error.FullyQualifiedErrorId.StartsWith(errorId + ",", StringComparison.Ordinal), $"{script}: {error.FullyQualifiedErrorId} {error.Exception.Message}");
            }
            Assert.Equal(0, Changes);
            Assert.Equal(Sim.CertificateSha256, Sim["eh1"].CertificateSha256);
        }

        [Fact]
        public void AnExpiredCertificateIsSentWithAWarning()
        {
            using X509Certificate2 certificate = NewCertificate(notAfter: DateTimeOffset.UtcNow.AddDays(-2));
            (string cert, string key) = PemFiles(certificate);

            PsResult result = Shell.Invoke("Set-EHCertificate $args[0] -KeyPath $args[1] -Confirm:$false", cert, key).AssertNoErrors();

            Assert.Contains(result.Warnings, w => w.Contains("expired", StringComparison.Ordinal));
            WaitUntilServed(Sha(certificate));
        }

        [Fact]
        public void WhatIfReplacesRegeneratesAndRequestsNothing()
        {
            using X509Certificate2 certificate = NewCertificate();
            (string cert, string key) = PemFiles(certificate);

            Shell.Invoke("Set-EHCertificate $args[0] -KeyPath $args[1] -WhatIf; Reset-EHCertificate -WhatIf; Reset-EHCertificate -Force -WhatIf; New-EHCertificateSigningRequest eda01 -WhatIf", cert, key).AssertNoErrors();

            Assert.Equal(0, Changes);
            Assert.Equal(4, Shell.Host.TestUI.Written.Count(l => l.StartsWith("What if:", StringComparison.Ordinal)));
        }

        [Fact]
        public void ResetWithForceFollowsTheJobShowsTheNewFingerprintAndRePinsTheSession()
        {
            PsResult result = Shell.Invoke("Reset-EHCertificate -Force").AssertNoErrors();

            ExtraHopCertificate regenerated = result.Single<ExtraHopCertificate>();
            Assert.NotEqual(Sim.CertificateSha256, regenerated.CertificateSha256);
            Assert.Equal(Sim["eh1"].CertificateSha256, regenerated.CertificateSha256);
            Assert.True(regenerated.SessionPinned);
            Assert.Contains(Sim.Events, e => e.Kind == ExtraHop.Simulator.SimulatorEventKind.JobFinished && e.Detail.Contains("status=DONE"));
            Shell.Invoke("Get-EHSystem").AssertNoErrors();
        }

        [Fact]
        public void ResetAsksBeforeTrustingTheNewCertificateAndANoLeavesTheSessionAsItWasWithHowToTrustIt()
        {
            Shell.Host.TestUI.Answers.Enqueue("No");

            PsResult result = Shell.Invoke("Reset-EHCertificate -Confirm:$false").AssertNoErrors();

            string presented = Sim["eh1"].CertificateSha256;
            Assert.NotEqual(Sim.CertificateSha256, presented);
            Assert.Contains(Shell.Host.TestUI.Prompts, p => p.Contains(presented, StringComparison.Ordinal));
            Assert.False(result.Single<ExtraHopCertificate>().SessionPinned);
            Assert.Contains(result.Warnings, w => w.Contains($"-CertificateThumbprint '{presented}'", StringComparison.Ordinal));
            Assert.Equal(Sim.CertificateSha256, Shell.Invoke("(Get-EHSession -Default).CertificateSha256").Output.Single().BaseObject);
        }

        [Fact]
        public void ResetWithAYesTrustsTheNewCertificate()
        {
            Shell.Host.TestUI.Answers.Enqueue("Yes");

            Shell.Invoke("Reset-EHCertificate -Confirm:$false").AssertNoErrors();

            Assert.Equal(Sim["eh1"].CertificateSha256, Shell.Invoke("(Get-EHSession -Default).CertificateSha256").Output.Single().BaseObject);
            Shell.Invoke("Get-EHSystem").AssertNoErrors();
        }

        [Fact]
        public void ResetWithoutConfirmationInANonInteractiveHostChangesNothing()
        {
            PsResult result = Shell.Invoke("Reset-EHCertificate");

            Assert.StartsWith("ExtraHop.ConfirmationRequired,", Assert.Single(result.AllErrors).FullyQualifiedErrorId);
            Assert.Equal(0, Changes);
        }

        [Fact]
        public void AFailedRegenerationIsAJobFailedErrorAndTheCertificateStays()
        {
            Sim["eh1"].Faults.FailCertificateRegeneration("No entropy");

            PsResult result = Shell.Invoke("Reset-EHCertificate -Force");

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ExtraHop.JobFailed,", error.FullyQualifiedErrorId);
            Assert.Contains("No entropy", error.Exception.Message);
            Assert.Empty(result.Objects<ExtraHopCertificate>());
            Assert.Equal(Sim.CertificateSha256, Sim["eh1"].CertificateSha256);
        }

        [Fact]
        public void ReadersMayNotChangeTheCertificate()
        {
            Shell.ConnectLimited(Sim, Sim["eh1"]);

            PsResult result = Shell.Invoke("Reset-EHCertificate -Session $limited -Force; New-EHCertificateSigningRequest eda01 -Session $limited");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ExtraHop.PermissionDenied,", e.FullyQualifiedErrorId));
            Assert.Equal(Sim.CertificateSha256, Sim["eh1"].CertificateSha256);
        }

        [Fact]
        public void ASigningRequestCarriesTheSubjectAndAlternativeNames()
        {
            string pem = (string)Shell.Invoke("New-EHCertificateSigningRequest -CommonName eda01.example.com -DnsName eda01.example.com, eda01 -IPAddress 10.1.2.3 -Organization 'Example Corp' -Country us -State Bavaria")
                .AssertNoErrors().Output.Single().BaseObject;

            CertificateRequest request = CertificateRequest.LoadSigningRequestPem(pem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
            Assert.Contains("CN=eda01.example.com", request.SubjectName.Name);
            Assert.Contains("O=Example Corp", request.SubjectName.Name);
            Assert.Contains("C=US", request.SubjectName.Name);
            var names = new X509SubjectAlternativeNameExtension(request.CertificateExtensions.Single(e => e.Oid!.Value == "2.5.29.17").RawData);
            Assert.Equal(new[] { "eda01.example.com", "eda01" }, names.EnumerateDnsNames());
            Assert.Equal(new[] { IPAddress.Parse("10.1.2.3") }, names.EnumerateIPAddresses());
        }

        [Fact]
        public void ASigningRequestGoesToAFileWhenAsked()
        {
            string file = Path.Combine(Temp.Path, "eda01.csr");

            PsResult result = Shell.Invoke("New-EHCertificateSigningRequest eda01.example.com -OutFile $args[0]", file).AssertNoErrors();

            Assert.Empty(result.Output);
            Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", File.ReadAllText(file));
        }

        [Theory]
        [InlineData("-Country USA")]
        [InlineData("-IPAddress 10.1.2")]
        [InlineData("-DnsName 'eda 01'")]
        public void BadSigningRequestFieldsAreRefusedBeforeSending(string bad)
        {
            PsResult result = Shell.Invoke($"New-EHCertificateSigningRequest eda01.example.com {bad}");

            Assert.StartsWith("ExtraHop.InvalidArgument,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, Changes);
        }

        /// <summary>The appliance's web server restarts after the answer; wait (bounded) until it serves the certificate.</summary>
        private void WaitUntilServed(string sha)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Sim["eh1"].CertificateSha256 != sha && DateTime.UtcNow < deadline) System.Threading.Thread.Sleep(20);
            Assert.Equal(sha, Sim["eh1"].CertificateSha256);
        }
    }
}
