import { todayInOslo } from '@nvr/shared';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { seedDemoData } from '../src/database/seed/seed';
import { createTestApp, Session, TestApp } from './support/test-app';

interface Step {
  id: string;
  bodyName: string;
  decides: boolean;
  current: boolean;
  meetingDate: string | null;
}
interface KommuneCase {
  id: string;
  kommuneName: string;
  share: number;
  outcome: string;
  version: number;
}
interface Deliverable {
  id: string;
  key: string | null;
  state: string;
  version: number;
}

/**
 * The whole case route of issue 11, on the demo data as a secretariat meets it: Næringsvennlig Glåmdal's
 * forstudie has passed Styringsgruppen and Rådmannsgruppen and lies with Glåmdal regionråd, six of seven
 * kommunestyrer have decided (Grue said no). The regionråd sends it back to redo two items; the leader
 * revises and resubmits; the case goes through all three bodies and seven kommunestyrer again; the
 * regionråd approves with two conditions, which hold the forprosjekt's gate until one is met and the
 * other waived.
 */
describe('The decision gate as it really runs (demo: Næringsvennlig Glåmdal)', () => {
  let t: TestApp;
  let secretariat: Session;
  let contact: Session;
  let leader: Session;
  let adviser: Session;
  let projectId: string;
  const today = todayInOslo();
  const gateUrl = (phase = 'forstudie') => `/api/projects/${projectId}/phases/${phase}/gate`;
  const gate = async (who: Session = secretariat, phase = 'forstudie') => (await who.get(gateUrl(phase)).expect(200)).body;
  const deliverables = async (): Promise<Deliverable[]> =>
    (await leader.get(`/api/projects/${projectId}`).expect(200)).body.phases[0].deliverables;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoData(t.db);
    secretariat = await t.signIn('sekretariat.glamdal@demo.no', DEMO_PASSWORD);
    contact = await t.signIn('kontakt.glamdal@demo.no', DEMO_PASSWORD);
    leader = await t.signIn('prosjektleder@demo.no', DEMO_PASSWORD);
    adviser = await t.signIn('radgiver@demo.no', DEMO_PASSWORD);
    projectId = (await t.db.query(`SELECT id FROM project WHERE name = 'Næringsvennlig Glåmdal'`))[0].id;
  }, 120_000);
  afterAll(() => t.close());

  it('shows where the case is, who holds it, and the kommunestyrer: 6 of 7 decided, Grue said no', async () => {
    const g = await gate();
    expect(g.phaseState).toBe('awaiting_decision');
    expect(g.caseRoute.map((s: Step) => [s.bodyName, s.meetingDate !== null, s.current, s.decides])).toEqual([
      ['Styringsgruppen', true, false, false],
      ['Rådmannsgruppen', true, false, false],
      ['Glåmdal regionråd', false, true, true],
    ]);
    expect(g.kommuneCases.summary).toMatchObject({ total: 7, decided: 6, no: 1, pending: 1 });
    // The consequence of Grue's no: the same 400 000 kr shared among the six that go on.
    const continuing = g.kommuneCases.continuing as { kommuneName: string; before: number; after: number }[];
    expect(continuing.map((c) => c.kommuneName)).not.toContain('Grue');
    expect(continuing.reduce((s, c) => s + c.after, 0)).toBe(400000);
    expect(g.proposedDecision).toMatch(/Glåmdal regionråd godkjenner/);
    expect(g.permissions).toMatchObject({ decide: true, handleStep: true, recordKommune: true });
    // The secretariat's inbox has the case at its body; the adviser follows but may not act.
    const inbox = (await secretariat.get('/api/inbox').expect(200)).body;
    expect(JSON.stringify(inbox)).toContain('Glåmdal regionråd');
    expect((await gate(adviser)).permissions).toMatchObject({ decide: false, handleStep: false, recordKommune: false });
  });

  it('lets the kommune contact record Våler’s decision, and nobody else outside the secretariat', async () => {
    const valer = (await gate()).kommuneCases.cases.find((c: KommuneCase) => c.kommuneName === 'Våler') as KommuneCase;
    const body = { outcome: 'yes', meetingDate: today, caseNumber: '77/26', version: valer.version };
    await adviser.put(`${gateUrl()}/kommune-cases/${valer.id}`).send(body).expect(403);
    await leader.put(`${gateUrl()}/kommune-cases/${valer.id}`).send(body).expect(403);
    const res = await contact.put(`${gateUrl()}/kommune-cases/${valer.id}`).send(body).expect(200);
    expect(res.body.summary).toMatchObject({ total: 7, decided: 7, no: 1, pending: 0 });
  });

  let recommendationId: string;
  it('sends the forstudie back to redo the recommendation and the plan’s goals; only those reopen', async () => {
    const g = await gate();
    recommendationId = (await deliverables()).find((d) => d.key === 'recommendation')!.id;
    const text = 'Regionrådet ber om at anbefalingene begrunnes med kartleggingen, og at målene i planen konkretiseres.';
    await secretariat
      .post(`${gateUrl()}/decision`)
      .send({
        submissionId: g.pendingSubmissionId,
        outcome: 'sent_back',
        meetingDate: today,
        caseNumber: '40/26',
        decisionText: text,
        reopen: { deliverableIds: [recommendationId], planSections: ['goals'], budget: false },
      })
      .expect(200);
    const after = await deliverables();
    expect(after.find((d) => d.id === recommendationId)?.state).toBe('returned');
    // Naming a section of the plan returns the plan deliverable too: it must be submitted again.
    expect(after.find((d) => d.key === 'plan_forprosjekt')?.state).toBe('returned');
    const report = after.find((d) => d.key === 'final_report_forstudie')!;
    expect(report.state).toBe('submitted');
    await leader
      .patch(`/api/projects/${projectId}/deliverables/${report.id}`)
      .send({ content: 'Endret', version: report.version })
      .expect(409);
    const project = (await leader.get(`/api/projects/${projectId}`).expect(200)).body;
    expect(project.nextActions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'revise_deliverable', deliverableId: recommendationId, task: text }),
        expect.objectContaining({ kind: 'revise_plan', phaseKey: 'forprosjekt', key: 'goals', task: text }),
      ]),
    );
    // The leader is told.
    const notes = (await leader.get('/api/notifications').expect(200)).body;
    expect(JSON.stringify(notes)).toContain('gate_decided');
  });

  it('resubmits the revised package, which shows what changed since the last submission', async () => {
    const rec = (await deliverables()).find((d) => d.id === recommendationId)!;
    await leader
      .patch(`/api/projects/${projectId}/deliverables/${rec.id}`)
      .send({
        content: 'Anbefaling: felles næringsfond. Begrunnelse: 7 av 10 bedrifter i kartleggingen etterspør det.',
        version: rec.version,
      })
      .expect(200);
    // A returned item goes back in when the leader says it is done.
    await leader.post(`/api/projects/${projectId}/deliverables/${rec.id}/submit`).expect(200);
    const plan = (await leader.get(`/api/projects/${projectId}/phases/forprosjekt/plan`).expect(200)).body;
    await leader
      .patch(`/api/projects/${projectId}/phases/forprosjekt/plan`)
      .send({ version: plan.version, content: { goals: { main_goal: 'Etablere én felles førstelinje for næringsutvikling innen 2028.' } } })
      .expect(200);
    // The returned plan is not ready until the leader submits it again.
    expect((await leader.post(`${gateUrl()}/submission`).send({}).expect(422)).body.code).toBe('GATE_NOT_READY');
    const planDeliverable = (await deliverables()).find((d) => d.key === 'plan_forprosjekt')!;
    await leader.post(`/api/projects/${projectId}/deliverables/${planDeliverable.id}/submit`).expect(200);
    const g = (await leader.post(`${gateUrl()}/submission`).send({ note: 'Revidert etter vedtak 40/26.' }).expect(200)).body;
    expect(g.phaseState).toBe('awaiting_decision');
    expect(g.changesSinceLast.map((c: { kind: string; id: string }) => c.kind)).toEqual(expect.arrayContaining(['deliverable', 'plan']));
    expect(g.changesSinceLast.find((c: { kind: string; id: string }) => c.kind === 'deliverable').id).toBe(recommendationId);
    expect(g.caseRoute.map((s: Step) => [s.bodyName, s.current])).toEqual([
      ['Styringsgruppen', true],
      ['Rådmannsgruppen', false],
      ['Glåmdal regionråd', false],
    ]);
    // The budget was not reopened, so each kommunestyre's decision on its unchanged share stands.
    expect(g.kommuneCases.summary).toMatchObject({ total: 7, pending: 0, decided: 7 });
  });

  it('passes the bodies in order: out of order and early decisions are refused', async () => {
    const g = await gate();
    const [styring, radmann] = g.caseRoute as Step[];
    const handling = { meetingDate: today, caseNumber: '15/26', recommendedOutcome: 'approved_with_conditions', recommendation: 'Tilrås.' };
    expect((await secretariat.post(`${gateUrl()}/steps/${radmann.id}`).send(handling).expect(409)).body.code).toBe(
      'CASE_STEP_OUT_OF_ORDER',
    );
    const early = await secretariat
      .post(`${gateUrl()}/decision`)
      .send({
        submissionId: g.pendingSubmissionId,
        outcome: 'approved',
        meetingDate: today,
        caseNumber: '41/26',
        decisionText: 'Godkjent.',
      })
      .expect(409);
    expect(early.body.code).toBe('CASE_NOT_AT_DECIDING_BODY');
    await leader.post(`${gateUrl()}/steps/${styring.id}`).send(handling).expect(403);
    await secretariat.post(`${gateUrl()}/steps/${styring.id}`).send(handling).expect(200);
    await secretariat.post(`${gateUrl()}/steps/${radmann.id}`).send(handling).expect(200);
    expect((await gate()).caseRoute.find((s: Step) => s.current).bodyName).toBe('Glåmdal regionråd');
  });

  it('has the seven kommunestyrer’s decisions, Grue saying no (any still pending are recorded)', async () => {
    for (const c of ((await gate()).kommuneCases.cases as KommuneCase[]).filter((x) => x.outcome === 'pending')) {
      const no = c.kommuneName === 'Grue';
      await contact
        .put(`${gateUrl()}/kommune-cases/${c.id}`)
        .send({
          outcome: no ? 'no' : 'yes',
          meetingDate: today,
          caseNumber: `${c.kommuneName.length}/26`,
          ...(no ? { decisionText: 'Grue går ikke videre.' } : {}),
          version: c.version,
        })
        .expect(200);
    }
    const summary = (await gate()).kommuneCases.summary;
    expect(summary).toMatchObject({ total: 7, decided: 7, no: 1 });
    expect(summary.gap).toBeGreaterThan(0);
  });

  it('approves with two conditions: Grue leaves, the forprosjekt starts, and its gate waits for the conditions', async () => {
    const g = await gate();
    const leaderId = leader.userId;
    await secretariat
      .post(`${gateUrl()}/decision`)
      .send({
        submissionId: g.pendingSubmissionId,
        outcome: 'approved_with_conditions',
        meetingDate: today,
        caseNumber: '41/26',
        decisionText: 'Glåmdal regionråd godkjenner forstudien og vedtar oppstart av forprosjekt, med vilkår.',
        conditionItems: [
          { text: 'Fylkeskommunens tilsagn foreligger før oppstart av delmål 2.', ownerUserId: leaderId, dueDate: '2027-03-01' },
          { text: 'Finansieringen justeres for at Grue ikke deltar.', ownerUserId: leaderId, dueDate: '2027-02-01' },
        ],
      })
      .expect(200);
    const project = (await leader.get(`/api/projects/${projectId}`).expect(200)).body;
    expect(project.currentPhaseKey).toBe('forprosjekt');
    expect(project.kommuner.map((k: { name: string }) => k.name)).not.toContain('Grue');
    expect(project.kommuner).toHaveLength(6);
    const decided = await gate();
    expect(decided.submissions[0].decision).toMatchObject({ outcome: 'approved_with_conditions', bodyName: 'Glåmdal regionråd' });

    const next = await gate(leader, 'forprosjekt');
    const conditions = next.conditions as { id: string; state: string; version: number }[];
    expect(conditions).toHaveLength(2);
    expect(
      next.readiness.items.filter((i: { kind: string; status: string }) => i.kind === 'condition' && i.status === 'missing'),
    ).toHaveLength(2);
    // Met by the leader with a note; waiving is the owner's, not the leader's.
    await leader
      .put(`${gateUrl('forprosjekt')}/conditions/${conditions[0].id}`)
      .send({ state: 'met', note: 'Tilsagn mottatt 12.01.2027.', version: conditions[0].version })
      .expect(200);
    await leader
      .put(`${gateUrl('forprosjekt')}/conditions/${conditions[1].id}`)
      .send({ state: 'waived', note: 'Ikke aktuelt.', version: conditions[1].version })
      .expect(403);
    await secretariat
      .put(`${gateUrl('forprosjekt')}/conditions/${conditions[1].id}`)
      .send({ state: 'waived', note: 'Budsjettet er allerede justert.', version: conditions[1].version })
      .expect(200);
    const cleared = await gate(leader, 'forprosjekt');
    expect(cleared.readiness.items.filter((i: { kind: string; status: string }) => i.kind === 'condition' && i.status !== 'ok')).toEqual(
      [],
    );
    expect(cleared.conditions.map((c: { state: string }) => c.state).sort()).toEqual(['met', 'waived']);
  });
});
