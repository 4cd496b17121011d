import { BenefitService } from '../src/benefits/benefit.service';
import { ReminderService } from '../src/notifications/reminder.service';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

/**
 * The benefits register over HTTP: benefits with owners and indicators, measurements and their trend,
 * validation, access (also after the project has ended), the region's view, exports, the report, and
 * the yearly reminder to each benefit's owner.
 */
describe('benefits register', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let other: ProjectFixture;
  let owner: Session;
  let ownerId: string;
  let admin: Session;
  const base = () => `/api/projects/${f.projectId}/benefits`;

  const indicator = {
    name: 'Saksbehandlingstid for byggesøknader fra næringslivet',
    unit: 'dager',
    startValue: 42,
    startDate: '2024-01-01',
    targetValue: 21,
    targetDate: '2028-01-01',
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Gevinstregionen');
    other = await newProjectFixture(t, 'Naboregionen');
    const ownerUser = await t.factories.newUser({
      name: 'Kari Kommunekontakt',
      roles: [{ role: 'kommune_contact', regionId: f.region.id }],
    });
    ownerId = ownerUser.id;
    owner = await t.signIn(ownerUser.email);
    admin = await t.as([{ role: 'admin' }]);
    // The forstudie's plan names two benefit areas.
    const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/forstudie/plan`).expect(200)).body;
    await f.leader
      .patch(`/api/projects/${f.projectId}/phases/forstudie/plan`)
      .send({ version: plan.version, content: { goals: { benefit_areas: ['Raskere byggesaker', 'Flere nyetableringer'] } } })
      .expect(200);
  });
  afterAll(() => t.close());

  describe('writing the register', () => {
    let benefit: { id: string; version: number; indicators: { id: string; version: number }[] };

    it('a leader adds a benefit under a plan’s benefit area, with an owner and an indicator', async () => {
      const res = await f.leader
        .post(base())
        .send({
          title: '  Raskere behandling av byggesaker  ',
          description: 'Bedriftene får svar raskere.',
          benefitArea: 'raskere byggesaker',
          ownerUserId: ownerId,
          indicators: [indicator],
        })
        .expect(201);
      benefit = res.body;
      expect(res.body).toMatchObject({
        number: 1,
        title: 'Raskere behandling av byggesaker',
        benefitArea: 'Raskere byggesaker', // as the plan writes it
        benefitAreaInPlan: true,
        owner: { id: ownerId, name: 'Kari Kommunekontakt' },
        handedOverAt: null,
        trend: 'no_measurement',
        mayRecord: true,
        indicators: [{ ...indicator, closed: false, trend: 'no_measurement', share: null, latest: null, measurements: [] }],
      });

      const register = (await f.leader.get(base()).expect(200)).body;
      expect(register).toMatchObject({
        projectId: f.projectId,
        projectStatus: 'active',
        mayEdit: true,
        areas: ['Raskere byggesaker', 'Flere nyetableringer'],
      });
      expect(register.benefits.map((b: { id: string }) => b.id)).toEqual([benefit.id]);
    });

    it('records measurements and reads the trend against a decreasing target', async () => {
      const ind = benefit.indicators[0];
      const url = `${base()}/${benefit.id}/indicators/${ind.id}/measurements`;
      await owner.post(url).send({ measuredOn: '2025-01-01', value: 40, comment: 'Første telling' }).expect(201);
      const res = await f.leader.post(url).send({ measuredOn: '2026-01-01', value: 30 }).expect(201);
      const measured = res.body.indicators[0];
      // Halfway in time (2 of 4 years), 12 of 21 days of the way: on track.
      expect(measured).toMatchObject({ trend: 'on_track', latest: { date: '2026-01-01', value: 30 } });
      expect(measured.share).toBeCloseTo(12 / 21);
      expect(measured.expected).toBeCloseTo(0.5, 2);
      expect(measured.measurements.map((m: { measuredOn: string }) => m.measuredOn)).toEqual(['2025-01-01', '2026-01-01']);
      expect(measured.measurements[0]).toMatchObject({ value: 40, comment: 'Første telling', recordedBy: { id: ownerId } });
      expect(res.body.trend).toBe('on_track');

      // A correction with the version read; the trend follows.
      const m = measured.measurements[1];
      const corrected = await f.leader
        .patch(`${url}/${m.id}`)
        .send({ value: 20, comment: 'Rettet etter ny rapport', version: m.version })
        .expect(200);
      expect(corrected.body.indicators[0]).toMatchObject({ trend: 'reached', latest: { date: '2026-01-01', value: 20 } });
      // Saving from the old version again is a conflict.
      await f.leader.patch(`${url}/${m.id}`).send({ value: 25, version: m.version }).expect(409);
      const again = await f.leader.delete(`${url}/${m.id}`).expect(200);
      expect(again.body.indicators[0].measurements).toHaveLength(1);
      benefit = again.body;
    });

    it('changes a benefit and an indicator with their versions, and closes an indicator', async () => {
      const changed = await f.leader
        .patch(`${base()}/${benefit.id}`)
        .send({ title: 'Raskere byggesaker for bedrifter', benefitArea: null, version: benefit.version })
        .expect(200);
      expect(changed.body).toMatchObject({ title: 'Raskere byggesaker for bedrifter', benefitArea: null, benefitAreaInPlan: true });
      await f.leader.patch(`${base()}/${benefit.id}`).send({ title: 'Gammel', version: benefit.version }).expect(409);

      const ind = changed.body.indicators[0];
      const closed = await f.leader
        .patch(`${base()}/${benefit.id}/indicators/${ind.id}`)
        .send({ closed: true, targetValue: 18, version: ind.version })
        .expect(200);
      expect(closed.body.indicators[0]).toMatchObject({ closed: true, targetValue: 18 });

      const added = await f.leader
        .post(`${base()}/${benefit.id}/indicators`)
        .send({
          name: 'Andel søknader avklart i forhåndskonferanse',
          unit: '%',
          startValue: 10,
          startDate: '2024-01-01',
          targetValue: 50,
          targetDate: '2027-12-31',
        })
        .expect(201);
      expect(added.body.indicators).toHaveLength(2);
      const extra = added.body.indicators[1];
      const removed = await f.leader.delete(`${base()}/${benefit.id}/indicators/${extra.id}`).expect(200);
      expect(removed.body.indicators).toHaveLength(1);
    });

    it('keeps a benefit or indicator with measurements, and deletes one without', async () => {
      const current = (await f.leader.get(base()).expect(200)).body.benefits[0];
      const ind = current.indicators[0];
      const keep = await f.leader.delete(`${base()}/${current.id}`).expect(409);
      expect(keep.body).toMatchObject({ code: 'BENEFIT_HAS_MEASUREMENTS', params: { count: 1 } });
      await f.leader.delete(`${base()}/${current.id}/indicators/${ind.id}`).expect(409);

      const spare = await f.leader.post(base()).send({ title: 'Til sletting', ownerUserId: f.leader.userId }).expect(201);
      expect(spare.body.number).toBe(2);
      await f.leader.delete(`${base()}/${spare.body.id}`).expect(204);
      await f.leader.delete(`${base()}/${spare.body.id}`).expect(404);

      const history = (await f.leader.get(`/api/projects/${f.projectId}/history`).expect(200)).body as { action: string }[];
      const actions = new Set(history.map((h) => h.action));
      for (const a of [
        'benefit.created',
        'benefit.updated',
        'benefit.deleted',
        'benefit.indicator_added',
        'benefit.indicator_updated',
        'benefit.indicator_deleted',
        'benefit.measurement_recorded',
        'benefit.measurement_updated',
        'benefit.measurement_deleted',
      ])
        expect(actions).toContain(a);
    });
  });

  describe('validation', () => {
    const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

    it('answers 400 naming each field: missing, wrong type, null, unknown, nested', async () => {
      const res = await f.leader
        .post(base())
        .send({
          title: '  ',
          ownerUserId: null,
          surprise: 1,
          indicators: [{ name: 'X', unit: '%', startValue: '20', startDate: '2024-13-01', targetValue: 1.23456, targetDate: '2025-01-01' }],
        })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(
        expect.arrayContaining([
          'title',
          'ownerUserId',
          'surprise',
          'indicators[0].startValue',
          'indicators[0].startDate',
          'indicators[0].targetValue',
        ]),
      );
      const measurement = await f.leader
        .post(`${base()}/${(await firstIds()).benefitId}/indicators/${(await firstIds()).indicatorId}/measurements`)
        .send({ measuredOn: 'i går', value: 1e13 })
        .expect(400);
      expect(fieldsOf(measurement.body)).toEqual(['measuredOn', 'value']);
      await f.leader.get(`${base()}/export?format=pdf`).expect(400);
      await f.leader.patch(`${base()}/not-a-uuid`).send({ version: 1 }).expect(400);
    });

    it('answers 422 for a broken rule, at its field', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ benefitArea: 'Ukjent område' }, 'BENEFIT_AREA_NOT_IN_PLAN', 'benefitArea'],
        [{ ownerUserId: f.adviser.userId }, 'BENEFIT_OWNER_NOT_ALLOWED', 'ownerUserId'],
        [{ ownerUserId: other.leader.userId }, 'BENEFIT_OWNER_NOT_ALLOWED', 'ownerUserId'],
        [{ indicators: [{ ...indicator, targetValue: 42 }] }, 'BENEFIT_TARGET_EQUALS_START', 'indicators[0].targetValue'],
        [{ indicators: [{ ...indicator, targetDate: '2023-12-31' }] }, 'BENEFIT_TARGET_DATE_NOT_AFTER_START', 'indicators[0].targetDate'],
      ];
      for (const [change, code, field] of cases) {
        const res = await f.leader
          .post(base())
          .send({ title: 'Gevinst', ownerUserId: ownerId, ...change })
          .expect(422);
        expect(res.body).toMatchObject({ code, errors: [{ field }] });
      }
      const { benefitId, indicatorId } = await firstIds();
      const url = `${base()}/${benefitId}/indicators/${indicatorId}/measurements`;
      expect((await f.leader.post(url).send({ measuredOn: '2023-06-01', value: 1 }).expect(422)).body).toMatchObject({
        code: 'BENEFIT_MEASUREMENT_BEFORE_START',
        errors: [{ field: 'measuredOn' }],
        params: { date: '2024-01-01' },
      });
      expect((await f.leader.post(url).send({ measuredOn: '2999-01-01', value: 1 }).expect(422)).body.code).toBe(
        'BENEFIT_MEASUREMENT_IN_FUTURE',
      );
      expect((await f.leader.post(url).send({ measuredOn: '2025-01-01', value: 1 }).expect(409)).body).toMatchObject({
        code: 'BENEFIT_MEASUREMENT_DATE_TAKEN',
        errors: [{ field: 'measuredOn' }],
      });
      // Nothing was written by the refusals.
      const register = (await f.leader.get(base()).expect(200)).body;
      expect(register.benefits).toHaveLength(1);
      expect(register.benefits[0].indicators[0].measurements).toHaveLength(1);
    });
  });

  describe('access', () => {
    it('an adviser reads but cannot write', async () => {
      const register = (await f.adviser.get(base()).expect(200)).body;
      expect(register.mayEdit).toBe(false);
      expect(register.benefits[0].mayRecord).toBe(false);
      const { benefitId, indicatorId } = await firstIds();
      await f.adviser.post(base()).send({ title: 'Nei', ownerUserId: ownerId }).expect(403);
      await f.adviser
        .post(`${base()}/${benefitId}/indicators/${indicatorId}/measurements`)
        .send({ measuredOn: '2025-06-01', value: 30 })
        .expect(403);
      await f.adviser.get(`${base()}/owners`).expect(403);
      await f.adviser.get(`${base()}/export`).expect(200);
    });

    it('another region’s users get 404, for the project and the region', async () => {
      for (const who of [other.regionraad, other.adviser, other.leader]) {
        await who.get(base()).expect(404);
        await who.post(base()).send({ title: 'Nei', ownerUserId: ownerId }).expect(404);
        await who.get(`${base()}/report`).expect(404);
        await who.get(`/api/regions/${f.region.id}/benefits`).expect(404);
      }
      await admin.get(`/api/regions/00000000-0000-4000-8000-000000000000/benefits`).expect(404);
    });

    it('lists who may own a benefit: the project’s people and the region’s regionråd and kommune contacts, no adviser', async () => {
      const owners = (await f.leader.get(`${base()}/owners`).expect(200)).body as { id: string }[];
      const ids = owners.map((o) => o.id);
      expect(ids).toEqual(expect.arrayContaining([f.leader.userId, f.regionraad.userId, ownerId]));
      expect(ids).not.toContain(f.adviser.userId);
    });

    it('a completed project still takes measurements by the benefit’s owner and the regionråd; its leader only reads', async () => {
      const { benefitId, indicatorId } = await firstIds();
      await t.db.query(`UPDATE project SET status = 'completed' WHERE id = $1`, [f.projectId]);
      try {
        const url = `${base()}/${benefitId}/indicators/${indicatorId}/measurements`;
        const res = await owner.post(url).send({ measuredOn: '2026-06-30', value: 25, comment: 'Målt etter prosjektslutt' }).expect(201);
        expect(res.body.indicators[0].latest).toEqual({ date: '2026-06-30', value: 25 });
        await f.leader.post(url).send({ measuredOn: '2026-07-31', value: 24 }).expect(403);
        await f.leader.post(base()).send({ title: 'For sent', ownerUserId: ownerId }).expect(403);
        const register = (await f.leader.get(base()).expect(200)).body;
        expect(register).toMatchObject({ projectStatus: 'completed', mayEdit: false });
        // The regionråd keeps the register after the end: a new owner, and a measurement of its own.
        const benefit = register.benefits[0];
        await f.regionraad.patch(`${base()}/${benefitId}`).send({ ownerUserId: f.regionraad.userId, version: benefit.version }).expect(200);
        await f.regionraad.post(url).send({ measuredOn: '2026-07-31', value: 24 }).expect(201);
        // The former owner may no longer record.
        await owner.post(url).send({ measuredOn: '2026-08-31', value: 23 }).expect(403);
        const back = (await f.regionraad.get(base()).expect(200)).body.benefits[0];
        await f.regionraad.patch(`${base()}/${benefitId}`).send({ ownerUserId: ownerId, version: back.version }).expect(200);
      } finally {
        await t.db.query(`UPDATE project SET status = 'active' WHERE id = $1`, [f.projectId]);
      }
    });
  });

  describe('the region’s view', () => {
    it('shows the benefits of the region’s projects with their trends to its regionråd, advisers and admins', async () => {
      // A second project of the region, with a benefit behind its target.
      const second = (
        await f.regionraad
          .post('/api/projects')
          .send({
            regionId: f.region.id,
            name: 'Næringsvennlig Gevinstregionen II',
            kommuneIds: f.kommuner.map((k) => k.id),
            leaderUserId: (await t.factories.newUser({ name: 'Per Leder' })).id,
            forstudie: { plannedStart: '2026-01-01', plannedEnd: '2026-09-30' },
          })
          .expect(201)
      ).body;
      const created = await f.regionraad
        .post(`/api/projects/${second.id}/benefits`)
        .send({
          title: 'Flere solgte næringstomter',
          ownerUserId: f.regionraad.userId,
          indicators: [
            { name: 'Andel solgte tomter', unit: '%', startValue: 20, startDate: '2022-01-01', targetValue: 60, targetDate: '2026-01-01' },
          ],
        })
        .expect(201);
      await f.regionraad
        .post(`/api/projects/${second.id}/benefits/${created.body.id}/indicators/${created.body.indicators[0].id}/measurements`)
        .send({ measuredOn: '2025-01-01', value: 30 })
        .expect(201);

      for (const who of [f.regionraad, f.adviser, admin]) {
        const view = (await who.get(`/api/regions/${f.region.id}/benefits`).expect(200)).body;
        expect(view.regionName).toBe('Gevinstregionen');
        expect(view.projects.map((p: { id: string }) => p.id).sort()).toEqual([f.projectId, second.id].sort());
        // The first project's benefit: its closed indicator at 24 days (of 42 → 18) in July 2026 is on track.
        expect(view.trends).toEqual({ no_measurement: 0, on_track: 1, behind: 1, reached: 0 });
      }
      // A project leader sees the region's benefits of the projects they may read only.
      const leaderView = (await f.leader.get(`/api/regions/${f.region.id}/benefits`).expect(200)).body;
      expect(leaderView.projects.map((p: { id: string }) => p.id)).toEqual([f.projectId]);
    });
  });

  describe('exports and the report', () => {
    it('exports the register as CSV for Norwegian Excel and as XLSX', async () => {
      const csv = await f.leader.get(`${base()}/export?format=csv&lang=nb`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/gevinster-/);
      const text = csv.text.replace(/^\uFEFF/, '');
      const [head, first] = text.split('\r\n');
      expect(head).toBe(
        'Nr.;Gevinst;Gevinstområde;Eier;Indikator;Enhet;Startverdi;Startdato;Målverdi;Måldato;Siste måling;Siste verdi;Andel av veien til målet;Status;Avsluttet',
      );
      expect(first).toContain('G1;Raskere byggesaker for bedrifter;Frittstående;Kari Kommunekontakt;');
      expect(first).toContain(';01.01.2024;18;01.01.2028;');
      expect(text).toContain('\r\n\r\nNr.;Gevinst;Indikator;Enhet;Dato;Verdi;Kommentar;Registrert av');
      expect(text).toContain('01.01.2025;40;Første telling;Kari Kommunekontakt');

      const en = await f.leader.get(`${base()}/export?format=csv&lang=en`).expect(200);
      expect(en.text).toContain('No.;Benefit;Benefit area;Owner');

      const xlsx = await f.leader
        .get(`${base()}/export?format=xlsx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    });

    it('writes the benefits report as PDF and DOCX in nb, nn and en', async () => {
      for (const lang of ['nb', 'nn', 'en']) {
        const pdf = await f.adviser.get(`${base()}/report?format=pdf&lang=${lang}`).buffer(true).expect(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        const docx = await f.adviser.get(`${base()}/report?format=docx&lang=${lang}`).buffer(true).expect(200);
        expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        expect(docx.headers['content-disposition']).toMatch(lang === 'en' ? /benefits-report-/ : /gevinstrapport-/);
      }
    });
  });

  describe('the yearly reminder to each benefit’s owner', () => {
    let reminders: ReminderService;
    let remind: { benefitId: string; indicatorId: string };

    const sent = async () =>
      (await t.db.query(
        `SELECT n.target_id, n.recipient_id, n.period, o.subject FROM notification n LEFT JOIN outbox o ON o.notification_id = n.id
          WHERE n.kind = 'benefit_measurement_due' ORDER BY n.period, n.target_id`,
      )) as { target_id: string; recipient_id: string; period: string; subject: string | null }[];

    beforeAll(async () => {
      reminders = t.app.get(ReminderService);
      await t.db.query(`UPDATE app_user SET language = 'en' WHERE id = $1`, [ownerId]);
      // A benefit last measured on 1 January 2026, and one whose only indicator is closed.
      const res = await f.leader
        .post(base())
        .send({
          title: 'Flere nyetableringer',
          ownerUserId: ownerId,
          indicators: [{ ...indicator, name: 'Nyetableringer', unit: 'antall', startValue: 300, targetValue: 400 }],
        })
        .expect(201);
      remind = { benefitId: res.body.id, indicatorId: res.body.indicators[0].id };
      await f.leader
        .post(`${base()}/${remind.benefitId}/indicators/${remind.indicatorId}/measurements`)
        .send({ measuredOn: '2026-01-01', value: 320 })
        .expect(201);
      const closed = await f.leader
        .post(base())
        .send({ title: 'Avsluttet oppfølging', ownerUserId: ownerId, indicators: [{ ...indicator, name: 'Gammel indikator' }] })
        .expect(201);
      const ind = closed.body.indicators[0];
      await f.leader.patch(`${base()}/${closed.body.id}/indicators/${ind.id}`).send({ closed: true, version: ind.version }).expect(200);
      // Only these two are followed here: the other benefits' indicators are closed.
      await t.db.query(`UPDATE benefit_indicator SET closed = true WHERE benefit_id IN (SELECT id FROM benefit WHERE project_id <> $1)`, [
        f.projectId,
      ]);
      await t.db.query(`DELETE FROM notification`);
    });

    it('is not sent before a year has passed without a measurement', async () => {
      expect((await reminders.scan('2026-12-31')).benefit_measurement_due).toBe(0);
    });

    it('is sent once a year per benefit to its owner, in the owner’s language, even when scans run at the same time', async () => {
      const [a, b] = await Promise.all([reminders.scan('2027-01-01'), reminders.scan('2027-01-01')]);
      expect(a.benefit_measurement_due + b.benefit_measurement_due).toBe(1);
      expect((await reminders.scan('2027-06-15')).benefit_measurement_due).toBe(0);
      const rows = await sent();
      expect(rows).toEqual([
        {
          target_id: remind.benefitId,
          recipient_id: ownerId,
          period: '2027',
          subject: "Time for this year's measurement: Flere nyetableringer",
        },
      ]);
      const [mail] = await t.db.query(
        `SELECT o.body_text FROM outbox o JOIN notification n ON n.id = o.notification_id WHERE n.kind = 'benefit_measurement_due'`,
      );
      expect(mail.body_text).toContain('It was last measured on 1 January 2026');
      expect(mail.body_text).toContain(`/prosjekter/${f.projectId}/gevinster`);
    });

    it('comes again the next year while the benefit goes unmeasured, also after the project has ended; a new measurement stops it', async () => {
      await t.db.query(`UPDATE project SET status = 'completed' WHERE id = $1`, [f.projectId]);
      try {
        expect((await reminders.scan('2028-01-02')).benefit_measurement_due).toBe(1);
        expect((await sent()).map((r) => r.period)).toEqual(['2027', '2028']);
        // Measured in 2028: nothing in 2029 until a year has passed since.
        await t.db.query(`INSERT INTO benefit_measurement (indicator_id, measured_on, value) VALUES ($1, '2028-03-01', 340)`, [
          remind.indicatorId,
        ]);
        expect((await reminders.scan('2029-02-28')).benefit_measurement_due).toBe(0);
        expect((await reminders.scan('2029-03-01')).benefit_measurement_due).toBe(1);
      } finally {
        await t.db.query(`UPDATE project SET status = 'active' WHERE id = $1`, [f.projectId]);
      }
    });

    it('skips an owner who may no longer read the project, and a stopped project', async () => {
      await t.db.query(`DELETE FROM notification WHERE kind = 'benefit_measurement_due'`);
      await t.db.query(`UPDATE project SET status = 'stopped' WHERE id = $1`, [f.projectId]);
      try {
        expect((await reminders.scan('2031-01-01')).benefit_measurement_due).toBe(0);
      } finally {
        await t.db.query(`UPDATE project SET status = 'active' WHERE id = $1`, [f.projectId]);
      }
      await t.db.query(`UPDATE role_assignment SET region_id = $2 WHERE user_id = $1`, [ownerId, other.region.id]);
      try {
        expect((await reminders.scan('2031-01-01')).benefit_measurement_due).toBe(0);
      } finally {
        await t.db.query(`UPDATE role_assignment SET region_id = $2 WHERE user_id = $1`, [ownerId, f.region.id]);
      }
    });

    it('collects an owner’s due benefits, across projects, in one reminder naming them all; one that falls due later gets its own', async () => {
      await t.db.query(`DELETE FROM notification WHERE kind = 'benefit_measurement_due'`);
      const never = { ...indicator, startDate: '2026-01-01' };
      // Besides the benefit last measured on 1 March 2028: one never measured, one in another project of the
      // region, and one whose indicator starts on 1 June 2031 (due a year after).
      await f.leader
        .post(base())
        .send({ title: 'Flere lærlinger', ownerUserId: ownerId, indicators: [{ ...never, name: 'Lærlinger' }] })
        .expect(201);
      const leaderUser = await t.factories.newUser({ name: 'Per Prosjektleder' });
      const project = await f.regionraad
        .post('/api/projects')
        .send({
          regionId: f.region.id,
          name: 'Gevinstprosjekt to',
          kommuneIds: f.kommuner.map((k) => k.id),
          leaderUserId: leaderUser.id,
          forstudie: { plannedStart: '2026-01-01', plannedEnd: '2026-09-30' },
        })
        .expect(201);
      await f.regionraad
        .post(`/api/projects/${project.body.id}/benefits`)
        .send({ title: 'Flere turister', ownerUserId: ownerId, indicators: [{ ...never, name: 'Gjestedøgn' }] })
        .expect(201);
      const later = await f.leader
        .post(base())
        .send({
          title: 'Kortere ventetid',
          ownerUserId: ownerId,
          indicators: [{ ...indicator, name: 'Ventetid', startDate: '2031-06-01', targetDate: '2033-01-01' }],
        })
        .expect(201);

      const reminded = async () =>
        (await t.db.query(
          `SELECT n.project_id, n.link, n.params, o.subject, o.body_text FROM notification n JOIN outbox o ON o.notification_id = n.id
            WHERE n.kind = 'benefit_measurement_due' AND n.recipient_id = $1 AND n.period = '2032' ORDER BY n.created_at, n.id`,
          [ownerId],
        )) as { project_id: string | null; link: string; params: { benefits: { title: string }[] }; subject: string; body_text: string }[];

      const [a, b] = await Promise.all([reminders.scan('2032-01-02'), reminders.scan('2032-01-02')]);
      expect(a.benefit_measurement_due + b.benefit_measurement_due).toBe(1);
      const [all] = await reminded();
      // Two projects: the notification belongs to none of them and points to the region's benefits.
      expect(all).toMatchObject({ project_id: null, link: `/regioner/${f.region.id}/gevinster` });
      expect(all.params.benefits.map((x) => x.title)).toEqual(['Flere turister', 'Flere nyetableringer', 'Flere lærlinger']);
      expect(all.subject).toBe("Time for this year's measurement: 3 benefits");
      expect(all.body_text).toContain(
        '“Flere turister” in Gevinstprosjekt to (not measured yet), “Flere nyetableringer” in Næringsvennlig Gevinstregionen ' +
          '(last measured on 1 March 2028) and “Flere lærlinger” in Næringsvennlig Gevinstregionen (not measured yet)',
      );
      // Nothing more that year for the benefits named, however often the scan runs.
      expect((await reminders.scan('2032-01-03')).benefit_measurement_due).toBe(0);
      expect((await reminders.scan('2032-05-31')).benefit_measurement_due).toBe(0);
      // The benefit that falls due in June gets a reminder of its own, naming only it.
      expect((await reminders.scan('2032-06-01')).benefit_measurement_due).toBe(1);
      expect((await reminders.scan('2032-12-31')).benefit_measurement_due).toBe(0);
      const [, own] = await reminded();
      expect(own).toMatchObject({
        project_id: f.projectId,
        link: `/prosjekter/${f.projectId}/gevinster`,
        params: { benefits: [{ id: later.body.id, title: 'Kortere ventetid', lastMeasuredOn: null }] },
        subject: "Time for this year's measurement: Kortere ventetid",
      });
      expect((await reminded()).length).toBe(2);
    });
  });

  describe('the project’s end', () => {
    it('hands the benefits to their owners once (the hook the closing decision calls in its own transaction)', async () => {
      const service = t.app.get(BenefitService);
      const first = await t.db.transaction((tx) => service.handOver(tx, f.projectId));
      expect(first.length).toBeGreaterThan(0);
      expect(first.every((r) => r.action === 'benefit.handed_over' && r.entityType === 'benefit')).toBe(true);
      expect(await t.db.transaction((tx) => service.handOver(tx, f.projectId))).toEqual([]);
      const register = (await f.adviser.get(base()).expect(200)).body;
      expect(register.benefits.every((b: { handedOverAt: string | null }) => b.handedOverAt !== null)).toBe(true);
    });
  });

  /** The first benefit of the register and its first indicator. */
  async function firstIds(): Promise<{ benefitId: string; indicatorId: string }> {
    const register = (await f.leader.get(base()).expect(200)).body;
    return { benefitId: register.benefits[0].id, indicatorId: register.benefits[0].indicators[0].id };
  }
});
