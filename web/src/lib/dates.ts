/** Today's date in Norway (Europe/Oslo) as 'YYYY-MM-DD', the form dates travel in. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);
}
