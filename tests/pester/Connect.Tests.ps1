#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build src/ExtraHop; dotnet build src/ExtraHop.Simulator).
# Sessions: connecting with a key or a credential, certificate trust and pinning, the default session, and
# Get-EHSystem routed by -Session. Mirrors tests/ExtraHop.Tests/Cmdlets/ConnectTests.cs and SessionRoutingTests.cs.
# (RevealX 360 client credentials need a tenant appliance, which the simulator's command line does not offer;
# the xunit suite covers them.)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Appliances 2
    $eh1 = Get-TestAppliance $sim 'eh1'
    $eh2 = Get-TestAppliance $sim 'eh2'
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Connect-ExtraHop' {
    AfterEach {
        Disconnect-ExtraHop -All
    }

    It 'connects with an API key, proves the connection, and becomes the default' {
        $session = Connect-ExtraHop -Server $eh1.Server -ApiKey $eh1.Key -CertificateThumbprint $sim.CertificateSha256

        $session.Server | Should -Be $eh1.Server
        $session.Version | Should -Be '9.8.1.1000'
        "$($session.Role)" | Should -Be 'Sensor'
        "$($session.AuthKind)" | Should -Be 'ApiKey'
        "$($session.TlsMode)" | Should -Be 'Pinned'
        $session.IsDefault | Should -BeTrue
        (Get-EHSession -Default).Server | Should -Be $eh1.Server
    }

    It 'takes a PSCredential whose password is the API key' {
        $credential = [pscredential]::new('ignored', $eh1.Key)
        $session = Connect-ExtraHop -Server $eh1.Server -Credential $credential -CertificateThumbprint $sim.CertificateSha256

        "$($session.AuthKind)" | Should -Be 'ApiKey'
    }

    It 'refuses a wrong API key with a stable ErrorId' {
        $wrong = ConvertTo-TestSecureString -Text 'not-the-key'

        { Connect-ExtraHop -Server $eh1.Server -ApiKey $wrong -CertificateThumbprint $sim.CertificateSha256 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.AuthenticationFailed,ExtraHop.Commands.ConnectExtraHopCommand'
        Get-EHSession | Should -BeNullOrEmpty
    }

    It 'says the error category and status of a wrong key' {
        $wrong = ConvertTo-TestSecureString -Text 'not-the-key'

        Connect-ExtraHop -Server $eh1.Server -ApiKey $wrong -CertificateThumbprint $sim.CertificateSha256 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures | Should -HaveCount 1
        "$($failures[0].CategoryInfo.Category)" | Should -Be 'AuthenticationError'
        [int]$failures[0].Exception.StatusCode | Should -Be 401
    }

    It 'refuses a certificate this computer does not trust, and says how to pin it' {
        { Connect-ExtraHop -Server $eh1.Server -ApiKey $eh1.Key -MaximumRetryCount 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.CertificateUntrusted,*'

        Connect-ExtraHop -Server $eh1.Server -ApiKey $eh1.Key -MaximumRetryCount 0 -ErrorAction SilentlyContinue -ErrorVariable failures
        "$($failures[0].CategoryInfo.Category)" | Should -Be 'SecurityError'
        $failures[0].ErrorDetails.Message | Should -BeLike "*$($sim.CertificateSha256)*"
        $failures[0].ErrorDetails.Message | Should -BeLike '*-CertificateThumbprint*'
        Get-EHSession | Should -BeNullOrEmpty
    }

    It 'refuses a certificate that does not match the pin' {
        $wrongPin = (@('AB') * 32) -join ':'

        { Connect-ExtraHop -Server $eh1.Server -ApiKey $eh1.Key -CertificateThumbprint $wrongPin -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.CertificateUntrusted,*'
    }

    It 'accepts a pin written in lower case with colons' {
        $pretty = (($sim.CertificateSha256 -split '(..)' | Where-Object { $_ }) -join ':').ToLowerInvariant()

        $session = Connect-ExtraHop -Server $eh1.Server -ApiKey $eh1.Key -CertificateThumbprint $pretty

        "$($session.TlsMode)" | Should -Be 'Pinned'
    }

    It 'connects with -SkipCertificateCheck, and warns' {
        $session = Connect-ExtraHop -Server "https://$($eh1.Server)/api/v1" -ApiKey $eh1.Key -SkipCertificateCheck -WarningVariable warnings -WarningAction SilentlyContinue

        "$($session.TlsMode)" | Should -Be 'Skipped'
        $warnings -join "`n" | Should -BeLike '*Certificate checks are off*'
    }

    It 'refuses plain http before sending the key' {
        { Connect-ExtraHop -Server "http://$($eh1.Server)" -ApiKey $eh1.Key -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.InvalidArgument,*'
    }

    It 'refuses -SkipCertificateCheck together with -CertificateThumbprint' {
        { Connect-ExtraHop -Server $eh1.Server -ApiKey $eh1.Key -SkipCertificateCheck -CertificateThumbprint $sim.CertificateSha256 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.InvalidArgument,*'
    }

    It 'connects the rows of a CSV without changing the default' {
        $default = Connect-TestAppliance $sim $eh1
        $rows = @(
            [pscustomobject]@{ Server = $eh1.Server; ApiKey = $eh1.ApiKey; CertificateThumbprint = $sim.CertificateSha256 }
            [pscustomobject]@{ Server = $eh2.Server; ApiKey = $eh2.ApiKey; CertificateThumbprint = $sim.CertificateSha256 }
        )

        $sessions = $rows | Connect-ExtraHop -NotDefault

        $sessions | Should -HaveCount 2
        ($sessions | Where-Object Server -EQ $eh2.Server).IsDefault | Should -BeFalse
        (Get-EHSession -Default).Server | Should -Be $default.Server
        # Every open session is listed, so Get-EHSession | Disconnect-ExtraHop closes them all: the default and
        # the -NotDefault session to the same appliance are two sessions, and the second appliance is the third.
        Get-EHSession | Should -HaveCount 3
    }

    It 'disconnects, clears the default, and refuses a closed session' {
        $session = Connect-TestAppliance $sim $eh1

        Disconnect-ExtraHop

        $session.IsConnected | Should -BeFalse
        Get-EHSession | Should -BeNullOrEmpty
        { Get-EHSystem -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.NoDefaultSession,*'
        { Get-EHSystem -Session $session -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.SessionClosed,*'
    }
}

Describe 'Get-EHSystem and -Session' {
    BeforeAll {
        $first = Connect-TestAppliance $sim $eh1
        $second = Connect-TestAppliance $sim $eh2
    }

    AfterAll {
        Disconnect-ExtraHop -All
    }

    It 'reads the default session (the last one connected)' {
        $system = Get-EHSystem

        $system.Server | Should -Be $second.Server
        $system.Version | Should -Be '9.8.1.1000'
        "$($system.Role)" | Should -Be 'Sensor'
    }

    It 'goes where -Session says, by object or by server name' {
        (Get-EHSystem -Session $first).Server | Should -Be $first.Server
        (Get-EHSystem -Session $first.Server).Server | Should -Be $first.Server
        (Get-EHSystem -Session $first, $second).Server | Should -Be @($first.Server, $second.Server)
    }

    It 'refuses a server name that is not connected, naming the ones that are' {
        { Get-EHSystem -Session 'nosuchhost' -ErrorAction Stop } | Should -Throw "*no connected session named 'nosuchhost'*"
    }

    It 'filters sessions by wildcard' {
        Get-EHSession -Server 'localhost*' | Should -HaveCount 2
        Get-EHSession -Server 'nothing*' | Should -BeNullOrEmpty
    }
}
