<#
.SYNOPSIS
    Shows the ExtraHop module doing its job against simulated appliances.

.DESCRIPTION
    Connects to every appliance (the first one becomes the default session), shows what the default
    appliance is and who its users are, shows the upgrade plan for the whole deployment, then upgrades
    everything in the documented order (consoles, sensors, recordstore managers, recordstore data nodes,
    packetstores) with recordstore ingest halted and restored, following each appliance through its reboot.

    build.ps1 -Task Demo starts the simulator and runs this script; the test suite runs it too, in a hosted
    engine with only the core cmdlets, so it uses nothing from Microsoft.PowerShell.Utility.

.PARAMETER Appliance
    One object per appliance with Server, ApiKey and CertificateSha256 (the simulator prints them, and
    writes them with --info-file). The API keys are the simulator's own throwaway keys.

.PARAMETER FirmwarePath
    The firmware image to upgrade to (its name, or a VERSION file inside, carries the version).

.PARAMETER PollIntervalSec
    How often jobs are polled; the simulator runs fast, so poll often.

.OUTPUTS
    ExtraHop.Models.FirmwareUpgradeResult, one per appliance (also shown on the host as the demo runs).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [object[]] $Appliance,

    [Parameter(Mandatory = $true)]
    [string] $FirmwarePath,

    [double] $PollIntervalSec = 0.2
)

$ErrorActionPreference = 'Stop'

function Show-Section([string] $Title, $Value) {
    $Host.UI.WriteLine('')
    $Host.UI.WriteLine("== $Title ==")
    $Value | Out-Host
}

$first = $true
$sessions = foreach ($row in $Appliance) {
    Connect-ExtraHop -Server $row.Server -ApiKey $row.ApiKey -CertificateThumbprint $row.CertificateSha256 -NotDefault:(-not $first)
    $first = $false
}
try {
    Show-Section 'Connected sessions (the first is the default)' $sessions
    Show-Section 'The default appliance' (Get-EHSystem)
    Show-Section 'Its users' (Get-EHUser)
    Show-Section 'The upgrade plan for the whole deployment' (Get-EHUpgradePlan -Session $sessions -Path $FirmwarePath)

    $results = Invoke-EHFirmwareUpgrade -Session $sessions -Path $FirmwarePath -ThrottleLimit 4 -Force -PollIntervalSec $PollIntervalSec
    Show-Section 'Upgrade results, in the order the appliances finished' $results
    $results
}
finally {
    Disconnect-ExtraHop -Session $sessions
}
