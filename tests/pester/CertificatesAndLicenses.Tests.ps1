#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build src/ExtraHop; dotnet build src/ExtraHop.Simulator).
# Licenses, product keys and TLS certificates: expiry as a date and days left, registration jobs followed, bad files
# and keys refused before sending, a pinned session that keeps working after the certificate is replaced or
# regenerated. Mirrors tests/ExtraHop.Tests/Cmdlets/LicenseTests.cs and CertificateTests.cs (which also cover the
# simulator's faults, which a separate simulator process cannot be given).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Appliances 1
    $eh1 = Get-TestAppliance $sim 'eh1'
    $session = Connect-TestAppliance $sim $eh1

    function New-TestCertificate {
        param([switch] $Expired)
        $key = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
            'CN=localhost, O=Example Corp', $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
            [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $names = [System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder]::new()
        $names.AddDnsName('localhost')
        $request.CertificateExtensions.Add($names.Build())
        $from = if ($Expired) { [DateTimeOffset]::UtcNow.AddDays(-30) } else { [DateTimeOffset]::UtcNow.AddHours(-1) }
        $to = if ($Expired) { [DateTimeOffset]::UtcNow.AddDays(-1) } else { [DateTimeOffset]::UtcNow.AddDays(365) }
        $request.CreateSelfSigned($from, $to)
    }

    function Get-Sha256 {
        param($Certificate)
        $Certificate.GetCertHashString([System.Security.Cryptography.HashAlgorithmName]::SHA256)
    }
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Get-EHLicense' {
    It 'shows the edition, the expiry as a date and the days left' {
        $license = Get-EHLicense -Session $session

        $license | Should -BeOfType ([ExtraHop.Models.ExtraHopLicense])
        $license.Edition | Should -Not -BeNullOrEmpty
        $license.Expires | Should -BeOfType ([datetime])
        $license.DaysLeft | Should -BeGreaterThan 300
        $license.Modules | Should -Contain 'ndr'
        $license.ProductKey | Should -BeLike 'XXXX-*'
    }
}

