#Requires -Version 7.2
<#
    Helpers shared by the Pester suite: import the module under test from the repository root, start and stop
    the appliance simulator's command line (dotnet ExtraHop.Simulator.dll), connect to its appliances, and
    write small firmware images (through the simulator's --write-image).

    The simulator prints "Simulator ready" once every appliance listens, writes its connection details to the
    --info-file, and (with --exit-on-stdin-eof) stops when its standard input is closed.
#>

Set-StrictMode -Version 3.0

$script:RepoRoot = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))

function Get-TestRepoRoot {
    <# The repository root: the folder with ExtraHop.psd1. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $script:RepoRoot
}

function Import-ExtraHopUnderTest {
    <# Imports the module from the repository root, as a user would, into the global scope so tests see its cmdlets. #>
    [CmdletBinding()]
    param()
    $manifest = [System.IO.Path]::Combine($script:RepoRoot, 'ExtraHop.psd1')
    $assembly = [System.IO.Path]::Combine($script:RepoRoot, 'bin', 'ExtraHop.dll')
    if (-not [System.IO.File]::Exists($assembly)) {
        throw "The module is not built: $assembly is missing. Run 'dotnet build src/ExtraHop' in $($script:RepoRoot) first."
    }
    Import-Module -Name $manifest -Global -Force -ErrorAction Stop
}

function ConvertTo-TestSecureString {
    <# A read-only SecureString holding the text (what Get-Secret or Read-Host -AsSecureString would give a user). #>
    [CmdletBinding()]
    [OutputType([securestring])]
    param([Parameter(Mandatory)] [string] $Text)
    $secure = [securestring]::new()
    foreach ($character in $Text.ToCharArray()) { $secure.AppendChar($character) }
    $secure.MakeReadOnly()
    $secure
}

function Find-SimulatorAssembly {
    param([string] $Configuration)
    $candidates = @($Configuration, 'Debug', 'Release') | Select-Object -Unique | ForEach-Object {
        [System.IO.Path]::Combine($script:RepoRoot, 'src', 'ExtraHop.Simulator', 'bin', $_, 'net10.0', 'ExtraHop.Simulator.dll')
    }
    foreach ($candidate in $candidates) {
        if ([System.IO.File]::Exists($candidate)) { return $candidate }
    }
    throw "The simulator is not built (looked for $($candidates -join ', ')). Run 'dotnet build src/ExtraHop.Simulator -c $Configuration' in $($script:RepoRoot) first."
}

function Start-TestSimulator {
    <#
        Starts simulated appliances on 127.0.0.1 and returns what a test needs to reach them:
        Process, CertificateSha256, CaCertificatePath, and Appliances (Name, Role, Server, Version, the keys both
        as text, ApiKey/LimitedApiKey, and as SecureStrings, Key/LimitedKey, and the setup user's password as a
        SecureString, SetupPassword). Stop it with Stop-TestSimulator.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Sensors')]
    param(
        [Parameter(ParameterSetName = 'Sensors')]
        [ValidateRange(1, 1000)]
        [int] $Appliances = 1,

        [Parameter(Mandatory, ParameterSetName = 'Deployment')]
        [switch] $Deployment,

        [double] $TimeScale = 1200,

        # The firmware every appliance runs at start (the simulator's default when omitted).
        [string] $Version,

        [string] $Configuration = 'Debug',

        [int] $ReadyTimeoutSec = 60
    )

    $dll = Find-SimulatorAssembly -Configuration $Configuration
    $infoFile = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "extrahop-pester-$([guid]::NewGuid().ToString('N')).json")

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($dll)
    if ($Deployment) {
        $start.ArgumentList.Add('--deployment')
    }
    else {
        $start.ArgumentList.Add('--appliances')
        $start.ArgumentList.Add([string]$Appliances)
    }
    if ($Version) {
        $start.ArgumentList.Add('--version')
        $start.ArgumentList.Add($Version)
    }
    $start.ArgumentList.Add('--time-scale')
    $start.ArgumentList.Add($TimeScale.ToString([cultureinfo]::InvariantCulture))
    $start.ArgumentList.Add('--info-file')
    $start.ArgumentList.Add($infoFile)
    $start.ArgumentList.Add('--exit-on-stdin-eof')
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true

    $process = [System.Diagnostics.Process]::Start($start)
    $errors = $process.StandardError.ReadToEndAsync()
    $deadline = [datetime]::UtcNow.AddSeconds($ReadyTimeoutSec)
    $ready = $false
    while (-not $ready) {
        $line = $process.StandardOutput.ReadLineAsync()
        $left = $deadline - [datetime]::UtcNow
        if ($left -le [timespan]::Zero -or -not $line.Wait($left)) {
            $process.Kill($true)
            throw "The simulator did not say 'Simulator ready' within $ReadyTimeoutSec seconds."
        }
        if ($null -eq $line.Result) {
            $process.WaitForExit()
            throw "The simulator exited with code $($process.ExitCode) before it was ready: $($errors.Result)"
        }
        $ready = $line.Result.StartsWith('Simulator ready', [System.StringComparison]::Ordinal)
    }
    # Keep draining its output so it can never block on a full pipe.
    $output = $process.StandardOutput.ReadToEndAsync()

    $info = [System.IO.File]::ReadAllText($infoFile) | ConvertFrom-Json
    $appliancesFound = foreach ($appliance in $info.appliances) {
        [pscustomobject]@{
            Name          = $appliance.name
            Role          = $appliance.role
            Server        = $appliance.server
            Version       = $appliance.version
            ApiKey        = $appliance.apiKey
            LimitedApiKey = $appliance.limitedApiKey
            Key           = ConvertTo-TestSecureString -Text $appliance.apiKey
            LimitedKey    = ConvertTo-TestSecureString -Text $appliance.limitedApiKey
            SetupPassword = ConvertTo-TestSecureString -Text $appliance.setupPassword
        }
    }

    [pscustomobject]@{
        PSTypeName        = 'ExtraHop.TestSimulator'
        Process           = $process
        InfoFile          = $infoFile
        CertificateSha256 = $info.certificateSha256
        CaCertificatePath = $info.caCertificatePath
        Appliances        = @($appliancesFound)
        Output            = $output
        Errors            = $errors
    }
}

