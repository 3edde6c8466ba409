#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build src/ExtraHop; dotnet build src/ExtraHop.Simulator).
# Firmware: uploading an image (streamed, checked first), staging it for later, upgrading several sensors at once
# with -Force and -ThrottleLimit and following each through its reboot, -WhatIf changing nothing, refusing a
# downgrade, and jobs followed with Wait-EHJob.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    # Time scale 1200: a 20-minute upgrade with its reboot takes about a second.
    $sim = Start-TestSimulator -Appliances 5 -TimeScale 1200
    $sessions = @{}
    foreach ($appliance in $sim.Appliances) {
        $sessions[$appliance.Name] = Connect-TestAppliance $sim $appliance -NotDefault
    }
    $fast = @{ PollIntervalSec = 0.2; TimeoutSec = 120 }
    $oldVersion = '9.8.1.1000'
    $newVersion = '9.9.2.1234'
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Send-EHFirmware' {
    BeforeAll {
        $image = New-TestFirmwareImage -Path (Join-Path $TestDrive "firmware-$newVersion.tar") -Version $newVersion
        $unnamed = New-TestFirmwareImage -Path (Join-Path $TestDrive 'staged.tar') -Version $newVersion
        $notTar = Join-Path $TestDrive 'notes.tar'
        [System.IO.File]::WriteAllText($notTar, 'this is not a tar archive')
    }

    It 'uploads the image and reports what it sent' {
        $upload = Send-EHFirmware -Path $image.FullName -Session $sessions.eh1 -Confirm:$false

        $upload | Should -HaveCount 1
        $upload.FileName | Should -Be $image.Name
        $upload.Bytes | Should -Be $image.Length
        $upload.Version | Should -Be $newVersion
        $upload.Server | Should -Be $sessions.eh1.Server
    }

    It 'reads the version from the VERSION entry when the file name does not say it' {
        $upload = Send-EHFirmware -Path $unnamed.FullName -Session $sessions.eh1 -Confirm:$false

        $upload.Version | Should -Be $newVersion
    }

    It 'takes files from the pipeline (Get-ChildItem | Send-EHFirmware)' {
        $upload = $image | Send-EHFirmware -Session $sessions.eh1 -Confirm:$false

        $upload.FileName | Should -Be $image.Name
    }

    It 'refuses a file that is not a tar archive before sending anything' {
        { Send-EHFirmware -Path $notTar -Session $sessions.eh1 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.InvalidFirmwareImage,*'
    }

    It 'refuses a file that does not exist' {
        { Send-EHFirmware -Path (Join-Path $TestDrive 'missing.tar') -Session $sessions.eh1 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.InvalidFirmwareImage,*'
    }

    It 'uploads nothing under -WhatIf' {
        $output = Send-EHFirmware -Path $image.FullName -Session $sessions.eh5 -WhatIf

        $output | Should -BeNullOrEmpty
        # Nothing was staged: installing "the uploaded image" has nothing to install.
        $result = Invoke-EHFirmwareUpgrade -UploadedImage -Session $sessions.eh5 -Force @fast -ErrorAction SilentlyContinue -ErrorVariable failures
        "$($result.Status)" | Should -Be 'Failed'
        $failures | Should -Not -BeNullOrEmpty
        (Get-EHSystem -Session $sessions.eh5).Version | Should -Be $oldVersion
    }

    It 'stages an image that Invoke-EHFirmwareUpgrade -UploadedImage installs later' {
        $null = Send-EHFirmware -Path $image.FullName -Session $sessions.eh2 -Confirm:$false

        $result = Invoke-EHFirmwareUpgrade -UploadedImage -TargetVersion $newVersion -Session $sessions.eh2 -Force @fast

        "$($result.Status)" | Should -Be 'Succeeded'
        $result.ToVersion | Should -Be $newVersion
        (Get-EHSystem -Session $sessions.eh2).Version | Should -Be $newVersion
    }
}

Describe 'Invoke-EHFirmwareUpgrade' {
    BeforeAll {
        $image = New-TestFirmwareImage -Path (Join-Path $TestDrive "firmware-$newVersion.tar") -Version $newVersion
        $older = New-TestFirmwareImage -Path (Join-Path $TestDrive 'firmware-9.9.1.1100.tar') -Version '9.9.1.1100'
        $fleet = @($sessions.eh3, $sessions.eh4, $sessions.eh5)
    }

    It 'changes nothing under -WhatIf' {
        $output = Invoke-EHFirmwareUpgrade -Session $fleet -Path $image.FullName -Force -WhatIf

        $output | Should -BeNullOrEmpty
        (Get-EHSystem -Session $fleet).Version | Should -Be @($oldVersion, $oldVersion, $oldVersion)
    }

    It 'upgrades several appliances at once with -Force and -ThrottleLimit, and follows each through its reboot' {
        $results = Invoke-EHFirmwareUpgrade -Session $fleet -Path $image.FullName -Force -ThrottleLimit 2 @fast

        $results | Should -HaveCount 3
        $results.Server | Sort-Object | Should -Be ($fleet.Server | Sort-Object)
        foreach ($result in $results) {
            "$($result.Status)" | Should -Be 'Succeeded'
            $result.FromVersion | Should -Be $oldVersion
            $result.ToVersion | Should -Be $newVersion
            $result.JobId | Should -Not -BeNullOrEmpty
        }
        (Get-EHSystem -Session $fleet).Version | Should -Be @($newVersion, $newVersion, $newVersion)
    }

    It 'leaves appliances that already run the target version alone when run again, without an error' {
        $results = Invoke-EHFirmwareUpgrade -Session $fleet -Path $image.FullName -Force @fast -ErrorVariable failures

        $failures | Should -BeNullOrEmpty
        $results | Should -HaveCount 3
        foreach ($result in $results) {
            "$($result.Status)" | Should -Be 'Skipped'
            $result.Error | Should -Match 'already at'
        }
    }

    It 'refuses a downgrade before changing anything' {
        { Invoke-EHFirmwareUpgrade -Session $sessions.eh3 -Path $older.FullName -Force @fast -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.UpgradePlanRefused,*'

        (Get-EHSystem -Session $sessions.eh3).Version | Should -Be $newVersion
    }

    It 'refuses an image that is not firmware' {
        $notTar = Join-Path $TestDrive 'readme.tar'
        [System.IO.File]::WriteAllText($notTar, 'not firmware')

        { Invoke-EHFirmwareUpgrade -Session $sessions.eh1 -Path $notTar -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.InvalidFirmwareImage,*'
    }

    It 'hands back the job with -NoWait, and Wait-EHJob follows it to DONE through the reboot' {
        $job = Invoke-EHFirmwareUpgrade -Session $sessions.eh1 -Path $image.FullName -Force -NoWait

        $job | Should -HaveCount 1
        $job.Id | Should -Not -BeNullOrEmpty
        $done = $job | Wait-EHJob -PollIntervalSec 0.2 -TimeoutSec 120

        $done.Status | Should -Be 'DONE'
        (Get-EHSystem -Session $sessions.eh1).Version | Should -Be $newVersion
        Get-EHJob -Id $job.Id -Session $sessions.eh1 | Should -Not -BeNullOrEmpty
    }
}
