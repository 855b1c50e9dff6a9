<#
.SYNOPSIS
    Installs, updates or removes the GroupWriteback agent as a Windows service.

.DESCRIPTION
    Idempotent: running it again updates the binary and the service configuration and keeps the settings file.
    The service runs as a group managed service account (default CORP\gwagent$, no password) or a given account,
    restarts on failure (sc.exe failure, also on a non-zero exit), logs to the Application event log under the
    source GroupWritebackAgent, and is started only after `groupwriteback-agent check` passed as that account.

.EXAMPLE
    .\Install-GroupWritebackAgent.ps1 -BinaryPath .\groupwriteback-agent.exe -SettingsPath .\appsettings.json -WhatIf

.EXAMPLE
    .\Install-GroupWritebackAgent.ps1 -ServiceAccount 'CORP\gwagent$' -DirectoryServer dc01.corp.example.com `
        -TargetOu 'OU=Cloud Groups,DC=corp,DC=example,DC=com' -ServiceBusNamespace sb-gw.servicebus.windows.net `
        -TenantId <tenant> -ClientId <app> -CertificateThumbprint <thumbprint>

.EXAMPLE
    .\Install-GroupWritebackAgent.ps1 -Uninstall [-Purge]
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'Install')]
param(
    [Parameter(ParameterSetName = 'Install')]
    [string] $BinaryPath = (Join-Path $PSScriptRoot 'groupwriteback-agent.exe'),

    [Parameter(ParameterSetName = 'Install')]
    [string] $SettingsPath,

    [Parameter(ParameterSetName = 'Install')]
    [string] $ServiceAccount = 'CORP\gwagent$',

    # Password of a non-gMSA -ServiceAccount; a gMSA (name ending in $) has none.
    [Parameter(ParameterSetName = 'Install')]
    [pscredential] $Credential,

    [Parameter(ParameterSetName = 'Install')] [string] $DirectoryServer,
    [Parameter(ParameterSetName = 'Install')] [string[]] $TargetOu,
    [Parameter(ParameterSetName = 'Install')] [string] $ServiceBusNamespace,
    [Parameter(ParameterSetName = 'Install')] [string] $TenantId,
    [Parameter(ParameterSetName = 'Install')] [string] $ClientId,
    [Parameter(ParameterSetName = 'Install')] [string] $CertificateThumbprint,

    [Parameter(ParameterSetName = 'Install')] [switch] $NoStart,
    [Parameter(ParameterSetName = 'Install')] [switch] $SkipCheck,

    [string] $ServiceName = 'GroupWritebackAgent',
    [string] $InstallDirectory = (Join-Path $env:ProgramFiles 'GroupWriteback'),
    [string] $DataDirectory = (Join-Path $env:ProgramData 'GroupWriteback'),

    [Parameter(ParameterSetName = 'Uninstall', Mandatory)] [switch] $Uninstall,
    # With -Uninstall: also remove the settings, the state and the event log source.
    [Parameter(ParameterSetName = 'Uninstall')] [switch] $Purge
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$eventSource = 'GroupWritebackAgent'
$exe = Join-Path $InstallDirectory 'groupwriteback-agent.exe'
$settingsFile = Join-Path $DataDirectory 'appsettings.json'
$stateDirectory = Join-Path $DataDirectory 'state'

function Invoke-Sc {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    $output = & sc.exe @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "sc.exe $($Arguments -join ' ') failed ($LASTEXITCODE): $output"
    }
}

function Test-Administrator {
    $principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Grant-ServiceLogonRight {
    # SCM does not grant "Log on as a service" (services.msc does); secedit adds the account's SID to it.
    param([Parameter(Mandatory)] [string] $Account)
    $sid = ([Security.Principal.NTAccount] $Account).Translate([Security.Principal.SecurityIdentifier]).Value
    $work = Join-Path ([IO.Path]::GetTempPath()) ("gw-secedit-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $work | Out-Null
    try {
        & secedit.exe /export /areas USER_RIGHTS /cfg "$work\current.inf" | Out-Null
        $line = Select-String -Path "$work\current.inf" -Pattern '^SeServiceLogonRight\s*=' | Select-Object -First 1
        $holders = if ($line) { ($line.Line -split '=', 2)[1].Trim() } else { '' }
        if ($holders -split ',' | Where-Object { $_.Trim() -eq "*$sid" }) {
            return
        }
        $value = (@($holders, "*$sid") | Where-Object { $_ }) -join ','
        Set-Content -Path "$work\grant.inf" -Encoding Unicode -Value @(
            '[Unicode]', 'Unicode=yes', '[Version]', 'signature="$CHICAGO$"', 'Revision=1',
            '[Privilege Rights]', "SeServiceLogonRight = $value")
        & secedit.exe /configure /db "$work\grant.sdb" /cfg "$work\grant.inf" /areas USER_RIGHTS | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "secedit could not grant 'Log on as a service' to $Account ($LASTEXITCODE)." }
    }
    finally {
        Remove-Item -Recurse -Force $work
    }
}

function Set-FolderAccess {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Account, [Parameter(Mandatory)] [string] $Rights)
    $acl = Get-Acl -Path $Path
    $rule = [Security.AccessControl.FileSystemAccessRule]::new(
        $Account, $Rights, 'ContainerInherit,ObjectInherit', 'None', 'Allow')
    $acl.AddAccessRule($rule)
    Set-Acl -Path $Path -AclObject $acl
}