function Get-TestAppliance {
    <# One appliance of a running simulator, by name (eh1, console1, rs2, ...). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [psobject] $Simulator,
        [Parameter(Mandatory)] [string] $Name
    )
    $found = $Simulator.Appliances | Where-Object Name -EQ $Name
    if (-not $found) { throw "The simulator has no appliance named '$Name' (it has $($Simulator.Appliances.Name -join ', '))." }
    $found
}

function Stop-TestSimulator {
    <# Closes the simulator's standard input (it stops by itself then), waits for it, and removes its info file. #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [psobject] $Simulator)
    process {
        if ($null -eq $Simulator) { return }
        $process = $Simulator.Process
        if (-not $process.HasExited) {
            $process.StandardInput.Close()
            if (-not $process.WaitForExit(15000)) {
                $process.Kill($true)
                $process.WaitForExit()
            }
        }
        $process.Dispose()
        if ([System.IO.File]::Exists($Simulator.InfoFile)) { [System.IO.File]::Delete($Simulator.InfoFile) }
    }
}

function Connect-TestAppliance {
    <#
        Connects to a simulated appliance with its admin key (or the limited "auditor" key), pinning the simulator's
        certificate; passes -NotDefault and any other Connect-ExtraHop parameters through.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [psobject] $Simulator,
        [Parameter(Mandatory)] [psobject] $Appliance,
        [switch] $Limited,
        [switch] $NotDefault
    )
    $key = if ($Limited) { $Appliance.LimitedKey } else { $Appliance.Key }
    Connect-ExtraHop -Server $Appliance.Server -ApiKey $key -CertificateThumbprint $Simulator.CertificateSha256 -RetryIntervalSec 0 -NotDefault:$NotDefault -ErrorAction Stop
}

function New-TestFirmwareImage {
    <#
        Writes a firmware image the simulator accepts, using the simulator's own --write-image (a tar archive
        carrying its version in a VERSION entry and in its entry names). Returns the file.
    #>
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [ValidatePattern('^\d+\.\d+\.\d+\.\d+$')] [string] $Version,
        [ValidateRange(1, 1024)] [int] $MiB = 1
    )
    $null = & dotnet (Find-SimulatorAssembly -Configuration Debug) --write-image $Path --image-version $Version --image-mib $MiB
    if ($LASTEXITCODE -ne 0) { throw "The simulator could not write the firmware image $Path." }
    [System.IO.FileInfo]::new($Path)
}

Export-ModuleMember -Function Get-TestRepoRoot, Import-ExtraHopUnderTest, ConvertTo-TestSecureString, Start-TestSimulator,
    Get-TestAppliance, Stop-TestSimulator, Connect-TestAppliance, New-TestFirmwareImage
