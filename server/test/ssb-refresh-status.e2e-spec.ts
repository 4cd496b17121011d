import { startFakeSsb } from './support/fake-ssb';
import { createTestApp, type Session, type TestApp } from './support/test-app';

/** What the SSB import screen shows about fetching from SSB: whether it is on, when it last ran and for which years. */
describe('the status of fetching population from SSB', () => {
  let fake: Awaited<ReturnType<typeof startFakeSsb>>;
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    fake = await startFakeSsb({ '0': { '2024': 5550203, '2025': 5594340 }, '3303': { '2024': 28848, '2025': 29001 } });
    t = await createTestApp({ ssbApiUrl: fake.url });
    admin = await t.as([{ role: 'admin' }]);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('says fetching is on and has not run, then when it ran and which years it brought', async () => {
    expect((await admin.get('/api/kommuner/population/ssb').expect(200)).body).toMatchObject({
      refreshEnabled: true,
      lastRefreshAt: null,
      refreshedYears: [],
    });
    await admin.post('/api/kommuner').send({ number: '3303', name: 'Kongsberg', county: 'Buskerud' }).expect(201);
    // 2026 is not published by the fake SSB: left out and reported, the other years imported.
    const res = await admin
      .post('/api/kommuner/population/ssb-refresh')
      .send({ years: [2024, 2025, 2026] })
      .expect(200);
    expect(res.body).toMatchObject({ years: [2024, 2025], notAvailable: [2026], recorded: 2, corrected: 0 });
    const status = (await admin.get('/api/kommuner/population/ssb').expect(200)).body;
    expect(status).toMatchObject({ refreshEnabled: true, refreshedYears: [2024, 2025] });
    expect(Date.parse(status.lastRefreshAt)).toBeGreaterThan(Date.now() - 3_600_000);
    // Only years SSB does not have: refused, nothing changes.
    const none = await admin
      .post('/api/kommuner/population/ssb-refresh')
      .send({ years: [2026] })
      .expect(422);
    expect(none.body.code).toBe('SSB_YEAR_NOT_AVAILABLE');
  });

  it('answers 503 when SSB cannot be reached, and the status still tells the last fetch', async () => {
    const before = (await admin.get('/api/kommuner/population/ssb').expect(200)).body.lastRefreshAt;
    fake.setDown(true);
    try {
      const res = await admin
        .post('/api/kommuner/population/ssb-refresh')
        .send({ years: [2025] })
        .expect(503);
      expect(res.body.code).toBe('SSB_UNAVAILABLE');
    } finally {
      fake.setDown(false);
    }
    expect((await admin.get('/api/kommuner/population/ssb').expect(200)).body.lastRefreshAt).toBe(before);
  });

  it('says fetching is off when SSB_API_URL is off', async () => {
    const off = await createTestApp();
    try {
      const a = await off.as([{ role: 'admin' }]);
      expect((await a.get('/api/kommuner/population/ssb').expect(200)).body).toMatchObject({ refreshEnabled: false, lastRefreshAt: null });
    } finally {
      await off.close();
    }
  });
});
