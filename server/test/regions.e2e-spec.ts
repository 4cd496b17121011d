import { todayInOslo } from '@nvr/shared';
import { createTestApp, Session, TestApp } from './support/test-app';

describe('regions API', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as([{ role: 'admin' }]);
  });
  afterAll(() => t.close());

  it('creates a region with members in one request and reads it back with total population', async () => {
    const a = await t.factories.newKommune({ name: 'Flesberg', population: 2521, asOf: '2008-01-01' });
    const b = await t.factories.newKommune({ name: 'Rollag', population: 1419, asOf: '2008-01-01' });
    const created = await admin
      .post('/api/regions')
      .send({
        name: '  Numedal  ',
        councilName: 'Numedal regionråd',
        members: [
          { kommuneId: a.id, validFrom: '2009-02-03' },
          { kommuneId: b.id, validFrom: '2009-02-03' },
        ],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Numedal',
      councilName: 'Numedal regionråd',
      description: null,
      version: 1,
      totalPopulation: 3940,
      populationAsOf: '2008-01-01',
    });
    expect(created.body.members.map((m: { kommune: { name: string } }) => m.kommune.name)).toEqual(['Flesberg', 'Rollag']);
    expect(created.body.members[0]).toMatchObject({
      validFrom: '2009-02-03',
      validTo: null,
      current: true,
      kommune: { population: { count: 2521, asOf: '2008-01-01' } },
    });

    const read = await admin.get(`/api/regions/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);

    const list = await admin.get('/api/regions').expect(200);
    expect(list.body).toContainEqual({
      id: created.body.id,
      name: 'Numedal',
      councilName: 'Numedal regionråd',
      memberCount: 2,
      totalPopulation: 3940,
      counties: ['Buskerud'],
    });
  });

  it('answers 400 with every field problem and writes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM region');
    const res = await admin
      .post('/api/regions')
      .send({ name: '', councilName: 42, extra: true, members: [{ kommuneId: 'x', validFrom: '2024-02-30' }] })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'councilName', 'extra', 'members[0].kommuneId', 'members[0].validFrom']));
    expect(res.body.message).toContain('members[0].validFrom must be a real date written YYYY-MM-DD');
    expect(await t.db.query('SELECT count(*)::int AS n FROM region')).toEqual(before);
  });

  it('refuses a duplicate name, whatever its case, with 409', async () => {
    await t.factories.newRegion({ name: 'Hallingdal' });
    const res = await admin.post('/api/regions').send({ name: 'HALLINGDAL', councilName: 'x' }).expect(409);
    expect(res.body).toMatchObject({ code: 'REGION_NAME_TAKEN', message: expect.stringContaining('HALLINGDAL') });
  });

  it('rolls back the region when one member fails', async () => {
    const k = await t.factories.newKommune();
    const res = await admin
      .post('/api/regions')
      .send({
        name: 'Halvferdig',
        councilName: 'x',
        members: [
          { kommuneId: k.id, validFrom: '2020-01-01' },
          { kommuneId: '5f0c7d5e-1111-4a4a-8b8b-000000000000', validFrom: '2020-01-01' },
        ],
      })
      .expect(404);
    expect(res.body).toMatchObject({ code: 'KOMMUNE_NOT_FOUND', message: expect.stringContaining('members[1].kommuneId') });
    expect(await t.db.query(`SELECT id FROM region WHERE name = 'Halvferdig'`)).toEqual([]);
  });

  it('answers 404 for an unknown region and 400 for an id that is not a UUID', async () => {
    const missing = await admin.get('/api/regions/4b1f3c1e-2a5d-4c7e-9f00-123456789abc').expect(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      code: 'REGION_NOT_FOUND',
      message: 'There is no region with id 4b1f3c1e-2a5d-4c7e-9f00-123456789abc.',
    });
    const bad = await admin.get('/api/regions/kongsberg').expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'id in the address must be a UUID' });
  });

  it('updates with the version read, and refuses a stale version with 409', async () => {
    const r = await t.factories.newRegion();
    const ok = await admin
      .patch(`/api/regions/${r.id}`)
      .send({ councilName: 'Nytt regionråd', description: 'Om regionen', version: 1 })
      .expect(200);
    expect(ok.body).toMatchObject({ councilName: 'Nytt regionråd', description: 'Om regionen', version: 2 });
    const stale = await admin.patch(`/api/regions/${r.id}`).send({ councilName: 'Gammelt', version: 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await admin.get(`/api/regions/${r.id}`)).body.councilName).toBe('Nytt regionråd');
    await admin.patch(`/api/regions/${r.id}`).send({ councilName: 'x' }).expect(400);
  });

  it('rejects renaming to a name another region has', async () => {
    await t.factories.newRegion({ name: 'Vestmarka' });
    const r = await t.factories.newRegion();
    const res = await admin.patch(`/api/regions/${r.id}`).send({ name: 'vestmarka', version: 1 }).expect(409);
    expect(res.body.code).toBe('REGION_NAME_TAKEN');
  });

  describe('membership', () => {
    it('adds a member, ends the membership, and counts only current members', async () => {
      const k1 = await t.factories.newKommune({ population: 1000 });
      const k2 = await t.factories.newKommune({ population: 500 });
      const r = await t.factories.newRegion({ members: [{ kommuneId: k1.id }] });
      const added = await admin.post(`/api/regions/${r.id}/members`).send({ kommuneId: k2.id, validFrom: '2021-01-01' }).expect(201);
      expect(added.body.totalPopulation).toBe(1500);
      const m2 = added.body.members.find((m: { kommune: { id: string } }) => m.kommune.id === k2.id);
      const ended = await admin.patch(`/api/regions/${r.id}/members/${m2.id}`).send({ validTo: '2022-12-31' }).expect(200);
      expect(ended.body.totalPopulation).toBe(1000);
      expect(ended.body.members.map((m: { current: boolean }) => m.current)).toEqual([true, false]);
      const summary = (await admin.get('/api/regions')).body.find((s: { id: string }) => s.id === r.id);
      expect(summary.memberCount).toBe(1);
    });

    it('refuses overlapping memberships of the same kommune with 409, and allows a later one', async () => {
      const k = await t.factories.newKommune({ name: 'Sigdal' });
      const r = await t.factories.newRegion({ members: [{ kommuneId: k.id, validFrom: '2015-01-01', validTo: '2018-12-31' }] });
      const overlap = await admin.post(`/api/regions/${r.id}/members`).send({ kommuneId: k.id, validFrom: '2018-06-01' }).expect(409);
      expect(overlap.body).toMatchObject({
        code: 'MEMBERSHIP_OVERLAP',
        message: expect.stringContaining('Sigdal is already a member of this region from 2015-01-01 to 2018-12-31'),
      });
      await admin.post(`/api/regions/${r.id}/members`).send({ kommuneId: k.id, validFrom: '2019-01-01' }).expect(201);
    });

    it('refuses a period that ends before it begins with 422', async () => {
      const k = await t.factories.newKommune();
      const r = await t.factories.newRegion();
      const res = await admin
        .post(`/api/regions/${r.id}/members`)
        .send({ kommuneId: k.id, validFrom: '2020-01-01', validTo: '2019-12-31' })
        .expect(422);
      expect(res.body.code).toBe('INVALID_PERIOD');
    });

    it('deletes a membership registered by mistake, and 404s for one of another region', async () => {
      const k = await t.factories.newKommune();
      const r = await t.factories.newRegion({ members: [{ kommuneId: k.id }] });
      const other = await t.factories.newRegion();
      const [m] = (await admin.get(`/api/regions/${r.id}`)).body.members;
      await admin.delete(`/api/regions/${other.id}/members/${m.id}`).expect(404);
      const res = await admin.delete(`/api/regions/${r.id}/members/${m.id}`).expect(200);
      expect(res.body.members).toEqual([]);
    });

    it('keeps concurrent additions of the same kommune to one membership', async () => {
      const k = await t.factories.newKommune();
      const r = await t.factories.newRegion();
      const results = await Promise.all(
        [1, 2, 3].map(() => admin.post(`/api/regions/${r.id}/members`).send({ kommuneId: k.id, validFrom: '2020-01-01' })),
      );
      expect(results.map((x) => x.status).sort()).toEqual([201, 409, 409]);
      expect(await t.db.query('SELECT count(*)::int AS n FROM region_membership WHERE region_id = $1', [r.id])).toEqual([{ n: 1 }]);
    });
  });

  describe('population figures and their history', () => {
    const nextYear = Number(todayInOslo().slice(0, 4)) + 1;
    let ada: Session;
    beforeAll(async () => {
      const user = await t.factories.newUser({ name: 'Ada Admin', roles: [{ role: 'admin' }] });
      ada = await t.signIn(user.email);
    });
    const popUrl = (regionId: string, kommuneId: string) => `/api/regions/${regionId}/kommuner/${kommuneId}/population`;

    it('takes figures dated 1900-01-01 to 31 December next year, and refuses others with 400 naming asOf', async () => {
      const k = await t.factories.newKommune();
      const r = await t.factories.newRegion({ members: [{ kommuneId: k.id }] });
      for (const asOf of ['1899-12-31', `${nextYear + 1}-01-01`, '2099-01-01', '1800-01-01']) {
        const res = await ada.put(popUrl(r.id, k.id)).send({ count: 100, asOf }).expect(400);
        expect({ asOf, body: res.body }).toMatchObject({
          asOf,
          body: {
            code: 'VALIDATION_FAILED',
            errors: [{ field: 'asOf', messages: [`asOf must be a date from 1900-01-01 to ${nextYear}-12-31`] }],
          },
        });
      }
      for (const [count, message] of [
        ['5', 'count must be a whole number'],
        [1.5, 'count must be a whole number'],
        [-1, 'count must not be negative'],
        [10_000_001, 'count is larger than any kommune'],
      ] as const) {
        const res = await ada.put(popUrl(r.id, k.id)).send({ count, asOf: '2024-01-01' }).expect(400);
        expect(res.body.errors).toEqual([{ field: 'count', messages: [message] }]);
      }
      const notADate = await ada.put(popUrl(r.id, k.id)).send({ count: 100, asOf: '2024-02-30' }).expect(400);
      expect(notADate.body.errors).toEqual([{ field: 'asOf', messages: ['asOf must be a real date written YYYY-MM-DD'] }]);
      await ada.put(popUrl(r.id, k.id)).send({ count: 100, asOf: '1900-01-01' }).expect(200);
      await ada
        .put(popUrl(r.id, k.id))
        .send({ count: 200, asOf: `${nextYear}-12-31` })
        .expect(200);
      // The same rule on the kommune routes.
      const viaKommune = await ada.put(`/api/kommuner/${k.id}/population`).send({ count: 1, asOf: '2099-01-01' }).expect(400);
      expect(viaKommune.body.errors[0].field).toBe('asOf');
      const created = await ada
        .post('/api/kommuner')
        .send({ number: '3398', name: 'Framtida', county: 'Buskerud', population: { count: 5, asOf: '1800-01-01' } })
        .expect(400);
      expect(created.body.errors).toEqual([
        { field: 'population.asOf', messages: [`population.asOf must be a date from 1900-01-01 to ${nextYear}-12-31`] },
      ]);
      expect(
        await t.db.query(`SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM kommune_population WHERE kommune_id = $1 ORDER BY as_of`, [
          k.id,
        ]),
      ).toEqual([{ as_of: '1900-01-01' }, { as_of: `${nextYear}-12-31` }]);
    });

    it('lists, corrects and deletes figures, answering the figure saved and recording each change', async () => {
      const k = await t.factories.newKommune({ name: 'Flesberg', population: 2521, asOf: '2008-01-01' });
      const r = await t.factories.newRegion({ members: [{ kommuneId: k.id }] });
      const recorded = await ada.put(popUrl(r.id, k.id)).send({ count: 2700, asOf: '2024-01-01' }).expect(200);
      expect(recorded.body).toEqual({
        asOf: '2024-01-01',
        count: 2700,
        recordedAt: expect.any(String),
        recordedBy: 'Ada Admin',
        source: 'manual',
        ssbCount: null,
        ssbTable: null,
        ssbFetchedAt: null,
        differsFromSsb: false,
      });
      // Correcting an older figure answers that figure, not the newest.
      const corrected = await ada.put(popUrl(r.id, k.id)).send({ count: 2530, asOf: '2008-01-01' }).expect(200);
      expect(corrected.body).toMatchObject({ asOf: '2008-01-01', count: 2530, recordedBy: 'Ada Admin' });
      // Saving the same count again changes nothing and records nothing.
      await ada.put(popUrl(r.id, k.id)).send({ count: 2530, asOf: '2008-01-01' }).expect(200);

      const history = (await ada.get(popUrl(r.id, k.id)).expect(200)).body;
      expect(history).toMatchObject({
        kommuneId: k.id,
        kommuneName: 'Flesberg',
        earliestAsOf: '1900-01-01',
        latestAsOf: `${nextYear}-12-31`,
      });
      expect(history.figures).toEqual([
        expect.objectContaining({
          asOf: '2024-01-01',
          count: 2700,
          recordedAt: expect.any(String),
          recordedBy: 'Ada Admin',
          source: 'manual',
        }),
        expect.objectContaining({
          asOf: '2008-01-01',
          count: 2530,
          recordedAt: expect.any(String),
          recordedBy: 'Ada Admin',
          source: 'manual',
        }),
      ]);
      expect(history.events).toEqual([
        expect.objectContaining({ action: 'population.corrected', asOf: '2008-01-01', before: 2521, after: 2530, actorName: 'Ada Admin' }),
        expect.objectContaining({ action: 'population.recorded', asOf: '2024-01-01', before: null, after: 2700, actorName: 'Ada Admin' }),
      ]);

      const afterDelete = (await ada.delete(`${popUrl(r.id, k.id)}/2024-01-01`).expect(200)).body;
      expect(afterDelete.figures.map((x: { asOf: string }) => x.asOf)).toEqual(['2008-01-01']);
      expect(afterDelete.events[0]).toMatchObject({ action: 'population.deleted', asOf: '2024-01-01', before: 2700, after: null });
      expect((await admin.get(`/api/regions/${r.id}`)).body.members[0].kommune.population).toEqual({ count: 2530, asOf: '2008-01-01' });

      const again = await ada.delete(`${popUrl(r.id, k.id)}/2024-01-01`).expect(404);
      expect(again.body).toMatchObject({ code: 'POPULATION_NOT_FOUND', message: 'Flesberg has no population figure on 2024-01-01.' });
      const bad = await ada.delete(`${popUrl(r.id, k.id)}/2024-02-30`).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'asOf', messages: ['asOf in the address must be a real date written YYYY-MM-DD'] }]);
    });

    it('can remove a figure stored with an impossible date before the rule, so it stops being the newest', async () => {
      const k = await t.factories.newKommune({ population: 1000, asOf: '2024-01-01' });
      await t.db.query(`INSERT INTO kommune_population (kommune_id, as_of, population) VALUES ($1, '2099-01-01', 9)`, [k.id]);
      const r = await t.factories.newRegion({ members: [{ kommuneId: k.id }] });
      const before = (await ada.get(popUrl(r.id, k.id)).expect(200)).body;
      expect(before.figures[0]).toEqual({
        asOf: '2099-01-01',
        count: 9,
        recordedAt: null,
        recordedBy: null,
        source: 'manual',
        ssbCount: null,
        ssbTable: null,
        ssbFetchedAt: null,
        differsFromSsb: false,
      });
      await ada.delete(`${popUrl(r.id, k.id)}/2099-01-01`).expect(200);
      expect((await ada.get(`/api/regions/${r.id}`)).body.totalPopulation).toBe(1000);
      // The kommune routes do the same for administrators.
      const viaKommune = (await ada.get(`/api/kommuner/${k.id}/population`).expect(200)).body;
      expect(viaKommune.events[0]).toMatchObject({ action: 'population.deleted', asOf: '2099-01-01', before: 9 });
      await ada.delete(`/api/kommuner/${k.id}/population/2024-01-01`).expect(200);
      expect((await ada.get(`/api/kommuner/${k.id}`)).body.population).toBeNull();
    });

    it('lets the region read the history, only admins change it, and other regions get 404', async () => {
      const k = await t.factories.newKommune({ population: 1000, asOf: '2024-01-01' });
      const outsider = await t.factories.newKommune({ population: 50, asOf: '2024-01-01' });
      const r = await t.factories.newRegion({ members: [{ kommuneId: k.id }] });
      const other = await t.factories.newRegion({ members: [{ kommuneId: outsider.id }] });
      const regionraad = await t.as([{ role: 'regionraad', regionId: r.id }]);
      const contact = await t.as([{ role: 'kommune_contact', regionId: r.id }]);
      const otherRaad = await t.as([{ role: 'regionraad', regionId: other.id }]);

      await regionraad.get(popUrl(r.id, k.id)).expect(200);
      await contact.get(popUrl(r.id, k.id)).expect(200);
      for (const s of [regionraad, contact]) {
        expect((await s.put(popUrl(r.id, k.id)).send({ count: 1, asOf: '2025-01-01' }).expect(403)).body.code).toBe('FORBIDDEN');
        expect((await s.delete(`${popUrl(r.id, k.id)}/2024-01-01`).expect(403)).body.code).toBe('FORBIDDEN');
        await s.get(`/api/kommuner/${k.id}/population`).expect(403);
        await s.delete(`/api/kommuner/${k.id}/population/2024-01-01`).expect(403);
      }
      // Another region's people do not learn that the region exists.
      expect((await otherRaad.get(popUrl(r.id, k.id)).expect(404)).body.code).toBe('REGION_NOT_FOUND');
      expect((await otherRaad.put(popUrl(r.id, k.id)).send({ count: 1, asOf: '2025-01-01' }).expect(404)).body.code).toBe(
        'REGION_NOT_FOUND',
      );
      expect((await otherRaad.delete(`${popUrl(r.id, k.id)}/2024-01-01`).expect(404)).body.code).toBe('REGION_NOT_FOUND');
      // Reading another region's kommune through one's own region: 404 as well.
      expect((await regionraad.get(popUrl(r.id, outsider.id)).expect(404)).body.code).toBe('KOMMUNE_NOT_FOUND');
      expect((await ada.put(popUrl(r.id, outsider.id)).send({ count: 1, asOf: '2025-01-01' }).expect(404)).body.code).toBe(
        'KOMMUNE_NOT_FOUND',
      );
      await ada.get(popUrl('6b1f0c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b', k.id)).expect(404);
      await ada.get(popUrl(r.id, 'nope')).expect(400);
      expect(
        await t.db.query(`SELECT count(*)::int AS n FROM kommune_population WHERE kommune_id = ANY($1)`, [[k.id, outsider.id]]),
      ).toEqual([{ n: 2 }]);
    });

    it('keeps the population history append-only', async () => {
      const k = await t.factories.newKommune();
      const r = await t.factories.newRegion({ members: [{ kommuneId: k.id }] });
      await ada.put(popUrl(r.id, k.id)).send({ count: 10, asOf: '2024-01-01' }).expect(200);
      await expect(t.db.query(`UPDATE kommune_population_event SET after = 11 WHERE kommune_id = $1`, [k.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.db.query(`DELETE FROM kommune_population_event WHERE kommune_id = $1`, [k.id])).rejects.toThrow(/append-only/);
    });
  });
});
