package com.example.alerts

import kotlinx.serialization.Serializable

/*
 * Alert rules evaluated by the notifier.
 * /* Nested comments are legal in Kotlin: event_id.iaas.vpc.create */
 * Rules reference CloudTrail IDs such as event_id.iaas.vpc_subnet.update.
 */

@Serializable
data class Rule(val name: String, val eventIds: List<String>, val channel: String)

enum class Action(val id: String) {
    REBOOT("event_id.iaas.instance_action.reboot"),
    RESIZE("event_id.iaas.instance_action.resize"),
    SHELVE("event_id.iaas.instance_action.shelve"),
    SCREENSHOT("event_id.iaas.instance_action.screenshot"),
    STOP("event_id.iaas.instance_action.stpo"),
}

object AlertRules {
    private const val NAT = "event_id.iaas.nat_gateway"

    val rules = listOf(
        Rule("nat", listOf("$NAT.create", "$NAT.delete", "event_id.iaas.nat_gateway.update"), "#network"),
        Rule(
            name = "peering",
            eventIds = listOf(
                "event_id.iaas.peering_allow_project.create",
                "event_id.iaas.peering_allow_project.delete",
                "event_id.iaas.peering_alow_project.update",
            ),
            channel = "#network",
        ),
        Rule("dns", listOf("event_id.iaas.privatedns.zone.create", "event_id.iaas.privatedns.zone.delete"), "#dns"),
    )

    fun actionEvent(action: String, finished: Boolean): String =
        if (finished) "event_id.iaas.instance_action.${action}_end" else "event_id.iaas.instance_action.$action"

    fun resourceEvent(resource: String) = "event_id.iaas.$resource.create"

    val template = """
        Rule fired for ${rules.first().eventIds.joinToString { "'$it'" }}
        (watch event_id.iaas.privatedns.recordset.update and event_id.iaas.privatedns.recordset.delte)
    """.trimIndent()

    fun label(eventId: String) = when (eventId) {
        "event_id.iaas.traffic_mirroring.session.create" -> "Mirroring session created"
        "event_id.iaas.traffic_mirroring.filter_group.update" -> "Mirroring filter group changed"
        "event_id.iaas.traffic_mirroring.filtergroup.delete" -> "Mirroring filter group removed"
        else -> eventId.substringAfter("event_id.")
    }
}