function New-AgentSettings {
    # The settings the parameters give; anything else keeps the agent's defaults (see appsettings.json).
    $settings = [ordered]@{
        Directory = [ordered]@{ Server = $DirectoryServer; AuthType = 'Negotiate'; TargetOus = @($TargetOu) }
        Agent     = [ordered]@{ StateDirectory = $stateDirectory }
    }
    if ($ServiceBusNamespace) {
        $settings.ServiceBus = [ordered]@{
            FullyQualifiedNamespace = $ServiceBusNamespace
            Credential              = 'certificate'
            TenantId                = $TenantId
            ClientId                = $ClientId
            CertificateThumbprint   = $CertificateThumbprint
        }
    }
    return $settings | ConvertTo-Json -Depth 5
}

function Invoke-AgentCheck {
    # check runs as the service's own account, so the bind, the OU rights and the certificate are the service's.
    if ($ServiceAccount.EndsWith('$')) {
        $log = Join-Path $DataDirectory 'check.log'
        $task = "$ServiceName-check"
        $action = New-ScheduledTaskAction -Execute 'cmd.exe' -Argument "/c `"`"$exe`" check --settings `"$settingsFile`" > `"$log`" 2>&1`""
        $principal = New-ScheduledTaskPrincipal -UserId $ServiceAccount -LogonType Password
        Register-ScheduledTask -TaskName $task -Action $action -Principal $principal -Force | Out-Null
        try {
            Start-ScheduledTask -TaskName $task
            do { Start-Sleep -Seconds 1 } while ((Get-ScheduledTask -TaskName $task).State -eq 'Running')
            $exit = (Get-ScheduledTaskInfo -TaskName $task).LastTaskResult
        }
        finally {
            Unregister-ScheduledTask -TaskName $task -Confirm:$false
        }
        if (Test-Path $log) { Get-Content $log | Write-Host }
        return $exit
    }

    $start = @{ FilePath = $exe; ArgumentList = @('check', '--settings', "`"$settingsFile`""); Wait = $true; PassThru = $true; NoNewWindow = $true }
    if ($Credential) { $start.Credential = $Credential }
    return (Start-Process @start).ExitCode
}

if (-not (Test-Administrator) -and -not $WhatIfPreference) {
    throw 'Run this script as an administrator: it creates a service, an event log source and folder permissions.'
}

if ($Uninstall) {
    $service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
    if ($service -and $PSCmdlet.ShouldProcess($ServiceName, 'Stop and delete the service')) {
        if ($service.Status -ne 'Stopped') { Stop-Service -Name $ServiceName -Force }
        Invoke-Sc @('delete', $ServiceName)
    }
    if ((Test-Path $InstallDirectory) -and $PSCmdlet.ShouldProcess($InstallDirectory, 'Remove the binaries')) {
        Remove-Item -Recurse -Force $InstallDirectory
    }
    if ($Purge) {
        if ((Test-Path $DataDirectory) -and $PSCmdlet.ShouldProcess($DataDirectory, 'Remove settings and state')) {
            Remove-Item -Recurse -Force $DataDirectory
        }
        if ([Diagnostics.EventLog]::SourceExists($eventSource) -and $PSCmdlet.ShouldProcess($eventSource, 'Remove the event log source')) {
            [Diagnostics.EventLog]::DeleteEventSource($eventSource)
        }
    }
    Write-Host "Removed $ServiceName$(if ($Purge) { ', its settings, state and event log source' } else { "; kept $DataDirectory" })."
    return
}

if (-not (Test-Path -PathType Leaf $BinaryPath)) { throw "No agent binary at '$BinaryPath' (give -BinaryPath)." }
if ($SettingsPath -and -not (Test-Path -PathType Leaf $SettingsPath)) { throw "No settings file at '$SettingsPath'." }
$gmsa = $ServiceAccount.EndsWith('$')
if (-not $gmsa -and -not $Credential) { throw "-ServiceAccount '$ServiceAccount' is not a gMSA (no trailing `$): give -Credential." }
if ($gmsa -and (Get-Command Test-ADServiceAccount -ErrorAction SilentlyContinue)) {
    if (-not (Test-ADServiceAccount -Identity ($ServiceAccount.Split('\')[-1]))) {
        throw "This server may not use the gMSA '$ServiceAccount': add it to the account's PrincipalsAllowedToRetrieveManagedPassword, then Install-ADServiceAccount."
    }
}

if ($PSCmdlet.ShouldProcess($InstallDirectory, 'Copy the agent binary')) {
    if ((Get-Service -Name $ServiceName -ErrorAction SilentlyContinue).Status -eq 'Running') { Stop-Service -Name $ServiceName -Force }
    New-Item -ItemType Directory -Force -Path $InstallDirectory | Out-Null
    Copy-Item -Force -Path $BinaryPath -Destination $exe
    $sample = Join-Path (Split-Path $BinaryPath) 'appsettings.json'
    if (Test-Path $sample) { Copy-Item -Force -Path $sample -Destination (Join-Path $InstallDirectory 'appsettings.sample.json') }
}

if ($PSCmdlet.ShouldProcess($DataDirectory, 'Create the data folder and write the settings')) {
    New-Item -ItemType Directory -Force -Path $DataDirectory, $stateDirectory | Out-Null
    Set-FolderAccess -Path $DataDirectory -Account $ServiceAccount -Rights 'ReadAndExecute'
    Set-FolderAccess -Path $stateDirectory -Account $ServiceAccount -Rights 'Modify'
    if ($SettingsPath) {
        Copy-Item -Force -Path $SettingsPath -Destination $settingsFile
    }
    elseif ($DirectoryServer -and $TargetOu) {
        Set-Content -Path $settingsFile -Encoding utf8 -Value (New-AgentSettings)
    }
    elseif (-not (Test-Path $settingsFile)) {
        throw "No settings yet at '$settingsFile': give -SettingsPath, or -DirectoryServer and -TargetOu."
    }
}

if ($PSCmdlet.ShouldProcess($eventSource, 'Register the Application event log source')) {
    if (-not [Diagnostics.EventLog]::SourceExists($eventSource)) {
        [Diagnostics.EventLog]::CreateEventSource($eventSource, 'Application')
    }
}

$binPath = "`"$exe`" run --settings `"$settingsFile`""
$password = if ($Credential) { $Credential.GetNetworkCredential().Password } else { '' }
$account = if ($Credential) { $Credential.UserName } else { $ServiceAccount }
if ($PSCmdlet.ShouldProcess($ServiceName, "Create or update the service as $account")) {
    Grant-ServiceLogonRight -Account $account
    $verb = if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) { 'config' } else { 'create' }
    Invoke-Sc @($verb, $ServiceName, 'binPath=', $binPath, 'start=', 'delayed-auto', 'obj=', $account, 'password=', $password,
        'DisplayName=', 'GroupWriteback Agent')
    Invoke-Sc @('description', $ServiceName, 'Writes Microsoft Entra ID groups back to Active Directory (GroupWriteback).')
    # Restart after 10 s, 30 s, then every 60 s; the count resets after a day without failure.
    Invoke-Sc @('failure', $ServiceName, 'reset=', '86400', 'actions=', 'restart/10000/restart/30000/restart/60000')
    # Also take the recovery actions when the agent exits with a non-zero code, not only when it crashes.
    Invoke-Sc @('failureflag', $ServiceName, '1')
    Set-ItemProperty -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName" -Name Environment -Type MultiString `
        -Value @("GROUPWRITEBACK_Agent__StateDirectory=$stateDirectory")
}

$passed = $true
if (-not $SkipCheck -and $PSCmdlet.ShouldProcess($ServiceName, "Run 'groupwriteback-agent check' as $account")) {
    $exit = Invoke-AgentCheck
    $passed = $exit -eq 0
    if (-not $passed) {
        Write-Warning "check ended with exit code $exit (1: an item failed, 2: invalid settings); the service is installed but not started."
    }
}

if ($passed -and -not $NoStart -and $PSCmdlet.ShouldProcess($ServiceName, 'Start the service')) {
    Start-Service -Name $ServiceName
    Write-Host "Started $ServiceName; its log is in the Application event log, source $eventSource."
}
