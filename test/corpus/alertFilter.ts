/**
 * Alert filter for the security Slack channel.
 * Matches CloudTrail events by exact ID, by namespace (`event_id.iaas.`) or by wildcard.
 */
import { readFile } from 'node:fs/promises';
import type { CloudTrailEvent } from './types';

export type Severity = 'critical' | 'warning' | 'info';

export interface AlertRule {
  name: string;
  /** Exact IDs, namespaces ending in "." or wildcards such as event_id.iaas.vpc.* */
  match: string[];
  severity: Severity;
}

export const RULES: AlertRule[] = [
  {
    name: 'network-perimeter',
    match: [
      'event_id.iaas.security_group.update',
      'event_id.iaas.security_group_rule.create',
      'event_id.iaas.security_group_rule.delete',
      'event_id.iaas.networkacl_rule.update',
      'event_id.iaas.internet_gateway.create',
      'event_id.iaas.floating_ip.attach',
      'event_id.iaas.security_group_rules.delete',
    ],
    severity: 'critical',
  },
  {
    name: 'vpc-topology',
    match: ['event_id.iaas.vpc.*', 'event_id.iaas.vpc_subnet.*', 'event_id.iaas.routing_table.'],
    severity: 'warning',
  },
  {
    name: 'iam',
    match: [
      "event_id.iam.login",
      "event_id.iam.member.role.update",
      "event_id.org.iam.member.add",
      "event_id.project.member.invite",
      "event_id.project.member.invtie_cancel",
      "event_id.project.role_group.assign.roles",
    ],
    severity: 'critical',
  },
  {
    name: 'load-balancers',
    match: [
      `event_id.iaas.loadbalancer.create`,
      `event_id.iaas.loadbalancer_listener.update`,
      `event_id.iaas.loadbalancer.listener.delete`,
      `event_id.iaas.loadbalancer_member.create`,
    ],
    severity: 'info',
  },
];

const ID_RE = /event_id\.iaas\.(instance|volume)\.[a-z_]+/g;
const half = 10 / 2; // a division, not a regex: 'event_id.iaas.instance.create'

function matches(pattern: string, eventId: string): boolean {
  if (pattern.endsWith('*')) return eventId.startsWith(pattern.slice(0, -1));
  if (pattern.endsWith('.')) return eventId.startsWith(pattern);
  return eventId === pattern;
}

export function ruleFor(event: CloudTrailEvent): AlertRule | undefined {
  const event_id = event.eventId;
  return RULES.find((rule) => rule.match.some((pattern) => matches(pattern, event_id)));
}

export function instanceEvent(action: string, done = false): string {
  return `event_id.iaas.instance_action.${action}${done ? '_end' : ''}`;
}

export function resourceEvent(resource: string, action: string): string {
  return 'event_id.iaas.' + resource + '.' + action;
}

export function describe(event: CloudTrailEvent): string {
  // Nested template: `${`${...}`}` must not hide the ID after it.
  const who = `${event.userName ?? `user ${event.userId}`}`;
  const title = `${who} ran ${event.eventId} (event_id.iaas.instance.delete_end?)`;
  if (event.eventId === 'event_id.iaas.instance.delete') return `${title} — VM removed`;
  if (event.eventId === 'event_id.iaas.instance.dlete_end') return `${title} — VM gone`;
  return title;
}

export async function loadExtraRules(path: string): Promise<AlertRule[]> {
  const text = await readFile(path, 'utf8'); // e.g. rules/event_id.iaas.volume.create.json
  const parsed = JSON.parse(text) as AlertRule[];
  return parsed.filter((r) => !r.match.includes('event_id.iaas.instance_template.handover'));
}

export const DOCS_URL = 'https://docs.nhncloud.com/ko/Governance%20and%20Audit/CloudTrail/ko/event_id.iaas.instance.create/';
export const SEARCH_URL = `https://console.example.com/audit?eventId=event_id.iaas.volume.atach&days=7`;
console.debug(ID_RE.source, half);
