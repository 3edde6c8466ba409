#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build src/ExtraHop; dotnet build src/ExtraHop.Simulator).
# A mixed deployment (simulator --deployment: console1; sensor1, sensor2; recordstores rs1 manager, rs2 and rs3 data
# nodes in cluster rsc1; packetstore ps1): the upgrade plan in the documented order, a plan that breaks the order
# refused before anything changes, recordstore ingest read and set, and the whole deployment upgraded with ingest
# halted for the recordstores and turned back on after.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Deployment -TimeScale 1200
    $sessions = @{}
    foreach ($appliance in $sim.Appliances) {
        $sessions[$appliance.Name] = Connect-TestAppliance $sim $appliance -NotDefault
    }
    $all = @('console1', 'sensor1', 'sensor2', 'rs1', 'rs2', 'rs3', 'ps1' | ForEach-Object { $sessions[$_] })
    $fast = @{ PollIntervalSec = 0.2; TimeoutSec = 300 }
    $oldVersion = '9.8.1.1000'
    $newVersion = '9.9.2.1234'

    function Get-DeploymentVersions {
        (Get-EHSystem -Session $all).Version
    }
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Get-EHUpgradePlan' {
    BeforeAll {
        $image = New-TestFirmwareImage -Path (Join-Path $TestDrive "firmware-$newVersion.tar") -Version $newVersion
        $older = New-TestFirmwareImage -Path (Join-Path $TestDrive 'firmware-9.9.1.1100.tar') -Version '9.9.1.1100'
    }

    It 'orders a mixed deployment: consoles, sensors, recordstore managers, data nodes, packetstores' {
        $plan = Get-EHUpgradePlan -Session $all -Path $image.FullName

        $plan.IsValid | Should -BeTrue
        $plan.TargetVersion | Should -Be $newVersion
        $plan.Stages.Name | Should -Be @('Consoles', 'Sensors', 'Recordstore managers', 'Recordstore data nodes', 'Packetstores')
        $plan.Stages[0].Appliances | Should -Be @($sessions.console1.Server)
        $plan.Stages[1].Appliances | Should -Be @($sessions.sensor1.Server, $sessions.sensor2.Server)
        $plan.Stages[2].Appliances | Should -Be @($sessions.rs1.Server)
        $plan.Stages[3].Appliances | Should -Be @($sessions.rs2.Server, $sessions.rs3.Server)
        $plan.Stages[4].Appliances | Should -Be @($sessions.ps1.Server)
        $plan.Rules | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty
        $plan.Steps | Should -Not -BeNullOrEmpty
    }

    It 'plans the same whatever order the appliances are given in' {
        $reversed = @($all)
        [array]::Reverse($reversed)

        $plan = Get-EHUpgradePlan -Session $reversed -Path $image.FullName

        $plan.Stages.Name | Should -Be @('Consoles', 'Sensors', 'Recordstore managers', 'Recordstore data nodes', 'Packetstores')
    }

    It 'changes nothing' {
        $null = Get-EHUpgradePlan -Session $all -Path $image.FullName

        Get-DeploymentVersions | Should -Be (@($oldVersion) * 7)
        (Get-EHClusterIngest -Session $sessions.rs1).IngestEnabled | Should -BeTrue
    }

    It 'fails the ConsoleNotBehind rule when a sensor would pass its console, and warns' {
        $rows = @(
            [pscustomobject]@{ Session = $sessions.console1; Path = $older.FullName }
            [pscustomobject]@{ Session = $sessions.sensor1; Path = $image.FullName }
        )

        $plan = $rows | Get-EHUpgradePlan -WarningVariable warnings -WarningAction SilentlyContinue

        $plan.IsValid | Should -BeFalse
        ($plan.Rules | Where-Object Rule -EQ 'ConsoleNotBehind').Passed | Should -BeFalse
        $warnings -join "`n" | Should -BeLike '*ConsoleNotBehind*'
    }

    It 'makes Invoke-EHFirmwareUpgrade refuse that plan before it changes anything' {
        $rows = @(
            [pscustomobject]@{ Session = $sessions.console1; Path = $older.FullName }
            [pscustomobject]@{ Session = $sessions.sensor1; Path = $image.FullName }
        )

        { $rows | Invoke-EHFirmwareUpgrade -Force @fast -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.UpgradePlanRefused,*'

        Get-DeploymentVersions | Should -Be (@($oldVersion) * 7)
    }
}

