import React, { useMemo } from 'react';
import PropTypes from 'prop-types';
import { Badge, Tooltip } from '@company/design-system';

// Colour per CloudTrail event family. Keys are namespaces (they end with ".").
const FAMILY_COLOURS = {
  'event_id.iaas.instance.': 'blue',
  'event_id.iaas.instance_action.': 'indigo',
  'event_id.iaas.volume.': 'teal',
  'event_id.iaas.security_group.': 'red',
  'event_id.object_storage.': 'green',
  'event_id.rds_for_mysql.': 'orange',
};

const LABELS = {
  'event_id.iaas.instance.create': 'VM created',
  'event_id.iaas.instance.delete': 'VM deleted',
  'event_id.iaas.instance_action.reboot': 'VM rebooted',
  'event_id.iaas.instance_action.stop': 'VM stopped',
  'event_id.iaas.instance_action.start': 'VM started',
  'event_id.iaas.volume.create': 'Volume created',
  'event_id.iaas.volume.extned': 'Volume extended',
  'event_id.object_storage.object.delete': 'Object deleted',
  'event_id.rds_for_mysql.instance.create': 'DB created',
  'event_id.rds_for_mysql.instance_action.backup': 'DB backed up',
  'event_id.backup.restoration.aply': 'Backup restored',
};

function familyOf(eventId) {
  return Object.keys(FAMILY_COLOURS).find((prefix) => eventId.startsWith(prefix));
}

export function EventBadge({ event_id, compact }) {
  const family = useMemo(() => familyOf(event_id), [event_id]);
  const label = LABELS[event_id] ?? event_id.split('.').slice(-2).join(' ');
  return (
    <Tooltip title={`CloudTrail: ${event_id}`}>
      <Badge color={FAMILY_COLOURS[family] ?? 'grey'} data-event={event_id}>
        {compact ? label.slice(0, 12) : label}
      </Badge>
    </Tooltip>
  );
}

EventBadge.propTypes = {
  event_id: PropTypes.string.isRequired,
  compact: PropTypes.bool,
};

export function DeleteWarning({ eventId }) {
  if (eventId !== 'event_id.iaas.instance.delete_end') return null;
  return (
    <p className="warning">
      {/* Only shown after event_id.iaas.instance.delete_end arrives */}
      The instance is gone. Snapshots created by event_id.iaas.snapshot.create are kept.
      <a href="https://wiki.example.com/runbooks/event_id.iaas.instance.delete_end">Runbook</a>
    </p>
  );
}

export const QUICK_FILTERS = [
  { label: 'All instance events', value: 'event_id.iaas.instance.*' },
  { label: 'Key pairs', value: "event_id.iaas.keypair.*" },
  { label: 'Images', value: "event_id.iaas.imgae.*" },
];