Describe 'Set-EHLicense' {
    It 'applies a JSON license and follows its registration job' {
        $file = Join-Path $TestDrive 'license.json'
        $expires = [DateTimeOffset]::UtcNow.AddDays(500).ToUnixTimeSeconds()
        Set-Content -Path $file -Value "{ ""edition"": ""Reveal(x) Premium"", ""expires_at"": $expires }"

        $license = Set-EHLicense -Path $file -Session $session -PassThru -Confirm:$false

        $license.Edition | Should -Be 'Reveal(x) Premium'
        $license.DaysLeft | Should -BeIn 499, 500
    }

    It 'refuses an empty file and a file that is no license, sending nothing' {
        $empty = Join-Path $TestDrive 'empty.txt'
        Set-Content -Path $empty -Value ''
        $csv = Join-Path $TestDrive 'hosts.csv'
        Set-Content -Path $csv -Value "Server,ApiKey`neh1,abc"

        { Set-EHLicense -Path $empty -Session $session -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.EmptyLicenseFile,*'
        { Set-EHLicense -Path $csv -Session $session -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidLicenseFile,*'
    }
}

Describe 'Product keys' {
    It 'applies a product key through its registration job and reads it back' {
        Set-EHProductKey 'wxyz-2345-abcd-6789' -Session $session -Confirm:$false

        (Get-EHProductKey -Session $session).ProductKey | Should -Be 'WXYZ-2345-ABCD-6789'
    }

    It 'refuses a key of the wrong shape before sending' {
        { Set-EHProductKey 'ABCD-EFG' -Session $session -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidProductKey,*'
        (Get-EHProductKey -Session $session).ProductKey | Should -Be 'WXYZ-2345-ABCD-6789'
    }
}

Describe 'New-EHCertificateSigningRequest' {
    It 'writes a PEM request with the subject and alternative names' {
        $pem = New-EHCertificateSigningRequest -CommonName eda01.example.com -DnsName eda01.example.com, eda01 -IPAddress 10.1.2.3 -Country US -Session $session

        $pem | Should -BeLike '-----BEGIN CERTIFICATE REQUEST-----*'
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::LoadSigningRequestPem(
            $pem, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
            [System.Security.Cryptography.X509Certificates.CertificateRequestLoadOptions]::UnsafeLoadCertificateExtensions)
        $request.SubjectName.Name | Should -BeLike '*CN=eda01.example.com*'
    }

    It 'refuses a country code that is not two letters' {
        { New-EHCertificateSigningRequest eda01 -Country USA -Session $session -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidArgument,*'
    }
}

Describe 'Set-EHCertificate' {
    It 'refuses a certificate without its key and a key of another certificate' {
        $certificate = New-TestCertificate
        $other = New-TestCertificate
        $cert = Join-Path $TestDrive 'cert.pem'
        $otherKey = Join-Path $TestDrive 'other.key'
        Set-Content -Path $cert -Value $certificate.ExportCertificatePem()
        Set-Content -Path $otherKey -Value ([System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($other).ExportPkcs8PrivateKeyPem())

        { Set-EHCertificate -Path $cert -Session $session -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.CertificateKeyMissing,*'
        { Set-EHCertificate -Path $cert -KeyPath $otherKey -Session $session -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.CertificateKeyMismatch,*'
    }

    It 'refuses a PFX file with the wrong password' {
        $certificate = New-TestCertificate
        $pfx = Join-Path $TestDrive 'eh1.pfx'
        [System.IO.File]::WriteAllBytes($pfx, $certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pkcs12, 'right'))
        $wrong = ConvertTo-TestSecureString 'wrong'

        { Set-EHCertificate -PfxPath $pfx -PfxPassword $wrong -Session $session -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidPfxPassword,*'
    }

    It 'installs a certificate and the pinned session keeps working' {
        $certificate = New-TestCertificate
        $cert = Join-Path $TestDrive 'new.pem'
        $key = Join-Path $TestDrive 'new.key'
        Set-Content -Path $cert -Value $certificate.ExportCertificatePem()
        Set-Content -Path $key -Value ([System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($certificate).ExportPkcs8PrivateKeyPem())

        $installed = Set-EHCertificate -Path $cert -KeyPath $key -Session $session -PassThru -Confirm:$false

        $installed.CertificateSha256 | Should -Be (Get-Sha256 $certificate)
        $session.CertificateSha256 | Should -Be (Get-Sha256 $certificate)
        Get-EHSystem -Session $session | Should -Not -BeNullOrEmpty
    }

    It 'sends an expired certificate with a warning' {
        $certificate = New-TestCertificate -Expired
        $cert = Join-Path $TestDrive 'old.pem'
        Set-Content -Path $cert -Value ($certificate.ExportCertificatePem() + "`n" + [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($certificate).ExportPkcs8PrivateKeyPem())

        Set-EHCertificate -Path $cert -Session $session -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue

        $warned | Should -Not -BeNullOrEmpty
        $session.CertificateSha256 | Should -Be (Get-Sha256 $certificate)
    }
}

Describe 'Reset-EHCertificate' {
    It 'sends nothing with -WhatIf' {
        $before = $session.CertificateSha256

        Reset-EHCertificate -Session $session -Force -WhatIf

        $session.CertificateSha256 | Should -Be $before
    }

    It 'regenerates, shows the new fingerprint and with -Force re-pins the session' {
        $before = $session.CertificateSha256

        $regenerated = Reset-EHCertificate -Session $session -Force

        $regenerated.CertificateSha256 | Should -Not -Be $before
        $regenerated.SessionPinned | Should -BeTrue
        $session.CertificateSha256 | Should -Be $regenerated.CertificateSha256
        Get-EHSystem -Session $session | Should -Not -BeNullOrEmpty
    }
}
