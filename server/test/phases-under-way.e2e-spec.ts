import { todayInOslo } from '@nvr/shared';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

type PhaseBody = { key: string; state: string; version: number; actualStart: string | null; actualEnd: string | null };

/** A date `days` from today (Norwegian time), as YYYY-MM-DD. */
function daysFromToday(days: number): string {
  const d = new Date(`${todayInOslo()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const phaseOf = (project: { phases: PhaseBody[] }, key: string): PhaseBody => {
  const phase = project.phases.find((p) => p.key === key);
  if (!phase) throw new Error(`no phase ${key}`);
  return phase;
};

describe('a phase already under way', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const newProjectBody = (f: ProjectFixture, extra: Record<string, unknown> = {}) => ({
    regionId: f.region.id,
    name: `Under arbeid ${Math.random().toString(36).slice(2, 8)}`,
    kommuneIds: f.kommuner.map((k) => k.id),
    ...extra,
  });

  describe('starting a project whose forstudie began earlier', () => {
    let f: ProjectFixture;
    beforeAll(async () => {
      f = await newProjectFixture(t);
    });

    it('records the forstudie’s actual start in the past, shows it with its duration and in the history', async () => {
      const started = daysFromToday(-92);
      const p = (
        await f.regionraad
          .post('/api/projects')
          .send(newProjectBody(f, { forstudieStartedOn: started }))
          .expect(201)
      ).body;
      const forstudie = phaseOf(p, 'forstudie');
      expect(forstudie).toMatchObject({ state: 'in_progress', actualStart: started, actualEnd: null });
      expect((forstudie as unknown as { duration: { months: number } }).duration.months).toBeGreaterThanOrEqual(2);
      const again = (await f.adviser.get(`/api/projects/${p.id}`).expect(200)).body;
      expect(phaseOf(again, 'forstudie').actualStart).toBe(started);
      const history = (await f.regionraad.get(`/api/projects/${p.id}/history`).expect(200)).body;
      expect(history[0]).toMatchObject({ action: 'project.created', after: { forstudieStartedOn: started } });
    });

    it('starts the forstudie today when no start is given', async () => {
      const p = (await f.regionraad.post('/api/projects').send(newProjectBody(f)).expect(201)).body;
      expect(phaseOf(p, 'forstudie').actualStart).toBe(todayInOslo());
    });

    it('refuses a start in the future, before 2000 or not a date (400 naming the field), and creates nothing', async () => {
      const before = (await f.regionraad.get('/api/projects').expect(200)).body.length;
      for (const bad of [daysFromToday(1), '1999-12-31', '2026-02-30', null, 20260101]) {
        const res = await f.regionraad
          .post('/api/projects')
          .send(newProjectBody(f, { forstudieStartedOn: bad }))
          .expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['forstudieStartedOn']);
      }
      const future = await f.regionraad
        .post('/api/projects')
        .send(newProjectBody(f, { forstudieStartedOn: daysFromToday(1) }))
        .expect(400);
      expect(future.body.message).toMatch(/future/);
      const old = await f.regionraad
        .post('/api/projects')
        .send(newProjectBody(f, { forstudieStartedOn: '1999-12-31' }))
        .expect(400);
      expect(old.body.message).toMatch(/2000-01-01/);
      expect((await f.regionraad.get('/api/projects').expect(200)).body).toHaveLength(before);
    });
  });

  describe('setting the actual start of the phase in progress', () => {
    it('lets the leader move the forstudie’s start into the past, with history; the same value again is no news', async () => {
      const f = await newProjectFixture(t);
      const url = `/api/projects/${f.projectId}/phases/forstudie`;
      const p = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      const started = daysFromToday(-40);
      const after = (
        await f.leader
          .patch(url)
          .send({ actualStart: started, version: phaseOf(p, 'forstudie').version })
          .expect(200)
      ).body;
      expect(phaseOf(after, 'forstudie')).toMatchObject({ actualStart: started, state: 'in_progress' });
      // The planned dates are kept when only the actual start is sent.
      expect(phaseOf(after, 'forstudie')).toMatchObject({ plannedStart: '2026-01-01', plannedEnd: '2026-09-30' });
      const history = (await f.leader.get(`/api/projects/${f.projectId}/history`).expect(200)).body;
      expect(history[0]).toMatchObject({
        action: 'phase.started_earlier',
        entityId: 'forstudie',
        before: { actualStart: todayInOslo() },
        after: { actualStart: started },
      });
      await f.leader
        .patch(url)
        .send({ actualStart: started, version: phaseOf(after, 'forstudie').version })
        .expect(200);
      expect((await f.leader.get(`/api/projects/${f.projectId}/history`).expect(200)).body).toHaveLength(history.length);
    });

    it('refuses a future start (400), and a start of a phase that has not started (409 PHASE_NOT_STARTED)', async () => {
      const f = await newProjectFixture(t);
      const p = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      const future = await f.leader
        .patch(`/api/projects/${f.projectId}/phases/forstudie`)
        .send({ actualStart: daysFromToday(3), version: phaseOf(p, 'forstudie').version })
        .expect(400);
      expect(future.body.errors[0].field).toBe('actualStart');
      const notStarted = await f.leader
        .patch(`/api/projects/${f.projectId}/phases/forprosjekt`)
        .send({ actualStart: daysFromToday(-3), version: phaseOf(p, 'forprosjekt').version })
        .expect(409);
      expect(notStarted.body.code).toBe('PHASE_NOT_STARTED');
      expect(notStarted.body.message).toMatch(/has not started/);
      const unchanged = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      expect(phaseOf(unchanged, 'forprosjekt')).toMatchObject({ actualStart: null, version: phaseOf(p, 'forprosjekt').version });
    });

    it('keeps the dates in order: not after the phase was submitted, not before the previous phase ended (422 PHASE_DATES_OUT_OF_ORDER)', async () => {
      // The gate's own flow is tested elsewhere; here its states are written straight to the database
      // (a submission five days ago, sent back two days ago, then approved yesterday).
      const f = await newProjectFixture(t);
      const url = (key: string) => `/api/projects/${f.projectId}/phases/${key}`;
      const load = async () => (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      let p = await load();
      const forstudieId: string = (p.phases[0] as { id: string }).id;
      const forprosjektId: string = (p.phases[1] as { id: string }).id;
      await t.db.query(`UPDATE project_phase SET actual_start = $2, state = 'awaiting_decision' WHERE id = $1`, [
        forstudieId,
        daysFromToday(-60),
      ]);
      const [submission] = await t.db.query(
        `INSERT INTO gate_submission (phase_id, submitted_by, submitted_at, readiness) VALUES ($1, $2, now() - interval '5 days', '{}') RETURNING id`,
        [forstudieId, f.leader.userId],
      );

      // Waiting for the decision: the start is part of what was submitted.
      p = await load();
      const waiting = await f.leader
        .patch(url('forstudie'))
        .send({ actualStart: daysFromToday(-10), version: phaseOf(p, 'forstudie').version })
        .expect(409);
      expect(waiting.body.code).toBe('PHASE_AWAITING_DECISION');
      expect(waiting.body.message).toMatch(/waiting for a decision/);

      // Sent back: in progress again, but it was submitted five days ago, so it cannot have started later…
      await t.db.query(
        `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text) VALUES ($1, $2, 'sent_back', $3, '1/26', 'Mer arbeid trengs.')`,
        [submission.id, forstudieId, daysFromToday(-2)],
      );
      await t.db.query(`UPDATE project_phase SET state = 'in_progress' WHERE id = $1`, [forstudieId]);
      p = await load();
      const late = await f.leader
        .patch(url('forstudie'))
        .send({ actualStart: daysFromToday(-1), version: phaseOf(p, 'forstudie').version })
        .expect(422);
      expect(late.body.code).toBe('PHASE_DATES_OUT_OF_ORDER');
      expect(late.body.message).toContain(daysFromToday(-5));
      expect(late.body.message).toContain(daysFromToday(-1));
      // … while a start before the first submission is fine.
      p = (
        await f.leader
          .patch(url('forstudie'))
          .send({ actualStart: daysFromToday(-30), version: phaseOf(p, 'forstudie').version })
          .expect(200)
      ).body;
      expect(phaseOf(p, 'forstudie').actualStart).toBe(daysFromToday(-30));

      // Approved yesterday: the forprosjekt started at the decision and cannot be moved before the forstudie ended.
      const meeting = daysFromToday(-1);
      await t.db.query(`UPDATE project_phase SET state = 'completed', actual_end = $2 WHERE id = $1`, [forstudieId, meeting]);
      await t.db.query(`UPDATE project_phase SET state = 'in_progress', actual_start = $2 WHERE id = $1`, [forprosjektId, meeting]);
      p = await load();
      const early = await f.leader
        .patch(url('forprosjekt'))
        .send({ actualStart: daysFromToday(-20), version: phaseOf(p, 'forprosjekt').version })
        .expect(422);
      expect(early.body).toMatchObject({ code: 'PHASE_DATES_OUT_OF_ORDER' });
      expect(early.body.message).toContain(meeting);
      expect(early.body.message).toContain(daysFromToday(-20));
      // A forprosjekt that really began a day after the decision may say so.
      const later = (
        await f.leader
          .patch(url('forprosjekt'))
          .send({ actualStart: todayInOslo(), version: phaseOf(p, 'forprosjekt').version })
          .expect(200)
      ).body;
      expect(phaseOf(later, 'forprosjekt').actualStart).toBe(todayInOslo());

      // The completed forstudie keeps its dates, planned or actual.
      const ended = await f.leader
        .patch(url('forstudie'))
        .send({ actualStart: daysFromToday(-60), version: phaseOf(later, 'forstudie').version })
        .expect(409);
      expect(ended.body.code).toBe('PHASE_ENDED');
      expect(ended.body.message).toMatch(/completed/);
      const endedPlan = await f.leader
        .patch(url('forstudie'))
        .send({ plannedEnd: '2026-12-31', version: phaseOf(later, 'forstudie').version })
        .expect(409);
      expect(endedPlan.body.code).toBe('PHASE_ENDED');
    });

    it('refuses people who may not edit the project: another region’s regionråd and leader (404), the adviser (403)', async () => {
      const f = await newProjectFixture(t);
      const other = await newProjectFixture(t);
      const p = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      const body = { actualStart: daysFromToday(-10), version: phaseOf(p, 'forstudie').version };
      const url = `/api/projects/${f.projectId}/phases/forstudie`;
      expect((await other.regionraad.patch(url).send(body).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
      expect((await other.leader.patch(url).send(body).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
      await f.adviser.patch(url).send(body).expect(403);
      const after = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      expect(phaseOf(after, 'forstudie')).toMatchObject({ actualStart: todayInOslo(), version: body.version });
      // Nor may another region's regionråd start a project with a past start in this region.
      await other.regionraad
        .post('/api/projects')
        .send(newProjectBody(f, { forstudieStartedOn: daysFromToday(-10) }))
        .expect(404);
    });
  });

  describe('marking all notifications read', () => {
    it('marks only those the person may still see; the count does not reveal the others', async () => {
      const a = await newProjectFixture(t);
      const b = await newProjectFixture(t);
      // An adviser who once followed region A's project and now works in region B only.
      const person = await t.factories.newUser({ roles: [{ role: 'adviser', regionId: b.region.id }] });
      const insert = async (projectId: string, title: string): Promise<string> => {
        const [n] = await t.db.query(
          `INSERT INTO notification (recipient_id, kind, project_id, target_type, target_id, title, body)
           VALUES ($1, 'mention', $2, 'project', gen_random_uuid(), $3, '') RETURNING id`,
          [person.id, projectId, title],
        );
        return n.id;
      };
      const hidden = await insert(a.projectId, 'Om et prosjekt i region A');
      const visible = await insert(b.projectId, 'Om et prosjekt i region B');
      const general = (
        await t.db.query(
          `INSERT INTO notification (recipient_id, kind, project_id, target_type, target_id, title, body)
           VALUES ($1, 'mention', NULL, 'user', gen_random_uuid(), 'Generelt', '') RETURNING id`,
          [person.id],
        )
      )[0].id;
      const s = await t.signIn(person.email);
      expect((await s.get('/api/notifications/unread-count').expect(200)).body.unreadCount).toBe(2);
      const res = await s.post('/api/notifications/read-all').expect((r) => expect([200, 201]).toContain(r.status));
      expect(res.body).toEqual({ marked: 2, unreadCount: 0 });
      const rows: { id: string; read_at: Date | null }[] = await t.db.query(
        `SELECT id, read_at FROM notification WHERE id = ANY($1::uuid[])`,
        [[hidden, visible, general]],
      );
      const readAt = Object.fromEntries(rows.map((r) => [r.id, r.read_at]));
      expect(readAt[hidden]).toBeNull();
      expect(readAt[visible]).not.toBeNull();
      expect(readAt[general]).not.toBeNull();
      // Again: nothing left to mark, and still nothing about region A.
      expect((await s.post('/api/notifications/read-all')).body).toEqual({ marked: 0, unreadCount: 0 });
    });
  });
});
