import { addDays, todayInOslo } from '@nvr/shared';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { samplePdf } from './support/sample-files';
import { createTestApp, TestApp } from './support/test-app';

interface Deliverable {
  id: string;
  key: string | null;
  state: string;
  reviewComment: string | null;
}
interface ReadinessItem {
  kind: string;
  key: string;
  status: string;
  params?: Record<string, unknown>;
}
interface Condition {
  id: string;
  state: string;
  version: number;
}
interface KommuneCase {
  id: string;
  version: number;
}

/** The rules around the decision: who may act, what a decision must name, what may change while it waits. */
describe('Gate rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const gateUrl = (f: ProjectFixture, phase = 'forstudie') => `/api/projects/${f.projectId}/phases/${phase}/gate`;
  const gate = async (f: ProjectFixture, phase = 'forstudie') => (await f.leader.get(gateUrl(f, phase)).expect(200)).body;
  const project = async (f: ProjectFixture) => (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
  const deliverables = async (f: ProjectFixture, phase = 0): Promise<Deliverable[]> => (await project(f)).phases[phase].deliverables;

  async function submitted(): Promise<{ f: ProjectFixture; s: string }> {
    const f = await newProjectFixture(t);
    await makePhaseReady(f, 'forstudie');
    return { f, s: await submitPhase(f, 'forstudie') };
  }

  /** Approves the forstudie with two conditions, the first owned by `ownerUserId`; answers the forprosjekt's conditions. */
  async function withConditions(f: ProjectFixture, s: string, ownerUserId: string | null): Promise<Condition[]> {
    await f.regionraad
      .post(`${gateUrl(f)}/decision`)
      .send(
        decision(s, 'approved_with_conditions', {
          conditionItems: [{ text: 'Fylkeskommunen bekrefter medfinansieringen.', ownerUserId }, { text: 'Styringsgruppen utvides.' }],
        }),
      )
      .expect(200);
    return (await gate(f, 'forprosjekt')).conditions;
  }

  describe('condition owners', () => {
    it('accepts only someone who can act on the project as owner, and lets the owner mark their own condition met', async () => {
      const { f, s } = await submitted();
      const url = `${gateUrl(f)}/decision`;
      const elsewhere = await t.factories.newUser({ roles: [{ role: 'adviser', regionId: (await t.factories.newRegion()).id }] });
      const noRoles = await t.factories.newUser({});
      for (const ownerUserId of [elsewhere.id, noRoles.id]) {
        const refused = await f.regionraad
          .post(url)
          .send(decision(s, 'approved_with_conditions', { conditionItems: [{ text: 'OK' }, { text: 'X', ownerUserId }] }))
          .expect(400);
        expect(refused.body.errors[0].field).toBe('conditionItems[1].ownerUserId');
      }
      const ownerUser = await t.factories.newUser({ name: 'Åse Rådgiver', roles: [{ role: 'adviser', regionId: f.region.id }] });
      const [c1, c2] = await withConditions(f, s, ownerUser.id);
      const owner = await t.signIn(ownerUser.email);

      // The owner (an adviser: no edit) sees the action and may mark their own condition met, not the other one.
      const seen = (await owner.get(gateUrl(f, 'forprosjekt')).expect(200)).body;
      expect(seen.permissions.resolveConditions).toBe(true);
      expect((await f.adviser.get(gateUrl(f, 'forprosjekt')).expect(200)).body.permissions.resolveConditions).toBe(false);
      await owner
        .put(`${gateUrl(f, 'forprosjekt')}/conditions/${c2.id}`)
        .send({ state: 'met', note: 'x', version: c2.version })
        .expect(403);
      await f.adviser
        .put(`${gateUrl(f, 'forprosjekt')}/conditions/${c1.id}`)
        .send({ state: 'met', note: 'x', version: c1.version })
        .expect(403);
      const met = (
        await owner
          .put(`${gateUrl(f, 'forprosjekt')}/conditions/${c1.id}`)
          .send({ state: 'met', note: 'Brev fra fylkeskommunen 3. mars.', version: c1.version })
          .expect(200)
      ).body;
      expect(met.conditions[0]).toMatchObject({ state: 'met', resolvedBy: 'Åse Rådgiver' });
    });
  });

  describe('the proposed decision', () => {
    it('is the secretariat’s once submitted: the leader may not rewrite it', async () => {
      const { f } = await submitted();
      const g = await gate(f);
      expect(g.permissions.editProposedDecision).toBe(false);
      const refused = await f.leader
        .put(`${gateUrl(f)}/proposed-decision`)
        .send({ submissionId: g.pendingSubmissionId, text: 'Regionrådet godkjenner alt.' })
        .expect(403);
      expect(refused.body.message).toContain('secretariat');
      expect((await f.regionraad.get(gateUrl(f)).expect(200)).body.permissions.editProposedDecision).toBe(true);
    });
  });

  describe('the kommuner while the gate waits', () => {
    it('refuses a change of the participating kommuner (409 PHASE_AWAITING_DECISION) but not other project changes', async () => {
      const { f } = await submitted();
      let p = await project(f);
      const refused = await f.regionraad
        .patch(`/api/projects/${f.projectId}`)
        .send({ kommuneIds: [f.kommuner[0].id], version: p.version })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'PHASE_AWAITING_DECISION', message: expect.stringContaining('forstudie is waiting') });
      // The same kommuner (in another order) with a new name is fine.
      p = (
        await f.regionraad
          .patch(`/api/projects/${f.projectId}`)
          .send({ name: 'Nytt navn', kommuneIds: [f.kommuner[1].id, f.kommuner[0].id], version: p.version })
          .expect(200)
      ).body;
      expect(p.name).toBe('Nytt navn');
      expect(p.kommuner).toHaveLength(2);
    });
  });

  describe('sending back', () => {
    it('requires naming what must be redone, and returns the plan deliverable when the plan or budget is named', async () => {
      const { f, s } = await submitted();
      const url = `${gateUrl(f)}/decision`;
      const text = 'Budsjettet må omarbeides.';
      for (const reopen of [undefined, { deliverableIds: [], planSections: [], budget: false }]) {
        const refused = await f.regionraad
          .post(url)
          .send(decision(s, 'sent_back', { decisionText: text, ...(reopen ? { reopen } : {}) }))
          .expect(400);
        expect(refused.body.errors[0]).toMatchObject({ field: 'reopen', messages: [expect.stringContaining('Name what must be redone')] });
      }
      const g = (
        await f.regionraad
          .post(url)
          .send(decision(s, 'sent_back', { decisionText: text, reopen: { deliverableIds: [], planSections: [], budget: true } }))
          .expect(200)
      ).body;
      expect(g.phaseState).toBe('in_progress');
      expect(g.readiness.ready).toBe(false);
      expect(g.readiness.items.find((i: ReadinessItem) => i.kind === 'next_phase_plan')).toMatchObject({
        status: 'missing',
        params: { state: 'returned' },
      });
      const plan = (await deliverables(f)).find((d) => d.key === 'plan_forprosjekt') as Deliverable;
      const returned = (await f.leader.get(`/api/projects/${f.projectId}/deliverables/${plan.id}`).expect(200)).body;
      expect(returned).toMatchObject({ state: 'returned', reviewComment: text });
      // Only the plan went back; the rest stays submitted.
      expect((await deliverables(f)).filter((d) => d.state === 'returned').map((d) => d.id)).toEqual([plan.id]);
      expect(
        (
          await f.leader
            .post(`${gateUrl(f)}/submission`)
            .send({})
            .expect(422)
        ).body.code,
      ).toBe('GATE_NOT_READY');
      // Submitting the plan again (it is complete) makes the gate ready.
      await f.leader.post(`/api/projects/${f.projectId}/deliverables/${plan.id}/submit`).expect(200);
      expect((await gate(f)).readiness.ready).toBe(true);
      expect((await f.regionraad.get(gateUrl(f)).expect(200)).body.permissions.recordKommune).toBe(false);
    });
  });

  describe('the decision', () => {
    it('refuses a meeting before the submission (422 naming meetingDate) and conditions text on a plain approval (400)', async () => {
      const { f, s } = await submitted();
      // The forstudie began long ago, so only the submission date stands in the way.
      await t.db.query(`UPDATE project_phase SET actual_start = '2026-01-05' WHERE project_id = $1 AND phase_key = 'forstudie'`, [
        f.projectId,
      ]);
      const early = await f.regionraad
        .post(`${gateUrl(f)}/decision`)
        .send(decision(s, 'approved', { meetingDate: addDays(todayInOslo(), -1) }))
        .expect(422);
      expect(early.body).toMatchObject({ code: 'INVALID_PERIOD', errors: [{ field: 'meetingDate' }] });
      expect(early.body.message).toContain('before the forstudie was submitted');
      const withText = await f.regionraad
        .post(`${gateUrl(f)}/decision`)
        .send(decision(s, 'approved', { conditions: 'Et vilkår' }))
        .expect(400);
      expect(withText.body.errors[0].field).toBe('conditions');
      // An empty conditions text is no condition.
      await f.regionraad
        .post(`${gateUrl(f)}/decision`)
        .send(decision(s, 'approved', { conditions: null }))
        .expect(200);
    });

    it('refuses approval when every kommunestyre said no (409 ALL_KOMMUNER_SAID_NO); stopping is still possible', async () => {
      const { f, s } = await submitted();
      const g = await f.regionraad.get(gateUrl(f)).expect(200);
      expect(g.body.permissions.recordKommune).toBe(true);
      const cases: KommuneCase[] = g.body.kommuneCases.cases;
      expect(cases).toHaveLength(2);
      for (const c of cases) {
        await f.regionraad
          .put(`${gateUrl(f)}/kommune-cases/${c.id}`)
          .send({ outcome: 'no', meetingDate: todayInOslo(), caseNumber: '1/27', decisionText: 'Nei.', version: c.version })
          .expect(200);
      }
      for (const outcome of ['approved', 'approved_with_conditions']) {
        const refused = await f.regionraad
          .post(`${gateUrl(f)}/decision`)
          .send(decision(s, outcome, outcome === 'approved' ? {} : { conditionItems: [{ text: 'X' }] }))
          .expect(409);
        expect(refused.body).toMatchObject({
          code: 'ALL_KOMMUNER_SAID_NO',
          message: expect.stringContaining('All 2 kommunestyrer said no'),
        });
      }
      await f.regionraad
        .post(`${gateUrl(f)}/decision`)
        .send(decision(s, 'stopped', { decisionText: 'Prosjektet avsluttes.' }))
        .expect(200);
      expect((await project(f)).status).toBe('stopped');
    });

    it('keeps kommune recording open after an approval while the project runs', async () => {
      const { f, s } = await submitted();
      await f.regionraad
        .post(`${gateUrl(f)}/decision`)
        .send(decision(s))
        .expect(200);
      expect((await f.regionraad.get(gateUrl(f)).expect(200)).body.permissions.recordKommune).toBe(true);
      expect((await f.leader.get(gateUrl(f)).expect(200)).body.permissions.recordKommune).toBe(false);
    });

    it('refuses conditions at the last gate (422 CONDITIONS_ON_LAST_GATE)', async () => {
      const { f, s } = await submitted();
      await f.regionraad
        .post(`${gateUrl(f)}/decision`)
        .send(decision(s))
        .expect(200);
      await makePhaseReady(f, 'forprosjekt');
      const s2 = await submitPhase(f, 'forprosjekt');
      await f.regionraad
        .post(`${gateUrl(f, 'forprosjekt')}/decision`)
        .send(decision(s2))
        .expect(200);
      await makePhaseReady(f, 'hovedprosjekt');
      const s3 = await submitPhase(f, 'hovedprosjekt');
      const refused = await f.regionraad
        .post(`${gateUrl(f, 'hovedprosjekt')}/decision`)
        .send(decision(s3, 'approved_with_conditions', { conditionItems: [{ text: 'Sluttrapporten sendes fylket.' }] }))
        .expect(422);
      expect(refused.body).toMatchObject({
        code: 'CONDITIONS_ON_LAST_GATE',
        message: expect.stringContaining('Approve without conditions'),
      });
      await f.regionraad
        .post(`${gateUrl(f, 'hovedprosjekt')}/decision`)
        .send(decision(s3))
        .expect(200);
      expect((await project(f)).status).toBe('completed');
    });
  });

  describe('conditions once followed up', () => {
    it('refuses met on a waived condition, and any change once the next gate is submitted (409 CONDITION_CLOSED)', async () => {
      const { f, s } = await submitted();
      const [c1, c2] = await withConditions(f, s, null);
      const next = gateUrl(f, 'forprosjekt');
      const waived = (
        await f.regionraad
          .put(`${next}/conditions/${c2.id}`)
          .send({ state: 'waived', note: 'Ikke nødvendig.', version: c2.version })
          .expect(200)
      ).body.conditions[1] as Condition;
      const metWaived = await f.leader
        .put(`${next}/conditions/${c2.id}`)
        .send({ state: 'met', note: 'Gjort likevel.', version: waived.version })
        .expect(409);
      expect(metWaived.body).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('waived') });
      const met = (
        await f.leader.put(`${next}/conditions/${c1.id}`).send({ state: 'met', note: 'Bekreftet.', version: c1.version }).expect(200)
      ).body.conditions[0] as Condition;

      await makePhaseReady(f, 'forprosjekt');
      await submitPhase(f, 'forprosjekt');
      const g = await gate(f, 'forprosjekt');
      expect(g.permissions.resolveConditions).toBe(false);
      const reopened = await f.regionraad.put(`${next}/conditions/${c1.id}`).send({ state: 'open', version: met.version }).expect(409);
      expect(reopened.body).toMatchObject({ code: 'CONDITION_CLOSED', message: expect.stringContaining('submitted to its gate') });
      const file = await f.leader
        .post(`${next}/conditions/${c1.id}/file`)
        .attach('file', await samplePdf('Bevis'), 'Bevis.pdf')
        .expect(409);
      expect(file.body.code).toBe('CONDITION_CLOSED');
    });

    it('refuses condition changes once the project is stopped', async () => {
      const { f, s } = await submitted();
      const [c1] = await withConditions(f, s, null);
      await t.db.query(`UPDATE project SET status = 'stopped' WHERE id = $1`, [f.projectId]);
      const refused = await f.leader
        .put(`${gateUrl(f, 'forprosjekt')}/conditions/${c1.id}`)
        .send({ state: 'met', note: 'x', version: c1.version })
        .expect(409);
      expect(refused.body.message).toContain('conditions are closed');
    });
  });
});
