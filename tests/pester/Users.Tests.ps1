#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build src/ExtraHop; dotnet build src/ExtraHop.Simulator).
# Users: typed objects with readable roles, wildcards, a missing user that does not stop the pipeline, too little
# privilege, and objects that remember their session. Mirrors tests/ExtraHop.Tests/Cmdlets/UserTests.cs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Appliances 2
    $eh1 = Get-TestAppliance $sim 'eh1'
    $eh2 = Get-TestAppliance $sim 'eh2'
    $session = Connect-TestAppliance $sim $eh1
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Get-EHUser' {
    It 'lists typed users with readable roles' {
        $users = Get-EHUser -Session $session

        $admin = $users | Where-Object Username -EQ 'admin'
        $admin | Should -HaveCount 1
        $admin | Should -BeOfType ([ExtraHop.Models.ExtraHopUser])
        $admin.GrantedPrivileges.System | Should -Be 'full'
        $admin.EffectivePrivileges.IsSystemAdministrator | Should -BeTrue
        "$($admin.GrantedPrivileges)" | Should -BeLike '*system=full*'

        $auditor = $users | Where-Object Username -EQ 'auditor'
        $auditor.GrantedPrivileges.Write | Should -Be 'personal'
        $auditor.EffectivePrivileges.IsSystemAdministrator | Should -BeFalse
    }

    It 'filters names with wildcards' {
        $names = Get-EHUser -Name 'adm*', 'aud*' -Session $session | ForEach-Object Username | Sort-Object

        $names | Should -Be @('admin', 'auditor')
    }

    It 'reports a missing user as ObjectNotFound and goes on with the rest of the pipeline' {
        $found = 'admin', 'nobody', 'auditor' | Get-EHUser -Session $session -ErrorAction SilentlyContinue -ErrorVariable failures

        $found.Username | Should -Be @('admin', 'auditor')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ExtraHop.NotFound,*'
        "$($failures[0].CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'nobody'
    }

    It 'ends with a stable ErrorId under -ErrorAction Stop' {
        { Get-EHUser -Name 'nobody' -Session $session -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.NotFound,*'
    }

    It 'lets a key without system privilege read, and refuses it a change' {
        # The limited key's user has write: personal, which may perform every GET operation and nothing else.
        $limited = Connect-TestAppliance $sim $eh1 -Limited -NotDefault
        $image = New-TestFirmwareImage -Path (Join-Path $TestDrive 'extrahop-9.9.1.1100.tar') -Version '9.9.1.1100'
        try {
            (Get-EHSystem -Session $limited).Version | Should -Be '9.8.1.1000'
            (Get-EHUser -Session $limited).Username | Should -Contain 'auditor'
            { Send-EHFirmware -Path $image.FullName -Session $limited -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.PermissionDenied,*'

            Send-EHFirmware -Path $image.FullName -Session $limited -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
            "$($failures[0].CategoryInfo.Category)" | Should -Be 'PermissionDenied'
            $failures[0].Exception.ApplianceMessage | Should -Not -BeNullOrEmpty
        }
        finally {
            Disconnect-ExtraHop -Session $limited
        }
    }

    It 'sends piped users back to the appliance they came from, not to the default' {
        $other = Connect-TestAppliance $sim $eh2
        try {
            $user = Get-EHUser -Name admin -Session $session | Get-EHUser

            $user.Server | Should -Be $eh1.Server
            $user.Session | Should -Be $session
        }
        finally {
            Disconnect-ExtraHop -Session $other
        }
    }
}

Describe 'Sessions per runspace' {
    It 'gives a new runspace none of the sessions of this one' {
        $mine = Connect-TestAppliance $sim $eh2 -NotDefault
        $runspace = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
        $runspace.Open()
        $shell = [powershell]::Create()
        try {
            $shell.Runspace = $runspace
            $null = $shell.AddScript('param($manifest) Import-Module $manifest; @(Get-EHSession).Count').AddArgument((Join-Path (Get-TestRepoRoot) 'ExtraHop.psd1'))
            $shell.Invoke() | Should -Be 0
            (Get-EHSession).Server | Should -Contain $mine.Server
        }
        finally {
            $shell.Dispose()
            $runspace.Dispose()
            Disconnect-ExtraHop -Session $mine
        }
    }
}
