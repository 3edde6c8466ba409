#Requires -Version 7.2
# Pester 5: Invoke-Pester -Path tests/pester (build first: dotnet build).
# Accounts and access: New/Set/Remove-EHUser with privileges, passwords only as SecureString, API keys always
# masked, the setup key and its lockout, locked accounts, and Invoke-EHRestMethod. Mirrors
# tests/ExtraHop.Tests/Cmdlets/UserAdministrationTests.cs, ApiKeyTests.cs, SetupKeyTests.cs, UserLockTests.cs and
# RestMethodTests.cs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    Import-ExtraHopUnderTest
    $sim = Start-TestSimulator -Appliances 2 -Version '9.9.2.1234'
    $eh1 = Get-TestAppliance $sim 'eh1'
    $eh2 = Get-TestAppliance $sim 'eh2'
    $session = Connect-TestAppliance $sim $eh1
    $other = Connect-TestAppliance $sim $eh2 -NotDefault
    $all = @($session, $other)
    $pw = ConvertTo-TestSecureString -Text 'Correct-Horse-42'
}

AfterAll {
    Disconnect-ExtraHop -All
    Stop-TestSimulator $sim
}

Describe 'New-EHUser, Set-EHUser and Remove-EHUser' {
    It 'creates an account on every session with its privileges' {
        $users = New-EHUser -Username jdoe -Name 'Jane Doe' -Password $pw -Privilege @{ write = 'limited'; ndr = 'full' } -Session $all

        $users | Should -HaveCount 2
        $users.Server | Should -Be @($eh1.Server, $eh2.Server)
        "$($users[0].GrantedPrivileges)" | Should -Be 'write=limited, ndr=full'
    }

    It 'refuses a plain string password before sending anything' {
        { New-EHUser -Username plain -Password 'in-clear' -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.PlainTextPassword,*'
        Get-EHUser plain -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses an unknown privilege family or level' {
        { New-EHUser -Username typo -Password $pw -Privilege @{ wrte = 'full' } -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidPrivilege,*'
        { Set-EHUser -Username jdoe -Privilege ndr=admin -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidPrivilege,*'
    }

    It 'refuses a user that exists already' {
        { New-EHUser -Username ADMIN -Password $pw -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.UserExists,*'
    }

    It 'returns a new API key only as a SecureString that works' {
        $user = New-EHUser -Username svc-backup -Password $pw -Privilege system=full -CreateApiKey

        $user.NewApiKey | Should -BeOfType ([securestring])
        $keySession = Connect-ExtraHop -Server $eh1.Server -ApiKey $user.NewApiKey -CertificateThumbprint $sim.CertificateSha256 -NotDefault
        (Get-EHUser admin -Session $keySession).Username | Should -Be 'admin'
        Disconnect-ExtraHop -Session $keySession
    }

    It 'changes piped users on the appliance they came from, and -WhatIf changes nothing' {
        Get-EHUser jdoe -Session $all | Set-EHUser -Enabled $false -WhatIf
        (Get-EHUser jdoe -Session $all).Enabled | Should -Be @($true, $true)

        Get-EHUser jdoe -Session $all | Set-EHUser -Privilege @{ write = 'full' }
        (Get-EHUser jdoe -Session $all).GrantedPrivileges.Write | Should -Be @('full', 'full')
    }

    It 'refuses to remove the setup user, the session''s own account, or give to a user that does not exist' {
        { Remove-EHUser setup -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.ProtectedAccount,*'
        { Remove-EHUser admin -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.ProtectedAccount,*'
        { Remove-EHUser jdoe -TransferTo nobody -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidTransferTarget,*'
        { Remove-EHUser jdoe -TransferTo jdoe -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidTransferTarget,*'
        (Get-EHUser jdoe).Username | Should -Be 'jdoe'
    }

    It 'removes a user everywhere and hands what it owned to another' {
        Remove-EHUser jdoe -TransferTo admin -Session $all -Force

        Get-EHUser jdoe -Session $all -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing | Should -HaveCount 2
    }
}

Describe 'API keys, the setup key and locked accounts' {
    It 'lists keys masked to their last four characters' {
        $keys = Get-EHApiKey
        ($keys | Where-Object Username -EQ 'admin').Key | Should -BeLike "*$($eh1.ApiKey.Substring(36))"
        ($keys | Where-Object Username -EQ 'admin').Key | Should -Not -Be $eh1.ApiKey
    }

    It 'creates the setup key from the setup password, once' {
        $key = New-EHApiKey -Server $eh2.Server -SetupPassword $eh2.SetupPassword -CertificateThumbprint $sim.CertificateSha256

        $key | Should -BeOfType ([securestring])
        { New-EHApiKey -Server $eh2.Server -SetupPassword $eh2.SetupPassword -CertificateThumbprint $sim.CertificateSha256 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExtraHop.BadRequest,*'
    }

    It 'says that wrong setup passwords lock the account, and the lock can be undone' {
        $wrong = ConvertTo-TestSecureString -Text 'wrong'
        foreach ($attempt in 1..5) {
            New-EHApiKey -Server $eh1.Server -SetupPassword $wrong -CertificateThumbprint $sim.CertificateSha256 -ErrorAction SilentlyContinue -ErrorVariable refused
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'ExtraHop.AuthenticationFailed,*'
            $refused[0].Exception.Message | Should -BeLike '*locks the setup account after repeated failed attempts*'
        }

        (Get-EHUserLock setup).Locked | Should -BeTrue
        (Unlock-EHUser setup -PassThru).Locked | Should -BeFalse
        $session1 = Connect-ExtraHop -Server $eh1.Server -SetupPassword $eh1.SetupPassword -CertificateThumbprint $sim.CertificateSha256 -NotDefault
        $session1.AuthKind | Should -Be 'ApiKey'
        Disconnect-ExtraHop -Session $session1
    }
}

Describe 'Invoke-EHRestMethod' {
    It 'returns JSON as PowerShell objects and pages devices with -Query' {
        $devices = Invoke-EHRestMethod GET devices -Query @{ limit = 10; offset = 5 }

        $devices | Should -HaveCount 10
        $devices[0].id | Should -Be 10006
        $devices[0] | Should -BeOfType ([pscustomobject])
    }

    It 'returns the id of a 201 and uses it' {
        $id = Invoke-EHRestMethod POST tags -Body @{ name = 'pci' }
        Invoke-EHRestMethod POST "tags/$id/devices" -Body @{ assign = @(10001) }

        (Invoke-EHRestMethod GET "tags/$id/devices").id | Should -Be 10001
    }

    It 'refuses paths outside /api/v1 and bodies it cannot send' {
        { Invoke-EHRestMethod GET '../oauth2/token' -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidApiPath,*'
        { Invoke-EHRestMethod GET 'https://evil.example.com/api/v1/users' -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidApiPath,*'
        { Invoke-EHRestMethod POST tags -Body ([System.IO.DirectoryInfo]::new('/')) -ErrorAction Stop } | Should -Throw -ErrorId 'ExtraHop.InvalidBody,*'
    }

    It 'saves a binary answer byte for byte with -OutFile' {
        $file = Join-Path ([System.IO.Path]::GetTempPath()) "pester-$([guid]::NewGuid().ToString('N')).expk"
        try {
            Invoke-EHRestMethod GET supportpacks/diagnostics-default.expk -OutFile $file
            $bytes = [System.IO.File]::ReadAllBytes($file)
            $bytes.Length | Should -Be 70000
            $bytes[255] | Should -Be 255
            $bytes[256] | Should -Be 0
        }
        finally {
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
    }
}
