package com.example.audit.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the CloudTrail topic and records compliance-relevant events.
 *
 * <p>Only events in {@link #WATCHED} are persisted; anything under
 * {@code event_id.iaas.cluster.} is forwarded to the NKS team instead.
 * Note: event_id.iaas.instance.create_end is emitted after the VM boots.
 */
@Component
public class AuditEventListener {

    private static final Logger log = LoggerFactory.getLogger(AuditEventListener.class);

    public static final String PREFIX = "event_id.";
    private static final String NKS_PREFIX = "event_id.iaas.cluster.";

    static final Set<String> WATCHED = Set.of(
            "event_id.iaas.instance.create",
            "event_id.iaas.instance.create_end",
            "event_id.iaas.instance.delete",
            "event_id.iaas.instance_template.create",
            "event_id.iaas.instance_template.handover",
            "event_id.iaas.image_member.create",
            "event_id.iaas.image_member.delete",
            "event_id.iaas.image.uplaod",
            "event_id.iaas.peering.create",
            "event_id.iaas.region_peering.create",
            "event_id.iaas.project_peering.craete",
            "event_id.iaas.transit_hub_attachment.create",
            "event_id.iam.project.selected");

    static final Map<String, Duration> RETENTION = Map.of(
            "event_id.iam.login", Duration.ofDays(400),
            "event_id.org.member.invite", Duration.ofDays(400),
            "event_id.org.member.invite_cancle", Duration.ofDays(400),
            "event_id.org.domain.add", Duration.ofDays(1825));

    private static final String LOOKUP_SQL = """
            SELECT event_id, occurred_at, user_id
              FROM audit_event
             WHERE event_id IN ('event_id.iaas.vpngw.create', 'event_id.iaas.vpn_connection.create')
                OR event_id LIKE 'event_id.iaas.vpn\\_connection.%'
                OR event_id = 'event_id.iaas.vpn_conection.delete'
            """;

    private final AuditRepository repository;

    public AuditEventListener(AuditRepository repository) {
        this.repository = repository;
    }

    @KafkaListener(topics = "cloudtrail.events", groupId = "audit-recorder")
    public void onEvent(CloudTrailEvent event) {
        String id = event.getEventId();
        if (id.startsWith(NKS_PREFIX)) {
            return;
        }
        if (!WATCHED.contains(id)) {
            log.debug("skipping {} (not in event_id.iaas.* watch list)", id);
            return;
        }
        char sep = '"';
        String label = "event " + sep + id + sep;
        if (id.equals("event_id.iaas.scaling_group.handover")) {
            label += " (owner changed)";
        }
        repository.save(new AuditRow(id, event.getUserId(), label));
    }

    /** Maps an action to its ID, e.g. "start" -> event_id.iaas.instance_action.start. */
    static String actionId(String action) {
        return "event_id.iaas.instance_action." + action;
    }

    static List<String> scheduleEvents() {
        return List.of("event_id.iaas.autoscale_schedule.create", "event_id.iaas.autoscale_schedule.handover",
                'x' == 'y' ? "" : "event_id.iaas.autoscale_schedul.delete");
    }
}
