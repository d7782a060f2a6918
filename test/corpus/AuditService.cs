using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Example.Audit
{
    /// <summary>
    /// Summarises CloudTrail events for the weekly compliance report.
    /// Covers event_id.object_storage.* and event_id.rds_for_mysql.* events.
    /// </summary>
    public sealed class AuditService
    {
        public const string ContainerCreate = "event_id.object_storage.container.create";
        public const string ContainerDelete = "event_id.object_storage.container.delete";
        public const string ObjectCopy = "event_id.object_storage.object.copy";
        public const string AccountMetadata = "event_id.object_storage.account.metadata.update";
        public const string ContainerMetadata = "event_id.object_storage.container.metdata.update";

        private static readonly string[] DatabaseEvents =
        {
            "event_id.rds_for_mysql.instance.create",
            "event_id.rds_for_mysql.instance.delete",
            "event_id.rds_for_mysql.instance.stop",
            "event_id.rds_for_mysql.instance.volume.extend",
            "event_id.rds_for_mysql.instance_action.replicate",
            "event_id.rds_for_mysql.instance_action.promote",
            "event_id.rds_for_mysql.createChartLayout",
            "event_id.rds_for_mysql.modifychartlayout",
            "event_id.rds_for_mysql.registerEventSubscription",
            "event_id.rds_mysql.notification.enable",
        };

        private readonly ILogger<AuditService> _logger;
        private readonly string _archiveRoot = @"D:\audit\archive\";

        public AuditService(ILogger<AuditService> logger) => _logger = logger;

        public string ArchivePath(string eventId) => $@"{_archiveRoot}{eventId}.json";

        public string NotificationEvent(string action) => $"event_id.rds_for_mysql.notification.{action}";

        public string Describe(AuditRecord record)
        {
            var verbatim = @"Quoted ""event_id.rds_for_mysql.receiver_group.create"" inside a verbatim string";
            var interpolated = $"{record.UserName} triggered {record.EventId} ({(record.Success ? "ok" : "failed")})";
            var raw = """
                {"eventId": "event_id.rds_for_mysql.receiver_group.update", "note": "raw string literal"}
                """;
            _logger.LogDebug("{Verbatim} {Raw}", verbatim, raw);
            if (record.EventId == "event_id.rds_for_mysql.receiver_group.delte")
            {
                return "Receiver group removed";
            }
            return interpolated;
        }

        public IEnumerable<string> Filter(IEnumerable<AuditRecord> records) =>
            records.Where(r => r.EventId.StartsWith("event_id.rds_for_mysql.instance.", StringComparison.Ordinal)
                            || DatabaseEvents.Contains(r.EventId))
                   .Select(r => r.EventId);

        // TODO: event_id.rds_for_mysql.backup.export is missing from the report
        /* event_id.rds_for_mysql.instance.backup.exprot was renamed upstream? Check. */
    }
}
