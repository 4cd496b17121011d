/** Seconds to wait before retrying a job that failed on its `attempt`-th try: 30 s, 1 min, 2 min, … at most 1 hour. */
export function backoffSeconds(attempt: number): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(30 * 2 ** (n - 1), 3600);
}
