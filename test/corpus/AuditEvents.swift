import Foundation

/// CloudTrail events shown in the iOS admin app's activity feed.
/// The list mirrors the console: event_id.iaas.loadbalancer.* and friends.
enum AuditEvent: String, CaseIterable, Codable {
    case loadBalancerCreate = "event_id.iaas.loadbalancer.create"
    case loadBalancerDelete = "event_id.iaas.loadbalancer.delete"
    case listenerCreate = "event_id.iaas.loadbalancer_listener.create"
    case memberDelete = "event_id.iaas.loadbalancer_member.delete"
    case l7PolicyCreate = "event_id.iaas.loadbalancer_l7policy.create"
    case l7RuleUpdate = "event_id.iaas.loadbalancer_l7rule.update"
    case l7RuleDelete = "event_id.iaas.loadbalancer_l7rlue.delete"
    case floatingIpCreate = "event_id.iaas.floatingip.create"

    var title: String {
        switch self {
        case .loadBalancerCreate: return "Load balancer created"
        case .loadBalancerDelete: return "Load balancer deleted"
        default: return rawValue.components(separatedBy: ".").suffix(2).joined(separator: " ")
        }
    }
}

struct FeedFormatter {
    let event_id: String
    let user: String

    func headline() -> String {
        "\(user) did \(event_id) at \(Date())"
    }

    func detailURL(base: URL) -> URL {
        base.appendingPathComponent("\(event_id).json")
    }

    func policyEvent(_ action: String) -> String {
        "event_id.iaas.loadbalancer_l7policy.\(action)"
    }

    static let help = """
        Tap an event to see its payload.
        Supported: event_id.iaas.loadbalancer_l7policy.update, event_id.iaas.loadbalancer_l7policy.delete
        Not yet: event_id.iaas.loadbalancer_l7policy.udpate (\("typo in the backend"))
        """

    static let rawPattern = #"^event_id\.iaas\.loadbalancer(_[a-z0-9]+)?\."#
    static let rawExample = #"Escaped \#(1) "event_id.iaas.loadbalancer_member.create" in a raw string"#
}

// MARK: - event_id.iaas.loadbalancer_member.update is not shown yet
/* Swift block comments /* nest */ too: event_id.iaas.loadbalancer_member.updte */
