//! Streams CloudTrail events from the forwarder and keeps per-event counters.
//!
//! The counters are exported as `cloudtrail_events_total{event_id="event_id.iaas.port.create"}`.

use std::borrow::Cow;
use std::collections::HashMap;

/// Events whose counters we alert on.
pub const WATCHED: &[&str] = &[
    "event_id.iaas.port.create",
    "event_id.iaas.port.delete",
    "event_id.iaas.port.update",
    "event_id.iaas.interface.create",
    "event_id.iaas.interface.delete",
    "event_id.iaas.route.create",
    "event_id.iaas.route.delete",
    "event_id.iaas.service_gateway.create",
    "event_id.iaas.servcie_gateway.delete",
    "event_id.iaas.transit_hub_routing_rule.create",
    "event_id.iaas.transit_hub_routing_rule.update",
];

pub struct Counter<'a> {
    event_id: Cow<'a, str>,
    count: u64,
}

impl<'a> Counter<'a> {
    pub fn new(event_id: &'a str) -> Self {
        Counter { event_id: Cow::Borrowed(event_id), count: 0 }
    }

    pub fn is_network(&self) -> bool {
        // 'static lifetimes and char literals like '"' must not open a string.
        let quote = '"';
        let _ = quote;
        self.event_id.starts_with("event_id.iaas.") && !self.event_id.contains("cluster")
    }
}

const SAMPLE: &str = r#"{"eventId": "event_id.iaas.transit_hub_multicast_group.create", "note": "has \"quotes\""}"#;
const SAMPLE_TYPO: &str = r#"{"eventId": "event_id.iaas.transit_hub_multicast_grup.delete"}"#;
const BYTES: &[u8] = br"event_id.iaas.internet_gateway.delete";

pub fn classify(event_id: &str) -> &'static str {
    match event_id {
        "event_id.iaas.nat_gateway.create" | "event_id.iaas.nat_gateway.delete" => "nat",
        "event_id.iaas.vpngw.create" | "event_id.iaas.vpngw.delte" => "vpn",
        id if id.starts_with("event_id.iaas.transit_hub") => "transit-hub",
        _ => "other",
    }
}

pub fn action_id(resource: &str, action: &str) -> String {
    format!("event_id.iaas.{}.{}", resource, action)
}

pub fn tally(events: &[&str]) -> HashMap<String, u64> {
    let mut counts = HashMap::new();
    for event_id in events {
        *counts.entry(event_id.to_string()).or_insert(0) += 1;
    }
    counts
}

/* Block comments nest in Rust: /* event_id.iaas.vpc.create */ and the
   outer comment continues here with event_id.iaas.vpc_subnet_route.craete */

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_nat() {
        assert_eq!(classify("event_id.iaas.nat_gateway.create"), "nat");
        assert_eq!(action_id("port", "update"), "event_id.iaas.port.update");
        let _ = (SAMPLE, SAMPLE_TYPO, BYTES);
    }
}
