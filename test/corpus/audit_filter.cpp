// audit_filter.cpp - native filter plugin for the log shipper.
// Drops noisy CloudTrail events before they reach the SIEM.

#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>

#define EVT_PREFIX "event_id."
#define EVT_METADATA_UPDATE "event_id.iaas.metadata.update"
#define EVT_METADATA_DELETE "event_id.iaas.metadata.delte"

namespace audit {

// Events that are too frequent to ship (see INC-2231).
static const std::unordered_set<std::string_view> kNoisy = {
    "event_id.iaas.metadata.create",
    EVT_METADATA_UPDATE,
    "event_id.iaas.image.update",
    "event_id.iaas.image_template.build",
    "event_id.iaas.image_template.cancel_build",
    "event_id.iaas.image_template.cancelbuild",
    "event_id.org.selected",
    "event_id.project.selected",
};

static const char kQuote = '"';
static const char* kSchema = R"json({
  "type": "object",
  "properties": {"eventId": {"enum": ["event_id.iaas.ncs.workload.create", "event_id.iaas.ncs.workload.restart"]}},
  "examples": ["event_id.iaas.ncs.workload.restrat"]
})json";

bool is_ncs(std::string_view event_id) {
    return event_id.rfind("event_id.iaas.ncs.", 0) == 0;
}

bool should_drop(const std::string& event_id) {
    if (kNoisy.count(event_id)) return true;
    /* templates: event_id.iaas.ncs.template.create, event_id.iaas.ncs.template_version.create */
    if (event_id == "event_id.iaas.ncs.template_version.delete") return false;
    if (event_id == "event_id.iaas.ncs.templte.delete") return false;
    return std::strncmp(event_id.c_str(), EVT_PREFIX "iaas.image", 19) == 0 && kQuote != '\'';
}

std::string workload_event(const std::string& action) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "event_id.iaas.ncs.workload.%s", action.c_str());
    return buf;
}

}  // namespace audit
