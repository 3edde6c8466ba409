@{
    # The module version lives here and only here: Directory.Build.props reads it for the assemblies.
    ModuleVersion        = '0.1.0'
    RootModule           = 'bin/ExtraHop.dll'
    GUID                 = '5b0c6f1e-7c43-4d55-9a51-2f0e8d6a4c11'
    Author               = 'ExtraHop module contributors'
    CompanyName          = 'Community'
    Copyright            = '(c) ExtraHop module contributors.'
    Description          = 'Automates ExtraHop appliances (sensors, consoles, recordstores, packetstores) through their REST API: sessions with API keys or RevealX 360 credentials, users, system information, firmware upload and upgrades across a fleet, jobs that survive reboots, and recordstore ingest.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    TypesToProcess       = @('bin/ExtraHop.Types.ps1xml')
    FormatsToProcess     = @('bin/ExtraHop.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-ExtraHop'
        'Disconnect-ExtraHop'
        'Get-EHSession'
        'Get-EHSystem'
        'Get-EHUser'
        'Send-EHFirmware'
        'Invoke-EHFirmwareUpgrade'
        'Undo-EHFirmwareUpgrade'
        'Get-EHFirmware'
        'Get-EHJob'
        'Wait-EHJob'
        'Get-EHClusterIngest'
        'Set-EHClusterIngest'
        'Get-EHUpgradePlan'
        'New-EHUser'
        'Set-EHUser'
        'Remove-EHUser'
        'Get-EHApiKey'
        'New-EHApiKey'
        'Get-EHUserLock'
        'Unlock-EHUser'
        'Invoke-EHRestMethod'
        'Get-EHProcess'
        'Restart-EHProcess'
        'Get-EHService'
        'Set-EHService'
        'Restart-EHAppliance'
        'Stop-EHAppliance'
        'Get-EHTicketing'
        'Set-EHTicketing'
        'Get-EHAppliance'
        'Add-EHAppliance'
        'Remove-EHAppliance'
        'Get-EHCloudService'
        'Set-EHCloudService'
        'Get-EHApplianceProductKey'
        'Get-EHApplianceAssociation'
        'Set-EHApplianceAssociation'
        'Get-EHLicense'
        'Set-EHLicense'
        'Get-EHProductKey'
        'Set-EHProductKey'
        'New-EHCertificateSigningRequest'
        'Set-EHCertificate'
        'Reset-EHCertificate'
        'Get-EHSupportPack'
        'New-EHSupportPack'
        'Invoke-EHSupportPack'
        'Save-EHSupportPack'
        'Save-EHPacket'
        'Get-EHRunningConfig'
        'Set-EHRunningConfig'
        'Save-EHRunningConfig'
        'Export-EHRunningConfig'
        'Compare-EHRunningConfig'
        'Get-EHHealthReport'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('ExtraHop', 'RevealX', 'NDR', 'Firmware', 'Upgrade', 'Appliance', 'REST')
            ReleaseNotes = 'First release: sessions, system information, users; firmware upload, upgrades of fleets and whole deployments in the documented order, jobs through reboots, rollback; recordstore ingest.'
        }
    }
}
