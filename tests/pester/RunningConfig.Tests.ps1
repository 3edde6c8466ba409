#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build src/ExtraHop; dotnet build src/ExtraHop.Simulator).
# Running config: reading it whole, by section and saved; -WhatIf that sends nothing; replace, unsaved changes and
# save; each bad input's ErrorId; stable backups; compare across running, saved, a file and another appliance, with
# secrets masked. Mirrors tests/ExtraHop.Tests/Cmdlets/RunningConfigTests.cs and RunningConfigBackupTests.cs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Appliances 2
    $eh1 = Connect-TestAppliance $sim (Get-TestAppliance $sim 'eh1')
    $eh2 = Connect-TestAppliance $sim (Get-TestAppliance $sim 'eh2') -NotDefault
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Get-EHRunningConfig' {
    It 'reads the whole config, a section and the saved copy as objects' {
        (Get-EHRunningConfig -Session $eh1).dns.servers | Should -Be @('10.0.0.2', '10.0.0.3')
        (Get-EHRunningConfig -Section dns -Session $eh1).search_domains | Should -Be 'corp.example.com'
        (Get-EHRunningConfig -Saved -Section snmp -Session $eh1).contact | Should -Be 'noc@example.com'
        (Get-EHRunningConfig -Session $eh2).network.hostname | Should -Be 'eh2'
    }

    It 'returns the text as sent with -Raw' {
        $raw = Get-EHRunningConfig -Raw -Session $eh1

        $raw | Should -BeOfType ([string])
        $raw | Should -Match '"ratio": 1\.50'
    }

    It 'refuses a section the appliance does not have with its own ErrorId' {
        { Get-EHRunningConfig -Section nosuch -Session $eh1 -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.RunningConfigSectionNotFound,*'
        { Get-EHRunningConfig -Section nosuch -Saved -Session $eh1 -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.RunningConfigSectionNotFound,*'
    }
}

Describe 'Set-EHRunningConfig and Save-EHRunningConfig' {
    It 'lists the differences with secrets masked under -WhatIf and changes nothing' {
        $before = Get-EHRunningConfig -Raw -Session $eh1
        $config = Get-EHRunningConfig -Session $eh1
        $config.snmp.community = 'brand-new-community'

        $result = $config | Set-EHRunningConfig -Session $eh1 -WhatIf

        $result | Should -BeNullOrEmpty
        Get-EHRunningConfig -Raw -Session $eh1 | Should -Be $before
    }

    It 'leaves a replace unsaved until it is saved, and says so' {
        $config = Get-EHRunningConfig -Session $eh1
        $config.ntp.timezone = 'UTC'

        $update = $config | Set-EHRunningConfig -Session $eh1 -Force

        $update | Should -BeOfType ([ExtraHop.Models.RunningConfigUpdate])
        $update.Differences | Should -Be 1
        $update.UnsavedChanges | Should -BeTrue
        (Compare-EHRunningConfig -Session $eh1).Path | Should -Be 'ntp.timezone'

        Save-EHRunningConfig -Session $eh1 -Confirm:$false

        Compare-EHRunningConfig -Session $eh1 | Should -BeNullOrEmpty
        (Get-EHRunningConfig -Saved -Session $eh1).ntp.timezone | Should -Be 'UTC'
    }

    It 'refuses <Case> with <ErrorId> and sends nothing' -ForEach @(
        @{ Case = 'a file that is not JSON'; Content = 'dns: 10.0.0.2'; ErrorId = 'ExtraHop.RunningConfigNotJson,*' }
        @{ Case = 'JSON that is not an object'; Content = '[ 1, 2 ]'; ErrorId = 'ExtraHop.RunningConfigNotObject,*' }
    ) {
        $before = Get-EHRunningConfig -Raw -Session $eh1
        $file = Join-Path $TestDrive 'bad.json'
        Set-Content -Path $file -Value $Content

        { Set-EHRunningConfig -Path $file -Session $eh1 -Force -ErrorAction Stop } | Should -Throw -ErrorId $ErrorId

        Get-EHRunningConfig -Raw -Session $eh1 | Should -Be $before
    }

    It 'refuses a file that does not exist' {
        { Set-EHRunningConfig -Path (Join-Path $TestDrive 'missing.json') -Session $eh1 -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.RunningConfigFileNotFound,*'
    }
}

Describe 'Export-EHRunningConfig' {
    It 'writes one stable file per appliance, the same bytes when nothing changed' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'backup')

        $first = Export-EHRunningConfig -Session $eh1, $eh2 -Directory $folder -ThrottleLimit 2
        $bytes = [System.IO.File]::ReadAllBytes((Join-Path $folder 'eh1.json'))
        $second = Export-EHRunningConfig -Session $eh1, $eh2 -Directory $folder

        $first | Should -HaveCount 2
        $first.Status | Should -Be @('Created', 'Created')
        $second.Status | Should -Be @('Unchanged', 'Unchanged')
        [System.IO.File]::ReadAllBytes((Join-Path $folder 'eh1.json')) | Should -Be $bytes
        (Get-Content (Join-Path $folder 'eh1.json.meta') -Raw | ConvertFrom-Json).hostname | Should -Be 'eh1'
    }

    It 'refuses a folder that does not exist before asking any appliance' {
        { Export-EHRunningConfig -Session $eh1 -Directory (Join-Path $TestDrive 'no-such-folder') } |
            Should -Throw -ErrorId 'ExtraHop.BackupFolderNotFound,*'
    }
}

Describe 'Compare-EHRunningConfig' {
    It 'compares a file, another appliance and the saved copy, masking secrets' {
        $folder = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'compare')
        $backup = (Export-EHRunningConfig -Session $eh1 -Directory $folder).Path

        Compare-EHRunningConfig -ReferencePath $backup -Session $eh1 | Should -BeNullOrEmpty
        Compare-EHRunningConfig -ReferencePath $backup -Path $backup | Should -BeNullOrEmpty

        $differences = Compare-EHRunningConfig -ReferenceSession $eh2 -Session $eh1
        ($differences | Where-Object Path -EQ 'network.hostname').DifferenceValue | Should -Be '"eh1"'
        $secret = $differences | Where-Object Path -EQ 'auth.ldap.bind_password'
        $secret.Masked | Should -BeTrue
        $secret.ReferenceValue | Should -Be '********'
        $secret.DifferenceValue | Should -Be '********'
    }
}
