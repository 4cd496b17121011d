import { addDays, type PhaseKey, todayInOslo } from '@nvr/shared';
import { CaseRouteService } from '../src/case-route/case-route.service';
import { GateNotifier } from '../src/notifications/gate-notifier';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { samplePdf } from './support/sample-files';
import { createTestApp, Session, TestApp } from './support/test-app';

interface Body {
  id?: string;
  name: string;
  kind: string;
  isOwner: boolean;
  decidesGates: PhaseKey[];
}

const THREE: Body[] = [
  { name: 'Styringsgruppen', kind: 'styringsgruppe', isOwner: false, decidesGates: [] },
  { name: 'Rådmannsgruppen', kind: 'radmannsgruppe', isOwner: false, decidesGates: [] },
  { name: 'Glåmdal regionråd', kind: 'regionrad', isOwner: true, decidesGates: [] },
];

/**
 * Puts a phase at its gate the way a submission does, without the gate's own submit: a submission row,
 * the phase awaiting its decision, and the case opened on the region's route by CaseRouteService.openCase.
 */
async function submitDirectly(t: TestApp, f: ProjectFixture, phaseKey: PhaseKey = 'forstudie'): Promise<string> {
  const routes = t.app.get(CaseRouteService);
  return t.db.transaction(async (tx) => {
    const [phase] = await tx.query(`SELECT id FROM project_phase WHERE project_id = $1 AND phase_key = $2`, [f.projectId, phaseKey]);
    await tx.query(
      `UPDATE project_phase SET state = 'awaiting_decision', actual_start = coalesce(actual_start, current_date) WHERE id = $1`,
      [phase.id],
    );
    const [s] = await tx.query(
      `INSERT INTO gate_submission (phase_id, submitted_by, readiness) VALUES ($1, $2, '{"ready": true, "items": []}') RETURNING id`,
      [phase.id, f.leader.userId],
    );
    await routes.openCase(tx, { submissionId: s.id, regionId: f.region.id, phaseKey });
    return s.id as string;
  });
}

