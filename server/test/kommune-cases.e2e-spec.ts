import { addDays, todayInOslo } from '@nvr/shared';
import { KommuneCaseService } from '../src/kommune-cases/kommune-case.service';
import { makePhaseReady, newProjectFixture, submitPhase } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const GLAMDAL = [
  ['Kongsvinger', 18000],
  ['Sør-Odal', 7900],
  ['Nord-Odal', 5000],
  ['Eidskog', 6100],
  ['Grue', 4600],
  ['Åsnes', 7200],
  ['Våler', 3700],
] as const;

interface Fixture {
  regionId: string;
  projectId: string;
  kommuner: { id: string; name: string }[];
  regionraad: Session;
  leader: Session;
  adviser: Session;
  contact: Session;
}

interface Case {
  id: string;
  kommuneId: string;
  kommuneName: string;
  share: number;
  outcome: string;
  amountCommitted: number | null;
  deadline: string;
  version: number;
}

/** Glåmdal's seven kommuner in one forstudie whose forprosjekt asks them for `fromKommuner` kroner. */
async function glamdal(t: TestApp, fromKommuner: number): Promise<Fixture> {
  const kommuner = [];
  for (const [name, population] of GLAMDAL)
    kommuner.push(await t.factories.newKommune({ name: `${name} ${Math.random().toString(36).slice(2, 6)}`, population }));
  const region = await t.factories.newRegion({ councilName: 'Glåmdal regionråd', members: kommuner.map((k) => ({ kommuneId: k.id })) });
  const regionraad = await t.as([{ role: 'regionraad', regionId: region.id }]);
  const adviser = await t.as([{ role: 'adviser', regionId: region.id }]);
  const contact = await t.as([{ role: 'kommune_contact', regionId: region.id }]);
  const leaderUser = await t.factories.newUser({ name: 'Pia Prosjektleder' });
  const created = await regionraad
    .post('/api/projects')
    .send({
      regionId: region.id,
      name: 'Næringsvennlig Glåmdal',
      kommuneIds: kommuner.map((k) => k.id),
      leaderUserId: leaderUser.id,
      forstudie: { plannedStart: '2026-01-01', plannedEnd: '2026-09-30' },
    })
    .expect(201);
  const leader = await t.signIn(leaderUser.email);
  const projectId = created.body.id;
  const planUrl = `/api/projects/${projectId}/phases/forprosjekt/plan`;
  const plan = (await leader.get(planUrl).expect(200)).body;
  await leader
    .put(`${planUrl}/budget`)
    .send({
      version: plan.version,
      lines: [
        { kind: 'cost', category: 'project_management', year: 2027, amount: 1_000_000 },
        { kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: 1_000_000 - fromKommuner },
        ...(fromKommuner > 0 ? [{ kind: 'financing', category: 'kommuner_direct', year: 2027, amount: fromKommuner }] : []),
      ],
    })
    .expect(200);
  return { regionId: region.id, projectId, kommuner, regionraad, leader, adviser, contact };
}

/**
 * Puts the forstudie at its gate the way a submission does, without the gate's own submit: a submission
 * row, the phase awaiting its decision, and the kommune cases opened by KommuneCaseService.openCases.
 */
async function submitDirectly(
  t: TestApp,
  f: Fixture,
  deadline = addDays(todayInOslo(), 42),
): Promise<{ submissionId: string; opened: number }> {
  const cases = t.app.get(KommuneCaseService);
  return t.db.transaction(async (tx) => {
    const phases: { id: string; phase_key: string }[] = await tx.query(`SELECT id, phase_key FROM project_phase WHERE project_id = $1`, [
      f.projectId,
    ]);
    const phase = phases.find((p) => p.phase_key === 'forstudie')!;
    await tx.query(`UPDATE project_phase SET state = 'awaiting_decision' WHERE id = $1`, [phase.id]);
    const [s] = await tx.query(
      `INSERT INTO gate_submission (phase_id, readiness) VALUES ($1, '{"ready": true, "items": []}') RETURNING id`,
      [phase.id],
    );
    const opened = await cases.openCases(tx, {
      submissionId: s.id,
      projectId: f.projectId,
      nextPhaseId: phases.find((p) => p.phase_key === 'forprosjekt')!.id,
      deadline,
    });
    return { submissionId: s.id as string, opened };
  });
}

