import { AnswerRateLimiter, rateLimitKey } from './public-survey.service';

describe('AnswerRateLimiter', () => {
  it('allows `limit` answers per address in the window, then says how long to wait; others are not affected', () => {
    const limiter = new AnswerRateLimiter(2, 60_000);
    expect(limiter.hit('10.0.0.1', 0)).toBeNull();
    expect(limiter.hit('10.0.0.1', 1_000)).toBeNull();
    expect(limiter.hit('10.0.0.1', 2_000)).toBe(58);
    expect(limiter.hit('10.0.0.2', 2_000)).toBeNull();
    // The first answer leaves the window: one more is allowed.
    expect(limiter.hit('10.0.0.1', 60_001)).toBeNull();
    expect(limiter.hit('10.0.0.1', 60_002)).toBe(1);
  });

  it('keeps no address in clear text', () => {
    const limiter = new AnswerRateLimiter(5, 60_000);
    limiter.hit('192.168.1.77', 0);
    expect(JSON.stringify([...(limiter as unknown as { hits: Map<string, number[]> }).hits.keys()])).not.toContain('192.168');
  });

  it('counts an IPv6 address by its /64 network, so rotating addresses within it does not escape the limit', () => {
    const limiter = new AnswerRateLimiter(2, 60_000);
    expect(limiter.hit('2001:db8:1:2::1', 0)).toBeNull();
    expect(limiter.hit('2001:db8:1:2:ffff:ffff:ffff:ffff', 1)).toBeNull();
    expect(limiter.hit('2001:0DB8:0001:0002:abcd::9', 2)).toBe(60);
    // The next /64 is someone else.
    expect(limiter.hit('2001:db8:1:3::1', 3)).toBeNull();
    // An IPv4 address counts as itself, also when written IPv4-mapped.
    expect(limiter.hit('192.0.2.7', 4)).toBeNull();
    expect(limiter.hit('::ffff:192.0.2.7', 5)).toBeNull();
    expect(limiter.hit('192.0.2.7', 6)).toBe(60);
    expect(limiter.hit('192.0.2.8', 7)).toBeNull();
  });

  it('keeps at most maxAddresses addresses, forgetting the least recently seen first', () => {
    const limiter = new AnswerRateLimiter(1, 60_000, 3);
    for (let i = 0; i < 1000; i++) limiter.hit(`2001:db8:${i.toString(16)}::1`, i);
    expect(limiter.size).toBe(3);
    const fresh = new AnswerRateLimiter(1, 60_000, 2);
    expect(fresh.hit('10.0.0.1', 0)).toBeNull();
    expect(fresh.hit('10.0.0.2', 1)).toBeNull();
    // 10.0.0.1 is seen again (refused), so 10.0.0.2 is now the oldest and goes when 10.0.0.3 comes.
    expect(fresh.hit('10.0.0.1', 2)).toBe(60);
    expect(fresh.hit('10.0.0.3', 3)).toBeNull();
    expect(fresh.size).toBe(2);
    expect(fresh.hit('10.0.0.1', 4)).toBe(60);
    expect(fresh.hit('10.0.0.2', 5)).toBeNull();
  });
});

describe('rateLimitKey', () => {
  it('keys IPv6 by its /64 in one spelling, IPv4 (also IPv4-mapped) as itself', () => {
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('2001:0DB8:0000:0000:1:2:3:4')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('2001:db8:a:b:c::')).toBe('2001:db8:a:b::/64');
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('::')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(rateLimitKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(rateLimitKey('10.1.2.3')).toBe('10.1.2.3');
    expect(rateLimitKey('unknown')).toBe('unknown');
  });
});
