import 'package:flutter/material.dart';

/// Activity feed tile for the mobile console.
/// Icons per family: event_id.iaas.scaling_group.* uses Icons.auto_graph.
class AuditFeedTile extends StatelessWidget {
  const AuditFeedTile({super.key, required this.eventId, required this.user});

  final String eventId;
  final String user;

  static const scalingEvents = <String>{
    'event_id.iaas.scaling_group.create',
    'event_id.iaas.scaling_group.delete',
    'event_id.iaas.scaling_group.handover',
    'event_id.iaas.scaling_group.update',
    'event_id.iaas.autoscale_schedule.delete',
    'event_id.iaas.autoscale_schedule.create',
  };

  static const labels = {
    "event_id.iaas.peering.create": 'Peering created',
    "event_id.iaas.peering.delete": 'Peering deleted',
    "event_id.iaas.region_peering.delete": 'Region peering deleted',
    "event_id.iaas.regoin_peering.update": 'Region peering changed',
  };

  String get title => labels[eventId] ?? '$user: ${eventId.split('.').last}';

  String scalingEvent(String action) => 'event_id.iaas.scaling_group.$action';

  static const help = '''
Scaling groups emit event_id.iaas.scaling_group.create and event_id.iaas.scaling_group.delete.
Schedules emit event_id.iaas.autoscale_schedule.handover when ownership moves.
''';

  @override
  Widget build(BuildContext context) {
    final icon = scalingEvents.contains(eventId) ? Icons.auto_graph : Icons.history;
    return ListTile(
      leading: Icon(icon),
      title: Text(title),
      subtitle: Text(eventId == 'event_id.iaas.scaling_group.handover' ? 'Owner changed' : eventId),
    );
  }
}
