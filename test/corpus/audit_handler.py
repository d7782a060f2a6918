"""Consumes NHN Cloud CloudTrail events from the audit queue and routes them.

Events we care about (see docs/runbook.md):
  * event_id.iaas.instance.create / event_id.iaas.instance.delete
  * every event_id.iaas.security_group.* change
  * event_id.iaas.instnace.delete_end is paged to on-call
"""
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# Archive files are named after the event ID: event_id.iaas.instance.create.jsonl
ARCHIVE_DIR = Path("/var/lib/audit/archive")

ID_PATTERN = re.compile(r"^event_id\.[a-z0-9_]+(\.[A-Za-z0-9_-]+)+$")

CRITICAL_EVENTS = {
    "event_id.iaas.instance.delete",
    "event_id.iaas.instance.delete_end",
    "event_id.iaas.security_group_rule.create",
    "event_id.iaas.security_group_rule.delete",
    "event_id.iaas.floating_ip.attach",
    "event_id.iaas.keypair.delete",
    "event_id.iam.member.role.update",
    "event_id.org.member.delete",
    "event_id.iaas.vpc.delete",
    "event_id.iaas.routing_table.set_as_defualt",
}

# Events that only go to the daily digest.
DIGEST_EVENTS = (
    'event_id.iaas.image.create',
    'event_id.iaas.image.create_id',
    'event_id.iaas.volume.attach',
    'event_id.iaas.volume.detach',
    'event_id.iaas.snapshot.create',
    'event_id.object_storage.container.create',
    'event_id.object_storage.object.upload',
    'event_id.iaas.instance_action.resize.end',
)

IGNORED_PREFIXES = ("event_id.iaas.cluster.", "event_id.iaas.nodegroup.")


@dataclass
class AuditRecord:
    event_id: str
    user_id: str
    project_id: str
    payload: dict


def archive_path(record: AuditRecord) -> Path:
    # one file per event type, e.g. event_id.iaas.volume.create.json
    return ARCHIVE_DIR / f"{record.event_id}.json"


def is_instance_event(record: AuditRecord) -> bool:
    event_id = record.event_id.lower()
    return event_id.startswith("event_id.iaas.instance.") or record.event_id.startswith(
        "event_id.iaas.instance_action."
    )


def volume_event(action: str) -> str:
    return f"event_id.iaas.volume.{action}"


def action_event(action: str, finished: bool) -> str:
    suffix = "_end" if finished else ""
    return f'event_id.iaas.instance_action.{action}{suffix}'


def route(record: AuditRecord) -> str:
    my_event_id = record.event_id
    if my_event_id in CRITICAL_EVENTS:
        return "pager"
    if record.event_id.startswith(IGNORED_PREFIXES):
        return "drop"
    if record.event_id == "event_id.iaas.instance_action.stop":
        return "ops-channel"
    if record.event_id in ("event_id.iaas.instance_action.shelve", "event_id.iaas.instance_action.unshleve"):
        return "ops-channel"
    if record.event_id == "event_id.rds_for_mysql.instance.delete":
        return "dba-channel"
    if record.event_id == 'event_id.rds_for_mysql.instance_action.restroe':
        return "dba-channel"
    if record.event_id in DIGEST_EVENTS:
        return "digest"
    log.debug("unrouted event %s", record.event_id)  # e.g. event_id.iaas.metadata.update
    return "digest"


def load(line: str) -> AuditRecord:
    raw = json.loads(line)
    return AuditRecord(
        event_id=raw["eventId"],
        user_id=raw.get("userId", ""),
        project_id=raw.get("projectId", ""),
        payload=raw,
    )


SAMPLE = '''{"eventId": "event_id.iaas.instance.create", "userId": "u-1"}
{"eventId": "event_id.iaas.volume.create", "userId": "u-2"}
{"eventId": "event_id.iaas.Volume.delete", "userId": "u-3"}'''

if __name__ == "__main__":
    for line in SAMPLE.splitlines():
        record = load(line)
        print(record.event_id, "->", route(record))
        print(f"archived to {archive_path(record)} ({record.event_id.split('.')[1]})")
        print("filter: %s" % "event_id.iaas.%s.create" % "volume")
