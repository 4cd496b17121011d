import type { Principal } from './principal';
import { SessionCache } from './session-cache';

const principal = (userId: string, tokenHash: string): Principal => ({
  userId,
  email: `${userId}@test.no`,
  name: userId,
  language: 'nb',
  roles: [{ role: 'admin', regionId: null, projectId: null }],
  csrfToken: 'csrf',
  sessionTokenHash: tokenHash,
});

describe('SessionCache', () => {
  let now: number;
  const far = () => new Date(now + 3_600_000);
  const online = (options: { ttlMs?: number; maxEntries?: number } = {}) => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 100, ...options, now: () => now });
    cache.setOnline(true);
    return cache;
  };

  beforeEach(() => (now = 1_000_000));

  it('answers a kept session until its time is up, and a copy each time', () => {
    const cache = online();
    cache.set(principal('u1', 'h1'), far(), cache.ticket());
    const first = cache.get('h1');
    expect(first).toEqual(principal('u1', 'h1'));
    first!.roles.push({ role: 'adviser', regionId: 'r', projectId: null });
    expect(cache.get('h1')?.roles).toHaveLength(1);
    now += 4999;
    expect(cache.get('h1')).toBeDefined();
    now += 1;
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never answers a session past its own expiry', () => {
    const cache = online();
    cache.set(principal('u1', 'h1'), new Date(now + 1000), cache.ticket());
    now += 1000;
    expect(cache.get('h1')).toBeUndefined();
    cache.set(principal('u1', 'h1'), new Date(now - 1), cache.ticket());
    expect(cache.size).toBe(0);
  });

  it('keeps and answers nothing while changes are not heard, and forgets everything when that changes', () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 100, now: () => now });
    cache.set(principal('u1', 'h1'), far(), cache.ticket());
    expect(cache.size).toBe(0);
    cache.setOnline(true);
    cache.set(principal('u1', 'h1'), far(), cache.ticket());
    expect(cache.get('h1')).toBeDefined();
    cache.setOnline(false);
    expect(cache.get('h1')).toBeUndefined();
    cache.setOnline(true);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('is off with a TTL of 0', () => {
    const cache = online({ ttlMs: 0 });
    expect(cache.enabled).toBe(false);
    cache.set(principal('u1', 'h1'), far(), cache.ticket());
    expect(cache.get('h1')).toBeUndefined();
  });

  it('forgets one session, or every session of a person, or all', () => {
    const cache = online();
    for (const [u, h] of [
      ['u1', 'a'],
      ['u1', 'b'],
      ['u2', 'c'],
      ['u3', 'd'],
    ])
      cache.set(principal(u, h), far(), cache.ticket());
    cache.forgetSession('a');
    expect(['a', 'b', 'c', 'd'].map((h) => cache.get(h) !== undefined)).toEqual([false, true, true, true]);
    cache.forgetUsers(['u1', 'u2', 'nobody']);
    expect(['a', 'b', 'c', 'd'].map((h) => cache.get(h) !== undefined)).toEqual([false, false, false, true]);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('does not keep what a read found when something was forgotten while it ran', () => {
    const cache = online();
    const ticket = cache.ticket();
    cache.forgetUsers(['someone else']);
    cache.set(principal('u1', 'h1'), far(), ticket);
    expect(cache.get('h1')).toBeUndefined();
    cache.set(principal('u1', 'h1'), far(), cache.ticket());
    expect(cache.get('h1')).toBeDefined();
  });

  it('holds at most maxEntries, forgetting the oldest first', () => {
    const cache = online({ maxEntries: 3 });
    for (const h of ['a', 'b', 'c', 'd']) cache.set(principal(`u-${h}`, h), far(), cache.ticket());
    expect(cache.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((h) => cache.get(h) !== undefined)).toEqual([false, true, true, true]);
    // Kept again: it becomes the newest.
    cache.set(principal('u-b', 'b'), far(), cache.ticket());
    cache.set(principal('u-e', 'e'), far(), cache.ticket());
    expect(['b', 'c', 'd', 'e'].map((h) => cache.get(h) !== undefined)).toEqual([true, false, true, true]);
    cache.forgetUsers(['u-c']); // its index entry went with it
    expect(cache.size).toBe(3);
  });
});
