import { docxText, flat, pdfText } from '../src/documents/document-text';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

interface Phase {
  key: string;
  state: string;
  plannedStart: string | null;
  plannedEnd: string | null;
}
interface HistoryEvent {
  action: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The plan's schedule: each sub-goal's start and end quarter, the approved plan's period as the next
 * phase's planned dates (set in the decision's transaction, in the history), and the default hourly rate
 * of own work served with the plan.
 */
describe('plan schedule, period and own-work rate', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Not the default (500), so the test sees the setting served, not a constant.
    t = await createTestApp({ ownWorkHourlyRate: 650 });
  });
  afterAll(() => t.close());

  const planUrl = (f: ProjectFixture, phase: string) => `/api/projects/${f.projectId}/phases/${phase}/plan`;
  const getPlan = async (f: ProjectFixture, phase: string) => (await f.leader.get(planUrl(f, phase)).expect(200)).body;
  const patchPlan = async (f: ProjectFixture, phase: string, content: object, status = 200) => {
    const plan = await getPlan(f, phase);
    return f.leader.patch(planUrl(f, phase)).send({ version: plan.version, content }).expect(status);
  };
  const phaseOf = async (f: ProjectFixture, key: string): Promise<Phase> =>
    (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body.phases.find((p: Phase) => p.key === key);
  const history = async (f: ProjectFixture): Promise<HistoryEvent[]> =>
    (await f.leader.get(`/api/projects/${f.projectId}/history`).expect(200)).body;

  /** Readies the forstudie (which writes the forprosjekt's plan in full), lets `plan` change that plan, then approves. */
  async function approveForstudie(f: ProjectFixture, content: object): Promise<void> {
    await makePhaseReady(f, 'forstudie');
    await patchPlan(f, 'forprosjekt', content);
    const s = await submitPhase(f, 'forstudie');
    await f.regionraad.post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`).send(decision(s)).expect(200);
  }

  describe('sub-goal quarters', () => {
    let f: ProjectFixture;
    beforeAll(async () => {
      f = await newProjectFixture(t);
    });

    it('saves a start and end quarter per sub-goal, and keeps sub-goals without them valid', async () => {
      const goals = [
        { title: 'Felles næringsplan', activities: ['Kartlegge behov'], start: '2027-Q1' },
        { title: 'Vertskapstjenester', activities: [], start: '2027-Q3', end: '2029-Q2' },
        { title: 'Uten tidsplan', activities: ['Som før'] },
      ];
      const saved = (await patchPlan(f, 'forstudie', { goals: { sub_goals: goals } })).body;
      expect(saved.content.goals.sub_goals).toEqual(goals);
    });

    it('refuses what is not a quarter, or an end before the start, naming the field and the sub-goal', async () => {
      for (const [goal, message] of [
        [{ title: 'x', activities: [], start: '2027-Q5' }, /sub-goal 1 has "2027-Q5"/],
        [{ title: 'x', activities: [], start: '1999-Q1' }, /year 2000–2100/],
        [{ title: 'x', activities: [], end: '3. kv. 2027' }, /end as a quarter like 2027-Q3/],
        [{ title: 'x', activities: [], start: '2028-Q1', end: '2027-Q4' }, /sub-goal 1 starts 2028-Q1 and ends 2027-Q4/],
      ] as const) {
        const refused = await patchPlan(f, 'forstudie', { goals: { sub_goals: [goal] } }, 400);
        expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'content.goals.sub_goals' }] });
        expect(refused.body.errors[0].messages[0]).toMatch(message);
      }
      // Nothing of the refused saves was kept.
      expect((await getPlan(f, 'forstudie')).content.goals.sub_goals).toHaveLength(3);
    });

    it('shows the quarters in the plan document, PDF and DOCX ("Fra 3. kv. 2027", "Frå", "From Q3 2027")', async () => {
      const read = async (format: 'pdf' | 'docx', lang: 'nb' | 'nn' | 'en') => {
        const res = await f.leader
          .get(`${planUrl(f, 'forstudie')}/document?format=${format}&lang=${lang}`)
          .buffer(true)
          .parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          })
          .expect(200);
        return flat(format === 'pdf' ? pdfText(res.body as Buffer) : docxText(res.body as Buffer));
      };
      expect(await read('pdf', 'nb')).toContain('Fra 3. kv. 2027 til 2. kv. 2029');
      expect(await read('pdf', 'nn')).toContain('Frå 1. kv. 2027');
      expect(await read('pdf', 'en')).toContain('From Q3 2027 to Q2 2029');
      expect(await read('docx', 'nb')).toContain('Fra 1. kv. 2027');
    });
  });

  describe('the approved plan sets the next phase’s planned dates', () => {
    it('from the dates its period states, in the decision, with the history saying so', async () => {
      const f = await newProjectFixture(t);
      expect(await phaseOf(f, 'forprosjekt')).toMatchObject({ plannedStart: null, plannedEnd: null });
      await approveForstudie(f, { frame: { period: '01.03.2027–30.11.2027 (9 måneder)' } });
      expect(await phaseOf(f, 'forprosjekt')).toMatchObject({ state: 'in_progress', plannedStart: '2027-03-01', plannedEnd: '2027-11-30' });
      // The forstudie's own dates stay.
      expect(await phaseOf(f, 'forstudie')).toMatchObject({ plannedStart: '2026-01-01', plannedEnd: '2026-09-30' });
      const events = await history(f);
      const planned = events.find((e) => e.action === 'phase.planned' && e.entityId === 'forprosjekt');
      expect(planned).toMatchObject({
        before: { plannedStart: null, plannedEnd: null },
        after: { plannedStart: '2027-03-01', plannedEnd: '2027-11-30', periodFrom: 'period' },
      });
      const approved = events.find((e) => e.action === 'plan.approved' && e.entityId === 'forprosjekt');
      expect(planned?.after?.approvedPlanVersion).toBe(approved?.after?.number);
    });

    it('else from the span of its sub-goals’ quarters', async () => {
      const f = await newProjectFixture(t);
      await approveForstudie(f, {
        frame: { period: 'Ett år fra vedtak' },
        goals: {
          sub_goals: [
            { title: 'Tjenestene', activities: [], start: '2027-Q2', end: '2027-Q4' },
            { title: 'Kompetanse', activities: [], start: '2027-Q3', end: '2028-Q1' },
          ],
        },
      });
      expect(await phaseOf(f, 'forprosjekt')).toMatchObject({ plannedStart: '2027-04-01', plannedEnd: '2028-03-31' });
      expect((await history(f)).find((e) => e.action === 'phase.planned')?.after).toMatchObject({ periodFrom: 'subgoals' });
    });

    it('leaves the dates alone when the plan states no usable period', async () => {
      const f = await newProjectFixture(t);
      await approveForstudie(f, { frame: { period: 'dd.mm.2027 – dd.mm.2028, 12 måneder' } });
      expect(await phaseOf(f, 'forprosjekt')).toMatchObject({ state: 'in_progress', plannedStart: null, plannedEnd: null });
      expect((await history(f)).some((e) => e.action === 'phase.planned')).toBe(false);
    });

    it('changes nothing when the decision sends the package back', async () => {
      const f = await newProjectFixture(t);
      await makePhaseReady(f, 'forstudie');
      await patchPlan(f, 'forprosjekt', { frame: { period: '01.03.2027–30.11.2027' } });
      const s = await submitPhase(f, 'forstudie');
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`)
        .send(
          decision(s, 'sent_back', {
            decisionText: 'Budsjettet må gjøres om.',
            reopen: { deliverableIds: [], planSections: [], budget: true },
          }),
        )
        .expect(200);
      expect(await phaseOf(f, 'forprosjekt')).toMatchObject({ plannedStart: null, plannedEnd: null });
    });
  });

  describe('the default hourly rate of own work', () => {
    it('is served with the plan, to everyone who may read it, from the setting', async () => {
      const f = await newProjectFixture(t);
      expect((await getPlan(f, 'forstudie')).ownWorkHourlyRate).toBe(650);
      expect((await f.adviser.get(planUrl(f, 'forprosjekt')).expect(200)).body.ownWorkHourlyRate).toBe(650);
    });
  });
});
