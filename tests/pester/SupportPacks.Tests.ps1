#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build).
# Support packs and packets: listing, running and downloading packs (a download written as .partial and renamed,
# resumed after a cut), upload-and-run, and Save-EHPacket with its refusals. Mirrors
# tests/ExtraHop.Tests/Cmdlets/SupportPackTests.cs and PacketTests.cs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Appliances 1 -Version '9.9.2.1234'
    $eh1 = Get-TestAppliance $sim 'eh1'
    $session = Connect-TestAppliance $sim $eh1
    $limited = Connect-TestAppliance $sim $eh1 -Limited -NotDefault
    $dest = Join-Path $TestDrive 'packs'
    New-Item -ItemType Directory -Path $dest | Out-Null
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'Get-EHSupportPack, New-EHSupportPack and Save-EHSupportPack' {
    It 'lists packs with their name, size and time' {
        $pack = Get-EHSupportPack diagnostics-default.expk

        $pack.FileName | Should -Be 'diagnostics-default.expk'
        $pack.Size | Should -BeGreaterThan 0
        $pack.Created | Should -Not -BeNullOrEmpty
        $pack.Server | Should -Be $eh1.Server
    }

    It 'runs the default pack, waits for it and saves its file byte for byte' {
        $saved = New-EHSupportPack -PollIntervalSec 0.05 | Save-EHSupportPack -Destination $dest

        $saved.Path | Should -Exist
        (Get-Item $saved.Path).Length | Should -Be $saved.Bytes
        [System.IO.File]::ReadAllBytes($saved.Path)[0..3] | Should -Be @(0, 1, 2, 3)
        "$($saved.Path).partial" | Should -Not -Exist
    }

    It 'refuses a missing folder and an existing file before sending anything' {
        { Save-EHSupportPack diagnostics-default.expk -Destination (Join-Path $dest 'missing') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.DestinationNotFound,*'
        Save-EHSupportPack diagnostics-default.expk -Destination $dest | Out-Null
        { Save-EHSupportPack diagnostics-default.expk -Destination $dest -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.FileExists,*'
    }

    It 'changes nothing with -WhatIf' {
        $before = @(Get-EHSupportPack).Count
        New-EHSupportPack -WhatIf | Should -BeNullOrEmpty
        Save-EHSupportPack diagnostics-default.expk -Destination $TestDrive -WhatIf
        @(Get-EHSupportPack).Count | Should -Be $before
        Join-Path $TestDrive 'diagnostics-default.expk' | Should -Not -Exist
    }

    It 'needs system administration to run a pack' {
        { New-EHSupportPack -Session $limited -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.PermissionDenied,*'
    }
}

Describe 'Invoke-EHSupportPack' {
    It 'uploads and runs a pack file and returns the file it made' {
        $file = Join-Path $TestDrive 'adjust.expk'
        [System.IO.File]::WriteAllBytes($file, [byte[]](1, 2, 3))

        $pack = Invoke-EHSupportPack -Path $file -Force -PollIntervalSec 0.05

        $pack.FileName | Should -BeLike 'supportpack-*-uploaded.expk'
    }

    It 'refuses a missing pack file' {
        { Invoke-EHSupportPack -Path (Join-Path $TestDrive 'nope.expk') -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.InvalidSupportPackFile,*'
    }
}

Describe 'Save-EHPacket' {
    It 'saves a valid pcap of a relative window and a filter' {
        $path = Join-Path $TestDrive 'cap.pcap'
        $capture = Save-EHPacket -From '-10m' -Filter 'host 10.1.1.5 and port 443' -Path $path

        $capture.Matched | Should -BeTrue
        $capture.Bytes | Should -BeGreaterThan 24
        [System.IO.File]::ReadAllBytes($path)[0..3] | Should -Be @(0xd4, 0xc3, 0xb2, 0xa1)
    }

    It 'writes no file when nothing matched' {
        $path = Join-Path $TestDrive 'none.pcap'
        $capture = Save-EHPacket -From '-10m' -Filter 'host 192.0.2.1' -Path $path -WarningAction SilentlyContinue

        $capture.Matched | Should -BeFalse
        $path | Should -Not -Exist
    }

    It 'warns when a limit cut the search' {
        $capture = Save-EHPacket -From '-10m' -LimitBytes 50000 -Path (Join-Path $TestDrive 'limited.pcap') -WarningVariable warned -WarningAction SilentlyContinue

        $capture.LimitReached | Should -Be 'limit_bytes'
        $warned | Should -Not -BeNullOrEmpty
    }

    It 'refuses bad windows, existing files and bad filters with their own ErrorIds' {
        { Save-EHPacket -From '-1m' -Until '-10m' -Path (Join-Path $TestDrive 'a.pcap') -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidTimeWindow,*'
        { Save-EHPacket -From (Get-Date).AddHours(1) -Path (Join-Path $TestDrive 'b.pcap') -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.TimeWindowInFuture,*'
        { Save-EHPacket -From '-10m' -Path (Join-Path $TestDrive 'cap.pcap') -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.FileExists,*'
        { Save-EHPacket -From '-10m' -Filter 'host and ((port' -Path (Join-Path $TestDrive 'f.pcap') -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidPacketFilter,*'
    }

    It 'refuses session keys without packets=full_with_keys and users without the packets privilege' {
        { Save-EHPacket -From '-10m' -Format zip -Path (Join-Path $TestDrive 'k.zip') -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.PacketsNotPermitted,*'
        { Save-EHPacket -From '-10m' -Path (Join-Path $TestDrive 'l.pcap') -Session $limited -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.PacketsNotPermitted,*'
    }
}
