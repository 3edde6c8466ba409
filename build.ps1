<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates the ExtraHop module. A thin layer over dotnet.

.DESCRIPTION
    Tasks:
      Build    dotnet build of the solution; the module is laid out in ./bin and Import-Module ./ExtraHop.psd1 works.
      Test     dotnet test (the whole xunit suite, with the module hosted in a real PowerShell engine), then the
               Pester suite in tests/pester in a new PowerShell process when Pester 5 is installed.
      Help     en-US/ExtraHop.dll-Help.xml from docs/*.md: PlatyPS's New-ExternalHelp when PlatyPS is installed,
               otherwise the project's own builder (the build always runs the latter).
      Package  A clean module folder in out/ExtraHop/<version> (manifest, bin, en-US), checked with Test-ModuleManifest.
      Demo     Builds, starts the appliance simulator with a whole deployment, and runs demo/Demo.ps1 against it:
               connect, system information, users, the upgrade plan, and an ordered upgrade with progress.

.EXAMPLE
    ./build.ps1 -Task Demo

.EXAMPLE
    ./build.ps1 -Task Build, Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Package', 'Demo')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Read-Json([string] $Path) {
    $text = [IO.File]::ReadAllText($Path)
    if (Get-Command ConvertFrom-Json -ErrorAction SilentlyContinue) { return $text | ConvertFrom-Json }
    # Hosts with only the core cmdlets: read the few fields the demo needs through System.Text.Json.
    $doc = [System.Text.Json.JsonDocument]::Parse($text)
    $appliances = foreach ($a in $doc.RootElement.GetProperty('appliances').EnumerateArray()) {
        [pscustomobject]@{ name = $a.GetProperty('name').GetString(); server = $a.GetProperty('server').GetString(); apiKey = $a.GetProperty('apiKey').GetString() }
    }
    [pscustomobject]@{ certificateSha256 = $doc.RootElement.GetProperty('certificateSha256').GetString(); appliances = $appliances }
}

function Invoke-Build {
    Invoke-Dotnet build ([IO.Path]::Combine($root, 'ExtraHop.sln')) -c $Configuration -nologo
}

function Invoke-Test {
    Invoke-Dotnet test (Join-Path $root 'ExtraHop.sln') -c $Configuration -nologo
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed; skipped tests/pester (Install-Module Pester -MinimumVersion 5.0).'
        return
    }
    # A binary module cannot be unloaded, so Pester runs in a fresh process that imports the freshly built one.
    $shell = (Get-Process -Id $PID).Path
    & $shell -NoProfile -Command "Import-Module Pester -MinimumVersion 5.0; `$r = Invoke-Pester -Path '$root/tests/pester' -PassThru; exit `$r.FailedCount"
    if ($LASTEXITCODE -ne 0) { throw "Pester: $LASTEXITCODE test(s) failed." }
}

function Invoke-Help {
    $out = Join-Path $root 'en-US'
    if (Get-Module -ListAvailable -Name platyPS) {
        Import-Module platyPS
        New-ExternalHelp -Path (Join-Path $root 'docs') -OutputPath $out -Force | Out-Null
        Write-Verbose 'Help built with PlatyPS.'
    }
    else {
        Invoke-Dotnet run --project (Join-Path $root 'src/ExtraHop.HelpBuilder') -c $Configuration -- (Join-Path $root 'docs') (Join-Path $out 'ExtraHop.dll-Help.xml')
    }
}

function Invoke-Package {
    $script:Configuration = 'Release'
    Invoke-Build
    Invoke-Help
    $manifest = Join-Path $root 'ExtraHop.psd1'
    $version = ([regex]::Match([IO.File]::ReadAllText($manifest), "ModuleVersion\s*=\s*'([0-9.]+)'")).Groups[1].Value
    $target = Join-Path $root "out/ExtraHop/$version"
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    New-Item -ItemType Directory -Path $target | Out-Null
    Copy-Item $manifest, (Join-Path $root 'README.md') -Destination $target
    Copy-Item (Join-Path $root 'bin') -Destination $target -Recurse -Exclude '*.pdb'
    Copy-Item (Join-Path $root 'en-US') -Destination $target -Recurse
    Test-ModuleManifest -Path (Join-Path $target 'ExtraHop.psd1') | Out-Null
    Write-Host "Module packaged in $target (Publish-PSResource -Path '$target' to publish it)."
}

function Invoke-Demo {
    # .NET calls instead of Join-Path/New-Item here, so the demo also runs in hosts that have only the core cmdlets.
    Invoke-Build
    $simulator = [IO.Path]::Combine($root, 'src', 'ExtraHop.Simulator', 'bin', $Configuration, 'net10.0', 'ExtraHop.Simulator.dll')
    $work = [IO.Path]::Combine([IO.Path]::GetTempPath(), 'extrahop-demo-' + [guid]::NewGuid().ToString('N'))
    [void][IO.Directory]::CreateDirectory($work)
    $info = [IO.Path]::Combine($work, 'appliances.json')
    $image = [IO.Path]::Combine($work, 'extrahop-9.9.2.1234.tar')
    Invoke-Dotnet $simulator --write-image $image --image-version 9.9.2.1234

    # The simulator runs until its standard input closes; time scale 600 makes a 20 minute upgrade take 2 seconds.
    $start = [System.Diagnostics.ProcessStartInfo]@{
        FileName               = 'dotnet'
        Arguments              = "`"$simulator`" --deployment --time-scale 600 --info-file `"$info`" --exit-on-stdin-eof"
        UseShellExecute        = $false
        RedirectStandardInput  = $true
        RedirectStandardOutput = $true
    }
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        while ($true) {
            $line = $process.StandardOutput.ReadLine()
            if ($null -eq $line) { throw 'The simulator stopped before it was ready.' }
            if ($line -like 'Simulator ready*') { break }
        }
        $started = Read-Json $info
        $rows = foreach ($a in $started.appliances) {
            [pscustomobject]@{ Server = $a.server; ApiKey = $a.apiKey; CertificateSha256 = $started.certificateSha256 }
        }
        Import-Module ([IO.Path]::Combine($root, 'ExtraHop.psd1')) -Force
        $null = & ([IO.Path]::Combine($root, 'demo', 'Demo.ps1')) -Appliance $rows -FirmwarePath $image
    }
    finally {
        $process.StandardInput.Close()
        if (-not $process.WaitForExit(10000)) { $process.Kill() }
        [IO.Directory]::Delete($work, $true)
    }
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Help' { Invoke-Help }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
    }
}