Describe 'Recordstore cluster ingest' {
    AfterEach {
        Set-EHClusterIngest -Enabled $true -Session $sessions.rs1 -Force
    }

    It 'reads the cluster, the node kind and ingest from a recordstore' {
        $state = Get-EHClusterIngest -Session $sessions.rs1

        $state.IngestEnabled | Should -BeTrue
        "$($state.NodeKind)" | Should -Be 'Manager'
        $state.ClusterId | Should -Not -BeNullOrEmpty
        "$((Get-EHClusterIngest -Session $sessions.rs2).NodeKind)" | Should -Be 'Data'
    }

    It 'changes nothing under -WhatIf' {
        Set-EHClusterIngest -Enabled $false -Session $sessions.rs1 -WhatIf

        (Get-EHClusterIngest -Session $sessions.rs1).IngestEnabled | Should -BeTrue
    }

    It 'halts ingest for the whole cluster and reports the change' {
        $change = Set-EHClusterIngest -Enabled $false -Session $sessions.rs1 -Force -PassThru

        $change.Before | Should -BeTrue
        $change.After | Should -BeFalse
        # The nodes of a cluster share one setting.
        (Get-EHClusterIngest -Session $sessions.rs2).IngestEnabled | Should -BeFalse
        (Get-EHClusterIngest -Session $sessions.rs3).IngestEnabled | Should -BeFalse
    }

    It 'turns ingest back on' {
        Set-EHClusterIngest -Enabled $false -Session $sessions.rs1 -Force

        $change = Set-EHClusterIngest -Enabled $true -Session $sessions.rs2 -Force -PassThru

        $change.Before | Should -BeFalse
        $change.After | Should -BeTrue
        (Get-EHClusterIngest -Session $sessions.rs1).IngestEnabled | Should -BeTrue
    }

    It 'skips a sensor, which has no cluster ingest, with a verbose line instead of an error' {
        $out = Get-EHClusterIngest -Session $sessions.sensor1, $sessions.rs1 -Verbose -ErrorAction Stop 4>&1
        $skipped = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*: skipped; it is a sensor*' })
        $skipped | Should -HaveCount 1
        @($out | Where-Object { $_ -is [ExtraHop.Models.ClusterIngestState] }) | Should -HaveCount 1
    }
}

Describe 'Invoke-EHFirmwareUpgrade on the whole deployment' {
    BeforeAll {
        $image = New-TestFirmwareImage -Path (Join-Path $TestDrive "firmware-$newVersion.tar") -Version $newVersion
        $stageOrder = @('Consoles', 'Sensors', 'Recordstore managers', 'Recordstore data nodes', 'Packetstores')
    }

    It 'changes nothing under -WhatIf' {
        $output = Invoke-EHFirmwareUpgrade -Session $all -Path $image.FullName -Force -WhatIf

        $output | Should -BeNullOrEmpty
        Get-DeploymentVersions | Should -Be (@($oldVersion) * 7)
        (Get-EHClusterIngest -Session $sessions.rs1).IngestEnabled | Should -BeTrue
    }

    It 'upgrades every appliance stage by stage, and turns recordstore ingest back on' {
        $results = Invoke-EHFirmwareUpgrade -Session $all -Path $image.FullName -Force -ThrottleLimit 4 @fast

        $results | Should -HaveCount 7
        foreach ($result in $results) {
            "$($result.Status)" | Should -Be 'Succeeded'
            $result.ToVersion | Should -Be $newVersion
        }
        # Results arrive as appliances finish, and a stage starts only after the one before it ended.
        $stages = @($results | ForEach-Object { $stageOrder.IndexOf($_.Stage) })
        $stages | Should -Not -Contain -1
        $stages | Should -Be ($stages | Sort-Object)
        ($results | Where-Object { "$($_.Role)" -eq 'Recordstore' }).IngestAction | Should -Not -BeNullOrEmpty

        Get-DeploymentVersions | Should -Be (@($newVersion) * 7)
        (Get-EHClusterIngest -Session $sessions.rs1).IngestEnabled | Should -BeTrue
    }
}
