import { todayInOslo } from '@nvr/shared';
import type { Response } from 'supertest';
import { AuthChangeListener } from '../src/auth/auth-change-listener';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

/**
 * How many SQL statements the hot requests run, each against a budget (issue #13). The count is the
 * X-Statement-Count header (common/request-context.ts): every statement the request sent, START
 * TRANSACTION and COMMIT included. Counts are deterministic, so this is no timed test; a change that
 * adds statements to one of these requests fails here, and one that removes some can lower its budget.
 *
 * Sessions are cached as in production (SESSION_CACHE_SECONDS), and each session has made a request
 * before it is measured, so the counts are those of a signed-in person's next request.
 */
const BUDGET = {
  // The gate as shown: the gate with the newest submission's case steps and kommune cases (gate.service.ts, one
  // statement). The guard knows the project's region from the project's earlier requests (ProjectScopeCache).
  gateGet: 1,
  // A decision (gate-decision.service.ts): START TRANSACTION, the project locked, the state
  // read with who is told (their names and languages), the decision written with all it changes, the
  // notifications, the history, COMMIT; then the gate as shown.
  decisionApprovedWithConditions: 8,
  // The same; what the others would pay when one kommune said no is read with the gate as shown.
  decisionApprovedKommuneLeaves: 8,
  decisionSentBack: 8,
  decisionStopped: 8,
  // A submission, once per phase: the checks, the route, the kommune cases, the notifications, and (9 of them)
  // the saksframlegg's inputs read and kept for the archive (documents/case-data-keeper.ts).
  submission: 45,
  // The project (project-queries.ts loadProject: every part as a JSON column of one statement).
  projectGet: 1,
  portfolioFirstPage: 1,
  inbox: 1,
};

const counted = (res: Response): number => {
  const value = res.headers['x-statement-count'];
  if (typeof value !== 'string') throw new Error(`No X-Statement-Count header on ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  return Number(value);
};

describe('statement budget of the hot requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ sessionCacheSeconds: 60 });
  });
  afterAll(() => t.close());

  const gateUrl = (f: ProjectFixture, phase = 'forstudie') => `/api/projects/${f.projectId}/phases/${phase}/gate`;

  /** The sessions have heard every role change so far and are cached. */
  async function settle(f: ProjectFixture): Promise<void> {
    await t.app.get(AuthChangeListener).sync();
    for (const s of [f.regionraad, f.leader, f.adviser]) await s.get('/api/auth/me').expect(200);
  }

  async function submitted(): Promise<{ f: ProjectFixture; s: string }> {
    const f = await newProjectFixture(t);
    await makePhaseReady(f, 'forstudie');
    const s = await submitPhase(f, 'forstudie');
    await settle(f);
    return { f, s };
  }

  /** Named, so that a failure says which request went over its budget, and by how much. */
  function within(what: keyof typeof BUDGET, res: Response): void {
    const n = counted(res);
    expect({ [what]: n <= BUDGET[what] ? 'within budget' : `${n} statements, over the budget of ${BUDGET[what]}` }).toEqual({
      [what]: 'within budget',
    });
  }

  it('a gate read, and the approval with conditions', async () => {
    const { f, s } = await submitted();
    within('gateGet', await f.regionraad.get(gateUrl(f)).expect(200));
    const res = await f.regionraad
      .post(`${gateUrl(f)}/decision`)
      .send(
        decision(s, 'approved_with_conditions', {
          conditionItems: [
            { text: 'Fylkeskommunen bekrefter medfinansieringen.', ownerUserId: f.leader.userId, dueDate: todayInOslo() },
            { text: 'Styringsgruppen utvides.' },
          ],
        }),
      )
      .expect(200);
    expect(res.body.phaseState).toBe('completed');
    within('decisionApprovedWithConditions', res);
  });

  it('an approval after one kommunestyre said no: the kommune leaves', async () => {
    const { f, s } = await submitted();
    const cases = (await f.regionraad.get(gateUrl(f)).expect(200)).body.kommuneCases.cases;
    expect(cases).toHaveLength(2);
    await f.regionraad
      .put(`${gateUrl(f)}/kommune-cases/${cases[0].id}`)
      .send({ outcome: 'no', meetingDate: todayInOslo(), caseNumber: '6/27', decisionText: 'Nei takk.', version: cases[0].version })
      .expect(200);
    const res = await f.regionraad
      .post(`${gateUrl(f)}/decision`)
      .send(decision(s))
      .expect(200);
    expect(res.body.phaseState).toBe('completed');
    within('decisionApprovedKommuneLeaves', res);
  });

  it('a send-back that reopens a deliverable and a section of the plan', async () => {
    const { f, s } = await submitted();
    const deliverable = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body.phases[0].deliverables.find(
      (d: { state: string }) => d.state === 'accepted' || d.state === 'submitted',
    );
    const res = await f.regionraad
      .post(`${gateUrl(f)}/decision`)
      .send(
        decision(s, 'sent_back', {
          decisionText: 'Anbefalingen og målene må gjøres om.',
          reopen: { deliverableIds: [deliverable.id], planSections: ['goals'], budget: false },
        }),
      )
      .expect(200);
    expect(res.body.phaseState).toBe('in_progress');
    within('decisionSentBack', res);
  });

  it('a stop', async () => {
    const { f, s } = await submitted();
    const res = await f.regionraad
      .post(`${gateUrl(f)}/decision`)
      .send(decision(s, 'stopped', { decisionText: 'Regionrådet avslutter prosjektet.' }))
      .expect(200);
    expect(res.body.phaseState).toBe('stopped');
    within('decisionStopped', res);
  });

  it('a submission, the project page, the portfolio’s first page and the inbox', async () => {
    const f = await newProjectFixture(t);
    await makePhaseReady(f, 'forstudie');
    await settle(f);
    within(
      'submission',
      await f.leader
        .post(`${gateUrl(f)}/submission`)
        .send({ note: 'Klar til behandling' })
        .expect(200),
    );
    within('projectGet', await f.leader.get(`/api/projects/${f.projectId}`).expect(200));
    within('portfolioFirstPage', await f.adviser.get('/api/portfolio').expect(200));
    within('inbox', await f.regionraad.get('/api/inbox').expect(200));
  });
});
