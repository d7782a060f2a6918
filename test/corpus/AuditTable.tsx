import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchEvents, type AuditEvent } from '../api/audit';

type Filter = { label: string; pattern: string };

const FILTERS: Filter[] = [
  { label: 'Members', pattern: 'event_id.org.member.*' },
  { label: 'Roles', pattern: 'event_id.org.role_group.*' },
  { label: 'Alarm groups', pattern: 'event_id.org.alarm_group.*' },
  { label: 'Org IAM', pattern: 'event_id.org.iam.' },
  { label: 'Products', pattern: 'event_id.org.products.*' },
];

const HIGHLIGHT = new Set<string>([
  'event_id.org.member.delete',
  'event_id.org.role_group.delete',
  'event_id.org.iam.member.send_mail',
  'event_id.org.iam.member.sendmail',
]);

function matches(pattern: string, id: string): boolean {
  return pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id.startsWith(pattern);
}

export function AuditTable({ orgId }: { orgId: string }): ReactNode {
  const [filter, setFilter] = useState<Filter>(FILTERS[0]);
  const { data = [] } = useQuery<AuditEvent[]>({
    queryKey: ['audit', orgId, filter.pattern],
    queryFn: () => fetchEvents(orgId, { eventId: filter.pattern }),
  });
  const rows = data.filter((e) => matches(filter.pattern, e.eventId) && e.eventId !== 'event_id.org.selected');
  return (
    <table className="audit-table" data-testid="audit-table" aria-label="event_id.org.* events">
      <caption>{`Events matching ${filter.pattern}`}</caption>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id} className={HIGHLIGHT.has(e.eventId) ? 'highlight' : undefined}>
            <td>{e.eventId === 'event_id.org.update' ? 'Organization updated' : e.eventId}</td>
            <td title={`${e.eventId}`}>{e.userName}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          {FILTERS.map((f) => (
            <td key={f.pattern}>
              <button onClick={() => setFilter(f)} title="event_id.org.domain.updte">{f.label}</button>
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
