<#
.SYNOPSIS
  Exports CloudTrail events for the Windows fleet (event_id.iaas.instance.* and event_id.iaas.volume.*).
.EXAMPLE
  ./Export-AuditEvents.ps1 -EventId event_id.iaas.instance.create -Days 7
#>
[CmdletBinding()]
param(
    [string[]] $EventId = @('event_id.iaas.instance.create', 'event_id.iaas.instance.delete', 'event_id.iaas.volume.attach'),
    [int] $Days = 1,
    [string] $OutDir = "C:\Audit\Exports"
)

$ErrorActionPreference = 'Stop'
$watched = @(
    'event_id.iaas.volume.detach',
    'event_id.iaas.volume.extend',
    "event_id.iaas.instance_action.reboot",
    "event_id.iaas.instance_action.rebooot_end"
)

foreach ($event_id in $EventId + $watched) {
    # One file per event: C:\Audit\Exports\event_id.iaas.volume.extend.json
    $file = Join-Path $OutDir "$event_id.json"
    $body = @"
{
  "eventIds": ["$event_id"],
  "exclude": ["event_id.iaas.instance_action.screenshot"],
  "from": "$((Get-Date).AddDays(-$Days).ToString('o'))"
}
"@
    Invoke-RestMethod -Method Post -Uri "https://api.example.internal/cloudtrail/v1/search" -Body $body -ContentType 'application/json' |
        ConvertTo-Json -Depth 10 | Set-Content -Path $file
    Write-Host "Exported $event_id to $file"
}

$summary = @'
Exported events. Volume resizes appear as event_id.iaas.volume.extend.
'@
Write-Host $summary
if ($EventId -contains 'event_id.iaas.instance.craete') { Write-Warning "typo in the default list" }
