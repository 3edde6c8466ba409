#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build src/ExtraHop; dotnet build src/ExtraHop.Simulator).
# Connected appliances on the simulator's deployment (console1 has one connected appliance of every kind: ids 1
# sensor, 2 IDS sensor, 3 recordstore, 4 packetstore), all at 9.9.1.1100: list, connect, disconnect, cloud services,
# product keys, IDS association, remote firmware through the console, and console-only operations refused on a
# sensor. Mirrors tests/ExtraHop.Tests/Cmdlets/ApplianceTests.cs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Deployment -Version '9.9.1.1100' -TimeScale 1200
    $console = Connect-TestAppliance $sim (Get-TestAppliance $sim 'console1')
    $sensor = Connect-TestAppliance $sim (Get-TestAppliance $sim 'sensor1') -NotDefault
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Get-EHAppliance' {
    It 'lists the console and one connected appliance of every kind, typed' {
        $appliances = Get-EHAppliance -Session $console

        $appliances | Should -HaveCount 5
        $appliances[0] | Should -BeOfType ([ExtraHop.Models.ExtraHopAppliance])
        $appliances.Id | Should -Be @(0, 1, 2, 3, 4)
        "$($appliances[3].Role)" | Should -Be 'Recordstore'
        $appliances[2].IsIdsSensor | Should -BeTrue
        $appliances[1].AddTime | Should -BeOfType ([datetimeoffset])
    }

    It 'refuses another id on a sensor as console-only, and sends nothing' {
        { Get-EHAppliance -Id 1 -Session $sensor -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.ConsoleOnly,*'
    }
}

Describe 'Add-EHAppliance and Remove-EHAppliance' {
    It 'connects an appliance with a pairing token and disconnects it through the pipeline' {
        $token = ConvertTo-SecureString 'pairing-token-1' -AsPlainText -Force
        $added = Add-EHAppliance 'eta09.example.com' -Type Packetstore -PairingToken $token -Session $console

        $added.Hostname | Should -Be 'eta09.example.com'
        "$($added.Role)" | Should -Be 'Packetstore'

        $added | Remove-EHAppliance -Force
        (Get-EHAppliance -Session $console).Hostname | Should -Not -Contain 'eta09.example.com'
    }

    It 'changes nothing under -WhatIf' {
        Remove-EHAppliance 1 -WhatIf -Session $console

        (Get-EHAppliance -Session $console).Id | Should -Contain 1
    }

    It 'refuses the console itself and unknown ids with specific ErrorIds' {
        { Remove-EHAppliance 0 -Force -Session $console -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.LocalAppliance,*'
        { Remove-EHAppliance 99 -Force -Session $console -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.NotFound,*'
    }
}

Describe 'Cloud services, product keys and IDS association' {
    It 'reads cloud services on every role and unenrolls a sensor' {
        (Get-EHCloudService -Session $console, $sensor).Enrolled | Should -Be @($true, $true)

        $after = Set-EHCloudService -Unenroll -Force -PassThru -Session $sensor
        $after.Enrolled | Should -BeFalse
    }

    It 'reads the product key of a connected appliance' {
        $key = Get-EHApplianceProductKey 3 -Session $console

        $key.ApplianceId | Should -Be 3
        $key.ProductKey | Should -Not -BeNullOrEmpty
    }

    It 'joins an IDS sensor to a packet sensor and refuses an appliance that is no IDS sensor' {
        $joined = Set-EHApplianceAssociation 2 -PacketSensor 1 -PassThru -Confirm:$false -Session $console
        $joined.AssociatedSensorId | Should -Be 1

        { Set-EHApplianceAssociation 1 -PacketSensor 3 -Confirm:$false -Session $console -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.NotIdsSensor,*'
    }
}

Describe 'Remote firmware through the console' {
    It 'lists what connected appliances can take and upgrades them, following the job and its remote jobs' {
        (Get-EHFirmware -Remote -ApplianceId 1 -Session $console).Versions | Should -Contain '9.9.2.1234'

        $job = Invoke-EHFirmwareUpgrade -Version '9.9.2.1234' -ViaConsole -ApplianceId 1, 4 -Force -PollIntervalSec 0.2 -Session $console

        $job.Status | Should -Be 'DONE'
        $job.RemoteJobs.SystemId | Should -Be @(1, 4)
        (Get-EHAppliance -Id 1 -Session $console).FirmwareVersion | Should -Be '9.9.2.1234'
    }

    It 'refuses a remote upgrade on a sensor before sending anything' {
        { Invoke-EHFirmwareUpgrade -Version '9.9.2.1234' -ViaConsole -ApplianceId 1 -Force -Session $sensor -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.ConsoleOnly,*'
    }
}
