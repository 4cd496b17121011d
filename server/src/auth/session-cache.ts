import type { Principal } from './principal';

interface Entry {
  principal: Principal;
  /** Served until the earlier of: read time + TTL, and the session's own expiry (epoch ms). */
  until: number;
}

/** A read in flight: it may keep its answer only if nothing was forgotten since it began. */
export type CacheTicket = number;

export interface SessionCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * Principals of sessions this instance read a moment ago, keyed by the session token's hash (never the
 * token). Nothing is served or kept while `online` is false: the cache is only as good as the news of
 * changes (NOTIFY nvr_auth), so without that connection every request reads the database.
 *
 * A read that began before anything was forgotten (a sign-out, a role change, a lost connection) does not
 * keep its answer: it may have read the row as it was before the change.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  private epoch = 0;
  private online = false;
  private readonly now: () => number;

  constructor(private readonly options: SessionCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0 && this.options.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether changes are heard (the LISTEN connection is up). Either way, everything kept so far is forgotten. */
  setOnline(online: boolean): void {
    this.clear();
    this.online = online;
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** A copy of the kept principal, or undefined: not kept, kept too long, session expired, or changes not heard. */
  get(tokenHash: string): Principal | undefined {
    if (!this.online) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.remove(tokenHash, entry);
      return undefined;
    }
    return copy(entry.principal);
  }

  /** Taken before reading the session from the database, handed to `set` afterwards. */
  ticket(): CacheTicket {
    return this.epoch;
  }

  /** Keeps what a read found, unless something was forgotten while it ran or the session ends sooner. */
  set(principal: Principal, sessionExpiresAt: Date, ticket: CacheTicket): void {
    if (!this.enabled || !this.online || ticket !== this.epoch) return;
    const now = this.now();
    const until = Math.min(now + this.options.ttlMs, sessionExpiresAt.getTime());
    if (until <= now) return;
    const key = principal.sessionTokenHash;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    while (this.entries.size >= this.options.maxEntries) {
      // A Map iterates in insertion order: the first key is the oldest entry.
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.remove(oldestKey, oldest);
    }
    this.entries.set(key, { principal: copy(principal), until });
    let keys = this.byUser.get(principal.userId);
    if (!keys) this.byUser.set(principal.userId, (keys = new Set()));
    keys.add(key);
  }

  /** Forgets one session (its sign-out on this instance). */
  forgetSession(tokenHash: string): void {
    this.epoch += 1;
    const entry = this.entries.get(tokenHash);
    if (entry) this.remove(tokenHash, entry);
  }

  /** Forgets every session of these people (their roles, account or sessions changed). */
  forgetUsers(userIds: Iterable<string>): void {
    this.epoch += 1;
    for (const userId of userIds) {
      for (const key of this.byUser.get(userId) ?? []) this.entries.delete(key);
      this.byUser.delete(userId);
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.epoch += 1;
    this.entries.clear();
    this.byUser.clear();
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    const keys = this.byUser.get(entry.principal.userId);
    keys?.delete(key);
    if (keys?.size === 0) this.byUser.delete(entry.principal.userId);
  }
}

/** Requests get their own copy, so nothing a request does to its principal reaches the next one. */
function copy(p: Principal): Principal {
  return { ...p, roles: p.roles.map((r) => ({ ...r })) };
}
