import { createTestApp, Session, TestApp } from './support/test-app';

describe('kommuner API', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as([{ role: 'admin' }]);
  });
  afterAll(() => t.close());

  it('registers a kommune with its population and finds it by name or number', async () => {
    const res = await admin
      .post('/api/kommuner')
      .send({ number: '3303', name: 'Kongsberg', county: 'Buskerud', population: { count: 23997, asOf: '2008-01-01' } })
      .expect(201);
    expect(res.body).toMatchObject({
      number: '3303',
      name: 'Kongsberg',
      county: 'Buskerud',
      population: { count: 23997, asOf: '2008-01-01' },
      version: 1,
    });
    expect((await admin.get('/api/kommuner?search=kongs')).body.map((k: { name: string }) => k.name)).toEqual(['Kongsberg']);
    expect((await admin.get('/api/kommuner?search=3303')).body).toHaveLength(1);
    expect((await admin.get('/api/kommuner?search=%25')).body).toHaveLength(0);
  });

  it('refuses a duplicate number with 409 and a number from another county with 422', async () => {
    await t.factories.newKommune({ number: '4026', name: 'Tinn', county: 'Telemark' });
    const dup = await admin.post('/api/kommuner').send({ number: '4026', name: 'Tinn', county: 'Telemark' }).expect(409);
    expect(dup.body.code).toBe('KOMMUNE_NUMBER_TAKEN');
    const wrong = await admin.post('/api/kommuner').send({ number: '4005', name: 'Notodden', county: 'Buskerud' }).expect(422);
    expect(wrong.body).toMatchObject({
      code: 'KOMMUNE_COUNTY_MISMATCH',
      message: 'Kommune number 4005 belongs to Telemark, not Buskerud.',
    });
  });

  it('validates number, county and population', async () => {
    const res = await admin
      .post('/api/kommuner')
      .send({ number: '33a3', name: 'X', county: 'Viken', population: { count: -1, asOf: 'i fjor' } })
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['number', 'county', 'population.count', 'population.asOf']));
  });

  it('keeps population history and reports the newest figure', async () => {
    const k = await t.factories.newKommune({ population: 1619, asOf: '2008-01-01' });
    await admin.put(`/api/kommuner/${k.id}/population`).send({ count: 1580, asOf: '2024-01-01' }).expect(200);
    const res = await admin.put(`/api/kommuner/${k.id}/population`).send({ count: 1575, asOf: '2024-01-01' }).expect(200);
    expect(res.body.population).toEqual({ count: 1575, asOf: '2024-01-01' });
    expect(await t.db.query('SELECT count(*)::int AS n FROM kommune_population WHERE kommune_id = $1', [k.id])).toEqual([{ n: 2 }]);
  });

  it('renames with optimistic locking', async () => {
    const k = await t.factories.newKommune();
    await admin.patch(`/api/kommuner/${k.id}`).send({ name: 'Nytt navn', version: 1 }).expect(200);
    const stale = await admin.patch(`/api/kommuner/${k.id}`).send({ name: 'Gammelt', version: 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    await admin.get('/api/kommuner/7a0e3a26-0000-4000-8000-000000000000').expect(404);
  });
});
