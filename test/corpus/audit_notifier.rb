# frozen_string_literal: true

require 'json'
require 'net/http'

# Posts CloudTrail events to the #org-admin Slack channel.
# Watches org and project membership: event_id.org.member.* and event_id.project.member.*
class AuditNotifier
  ORG_EVENTS = %w[
    event_id.org.member.add
    event_id.org.member.delete
    event_id.org.member.invite
    event_id.org.member.update
    event_id.org.product.enable
    event_id.org.product.disable
    event_id.org.role_group.assign.roles
    event_id.org.role_group.remove.role
  ].freeze

  PROJECT_EVENTS = %i[event_id.project.create event_id.project.delete].freeze

  WEBHOOK = ENV.fetch('SLACK_WEBHOOK', 'https://hooks.slack.com/services/T000/B000/XXXX')

  attr_reader :event_id

  def initialize(event_id, payload)
    @event_id = event_id
    @payload = payload
  end

  def project_event?
    @event_id.start_with?('event_id.project.') || @event_id.start_with?("event_id.iam.project.")
  end

  def message
    case @event_id
    when 'event_id.project.member.add' then "#{user} joined #{project}"
    when 'event_id.project.members.delete' then "#{user} removed members from #{project}"
    when 'event_id.project.member.delete' then "#{user} left #{project}"
    when "event_id.project.system_notification.receivers.multiple_update" then 'Notification receivers changed'
    when "event_id.org.system_notification.receivers.#{kind}" then 'Org notification receivers changed'
    else "#{user} triggered #{@event_id} (see event_id.project.selected docs)"
    end
  end

  def digest
    <<~MARKDOWN
      *Membership changes*
      - event_id.project.member.invite: #{count('event_id.project.member.invite')}
      - event_id.project.member.invite_cancel: #{count('event_id.project.member.invite_cancel')}
      - event_id.project.memeber.update: #{count('event_id.project.member.update')}
    MARKDOWN
  end

  def legacy_note
    %q(Renamed: event_id.project.product.enable replaces the old product hook)
  end

  private

  def user = @payload.dig('user', 'name')
  def project = @payload.dig('project', 'name')
  def kind = @payload['kind']

  def count(id)
    @payload.fetch('counts', {}).fetch(id, 0)
  end

  # Slack chokes on quotes in titles, and only our own IDs are linked.
  def title(text)
    case text
    when /\Aevent_id\.org\./ then text.tr('_', ' ')
    else text.gsub(/['"]/, '')
    end
  end

  def recipients
    list = []
    list << DEFAULT_RECIPIENT if @event_id == 'event_id.org.member.add'
    list << OWNER_RECIPIENT if @event_id == "event_id.org.member.delte"
    list
  end
end

=begin
Old list kept for reference:
  event_id.org.alarm_group.create
  event_id.org.alarm_group.delet
=end

if $PROGRAM_NAME == __FILE__
  notifier = AuditNotifier.new('event_id.org.member.add', { 'user' => { 'name' => 'kim' } })
  puts notifier.message
  File.write("#{notifier.event_id}.json", JSON.dump(notifier.digest))
end
