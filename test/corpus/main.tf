terraform {
  required_version = ">= 1.6"
}

variable "project_id" {
  type        = string
  description = "NHN Cloud project that owns the audit pipeline."
}

variable "watched_resources" {
  type    = list(string)
  default = ["instance", "volume", "image"]
}

locals {
  # One alert rule per watched resource: event_id.iaas.<resource>.delete
  delete_events = [for r in var.watched_resources : "event_id.iaas.${r}.delete"]

  critical_events = [
    "event_id.iaas.instance.delete",
    "event_id.iaas.volume.delete",
    "event_id.iaas.image.delete",
    "event_id.iaas.snapshot.delete",
    "event_id.iaas.keypair.delete",
    "event_id.iaas.floating_ip.delete",
    "event_id.iaas.scaling_group.delete",
    "event_id.iaas.scaling_groups.update",
  ]

  archive_object = "audit/${var.project_id}/event_id.iaas.instance.delete.jsonl"
}

resource "nhncloud_cloudtrail_alert" "critical" {
  project_id = var.project_id
  name       = "critical-deletes"
  event_ids  = concat(local.critical_events, local.delete_events)
  channel    = "slack://audit-critical"
}

resource "nhncloud_cloudtrail_alert" "backup" {
  project_id = var.project_id
  name       = "backup-changes"
  event_ids = [
    "event_id.backup.client.register",
    "event_id.backup.client.update",
    "event_id.backup.client.delete",
    "event_id.backup.target.delete",
    "event_id.backup.restoration.apply",
    "event_id.backup.clinet.delete",
  ]
}

resource "nhncloud_cloudtrail_alert" "lb" {
  project_id = var.project_id
  name       = "load-balancer"
  event_ids  = ["event_id.iaas.loadbalancer.*", "event_id.iaas.loadbalancer_listener.*"]
  /* members churn too much: event_id.iaas.loadbalancer_member.create */
}

output "watched_event_ids" {
  value = distinct(concat(local.critical_events, ["event_id.iaas.loadbalancer.update", "event_id.iaas.loadbalancer.udpate"]))
}
