import { phaseSpec, todayInOslo } from '@nvr/shared';
import { completePlan, decision, makePhaseReady, newProjectFixture, ProjectFixture, saveBalancedBudget, submitPhase } from './support/plp';
import { samplePdf } from './support/sample-files';
import { createTestApp, TestApp } from './support/test-app';

interface ReadinessItem {
  kind: string;
  key: string;
  status: string;
  params?: Record<string, unknown>;
}
interface Deliverable {
  id: string;
  key: string | null;
  title: string;
  state: string;
  version: number;
  required: boolean;
}

/** One gate package: the deliverables, the next phase's plan as written, its budget; decided once. */
describe('Gate package', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const gateUrl = (f: ProjectFixture, phase: string) => `/api/projects/${f.projectId}/phases/${phase}/gate`;
  const gate = async (f: ProjectFixture, phase = 'forstudie') => (await f.leader.get(gateUrl(f, phase)).expect(200)).body;
  const deliverables = async (f: ProjectFixture, phase = 0): Promise<Deliverable[]> =>
    (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body.phases[phase].deliverables;
  const item = (items: ReadinessItem[], kind: string, key?: string) => items.find((i) => i.kind === kind && (!key || i.key === key));

  /** Drafts with text for every required deliverable of the forstudie (none submitted or accepted), the checkpoints ticked. */
  async function draftsOnly(f: ProjectFixture): Promise<void> {
    for (const d of (await deliverables(f)).filter((x) => x.required && x.key !== 'plan_forprosjekt')) {
      await f.leader
        .patch(`/api/projects/${f.projectId}/deliverables/${d.id}`)
        .send({ content: `Utkast: ${d.title}`, version: d.version })
        .expect(200);
    }
    await saveBalancedBudget(f, 'forprosjekt');
    for (const c of phaseSpec('forstudie').checkpoints) {
      await f.leader
        .put(`${gateUrl(f, 'forstudie')}/checkpoints/${c.key}`)
        .send({ checked: true })
        .expect(200);
    }
  }

  describe('readiness', () => {
    it('counts the plan’s completeness in the editor and lets non-empty drafts go in with the package', async () => {
      const f = await newProjectFixture(t);
      let g = await gate(f);
      // Empty drafts and an unwritten plan are missing.
      expect(item(g.readiness.items, 'deliverable', 'recommendation')).toMatchObject({ status: 'missing', params: { state: 'draft' } });
      const planLine = item(g.readiness.items, 'next_phase_plan');
      expect(planLine).toMatchObject({ status: 'missing', key: 'plan_forprosjekt' });
      expect(planLine?.params?.missing).toBeGreaterThan(0);
      expect(planLine?.params?.missing).toBe(planLine?.params?.total);

      await draftsOnly(f);
      const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`).expect(200)).body;
      const withRequired = plan.template.sections.find((x: { fields: { required: boolean }[] }) => x.fields.some((y) => y.required)).key;
      await completePlan(f, 'forprosjekt', [withRequired]);
      g = await gate(f);
      expect(item(g.readiness.items, 'deliverable', 'recommendation')).toMatchObject({ status: 'ok', params: { state: 'draft' } });
      expect(item(g.readiness.items, 'next_phase_plan')?.status).toBe('missing');
      expect(g.readiness.ready).toBe(false);
      // The plan deliverable is the plan: its own text box does not matter, the editor does.
      const planDeliverable = (await deliverables(f)).find((d) => d.key === 'plan_forprosjekt') as Deliverable;
      const refused = await f.leader.post(`/api/projects/${f.projectId}/deliverables/${planDeliverable.id}/submit`).expect(422);
      expect(refused.body).toMatchObject({
        code: 'PLAN_INCOMPLETE',
        message: expect.stringMatching(/\d+ of \d+ required fields are empty/),
      });
      const submitRefused = await f.leader
        .post(`${gateUrl(f, 'forstudie')}/submission`)
        .send({})
        .expect(422);
      expect(submitRefused.body).toMatchObject({ code: 'GATE_NOT_READY', message: expect.stringContaining('plan_forprosjekt') });

      await completePlan(f, 'forprosjekt');
      g = await gate(f);
      expect(item(g.readiness.items, 'next_phase_plan')).toMatchObject({ status: 'ok', params: { missing: 0 } });
      expect(g.readiness.ready).toBe(true);
      expect(g.permissions.submit).toBe(true);
    });

    it('lets the plan deliverable be submitted with an empty text box once the plan is complete', async () => {
      const f = await newProjectFixture(t);
      await completePlan(f, 'forprosjekt');
      const d = (await deliverables(f)).find((x) => x.key === 'plan_forprosjekt') as Deliverable;
      const res = await f.leader.post(`/api/projects/${f.projectId}/deliverables/${d.id}/submit`).expect(200);
      expect(res.body).toMatchObject({ state: 'submitted', content: '' });
    });
  });

  describe('submission', () => {
    it('submits the drafts, freezes the plan as the submitted version, stores the package and drafts the proposed decision', async () => {
      const f = await newProjectFixture(t);
      await draftsOnly(f);
      await completePlan(f, 'forprosjekt');
      const past = await f.leader
        .post(`${gateUrl(f, 'forstudie')}/submission`)
        .send({ kommuneDeadline: todayInOslo() })
        .expect(400);
      expect(past.body.errors[0].field).toBe('kommuneDeadline');
      const g = (
        await f.leader
          .post(`${gateUrl(f, 'forstudie')}/submission`)
          .send({ note: 'Klar' })
          .expect(200)
      ).body;
      expect(g.phaseState).toBe('awaiting_decision');
      const ds = await deliverables(f);
      expect(ds.filter((d) => d.required).map((d) => d.state)).toEqual(ds.filter((d) => d.required).map(() => 'submitted'));

      const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`).expect(200)).body;
      expect(plan.snapshots[0]).toMatchObject({ number: 1, reason: 'submitted' });
      expect(plan.editable).toBe(false);
      const pkg = g.submissions[0].package;
      expect(pkg.plan).toMatchObject({ snapshotNumber: 1, missing: 0, version: plan.version });
      expect(pkg.budget).toEqual({ costs: 400000, financing: 400000 });
      expect(pkg.deliverables).toHaveLength(ds.length);
      expect(pkg.deliverables.find((d: Deliverable) => d.key === 'recommendation')).toMatchObject({ state: 'submitted' });
      expect(g.proposedDecision).toMatch(
        /godkjenner sluttrapporten for forstudien og vedtar oppstart av forprosjekt i tråd med prosjektplanen, med en kostnadsramme på 400\s000\skr\. Kommunenes andel fordeles etter vedtatt fordelingsnøkkel\./,
      );
      expect(g.submissions[0].proposedDecision).toBe(g.proposedDecision);
      expect(g.caseRoute.length).toBeGreaterThan(0);
      expect(g.kommuneCases?.cases).toHaveLength(2);

      // The secretariat edits the proposed decision; an adviser may not, nor the leader once it is submitted.
      const text = 'Regionrådet godkjenner sluttrapporten og vedtar oppstart av forprosjektet.';
      await f.adviser
        .put(`${gateUrl(f, 'forstudie')}/proposed-decision`)
        .send({ submissionId: g.pendingSubmissionId, text })
        .expect(403);
      expect(g.permissions.editProposedDecision).toBe(false);
      await f.leader
        .put(`${gateUrl(f, 'forstudie')}/proposed-decision`)
        .send({ submissionId: g.pendingSubmissionId, text })
        .expect(403);
      const edited = (
        await f.regionraad
          .put(`${gateUrl(f, 'forstudie')}/proposed-decision`)
          .send({ submissionId: g.pendingSubmissionId, text })
          .expect(200)
      ).body;
      expect(edited.proposedDecision).toBe(text);
      const history = (await f.leader.get(`/api/projects/${f.projectId}/history`)).body.map((h: { action: string }) => h.action);
      expect(history).toEqual(expect.arrayContaining(['gate.submitted', 'deliverable.submitted', 'gate.proposed_decision_set']));

      // Approving the package accepts what is in it, in one decision.
      const decided = (
        await f.regionraad
          .post(`${gateUrl(f, 'forstudie')}/decision`)
          .send(decision(g.pendingSubmissionId))
          .expect(200)
      ).body;
      expect(decided.submissions[0].decision).toMatchObject({ outcome: 'approved', bodyName: expect.any(String), reopened: null });
      expect((await deliverables(f)).filter((d) => d.required).every((d) => d.state === 'accepted')).toBe(true);
    });
  });

  describe('deciding', () => {
    it('says what state the phase is in when it is not at its gate', async () => {
      const f = await newProjectFixture(t);
      const someId = '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b';
      const notStarted = await f.regionraad
        .post(`${gateUrl(f, 'forprosjekt')}/decision`)
        .send(decision(someId))
        .expect(409);
      expect(notStarted.body).toMatchObject({ code: 'PHASE_NOT_AT_GATE', message: expect.stringContaining('forprosjekt has not started') });
      const inProgress = await f.regionraad
        .post(`${gateUrl(f, 'forstudie')}/decision`)
        .send(decision(someId))
        .expect(409);
      expect(inProgress.body.code).toBe('GATE_NOT_SUBMITTED');
      await makePhaseReady(f, 'forstudie');
      await submitPhase(f, 'forstudie');
      const unknown = await f.regionraad
        .post(`${gateUrl(f, 'forstudie')}/decision`)
        .send(decision(someId))
        .expect(404);
      expect(unknown.body.code).toBe('SUBMISSION_NOT_FOUND');
    });

    it('sends back two items: the named deliverable is returned with the decision text, the rest stays locked, resubmission shows what changed', async () => {
      const f = await newProjectFixture(t);
      // The package goes in as drafts: they are submitted with it.
      await draftsOnly(f);
      await completePlan(f, 'forprosjekt');
      const s1 = await submitPhase(f, 'forstudie');
      const ds = await deliverables(f);
      const recommendation = ds.find((d) => d.key === 'recommendation') as Deliverable;
      const report = ds.find((d) => d.key === 'final_report_forstudie') as Deliverable;
      const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`).expect(200)).body;
      const section = plan.template.sections[0].key as string;
      const text = 'Sendes tilbake: anbefalingen må konkretiseres, og målene i planen må tallfestes.';
      const url = `${gateUrl(f, 'forstudie')}/decision`;

      const other = (await newProjectFixture(t)).projectId;
      const foreign = (
        await t.db.query(`SELECT d.id FROM deliverable d JOIN project_phase p ON p.id = d.phase_id WHERE p.project_id = $1 LIMIT 1`, [
          other,
        ])
      )[0].id;
      const badId = await f.regionraad
        .post(url)
        .send(decision(s1, 'sent_back', { decisionText: text, reopen: { deliverableIds: [foreign], planSections: [], budget: false } }))
        .expect(400);
      expect(badId.body.errors[0].field).toBe('reopen.deliverableIds');
      const badSection = await f.regionraad
        .post(url)
        .send(
          decision(s1, 'sent_back', {
            decisionText: text,
            reopen: { deliverableIds: [], planSections: ['no_such_section'], budget: false },
          }),
        )
        .expect(400);
      expect(badSection.body.errors[0].field).toBe('reopen.planSections');

      const g = (
        await f.regionraad
          .post(url)
          .send(
            decision(s1, 'sent_back', {
              decisionText: text,
              reopen: { deliverableIds: [recommendation.id], planSections: [section], budget: false },
            }),
          )
          .expect(200)
      ).body;
      expect(g.phaseState).toBe('in_progress');
      expect(g.submissions[0].decision.reopened).toEqual({ deliverableIds: [recommendation.id], planSections: [section], budget: false });
      expect(item(g.readiness.items, 'deliverable', 'recommendation')).toMatchObject({ status: 'missing', params: { state: 'returned' } });
      expect(g.readiness.ready).toBe(false);

      const returned = (await f.leader.get(`/api/projects/${f.projectId}/deliverables/${recommendation.id}`).expect(200)).body;
      expect(returned).toMatchObject({ state: 'returned', reviewComment: text, editable: true });
      const locked = (await f.leader.get(`/api/projects/${f.projectId}/deliverables/${report.id}`).expect(200)).body;
      expect(locked).toMatchObject({ state: 'submitted', editable: false });
      const withdraw = await f.leader.post(`/api/projects/${f.projectId}/deliverables/${report.id}/withdraw`).expect(409);
      expect(withdraw.body.message).toContain('went to the owner with the gate package');
      await f.leader
        .patch(`/api/projects/${f.projectId}/deliverables/${report.id}`)
        .send({ content: 'Endret', version: locked.version })
        .expect(409);
      const actions = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body.nextActions;
      expect(actions[0]).toMatchObject({ kind: 'revise_deliverable', deliverableId: recommendation.id });

      // The leader revises both items and submits again.
      await f.leader
        .patch(`/api/projects/${f.projectId}/deliverables/${recommendation.id}`)
        .send({ content: 'Konkret anbefaling med tre tiltak.', version: returned.version })
        .expect(200);
      await f.leader.post(`/api/projects/${f.projectId}/deliverables/${recommendation.id}/submit`).expect(200);
      const fresh = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`).expect(200)).body;
      const field = fresh.template.sections[0].fields.find((x: { kind: string }) => x.kind === 'text' || x.kind === 'longtext');
      await f.leader
        .patch(`/api/projects/${f.projectId}/phases/forprosjekt/plan`)
        .send({ version: fresh.version, content: { [section]: { [field.key]: 'Tallfestede mål: 20 bedrifter.' } } })
        .expect(200);
      // Naming a plan section returned the plan deliverable: the gate waits until the plan is submitted again.
      const planDeliverable = (await deliverables(f)).find((d) => d.key === 'plan_forprosjekt') as Deliverable;
      expect(planDeliverable.state).toBe('returned');
      expect(item((await gate(f)).readiness.items, 'next_phase_plan')).toMatchObject({ status: 'missing', params: { state: 'returned' } });
      await f.leader
        .post(`${gateUrl(f, 'forstudie')}/submission`)
        .send({})
        .expect(422);
      await f.leader.post(`/api/projects/${f.projectId}/deliverables/${planDeliverable.id}/submit`).expect(200);
      const again = (
        await f.leader
          .post(`${gateUrl(f, 'forstudie')}/submission`)
          .send({})
          .expect(200)
      ).body;
      expect(again.changesSinceLast).toEqual(
        expect.arrayContaining([
          { kind: 'deliverable', id: recommendation.id, title: recommendation.title },
          { kind: 'plan', id: 'plan', title: 'plan' },
        ]),
      );
      expect(again.changesSinceLast.find((c: { id: string }) => c.id === report.id)).toBeUndefined();
      expect(again.submissions).toHaveLength(2);
    });
  });

  describe('conditions', () => {
    it('follows up two conditions in the next phase: its gate waits until one is met and one waived by the owner', async () => {
      const f = await newProjectFixture(t);
      await makePhaseReady(f, 'forstudie');
      const s = await submitPhase(f, 'forstudie');
      const url = `${gateUrl(f, 'forstudie')}/decision`;
      const owner = await t.factories.newUser({ name: 'Ola Oppfølger', roles: [{ role: 'adviser', regionId: f.region.id }] });
      const items = [
        { text: 'Fylkeskommunen bekrefter medfinansieringen.', ownerUserId: owner.id, dueDate: '2027-03-01' },
        { text: 'Styringsgruppen utvides med næringslivet.' },
      ];
      const badOwner = await f.regionraad
        .post(url)
        .send(
          decision(s, 'approved_with_conditions', { conditionItems: [{ text: 'X', ownerUserId: '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b' }] }),
        )
        .expect(400);
      expect(badOwner.body.errors[0].field).toBe('conditionItems[0].ownerUserId');
      const decided = (
        await f.regionraad
          .post(url)
          .send(decision(s, 'approved_with_conditions', { conditionItems: items }))
          .expect(200)
      ).body;
      expect(decided.submissions[0].decision).toMatchObject({
        outcome: 'approved_with_conditions',
        conditions: expect.stringContaining('Fylkeskommunen bekrefter'),
        conditionItems: [
          { text: items[0].text, ownerUserId: owner.id, dueDate: '2027-03-01' },
          { text: items[1].text, ownerUserId: null, dueDate: null },
        ],
      });
      expect(decided.conditions.map((c: { phaseKey: string }) => c.phaseKey)).toEqual(['forprosjekt', 'forprosjekt']);

      const next = `${gateUrl(f, 'forprosjekt')}`;
      let g = await gate(f, 'forprosjekt');
      expect(g.conditions).toHaveLength(2);
      const [c1, c2] = g.conditions;
      expect(c1).toMatchObject({ state: 'open', ownerName: 'Ola Oppfølger', decidedInPhase: 'forstudie', phaseKey: 'forprosjekt' });
      expect(g.readiness.items.filter((i: ReadinessItem) => i.kind === 'condition').map((i: ReadinessItem) => i.key)).toEqual([
        c1.id,
        c2.id,
      ]);
      expect(g.permissions).toMatchObject({ resolveConditions: true, waiveConditions: false });

      await makePhaseReady(f, 'forprosjekt');
      g = await gate(f, 'forprosjekt');
      expect(g.readiness.ready).toBe(false);
      expect((await f.leader.post(`${next}/submission`).send({}).expect(422)).body.code).toBe('GATE_NOT_READY');

      // Met needs evidence; the leader cannot waive; the owner can.
      const noEvidence = await f.leader.put(`${next}/conditions/${c1.id}`).send({ state: 'met', version: c1.version }).expect(422);
      expect(noEvidence.body.code).toBe('CONDITION_NEEDS_EVIDENCE');
      await f.leader.put(`${next}/conditions/${c2.id}`).send({ state: 'waived', note: 'Trengs ikke', version: c2.version }).expect(403);
      await f.adviser.put(`${next}/conditions/${c1.id}`).send({ state: 'met', note: 'x', version: c1.version }).expect(403);
      g = (
        await f.leader
          .put(`${next}/conditions/${c1.id}`)
          .send({ state: 'met', note: 'Bekreftet i brev 12. januar.', version: c1.version })
          .expect(200)
      ).body;
      expect(g.conditions[0]).toMatchObject({
        state: 'met',
        resolutionNote: 'Bekreftet i brev 12. januar.',
        resolvedBy: 'Pia Prosjektleder',
      });
      expect(g.readiness.ready).toBe(false);
      await f.regionraad.put(`${next}/conditions/${c2.id}`).send({ state: 'waived', version: c2.version }).expect(400);
      const withFile = (
        await f.leader
          .post(`${next}/conditions/${c2.id}/file`)
          .attach('file', await samplePdf('Referat'), 'Referat.pdf')
          .expect(200)
      ).body;
      expect(withFile.conditions[1].file).toMatchObject({ filename: 'Referat.pdf' });
      await f.leader.get(`${next}/conditions/${c2.id}/file`).expect(200);
      g = (
        await f.regionraad
          .put(`${next}/conditions/${c2.id}`)
          .send({ state: 'waived', note: 'Løses i hovedprosjektet.', version: withFile.conditions[1].version })
          .expect(200)
      ).body;
      expect(g.conditions.map((c: { state: string }) => c.state)).toEqual(['met', 'waived']);
      expect(g.readiness.ready).toBe(true);
      // Stale versions conflict.
      await f.regionraad.put(`${next}/conditions/${c2.id}`).send({ state: 'open', version: c2.version }).expect(409);
      const history = (await f.leader.get(`/api/projects/${f.projectId}/history`)).body.map((h: { action: string }) => h.action);
      expect(history).toEqual(expect.arrayContaining(['gate.condition_met', 'gate.condition_waived', 'gate.condition_file_added']));

      // The decided gate shows its own conditions too.
      expect((await gate(f, 'forstudie')).conditions).toHaveLength(2);

      // Other regions do not see them; other projects’ gates do not know them.
      const otherRaad = await t.as([{ role: 'regionraad', regionId: (await t.factories.newRegion()).id }]);
      await otherRaad.get(next).expect(404);
      await otherRaad.put(`${next}/conditions/${c1.id}`).send({ state: 'open', version: 2 }).expect(404);
      const g2 = await newProjectFixture(t);
      const elsewhere = await g2.regionraad
        .put(`${gateUrl(g2, 'forstudie')}/conditions/${c1.id}`)
        .send({ state: 'open', version: 2 })
        .expect(404);
      expect(elsewhere.body.code).toBe('CONDITION_NOT_FOUND');
      await f.regionraad
        .put(`${gateUrl(f, 'hovedprosjekt')}/conditions/${c1.id}`)
        .send({ state: 'open', version: 2 })
        .expect(404);
    });

    it('splits the conditions text into items when no items are given', async () => {
      const f = await newProjectFixture(t);
      await makePhaseReady(f, 'forstudie');
      const s = await submitPhase(f, 'forstudie');
      const g = (
        await f.regionraad
          .post(`${gateUrl(f, 'forstudie')}/decision`)
          .send(decision(s, 'approved_with_conditions', { conditions: '1. Første vilkår\n2. Andre vilkår\n' }))
          .expect(200)
      ).body;
      expect(g.conditions.map((c: { text: string }) => c.text)).toEqual(['Første vilkår', 'Andre vilkår']);
    });
  });
});
