import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { LOGIN_LIMITS } from '../src/auth/auth.service';
import { TEST_PASSWORD } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The sign-in rate limit holds under a burst: of 200 wrong passwords sent at once for one account, at
 * most LOGIN_LIMITS.perEmail (5) are checked and answered 401; every other answer is 429, and the right
 * password is refused with 429 too until the window has passed.
 */
describe('sign-in rate limit under parallel attempts', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp();
    // A real listening server, so the 200 requests arrive on separate connections at the same time.
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    request(url).post('/api/auth/login').set('Content-Type', 'application/json').send(JSON.stringify({ email, password }));

  it('checks at most 5 of 200 parallel wrong passwords, answers the rest 429, then refuses the right password until the window passes', async () => {
    expect(LOGIN_LIMITS.perEmail).toBe(5);
    const user = await t.factories.newUser();

    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => login(user.email, `wrong-password-${i}`)));
    const byAnswer = new Map<string, number>();
    for (const a of answers) byAnswer.set(`${a.status} ${a.body.code}`, (byAnswer.get(`${a.status} ${a.body.code}`) ?? 0) + 1);
    const counts = Object.fromEntries(byAnswer);
    const invalid = counts['401 INVALID_CREDENTIALS'] ?? 0;
    const limited = counts['429 TOO_MANY_ATTEMPTS'] ?? 0;
    // Every answer is one of the two, at most 5 password checks were answered, the rest were throttled.
    expect({ counts, invalidAtMost5: invalid <= LOGIN_LIMITS.perEmail, rest429: invalid + limited === 200 }).toEqual({
      counts,
      invalidAtMost5: true,
      rest429: true,
    });
    for (const a of answers.filter((x) => x.status === 429)) expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);

    // What the server evaluated, measured in its own memory of the attempts.
    const [{ failed }] = await t.db.query(
      `SELECT count(*)::int AS failed FROM login_attempt WHERE lower(email) = lower($1) AND NOT succeeded`,
      [user.email],
    );
    expect(failed).toBeLessThanOrEqual(LOGIN_LIMITS.perEmail);

    // The right password is refused while the window lasts…
    const right = await login(user.email, TEST_PASSWORD);
    expect({ status: right.status, code: right.body.code }).toEqual({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
    await t.db.query(`UPDATE login_attempt SET at = at - make_interval(mins => $1)`, [LOGIN_LIMITS.windowMinutes - 1]);
    const stillInWindow = await login(user.email, TEST_PASSWORD);
    expect({ status: stillInWindow.status, code: stillInWindow.body.code }).toEqual({ status: 429, code: 'TOO_MANY_ATTEMPTS' });

    // …and accepted once it has passed.
    await t.db.query(`UPDATE login_attempt SET at = at - interval '2 minutes'`);
    const after = await login(user.email, TEST_PASSWORD);
    expect(after.status).toBe(200);
  });

  it('keeps other accounts’ sign-in open while one account is throttled (per e-mail limit, not a global lock)', async () => {
    await t.db.query(`DELETE FROM login_attempt`);
    const victim = await t.factories.newUser();
    const other = await t.factories.newUser();
    await Promise.all(Array.from({ length: 20 }, () => login(victim.email, 'wrong-password')));
    expect((await login(victim.email, TEST_PASSWORD)).status).toBe(429);
    expect((await login(other.email, TEST_PASSWORD)).status).toBe(200);
  });
});