describe('kommune cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('seven kommunestyrer, one saying no', () => {
    let f: Fixture;
    let submissionId: string;
    let cases: Case[];
    const url = () => `/api/projects/${f.projectId}/phases/forstudie/gate`;
    const yes = (c: Case, extra: Record<string, unknown> = {}) => ({
      outcome: 'yes',
      meetingDate: todayInOslo(),
      caseNumber: '22/27',
      version: c.version,
      ...extra,
    });

    beforeAll(async () => {
      f = await glamdal(t, 700_000);
      const submitted = await submitDirectly(t, f, addDays(todayInOslo(), 30));
      submissionId = submitted.submissionId;
      expect(submitted.opened).toBe(7);
    });

    it('opens one case per kommune with its cost-sharing share, adding up to what the plan asks of the kommuner', async () => {
      const body = (await f.adviser.get(`${url()}/kommune-cases`).expect(200)).body;
      cases = body.cases;
      expect(cases).toHaveLength(7);
      expect(cases.reduce((s, c) => s + c.share, 0)).toBe(700_000);
      expect(new Set(cases.map((c) => c.deadline))).toEqual(new Set([addDays(todayInOslo(), 30)]));
      expect(cases.every((c) => c.outcome === 'pending' && c.version === 1 && c.amountCommitted === null)).toBe(true);
      // The same split as the plan's cost-sharing table.
      const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`).expect(200)).body;
      for (const row of plan.costSharing.rows as { id: string; amount: number }[]) {
        expect(cases.find((c) => c.kommuneId === row.id)?.share).toBe(row.amount);
      }
      expect(body.summary).toMatchObject({ total: 7, decided: 0, pending: 7, overdue: 0, shareTotal: 700_000, committed: 0, gap: 700_000 });
      expect(body.continuing).toBeNull();
    });

    it('lets the kommune contact and the secretariat record decisions, not an adviser or the leader (403), nor another region (404)', async () => {
      const c = cases[0];
      expect((await f.adviser.put(`${url()}/kommune-cases/${c.id}`).send(yes(c)).expect(403)).body.code).toBe('FORBIDDEN');
      await f.leader.put(`${url()}/kommune-cases/${c.id}`).send(yes(c)).expect(403);
      const other = await newProjectFixture(t, 'Nabolaget');
      const otherContact = await t.as([{ role: 'kommune_contact', regionId: other.region.id }]);
      expect((await otherContact.put(`${url()}/kommune-cases/${c.id}`).send(yes(c)).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
      const foreign = await other.regionraad
        .put(`/api/projects/${other.projectId}/phases/forstudie/gate/kommune-cases/${c.id}`)
        .send(yes(c));
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('KOMMUNE_CASE_NOT_FOUND');
    });

    it('asks for what each outcome needs (400 naming the field), refuses a future meeting (422) and a stale version (409)', async () => {
      const c = cases[1];
      const fields = async (body: Record<string, unknown>) =>
        (await f.contact.put(`${url()}/kommune-cases/${c.id}`).send(body).expect(400)).body.errors
          .map((e: { field: string }) => e.field)
          .sort();
      expect(await fields({ outcome: 'yes', version: 1 })).toEqual(['caseNumber', 'meetingDate']);
      expect(await fields(yes(c, { outcome: 'no' }))).toEqual(['decisionText']);
      expect(await fields(yes(c, { outcome: 'yes_with_changes' }))).toEqual(['decisionText']);
      expect(await fields(yes(c, { outcome: 'no', decisionText: 'Nei.', amountCommitted: 5 }))).toEqual(['amountCommitted']);
      expect(await fields(yes(c, { outcome: 'pending' }))).toEqual(['outcome']);
      expect(await fields(yes(c, { amountCommitted: -1 }))).toEqual(['amountCommitted']);
      expect(await fields(yes(c, { amountCommitted: 10.5 }))).toEqual(['amountCommitted']);
      expect(await fields(yes(c, { meetingDate: '2027-02-30' }))).toEqual(['meetingDate']);
      const future = await f.contact
        .put(`${url()}/kommune-cases/${c.id}`)
        .send(yes(c, { meetingDate: '2999-01-01' }))
        .expect(422);
      expect(future.body.code).toBe('INVALID_PERIOD');
      const stale = await f.contact
        .put(`${url()}/kommune-cases/${c.id}`)
        .send(yes(c, { version: 7 }))
        .expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
    });

    it('counts "5 of 7 have decided, 1 said no", the money committed and the gap', async () => {
      const [a, b, c, d, e] = cases;
      let body = (await f.contact.put(`${url()}/kommune-cases/${a.id}`).send(yes(a)).expect(200)).body;
      expect(body.cases.find((x: Case) => x.id === a.id)).toMatchObject({
        outcome: 'yes',
        amountCommitted: a.share,
        version: 2,
        recordedBy: expect.any(String),
      });
      await f.regionraad.put(`${url()}/kommune-cases/${b.id}`).send(yes(b)).expect(200);
      await f.contact
        .put(`${url()}/kommune-cases/${c.id}`)
        .send(yes(c, { outcome: 'yes_with_changes', decisionText: 'Ja, men med et lavere beløp.', amountCommitted: 50_000 }))
        .expect(200);
      await f.contact.put(`${url()}/kommune-cases/${d.id}`).send(yes(d)).expect(200);
      body = (
        await f.contact
          .put(`${url()}/kommune-cases/${e.id}`)
          .send(yes(e, { outcome: 'no', decisionText: 'Kommunestyret vil ikke delta i forprosjektet.' }))
          .expect(200)
      ).body;
      const committed = a.share + b.share + 50_000 + d.share;
      expect(body.summary).toEqual({
        total: 7,
        decided: 5,
        yes: 3,
        yesWithChanges: 1,
        no: 1,
        notHandled: 0,
        pending: 2,
        overdue: 0,
        shareTotal: 700_000,
        committed,
        gap: 700_000 - committed,
      });
      expect(body.cases.find((x: Case) => x.id === e.id)).toMatchObject({ outcome: 'no', amountCommitted: null });

      // The consequence of the no: the same total shared among the six that go on, beside their shares.
      expect(body.continuing).toHaveLength(6);
      expect(body.continuing.some((k: { kommuneId: string }) => k.kommuneId === e.kommuneId)).toBe(false);
      expect(body.continuing.reduce((s: number, k: { after: number }) => s + k.after, 0)).toBe(700_000);
      for (const k of body.continuing as { kommuneId: string; before: number; after: number }[]) {
        expect(k.before).toBe(cases.find((x) => x.kommuneId === k.kommuneId)?.share);
        expect(k.after).toBeGreaterThan(k.before);
      }
      const leaving = await t.app.get(KommuneCaseService).leaving(t.db.manager, submissionId);
      expect(leaving).toEqual([{ kommuneId: e.kommuneId, kommuneName: e.kommuneName }]);

      const history = (await f.regionraad.get(`/api/projects/${f.projectId}/history`).expect(200)).body;
      expect(history.filter((h: { action: string }) => h.action === 'gate.kommune_decided')).toHaveLength(5);
    });

    it('takes "not handled by the deadline" without a meeting', async () => {
      const g = (await f.adviser.get(`${url()}/kommune-cases`).expect(200)).body.cases.find((x: Case) => x.id === cases[5].id);
      const body = (
        await f.regionraad.put(`${url()}/kommune-cases/${g.id}`).send({ outcome: 'not_handled', version: g.version }).expect(200)
      ).body;
      expect(body.cases.find((x: Case) => x.id === g.id)).toMatchObject({
        outcome: 'not_handled',
        meetingDate: null,
        amountCommitted: null,
      });
      expect(body.summary).toMatchObject({ decided: 6, notHandled: 1, pending: 1 });
    });

    it('lets the secretariat move the deadline of the cases still pending', async () => {
      const deadline = addDays(todayInOslo(), 60);
      expect((await f.contact.put(`${url()}/kommune-deadline`).send({ deadline }).expect(403)).body.code).toBe('FORBIDDEN');
      const past = await f.regionraad.put(`${url()}/kommune-deadline`).send({ deadline: '2020-01-01' }).expect(422);
      expect(past.body.code).toBe('INVALID_PERIOD');
      await f.regionraad.put(`${url()}/kommune-deadline`).send({ deadline: 'soon' }).expect(400);
      const body = (await f.regionraad.put(`${url()}/kommune-deadline`).send({ deadline }).expect(200)).body;
      const pending = body.cases.filter((c: Case) => c.outcome === 'pending');
      expect(pending).toHaveLength(1);
      expect(pending[0].deadline).toBe(deadline);
      expect(body.cases.filter((c: Case) => c.deadline === deadline)).toHaveLength(1);
      const history = (await f.regionraad.get(`/api/projects/${f.projectId}/history`).expect(200)).body;
      expect(history[0]).toMatchObject({ action: 'gate.kommune_deadline_set', after: { deadline, cases: 1 } });
    });

    it('closes the cases once the gate no longer waits for its decision (409)', async () => {
      await t.db.query(`UPDATE project_phase SET state = 'in_progress' WHERE project_id = $1 AND phase_key = 'forstudie'`, [f.projectId]);
      const last = (await f.adviser.get(`${url()}/kommune-cases`).expect(200)).body.cases.find((c: Case) => c.outcome === 'pending');
      const res = await f.contact.put(`${url()}/kommune-cases/${last.id}`).send(yes(last)).expect(409);
      expect(res.body.code).toBe('GATE_NOT_AWAITING_DECISION');
      const deadline = await f.regionraad.put(`${url()}/kommune-deadline`).send({ deadline: todayInOslo() }).expect(409);
      expect(deadline.body.code).toBe('GATE_NOT_AWAITING_DECISION');
      await t.db.query(`UPDATE project_phase SET state = 'awaiting_decision' WHERE project_id = $1 AND phase_key = 'forstudie'`, [
        f.projectId,
      ]);
    });
  });

  describe('through the gate’s own submission', () => {
    it('opens the cases when the forstudie is submitted, and shows what a no means for the other kommune', async () => {
      const f = await newProjectFixture(t, 'Toregionen');
      const contact = await t.as([{ role: 'kommune_contact', regionId: f.region.id }]);
      await makePhaseReady(f, 'forstudie');
      await submitPhase(f, 'forstudie');
      const url = `/api/projects/${f.projectId}/phases/forstudie/gate/kommune-cases`;
      const { cases } = (await contact.get(url).expect(200)).body as { cases: Case[] };
      expect(cases).toHaveLength(2);
      expect(cases.reduce((sum, c) => sum + c.share, 0)).toBe(200_000);
      const [a, b] = cases;
      await contact
        .put(`${url}/${a.id}`)
        .send({ outcome: 'yes', meetingDate: todayInOslo(), caseNumber: '5/27', version: a.version })
        .expect(200);
      const body = (
        await contact
          .put(`${url}/${b.id}`)
          .send({ outcome: 'no', meetingDate: todayInOslo(), caseNumber: '6/27', decisionText: 'Nei takk.', version: b.version })
          .expect(200)
      ).body;
      expect(body.summary).toMatchObject({ total: 2, decided: 2, yes: 1, no: 1, committed: a.share, gap: b.share });
      expect(body.continuing).toEqual([{ kommuneId: a.kommuneId, kommuneName: a.kommuneName, before: a.share, after: 200_000 }]);
    });
  });

  describe('a next phase that asks the kommuner for nothing', () => {
    it('opens no cases', async () => {
      const f = await glamdal(t, 0);
      const { submissionId, opened } = await submitDirectly(t, f);
      expect(opened).toBe(0);
      expect(await t.app.get(KommuneCaseService).forSubmission(t.db.manager, submissionId)).toBeNull();
      const body = (await f.leader.get(`/api/projects/${f.projectId}/phases/forstudie/gate/kommune-cases`).expect(200)).body;
      expect(body).toMatchObject({ cases: [], summary: { total: 0 }, continuing: null });
      const res = await f.regionraad
        .put(`/api/projects/${f.projectId}/phases/forstudie/gate/kommune-deadline`)
        .send({ deadline: todayInOslo() })
        .expect(404);
      expect(res.body.code).toBe('KOMMUNE_CASE_NOT_FOUND');
    });

    it('opens no cases for the last gate', async () => {
      const f = await glamdal(t, 100_000);
      const opened = await t.db.transaction(async (tx) => {
        const [phase] = await tx.query(`SELECT id FROM project_phase WHERE project_id = $1 AND phase_key = 'hovedprosjekt'`, [f.projectId]);
        const [s] = await tx.query(`INSERT INTO gate_submission (phase_id, readiness) VALUES ($1, '{}') RETURNING id`, [phase.id]);
        return t.app
          .get(KommuneCaseService)
          .openCases(tx, { submissionId: s.id, projectId: f.projectId, nextPhaseId: null, deadline: todayInOslo() });
      });
      expect(opened).toBe(0);
    });
  });
});