describe('case route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('a region’s route', () => {
    let f: ProjectFixture;
    let url: string;
    const read = async (s: Session = f.regionraad) => (await s.get(url).expect(200)).body;
    beforeAll(async () => {
      f = await newProjectFixture(t, 'Ruteregionen');
      url = `/api/regions/${f.region.id}/case-route`;
    });

    it('starts empty: no bodies, no deciders, the regionråd holds every case', async () => {
      const route = await read();
      expect(route).toMatchObject({
        regionId: f.region.id,
        councilName: 'Testregionrådet',
        bodies: [],
        deciders: { forstudie: null, forprosjekt: null, hovedprosjekt: null },
        permissions: { edit: true },
      });
      expect(typeof route.version).toBe('string');
      expect((await read(f.adviser)).permissions).toEqual({ edit: false });
    });

    it('saves three bodies in order with the owner, and a delegated gate', async () => {
      const { version } = await read();
      const bodies = THREE.map((b, i) => (i === 1 ? { ...b, decidesGates: ['forprosjekt'] } : b));
      const saved = (await f.regionraad.put(url).send({ version, bodies }).expect(200)).body;
      expect(saved.bodies.map((b: { name: string; position: number; isOwner: boolean }) => [b.name, b.position, b.isOwner])).toEqual([
        ['Styringsgruppen', 0, false],
        ['Rådmannsgruppen', 1, false],
        ['Glåmdal regionråd', 2, true],
      ]);
      expect(saved.deciders).toEqual({ forstudie: null, forprosjekt: saved.bodies[1].id, hovedprosjekt: null });
      expect(saved.bodies[1].decidesGates).toEqual(['forprosjekt']);
      expect(saved.version).not.toBe(version);
      expect(await read(f.adviser)).toMatchObject({ bodies: saved.bodies, version: saved.version });
    });

    it('refuses a stale version (409 VERSION_CONFLICT)', async () => {
      const route = await read();
      await f.regionraad
        .put(url)
        .send({ version: route.version, bodies: route.bodies.map(asInput) })
        .expect(200);
      const res = await f.regionraad
        .put(url)
        .send({ version: 'stale', bodies: route.bodies.map(asInput) })
        .expect(409);
      expect(res.body.code).toBe('VERSION_CONFLICT');
    });

    it('refuses names that differ only in case, two owners, a gate decided twice, unknown ids and kinds (400 naming the field)', async () => {
      const { version, bodies } = await read();
      const input = bodies.map(asInput);
      const fieldsOf = async (b: unknown[]) => {
        const res = await f.regionraad.put(url).send({ version, bodies: b }).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        return res.body.errors.map((e: { field: string }) => e.field);
      };
      expect(await fieldsOf([...input, { name: 'RÅDMANNSGRUPPEN', kind: 'annet', isOwner: false, decidesGates: [] }])).toEqual([
        'bodies[3].name',
      ]);
      expect(await fieldsOf(input.map((b: Body) => ({ ...b, isOwner: true })))).toEqual(['bodies[1].isOwner', 'bodies[2].isOwner']);
      expect(await fieldsOf(input.map((b: Body, i: number) => (i === 0 ? { ...b, decidesGates: ['forprosjekt'] } : b)))).toEqual([
        'bodies[1].decidesGates',
      ]);
      expect(await fieldsOf([{ ...input[0], id: f.projectId }])).toEqual(['bodies[0].id']);
      expect(await fieldsOf([{ ...input[0], kind: 'kommunestyre' }])).toEqual(['bodies[0].kind']);
      expect(await fieldsOf([{ ...input[0], decidesGates: ['gate'] }])).toEqual(['bodies[0].decidesGates']);
      expect(await fieldsOf([{ ...input[0], name: '  ' }])).toEqual(['bodies[0].name']);
      const thirteen = Array.from({ length: 13 }, (_, i) => ({ name: `Organ ${i}`, kind: 'annet', isOwner: i === 0, decidesGates: [] }));
      expect(await fieldsOf(thirteen)).toEqual(['bodies']);
      expect((await read()).version).toBe(version);
    });

    it('refuses bodies without an owner (422 CASE_ROUTE_NO_OWNER), but takes an empty route', async () => {
      const { version, bodies } = await read();
      const res = await f.regionraad
        .put(url)
        .send({ version, bodies: bodies.map((b: Body) => ({ ...asInput(b), isOwner: false })) })
        .expect(422);
      expect(res.body.code).toBe('CASE_ROUTE_NO_OWNER');
      const empty = (await f.regionraad.put(url).send({ version, bodies: [] }).expect(200)).body;
      expect(empty).toMatchObject({ bodies: [], deciders: { forprosjekt: null } });
      await f.regionraad.put(url).send({ version: empty.version, bodies: THREE }).expect(200);
    });

    it('reorders, renames (even swapping names), hands over ownership and removes bodies in one save', async () => {
      const { version, bodies } = await read();
      const [styr, radm, rr] = bodies.map(asInput);
      const next = [
        { ...radm, name: 'Styringsgruppen', isOwner: true },
        { ...styr, name: 'Rådmannsgruppen', isOwner: false },
        { name: 'Arbeidsutvalget', kind: 'arbeidsutvalg', isOwner: false, decidesGates: ['hovedprosjekt'] },
      ];
      const saved = (await f.regionraad.put(url).send({ version, bodies: next }).expect(200)).body;
      expect(saved.bodies.map((b: Body) => [b.id ?? 'new', b.name, b.isOwner])).toEqual([
        [radm.id, 'Styringsgruppen', true],
        [styr.id, 'Rådmannsgruppen', false],
        [expect.any(String), 'Arbeidsutvalget', false],
      ]);
      expect(saved.bodies.some((b: Body) => b.id === rr.id)).toBe(false);
      expect(saved.deciders).toEqual({ forstudie: null, forprosjekt: null, hovedprosjekt: saved.bodies[2].id });
      await f.regionraad.put(url).send({ version: saved.version, bodies: THREE }).expect(200);
    });

    it('is read by anyone in the region, changed only by its regionråd or an admin; other regions get 404', async () => {
      const { version } = await read();
      const contact = await t.as([{ role: 'kommune_contact', regionId: f.region.id }]);
      await contact.get(url).expect(200);
      expect((await f.adviser.put(url).send({ version, bodies: THREE }).expect(403)).body.code).toBe('FORBIDDEN');
      await contact.put(url).send({ version, bodies: THREE }).expect(403);
      await f.leader.put(url).send({ version, bodies: THREE }).expect(403);
      const other = await newProjectFixture(t, 'Naboregionen');
      expect((await other.regionraad.get(url).expect(404)).body.code).toBe('REGION_NOT_FOUND');
      expect((await other.regionraad.put(url).send({ version, bodies: THREE }).expect(404)).body.code).toBe('REGION_NOT_FOUND');
      const admin = await t.as([{ role: 'admin' }]);
      await admin
        .put(url)
        .send({ version, bodies: THREE.slice(0, 3) })
        .expect(200);
    });
  });

  describe('a gate’s case through three bodies', () => {
    let f: ProjectFixture;
    let submissionId: string;
    let steps: { id: string; bodyName: string; decides: boolean; current: boolean }[];
    let notified: jest.SpyInstance;
    const stepsUrl = () => `/api/projects/${f.projectId}/phases/forstudie/gate/steps`;
    const handling = (extra: Record<string, unknown> = {}) => ({
      meetingDate: todayInOslo(),
      caseNumber: '4/27',
      recommendedOutcome: 'approved',
      recommendation: 'Styringsgruppen anbefaler at forstudien godkjennes.',
      ...extra,
    });

    beforeAll(async () => {
      f = await newProjectFixture(t, 'Glåmdal');
      const url = `/api/regions/${f.region.id}/case-route`;
      const { version } = (await f.regionraad.get(url).expect(200)).body;
      await f.regionraad
        .put(url)
        .send({ version, bodies: THREE.map((b, i) => (i === 1 ? { ...b, decidesGates: ['forprosjekt'] } : b)) })
        .expect(200);
      submissionId = await submitDirectly(t, f);
      notified = jest.spyOn(t.app.get(GateNotifier), 'caseAtBody');
    });
    afterAll(() => notified?.mockRestore());

    it('opens one step per body up to the owner, the first holding the case', async () => {
      steps = (await f.adviser.get(stepsUrl()).expect(200)).body;
      expect(steps.map((s) => [s.bodyName, s.decides, s.current])).toEqual([
        ['Styringsgruppen', false, true],
        ['Rådmannsgruppen', false, false],
        ['Glåmdal regionråd', true, false],
      ]);
      expect(steps[0]).toMatchObject({ meetingDate: null, handledAt: null, minutesFile: null, bodyKind: 'styringsgruppe' });
    });

    it('refuses to handle a later body first, or the deciding body at all (409)', async () => {
      const out = await f.regionraad.post(`${stepsUrl()}/${steps[1].id}`).send(handling()).expect(409);
      expect(out.body).toMatchObject({ code: 'CASE_STEP_OUT_OF_ORDER', message: expect.stringContaining('Styringsgruppen') });
      const decides = await f.regionraad.post(`${stepsUrl()}/${steps[2].id}`).send(handling()).expect(409);
      expect(decides.body).toMatchObject({ code: 'CASE_STEP_DECIDES', message: expect.stringContaining('record the decision') });
    });

    it('refuses a meeting in the future (422) or before the submission, a bad outcome (400), and people who do not decide (403)', async () => {
      const future = await f.regionraad
        .post(`${stepsUrl()}/${steps[0].id}`)
        .send(handling({ meetingDate: '2999-01-01' }))
        .expect(422);
      expect(future.body.code).toBe('INVALID_PERIOD');
      const early = await f.regionraad
        .post(`${stepsUrl()}/${steps[0].id}`)
        .send(handling({ meetingDate: '2020-01-01' }))
        .expect(422);
      expect(early.body.message).toContain('before the forstudie was submitted');
      const bad = await f.regionraad
        .post(`${stepsUrl()}/${steps[0].id}`)
        .send(handling({ recommendedOutcome: 'maybe', caseNumber: '' }))
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['caseNumber', 'recommendedOutcome']);
      await f.adviser.post(`${stepsUrl()}/${steps[0].id}`).send(handling()).expect(403);
      await f.leader.post(`${stepsUrl()}/${steps[0].id}`).send(handling()).expect(403);
    });

    it('records the bodies in order; the case moves on and the next body is told', async () => {
      const routes = t.app.get(CaseRouteService);
      const afterFirst = (await f.regionraad.post(`${stepsUrl()}/${steps[0].id}`).send(handling()).expect(200)).body;
      expect(afterFirst.map((s: { current: boolean }) => s.current)).toEqual([false, true, false]);
      expect(afterFirst[0]).toMatchObject({
        meetingDate: todayInOslo(),
        caseNumber: '4/27',
        recommendedOutcome: 'approved',
        recommendation: 'Styringsgruppen anbefaler at forstudien godkjennes.',
        handledBy: expect.any(String),
        handledAt: expect.any(String),
      });
      expect(notified).toHaveBeenLastCalledWith(
        expect.anything(),
        expect.objectContaining({ projectId: f.projectId, phaseKey: 'forstudie', submissionId }),
        { stepId: steps[1].id, bodyName: 'Rådmannsgruppen' },
      );
      const again = await f.regionraad.post(`${stepsUrl()}/${steps[0].id}`).send(handling()).expect(409);
      expect(again.body.code).toBe('CASE_STEP_ALREADY_HANDLED');

      // The decision waits for the rådmannsgruppe.
      await expect(t.db.transaction((tx) => routes.decidingStep(tx, submissionId))).rejects.toMatchObject({
        code: 'CASE_NOT_AT_DECIDING_BODY',
        message: 'The case is at Rådmannsgruppen; record its handling before the decision.',
      });

      const afterSecond = (
        await f.regionraad.post(`${stepsUrl()}/${steps[1].id}`).send({ meetingDate: todayInOslo(), caseNumber: '9/27' }).expect(200)
      ).body;
      expect(afterSecond.map((s: { current: boolean }) => s.current)).toEqual([false, false, true]);
      expect(afterSecond[1]).toMatchObject({ recommendedOutcome: null, recommendation: null, caseNumber: '9/27' });
      expect(notified).toHaveBeenLastCalledWith(expect.anything(), expect.anything(), {
        stepId: steps[2].id,
        bodyName: 'Glåmdal regionråd',
      });

      const history = (await f.regionraad.get(`/api/projects/${f.projectId}/history`).expect(200)).body;
      expect(
        history
          .filter((h: { action: string }) => h.action === 'gate.step_handled')
          .map((h: { after: { bodyName: string } }) => h.after.bodyName),
      ).toEqual(['Rådmannsgruppen', 'Styringsgruppen']);
    });

    it('hands the deciding step to the gate decision, which marks it handled', async () => {
      const routes = t.app.get(CaseRouteService);
      const deciding = await t.db.transaction((tx) => routes.decidingStep(tx, submissionId));
      expect(deciding).toEqual({ id: steps[2].id, bodyName: 'Glåmdal regionråd' });
      const early = t.db.transaction((tx) =>
        routes.markDecided(tx, deciding.id, { meetingDate: addDays(todayInOslo(), -1), caseNumber: '12/27' }, f.regionraad.userId),
      );
      await expect(early).rejects.toMatchObject({
        code: 'INVALID_PERIOD',
        message: expect.stringContaining('before Rådmannsgruppen handled'),
      });
      await t.db.transaction((tx) =>
        routes.markDecided(tx, deciding.id, { meetingDate: todayInOslo(), caseNumber: '12/27' }, f.regionraad.userId),
      );
      const done = await routes.steps(t.db.manager, submissionId);
      expect(done[2]).toMatchObject({ meetingDate: todayInOslo(), caseNumber: '12/27', current: false, handledAt: expect.any(String) });
      expect(done.some((s) => s.current)).toBe(false);
      await expect(t.db.transaction((tx) => routes.decidingStep(tx, submissionId))).rejects.toMatchObject({ code: 'GATE_ALREADY_DECIDED' });
    });

    it('keeps each body’s minutes (PDF or DOCX), readable by the project', async () => {
      const pdf = await samplePdf('Protokoll styringsgruppen');
      const res = await f.regionraad
        .post(`${stepsUrl()}/${steps[0].id}/minutes`)
        .attach('file', pdf, { filename: 'Protokoll styringsgruppen.pdf', contentType: 'application/pdf' })
        .expect(200);
      expect(res.body[0].minutesFile).toMatchObject({ filename: 'Protokoll styringsgruppen.pdf', contentType: 'application/pdf' });
      const file = await f.adviser.get(`${stepsUrl()}/${steps[0].id}/minutes`).expect(200);
      expect(Buffer.compare(file.body, pdf)).toBe(0);
      await f.regionraad.post(`${stepsUrl()}/${steps[0].id}/minutes`).attach('file', Buffer.from('not a pdf'), 'x.pdf').expect(422);
      await f.adviser.post(`${stepsUrl()}/${steps[0].id}/minutes`).attach('file', pdf, 'x.pdf').expect(403);
      expect((await f.adviser.get(`${stepsUrl()}/${steps[1].id}/minutes`).expect(404)).body.code).toBe('FILE_NOT_FOUND');
    });

    it('answers 404 CASE_STEP_NOT_FOUND for a step of another phase or project, and 404 for another region', async () => {
      const other = await newProjectFixture(t, 'Andre Glåmdal');
      const step = steps[0].id;
      const wrongPhase = await f.regionraad.post(`/api/projects/${f.projectId}/phases/forprosjekt/gate/steps/${step}`).send(handling());
      expect(wrongPhase.status).toBe(404);
      expect(wrongPhase.body.code).toBe('CASE_STEP_NOT_FOUND');
      const otherProject = await other.regionraad
        .post(`/api/projects/${other.projectId}/phases/forstudie/gate/steps/${step}`)
        .send(handling());
      expect(otherProject.body.code).toBe('CASE_STEP_NOT_FOUND');
      await other.regionraad.post(`${stepsUrl()}/${step}`).send(handling()).expect(404);
      await other.regionraad.get(`${stepsUrl()}/${step}/minutes`).expect(404);
      await f.regionraad.post(`/api/projects/${f.projectId}/phases/nofase/gate/steps/${step}`).send(handling()).expect(404);
      await f.regionraad.post(`/api/projects/${f.projectId}/phases/forstudie/gate/steps/not-a-uuid`).send(handling()).expect(400);
    });

    it('opens a delegated gate’s case up to the body it was delegated to', async () => {
      const routes = t.app.get(CaseRouteService);
      const opened = await t.db.transaction(async (tx) => {
        const [phase] = await tx.query(`SELECT id FROM project_phase WHERE project_id = $1 AND phase_key = 'forprosjekt'`, [f.projectId]);
        const [s] = await tx.query(`INSERT INTO gate_submission (phase_id, readiness) VALUES ($1, '{}') RETURNING id`, [phase.id]);
        return routes.openCase(tx, { submissionId: s.id, regionId: f.region.id, phaseKey: 'forprosjekt' });
      });
      expect(opened.map((s) => [s.bodyName, s.decides])).toEqual([
        ['Styringsgruppen', false],
        ['Rådmannsgruppen', true],
      ]);
    });
  });

  describe('through the gate’s own submission and decision', () => {
    it('opens the case at submission, holds the decision until the bodies before have handled it, and closes it with the decision', async () => {
      const f = await newProjectFixture(t, 'Heile Glåmdal');
      const url = `/api/regions/${f.region.id}/case-route`;
      const { version } = (await f.regionraad.get(url).expect(200)).body;
      await f.regionraad.put(url).send({ version, bodies: THREE }).expect(200);
      await makePhaseReady(f, 'forstudie');
      const submissionId = await submitPhase(f, 'forstudie');
      const stepsUrl = `/api/projects/${f.projectId}/phases/forstudie/gate/steps`;
      const steps = (await f.regionraad.get(stepsUrl).expect(200)).body;
      expect(steps.map((s: { bodyName: string; current: boolean }) => [s.bodyName, s.current])).toEqual([
        ['Styringsgruppen', true],
        ['Rådmannsgruppen', false],
        ['Glåmdal regionråd', false],
      ]);
      const gateUrl = `/api/projects/${f.projectId}/phases/forstudie/gate`;
      const early = await f.regionraad.post(`${gateUrl}/decision`).send(decision(submissionId)).expect(409);
      expect(early.body).toMatchObject({ code: 'CASE_NOT_AT_DECIDING_BODY', message: expect.stringContaining('Styringsgruppen') });
      for (const step of steps.slice(0, 2)) {
        await f.regionraad
          .post(`${stepsUrl}/${step.id}`)
          .send({ meetingDate: todayInOslo(), caseNumber: '3/27', recommendedOutcome: 'approved' })
          .expect(200);
      }
      await f.regionraad.post(`${gateUrl}/decision`).send(decision(submissionId)).expect(200);
      const done = (await f.regionraad.get(stepsUrl).expect(200)).body;
      expect(done[2]).toMatchObject({ bodyName: 'Glåmdal regionråd', caseNumber: '12/26', handledAt: expect.any(String), current: false });
      const late = await f.regionraad
        .post(`${stepsUrl}/${steps[0].id}`)
        .send({ meetingDate: todayInOslo(), caseNumber: '3/27' })
        .expect(409);
      expect(late.body.code).toBe('GATE_NOT_AWAITING_DECISION');
    });
  });

  describe('a region without bodies', () => {
    it('sends the case to the regionråd alone, which decides', async () => {
      const f = await newProjectFixture(t, 'Enkelregionen');
      await submitDirectly(t, f);
      const steps = (await f.leader.get(`/api/projects/${f.projectId}/phases/forstudie/gate/steps`).expect(200)).body;
      expect(steps).toEqual([
        expect.objectContaining({ bodyId: null, bodyName: 'Testregionrådet', bodyKind: 'regionrad', decides: true, current: true }),
      ]);
      expect((await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/gate/steps`).expect(200)).body).toEqual([]);
    });

    it('keeps a running case’s steps when the region removes the body it stands at', async () => {
      const f = await newProjectFixture(t, 'Omorganiseringsregionen');
      const url = `/api/regions/${f.region.id}/case-route`;
      const { version } = (await f.regionraad.get(url).expect(200)).body;
      await f.regionraad.put(url).send({ version, bodies: THREE }).expect(200);
      await submitDirectly(t, f);
      const route = (await f.regionraad.get(url).expect(200)).body;
      await f.regionraad
        .put(url)
        .send({ version: route.version, bodies: [asInput(route.bodies[2])] })
        .expect(200);
      const steps = (await f.leader.get(`/api/projects/${f.projectId}/phases/forstudie/gate/steps`).expect(200)).body;
      expect(steps.map((s: { bodyName: string; bodyId: string | null }) => [s.bodyName, s.bodyId === null])).toEqual([
        ['Styringsgruppen', true],
        ['Rådmannsgruppen', true],
        ['Glåmdal regionråd', false],
      ]);
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/forstudie/gate/steps/${steps[0].id}`)
        .send({ meetingDate: todayInOslo(), caseNumber: '1/27' })
        .expect(200);
    });
  });
});

function asInput(b: Body & { position?: number }): Body {
  return { id: b.id, name: b.name, kind: b.kind, isOwner: b.isOwner, decidesGates: b.decidesGates };
}
