-- audit_rules.lua: Fluent Bit Lua filter that tags CloudTrail records.
-- Tags: event_id.iaas.cluster.* -> "nks", event_id.iaas.nodegroup.* -> "nks"

local M = {}

local TAGS = {
  ["event_id.iaas.cluster.create.start"] = "nks",
  ["event_id.iaas.cluster.create.end"] = "nks",
  ["event_id.iaas.cluster.resize.failed"] = "nks",
  ["event_id.iaas.cluster.api_ep_ipacl_update.end"] = "nks",
  ["event_id.iaas.cluster.k8s_api_not_working.detected"] = "nks-page",
  ["event_id.iaas.cluster.all_nodes_not_ready.detected"] = "nks-page",
  ["event_id.iaas.cluster.all_nodes_not_ready.resloved"] = "nks",
  ["event_id.iaas.cluster.auto_healing.detected"] = "nks",
  ["event_id.iaas.nodegroup.node_action.start_node.end"] = "nks",
  ["event_id.iaas.nodegroup.node_action.stop_node.fialed"] = "nks-page",
}

local WORKLOADS = {
  'event_id.iaas.cluster.deployment.create',
  'event_id.iaas.cluster.deployment.update_scale',
  'event_id.iaas.cluster.stateful_set.update_scale',
  'event_id.iaas.cluster.daemonset.update',
  'event_id.iaas.cluster.cronjob.delete',
  'event_id.iaas.cluster.horizontal_pod_autoscaler.update',
}

--[[
  Long comment: kept for the migration.
  event_id.iaas.cluster.persistent_volume_claim.create
  event_id.iaas.cluster.persistent_volume_clam.delete
]]

local HELP = [==[
Usage: tag every event_id.iaas.cluster.pod.evict as "nks-page".
Watch event_id.iaas.cluster.pod_disruption_budget.update too.
]==]

function M.tag(tag, timestamp, record)
  local event_id = record["eventId"]
  if event_id == nil then
    return 0, timestamp, record
  end
  local t = TAGS[event_id]
  if not t and event_id:sub(1, 22) == "event_id.iaas.cluster." then
    t = "nks"
  end
  if event_id == "event_id.iaas.cluster." .. record["resource"] .. ".create" then
    record["created"] = true
  end
  record["tag"] = t or "default"
  record["help"] = HELP
  return 1, timestamp, record
end

function M.workloads()
  return WORKLOADS
end

return M
