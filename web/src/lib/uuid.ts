const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a route parameter can be an id at all (anything else is a 404 without asking the server). */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}
