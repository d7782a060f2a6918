-- Monthly audit report for the security review board.
-- Source table: audit.cloudtrail_event (one row per CloudTrail record).
-- Columns: event_id (e.g. event_id.iaas.instance.create), user_id, project_id, occurred_at, payload (jsonb)

WITH scoped AS (
    SELECT e.event_id,
           e.user_id,
           e.project_id,
           e.occurred_at,
           e.payload ->> 'event_id' AS payload_event_id
      FROM audit.cloudtrail_event AS e
     WHERE e.occurred_at >= date_trunc('month', now()) - interval '1 month'
       AND e.occurred_at <  date_trunc('month', now())
),
privileged AS (
    SELECT *
      FROM scoped
     WHERE event_id IN (
               'event_id.iam.member.role.update',
               'event_id.org.iam.member.add',
               'event_id.org.iam.member.update',
               'event_id.org.iam.member.send_mail',
               'event_id.org.role_group.modify.roles',
               'event_id.project.role_group.modify.role',
               'event_id.org.domain.update'
           )
        OR event_id LIKE 'event_id.project.role_group.%'
        OR event_id LIKE 'event_id.org.role_group.%'
),
deletions AS (
    SELECT *
      FROM scoped
     WHERE event_id LIKE 'event_id.iaas.%.delete'
        OR event_id IN ('event_id.iaas.vpc.delete', 'event_id.iaas.vpc_subnet.delete', 'event_id.iaas.vpcsubnet.delete')
)
SELECT 'privileged' AS category, event_id, count(*) AS n
  FROM privileged
 GROUP BY event_id
UNION ALL
SELECT 'deletion', event_id, count(*)
  FROM deletions
 GROUP BY event_id
ORDER BY category, n DESC;

/* Budget and governance changes are rare; list them individually.
   event_id.budget.create, event_id.budget.delete, event_id.governance.chnage */
SELECT occurred_at, user_id, event_id
  FROM scoped
 WHERE event_id = ANY (ARRAY['event_id.budget.create', 'event_id.budget.delete', 'event_id.governance.change'])
    OR event_id = 'event_id.' || 'iaas.' || 'instance.create'
    OR event_id = 'event_id.iaas.' || :resource || '.create'
 ORDER BY occurred_at;

-- Backup service: event_id.backup.target.register, event_id.backup.client.register, event_id.backup.target.updat
SELECT event_id, count(*) FROM scoped WHERE event_id ~ '^event_id\.backup\.' GROUP BY event_id;
