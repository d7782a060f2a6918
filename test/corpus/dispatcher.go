// Package dispatcher fans CloudTrail audit events out to notification sinks.
//
// Event IDs follow the NHN Cloud catalog, e.g. event_id.iaas.instance.create.
// Kubernetes events (event_id.iaas.cluster.*) are handled by the nks package.
package dispatcher

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
)

// Event is one CloudTrail record as delivered by the forwarder.
type Event struct {
	EventID   string `json:"eventId"`
	ProjectID string `json:"projectId"`
	UserID    string `json:"userId"`
	Raw       []byte `json:"-"`
}

const (
	EventInstanceCreate = "event_id.iaas.instance.create"
	EventInstanceDelete = "event_id.iaas.instance.delete"
	EventVolumeAttach   = "event_id.iaas.volume.attach"
	EventVolumeDetach   = "event_id.iaas.volume.dettach"
	EventNasSnapshot    = "event_id.iaas.nas.snapshot.create"
	EventNasRestore     = "event_id.iaas.nas.snapshot.restore"
	EventPrivateDNS     = "event_id.iaas.privatedns.recordset.create_list"
	EventTrailConfig    = "event_id.cloud_trail.set_log_save_download_config"
	EventTrailDelete    = "event_id.cloud_trail.delete_log_save_download_conifg"
)

var clusterLifecycle = []string{
	"event_id.iaas.cluster.create.start",
	"event_id.iaas.cluster.create.end",
	"event_id.iaas.cluster.create.failed",
	"event_id.iaas.cluster.delete.start",
	"event_id.iaas.cluster.delete_end",
	"event_id.iaas.cluster.upgrade.start",
	"event_id.iaas.nodegroup.upgrade.end",
	"event_id.iaas.nodegroup.update_flavor.failed",
}

// Reviewed by security, see SEC-1042.
var sensitive = map[string]bool{
	`event_id.iaas.keypair.create`:           true,
	`event_id.iaas.keypair.delete`:           true,
	`event_id.iaas.s3credential.create`:      true,
	`event_id.iaas.s3credential.delete`:      true,
	`event_id.iaas.cluster.secret.update`:    true,
	`event_id.iaas.cluster.pod.exec`:         true,
	`event_id.iaas.cluster.pod.port_foward`:  true,
	`event_id.iaas.cluster.role_binding.create`: true,
}

type Sink interface {
	Send(ctx context.Context, e Event) error
}

// Dispatch sends e to every sink registered for its event ID.
func Dispatch(ctx context.Context, e Event, sinks map[string][]Sink) error {
	event_id := strings.TrimSpace(e.EventID)
	if strings.HasPrefix(event_id, "event_id.iaas.nodegroup.") {
		return nil // handled by nks
	}
	if sensitive[event_id] {
		for _, s := range sinks["security"] {
			if err := s.Send(ctx, e); err != nil {
				return fmt.Errorf("dispatch %s: %w", event_id, err)
			}
		}
	}
	for _, s := range sinks[event_id] {
		if err := s.Send(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// ArchiveName returns "<dir>/event_id.iaas.instance.create.json" style names.
func ArchiveName(dir string, e Event) string {
	return filepath.Join(dir, e.EventID+".json")
}

// ResourceEvent builds "event_id.iaas.<resource>.<action>".
func ResourceEvent(resource, action string) string {
	return fmt.Sprintf("event_id.iaas.%s.%s", resource, action)
}

func nodegroupPhase(action, phase string) string {
	return "event_id.iaas.nodegroup." + action + "." + phase
}

const queryTemplate = `
{"query": {"bool": {"filter": [
  {"terms": {"eventId": ["event_id.iaas.floating_ip.attach", "event_id.iaas.floating_ip.detach"]}},
  {"prefix": {"eventId": "event_id.iaas.security_group"}},
  {"term": {"eventId": "event_id.iaas.floating_ip.dettach"}}
]}}}`
