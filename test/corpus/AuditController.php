<?php

declare(strict_types=1);

namespace App\Http\Controllers;

use App\Models\AuditEvent;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;

/**
 * Audit log API for the admin console.
 *
 * GET /api/audit?event=event_id.iaas.instance.create
 */
final class AuditController extends Controller
{
    private const VOLUME_EVENTS = [
        'event_id.iaas.volume.create',
        'event_id.iaas.volume.delete',
        'event_id.iaas.volume.update',
        'event_id.iaas.volume.copy',
        'event_id.iaas.volume.extend',
        'event_id.iaas.volumes.copy',
    ];

    private const NAS_EVENTS = [
        "event_id.iaas.nas.volume.create",
        "event_id.iaas.nas.volume.delete",
        "event_id.iaas.nas.cifs_credential.create",
        "event_id.iaas.nas.cifs_credentials.update",
    ];

    #[Route('/api/audit/volumes', name: 'audit.volumes')]
    public function volumes(Request $request): JsonResponse
    {
        $event_id = $request->query('event', 'event_id.iaas.volume.create');
        $file = $event_id . '.json'; // e.g. event_id.iaas.volume.create.json
        $action = $request->query('action', 'attach');
        $derived = 'event_id.iaas.volume.' . $action;
        $nasEvent = "event_id.iaas.nas.{$action}";

        $rows = AuditEvent::query()
            ->where('event_id', 'like', 'event_id.iaas.volume.%')
            ->orWhereIn('event_id', self::NAS_EVENTS)
            ->limit(100)
            ->get();

        return new JsonResponse(['rows' => $rows, 'file' => $file, 'derived' => $derived, 'nas' => $nasEvent]);
    }

    public function help(): string
    {
        $heredoc = <<<HTML
        <h2>Volume events</h2>
        <ul>
          <li>event_id.iaas.volume.attach – volume attached</li>
          <li>event_id.iaas.volume.detach – volume detached</li>
          <li>event_id.iaas.volume.atatch – typo kept from the old wiki</li>
        </ul>
        HTML;

        $nowdoc = <<<'TXT'
        Snapshots: event_id.iaas.snapshot.create, event_id.iaas.snapshot.delete, event_id.iaas.snapshot.restore
        TXT;

        return $heredoc . $nowdoc;
    }

    # Legacy hash comment: event_id.iaas.nas.snapshot.create
    public function legacy(string $event_id): bool
    {
        return str_starts_with($event_id, 'event_id.iaas.nas.') || $event_id === "event_id.iaas.nas.snapshot.delete";
    }
}
