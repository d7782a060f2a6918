/**
 * The heading user events (`.cloudtrail-events.json`, `catalog.extraEvents`) are listed under: the
 * server gives it to those that name no service, and the client's tree groups every user event there.
 */
export const USER_SERVICE = 'User events';
