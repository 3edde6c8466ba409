#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build).
# System administration: processes and process restart, services, ticketing, the iDRAC address, restart with -Wait
# and shutdown. Mirrors tests/ExtraHop.Tests/Cmdlets/SystemAdministrationTests.cs (which also covers a stopped
# process and a restart that never comes back; those need simulator faults this out-of-process simulator does not
# take from its command line).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Appliances 2 -Version '9.9.2.1234'
    $eh1 = Get-TestAppliance $sim 'eh1'
    $eh2 = Get-TestAppliance $sim 'eh2'
    $session = Connect-TestAppliance $sim $eh1
    $other = Connect-TestAppliance $sim $eh2 -NotDefault
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Get-EHProcess and Restart-EHProcess' {
    It 'lists typed processes that say whether they run' {
        $processes = Get-EHProcess

        $processes.Count | Should -BeGreaterThan 10
        $processes[0] | Should -BeOfType ([ExtraHop.Models.ExtraHopProcess])
        ($processes | Where-Object Name -eq 'exapi').IsRunning | Should -BeTrue
        (Get-EHProcess -Name 'exa*').Name | Should -Be @('exadmin', 'exalerts', 'examf', 'exapi')
    }

    It 'restarts a process the appliance reports' {
        $restarted = Restart-EHProcess exalerts -PassThru -Confirm:$false

        $restarted.Name | Should -Be 'exalerts'
        $restarted.IsRunning | Should -BeTrue
        $restarted.Server | Should -Be $eh1.Server
    }

    It 'refuses a process name the appliance does not know, before sending anything' {
        { Restart-EHProcess nosuchd -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.UnknownProcess,*'
    }

    It 'restarts nothing under -WhatIf' {
        $before = (Get-EHProcess exapi).UptimeSeconds
        Restart-EHProcess exapi -WhatIf
        (Get-EHProcess exapi).UptimeSeconds | Should -BeGreaterOrEqual $before
    }
}

Describe 'Get-EHService and Set-EHService' {
    It 'turns one service off and leaves the others alone' {
        Set-EHService -Name ssh -Enabled $false -Session $other -Confirm:$false

        (Get-EHService ssh -Session $other).Enabled | Should -BeFalse
        (Get-EHService ssh).Enabled | Should -BeTrue
        (Get-EHService management_gui -Session $other).Enabled | Should -BeTrue
    }

    It 'changes nothing under -WhatIf' {
        Set-EHService -Name ssh -Enabled $false -WhatIf
        (Get-EHService ssh).Enabled | Should -BeTrue
    }

    It 'refuses a service name the appliance does not know' {
        { Set-EHService -Name telnet -Enabled $true -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.UnknownService,*'
    }
}

Describe 'Get-EHTicketing and Set-EHTicketing' {
    It 'enables ticket tracking with a URL template' {
        $after = Set-EHTicketing -Enabled $true -UrlTemplate 'https://tickets.example.com/browse/$ticket_id' -PassThru -Confirm:$false

        $after.Enabled | Should -BeTrue
        $after.UrlTemplate | Should -Be 'https://tickets.example.com/browse/$ticket_id'
        (Get-EHTicketing).Enabled | Should -BeTrue
    }

    It 'refuses a template that is not an absolute http or https URL' {
        { Set-EHTicketing -UrlTemplate 'tickets/$ticket_id' -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidUrlTemplate,*'
    }

    It 'refuses a call that changes nothing' {
        { Set-EHTicketing -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidArgument,*'
    }
}

Describe 'Get-EHSystem on an appliance without an iDRAC' {
    It 'leaves IdracAddress empty and still reports the rest' {
        $system = Get-EHSystem

        $system.IdracAddress | Should -BeNullOrEmpty
        $system.Version | Should -Be '9.9.2.1234'
    }
}

Describe 'Restart-EHAppliance and Stop-EHAppliance' {
    It 'restarts nothing under -WhatIf, even with -Force' {
        Restart-EHAppliance -WhatIf -Force
        Stop-EHAppliance -WhatIf -Force
        (Get-EHSystem).Version | Should -Be '9.9.2.1234'
    }

    It 'follows a restart until the appliance answers again with the same version' {
        $back = Restart-EHAppliance -Wait -Force -PollIntervalSec 0.05 -TimeoutSec 120

        $back | Should -BeOfType ([ExtraHop.Models.ExtraHopSystem])
        $back.Version | Should -Be '9.9.2.1234'
        $back.Server | Should -Be $eh1.Server
    }

    It 'shuts an appliance down for good' {
        Stop-EHAppliance -Session $other -Force

        { Get-EHSystem -Session $other -ErrorAction Stop } | Should -Throw
    }
}
