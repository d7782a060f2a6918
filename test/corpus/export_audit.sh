#!/usr/bin/env bash
# Export yesterday's CloudTrail events for the compliance archive.
# Usage: export_audit.sh [event_id ...]   (default: the set below)
#   e.g. export_audit.sh event_id.iaas.instance.create event_id.iaas.keypair.create
set -euo pipefail

API="${CLOUDTRAIL_API:-https://api.example.internal/cloudtrail/v1}"
OUT_DIR="${OUT_DIR:-/srv/audit/$(date -d yesterday +%F)}"
mkdir -p "$OUT_DIR"

DEFAULT_EVENTS=(
  event_id.iaas.instance.create
  event_id.iaas.instance.delete
  event_id.iaas.keypair.create
  event_id.iaas.keypair.delete
  event_id.iaas.security_group.create
  event_id.iaas.security_group.delete
  event_id.iaas.security_grop.update
  event_id.iam.member.role.update
  event_id.governance.change
  event_id.budget.modify
  event_id.budget.modfy
)

if [[ $# -gt 0 ]]; then
  events=("$@")
else
  events=("${DEFAULT_EVENTS[@]}")
fi

for event_id in "${events[@]}"; do
  # One JSON-lines file per event: $OUT_DIR/event_id.iaas.instance.create.jsonl
  out="$OUT_DIR/$event_id.jsonl"
  curl -fsS "$API/events?eventId=${event_id}&from=$(date -d yesterday +%s)" \
    | jq -c '.items[] | select(.event_id != null)' > "$out"
  echo "exported $(wc -l < "$out") records for ${event_id}"
done

# Supporter changes are exported together.
for action in add delete; do
  curl -fsS "$API/events?eventId=event_id.supporter.${action}" >> "$OUT_DIR/supporters.jsonl"
done

# Marketplace: brace expansion yields event_id.market_place.apply and apply-cancel.
for id in event_id.market_place.{apply,apply-cancel,termination-apply,termination-apply-cancel}; do
  curl -fsS "$API/events?eventId=$id" >> "$OUT_DIR/marketplace.jsonl"
done

grep -h '"eventId":"event_id.market_place.termination-apply-cancel"' "$OUT_DIR"/*.jsonl | wc -l
grep -h 'event_id.market_place.termination_apply' "$OUT_DIR"/*.jsonl || true
zgrep -c "event_id.iaas.instance_action" /var/log/cloudtrail/*.gz || true

curl -fsS "$API/events?eventId=event_id.iaas.instnace.create&limit=10" > /dev/null
echo "Done. See https://wiki.example.internal/audit/event_id.iaas.instance.create/retention for the policy."
