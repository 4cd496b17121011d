import { AnswerRateLimiter } from './public-survey.service';

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
});
