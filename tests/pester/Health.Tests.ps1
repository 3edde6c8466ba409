#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build src/ExtraHop; dotnet build src/ExtraHop.Simulator).
# Get-EHHealthReport as the nightly task uses it: one report per appliance, the findings behind its status, the
# thresholds, an unreachable appliance under Stop, -Detailed, the exit-code idiom, Export-Csv and ConvertTo-Json.
# Mirrors tests/ExtraHop.Tests/Cmdlets/HealthReportTests.cs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Deployment
    $sessions = foreach ($name in 'console1', 'sensor1', 'sensor2', 'rs1') {
        Connect-TestAppliance $sim (Get-TestAppliance $sim $name) -NotDefault
    }
    $console, $sensor1, $sensor2, $rs1 = $sessions
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Get-EHHealthReport' {
    It 'reports a healthy deployment as OK, one typed report per appliance' {
        $report = Get-EHHealthReport -Session $sessions -ThrottleLimit 2

        $report | Should -HaveCount 4
        $report | ForEach-Object { $_ | Should -BeOfType ([ExtraHop.Models.ExtraHopHealthReport]) }
        ($report.Server | Sort-Object) | Should -Be ($sessions.Server | Sort-Object)
        $report.Status | Sort-Object -Unique | Should -Be 'OK'
        ($report | Where-Object Server -EQ $rs1.Server).Role | Should -Be 'Recordstore'
        ($report | Measure-Object -Property ExitCode -Maximum).Maximum | Should -Be 0
        ($report | Where-Object Server -EQ $rs1.Server).Findings.Check | Should -Contain 'Ingest'
        ($report | Where-Object Server -EQ $sensor1.Server).Findings.Check | Should -Contain 'Processes'
        ($report | Where-Object Server -EQ $sensor1.Server).Findings.Check | Should -Contain 'License'
        ($report | Where-Object Server -EQ $console.Server).Findings.Check | Should -Contain 'Appliances'
    }

    It 'moves the certificate finding with -CertificateWarningDays' {
        $default = Get-EHHealthReport -Session $sensor1
        $certificate = $default.Findings | Where-Object Check -EQ 'Certificate'
        $certificate.Severity | Should -Be 'OK'
        $certificate.Value | Should -BeGreaterThan 300

        $strict = Get-EHHealthReport -Session $sensor1 -CertificateWarningDays 400
        ($strict.Findings | Where-Object Check -EQ 'Certificate').Severity | Should -Be 'Warning'
        $strict.Status | Should -Be 'Warning'
        $strict.ExitCode | Should -Be 1
        $strict.Summary | Should -BeLike 'Certificate: Expires *'
    }

    It 'moves the license finding with -LicenseWarningDays and leaves checks out with -SkipCheck' {
        $license = (Get-EHHealthReport -Session $sensor1 -LicenseWarningDays 400).Findings | Where-Object Check -EQ 'License'
        $license.Severity | Should -Be 'Warning'
        $license.Value | Should -BeLessThan 400

        $skipped = Get-EHHealthReport -Session $sensor1 -SkipCheck License, Certificate
        $skipped.Findings.Check | Should -Not -Contain 'License'
        $skipped.Findings.Check | Should -Not -Contain 'Certificate'
        { Get-EHHealthReport -Session $sensor1 -SkipCheck Reachability } | Should -Throw -ErrorId 'ExtraHop.InvalidArgument,*'
    }

    It 'reports record ingest off as Critical, and OK again once it is on' {
        Set-EHClusterIngest -Session $rs1 -Enabled $false -Force
        try {
            $report = Get-EHHealthReport -Session $rs1
            $report.Status | Should -Be 'Critical'
            $ingest = $report.Findings | Where-Object Check -EQ 'Ingest'
            $ingest.Severity | Should -Be 'Critical'
            $ingest.Value | Should -BeFalse
        }
        finally {
            Set-EHClusterIngest -Session $rs1 -Enabled $true -Force
        }
        (Get-EHHealthReport -Session $rs1).Status | Should -Be 'OK'
    }

    It 'compares the others with the console once the console runs newer firmware' {
        $image = New-TestFirmwareImage -Path (Join-Path $TestDrive 'extrahop-9.9.2.1234.tar') -Version '9.9.2.1234'
        Invoke-EHFirmwareUpgrade -Session $console -Path $image.FullName -Force -PollIntervalSec 0.1 | Out-Null

        $report = Get-EHHealthReport -Session $console, $sensor1
        $sensor = $report | Where-Object Server -EQ $sensor1.Server
        $version = $sensor.Findings | Where-Object Check -EQ 'Version'
        $version.Severity | Should -Be 'Warning'
        $version.Message | Should -BeLike "*older than console $($console.Server) (9.9.2.1234)*"
        ($report | Where-Object Server -EQ $console.Server).Findings.Check | Should -Not -Contain 'Version'
    }

    It 'reports an unreachable appliance as Critical under Stop, and still reports the others' {
        $elsewhere = Start-TestSimulator -Appliances 1
        $gone = Connect-TestAppliance $elsewhere (Get-TestAppliance $elsewhere 'eh1') -NotDefault
        Stop-TestSimulator $elsewhere

        $ErrorActionPreference = 'Stop'
        $report = Get-EHHealthReport -Session $gone, $sensor2 -WarningVariable warnings

        $report | Should -HaveCount 2
        $down = $report | Where-Object Server -EQ $gone.Server
        $down.Status | Should -Be 'Critical'
        $down.Findings | Should -HaveCount 1
        $down.Findings[0].Check | Should -Be 'Reachability'
        ($report | Where-Object Server -EQ $sensor2.Server).Status | Should -Be 'OK'
        ($report | Measure-Object -Property ExitCode -Maximum).Maximum | Should -Be 2
        $warnings | Should -BeNullOrEmpty
        Disconnect-ExtraHop -Session $gone
    }

    It 'writes one row per finding with -Detailed' {
        $rows = Get-EHHealthReport -Session $sensor1, $rs1 -Detailed

        $rows | ForEach-Object { $_ | Should -BeOfType ([ExtraHop.Models.ExtraHopHealthFinding]) }
        ($rows | Where-Object Server -EQ $rs1.Server).Check | Should -Contain 'Ingest'
        ($rows | Where-Object Server -EQ $sensor1.Server).Check | Should -Not -Contain 'Ingest'
        $rows | Where-Object { -not $_.Message } | Should -BeNullOrEmpty
    }

    It 'survives Export-Csv and ConvertTo-Json without its session' {
        $report = Get-EHHealthReport -Session $rs1
        $csv = Join-Path $TestDrive 'health.csv'
        $report | Export-Csv -Path $csv -NoTypeInformation
        $row = Import-Csv -Path $csv

        $row.Server | Should -Be $rs1.Server
        $row.Status | Should -Be 'OK'
        $row.Summary | Should -BeLike 'All * checks passed.'
        $row.PSObject.Properties.Name | Should -Not -Contain 'Session'

        $json = $report | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $json.Findings.Check | Should -Not -BeNullOrEmpty
        $json.Findings[0].Server | Should -Be $rs1.Server
        $json.PSObject.Properties.Name | Should -Not -Contain 'Session'
    }

    It 'fits 80 columns in its default views' {
        $text = Get-EHHealthReport -Session $sessions | Out-String -Width 80
        $text -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $text | Should -Match 'Server\s+Role\s+Version\s+Status\s+Summary'

        $detail = Get-EHHealthReport -Session $rs1 -Detailed | Out-String -Width 80
        $detail | Should -Match 'Server\s+Check\s+Severity\s+Message'
    }

    It 'refuses a null session before checking anything' {
        { Get-EHHealthReport -Session $null } | Should -Throw -ErrorId 'ExtraHop.NoSession,*'
    }
}
