import { todayInOslo } from '@nvr/shared';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { sampleDocx, samplePdf } from './support/sample-files';
import { createTestApp, TestApp } from './support/test-app';

const phaseStates = (p: { phases: { key: string; state: string }[] }) => Object.fromEntries(p.phases.map((ph) => [ph.key, ph.state]));

describe('PLP journey', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('starting a project', () => {
    let f: ProjectFixture;
    beforeAll(async () => {
      f = await newProjectFixture(t, 'Startregionen');
    });

    it('creates three phases from the catalogue, with the forstudie in progress and its deliverables', async () => {
      const p = (await f.regionraad.get(`/api/projects/${f.projectId}`).expect(200)).body;
      expect(p).toMatchObject({
        regionName: 'Startregionen',
        status: 'active',
        currentPhaseKey: 'forstudie',
        currentPhaseState: 'in_progress',
        leader: { name: 'Pia Prosjektleder' },
      });
      expect(phaseStates(p)).toEqual({ forstudie: 'in_progress', forprosjekt: 'not_started', hovedprosjekt: 'not_started' });
      expect(p.phases[0].deliverables.map((d: { key: string }) => d.key).sort()).toEqual([
        'business_needs',
        'current_practice',
        'final_report_forstudie',
        'plan_forprosjekt',
        'recommendation',
      ]);
      expect(p.phases[0]).toMatchObject({ plannedStart: '2026-01-01', plannedEnd: '2026-09-30', readiness: { ready: false } });
      expect(p.kommuner).toHaveLength(2);
      expect((await f.regionraad.get(`/api/projects/${f.projectId}/history`)).body[0]).toMatchObject({ action: 'project.created' });
    });

    it('tells each role what to do next', async () => {
      const kinds = async (s: typeof f.leader) =>
        (await s.get(`/api/projects/${f.projectId}`)).body.nextActions.map((a: { kind: string }) => a.kind);
      expect(await kinds(f.leader)).toEqual(expect.arrayContaining(['write_deliverable', 'tick_checkpoint']));
      expect(await kinds(f.regionraad)).toEqual(['follow']);
      expect(await kinds(f.adviser)).toEqual(['follow']);
      const perms = (await f.adviser.get(`/api/projects/${f.projectId}`)).body.permissions;
      expect(perms).toEqual({ edit: false, submit: false, decide: false, comment: true, manage: false });
    });

    it('refuses a project from an adviser (403), for a region one cannot see (404), or with kommuner outside the region (422)', async () => {
      const body = { regionId: f.region.id, name: 'X', kommuneIds: [f.kommuner[0].id] };
      expect((await f.adviser.post('/api/projects').send(body).expect(403)).body.code).toBe('FORBIDDEN');
      const other = await t.as([{ role: 'regionraad', regionId: (await t.factories.newRegion()).id }]);
      expect((await other.post('/api/projects').send(body).expect(404)).body.code).toBe('REGION_NOT_FOUND');
      const stranger = await t.factories.newKommune();
      const res = await f.regionraad
        .post('/api/projects')
        .send({ ...body, kommuneIds: [stranger.id] })
        .expect(422);
      expect(res.body.code).toBe('KOMMUNE_NOT_IN_REGION');
      await f.regionraad
        .post('/api/projects')
        .send({ ...body, kommuneIds: [] })
        .expect(400);
    });

    it('lists projects per scope: the leader sees only their own project, others in the region too', async () => {
      await f.regionraad
        .post('/api/projects')
        .send({ regionId: f.region.id, name: 'Et annet prosjekt', kommuneIds: [f.kommuner[0].id] })
        .expect(201);
      expect((await f.leader.get('/api/projects')).body.map((p: { name: string }) => p.name)).toEqual(['Næringsvennlig Startregionen']);
      expect((await f.adviser.get('/api/projects')).body).toHaveLength(2);
      const outsider = await t.as([]);
      expect((await outsider.get('/api/projects')).body).toEqual([]);
      await outsider.get(`/api/projects/${f.projectId}`).expect(404);
    });
  });

  describe('deliverables', () => {
    let f: ProjectFixture;
    let base: string;
    let d: { id: string; version: number };
    beforeAll(async () => {
      f = await newProjectFixture(t, 'Leveranseregionen');
      const p = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
      d = p.phases[0].deliverables.find((x: { key: string }) => x.key === 'business_needs');
      base = `/api/projects/${f.projectId}/deliverables/${d.id}`;
    });

    it('is written, submitted, returned with a comment, revised and accepted, with history', async () => {
      await f.leader.post(`${base}/submit`).expect(422); // empty
      const saved = (
        await f.leader.patch(base).send({ content: 'Vi intervjuet 40 bedrifter.', dueDate: '2026-05-01', version: d.version }).expect(200)
      ).body;
      expect(saved).toMatchObject({ content: 'Vi intervjuet 40 bedrifter.', dueDate: '2026-05-01', state: 'draft', editable: true });
      expect((await f.leader.patch(base).send({ content: 'Gammel versjon', version: d.version }).expect(409)).body.code).toBe(
        'VERSION_CONFLICT',
      );
      await f.leader.post(`${base}/submit`).expect(200);
      expect(
        (
          await f.leader
            .patch(base)
            .send({ content: 'x', version: saved.version + 1 })
            .expect(409)
        ).body.code,
      ).toBe('INVALID_STATE');
      await f.adviser.post(`${base}/review`).send({ outcome: 'accepted' }).expect(403);
      await f.leader.post(`${base}/review`).send({ outcome: 'accepted' }).expect(403);
      expect((await f.regionraad.post(`${base}/review`).send({ outcome: 'returned' }).expect(400)).body.errors[0].field).toBe('comment');
      const returned = (await f.regionraad.post(`${base}/review`).send({ outcome: 'returned', comment: 'Ta med reiselivet.' }).expect(200))
        .body;
      expect(returned).toMatchObject({ state: 'returned', reviewComment: 'Ta med reiselivet.' });
      const revised = (
        await f.leader
          .patch(base)
          .send({ content: 'Vi intervjuet 40 bedrifter, også i reiselivet.', version: returned.version })
          .expect(200)
      ).body;
      await f.leader.post(`${base}/submit`).expect(200);
      expect((await f.regionraad.post(`${base}/review`).send({ outcome: 'accepted' }).expect(200)).body.state).toBe('accepted');
      const actions = (await f.adviser.get(`/api/projects/${f.projectId}/history`)).body.map((h: { action: string }) => h.action);
      expect(actions.slice(0, 6)).toEqual([
        'deliverable.accepted',
        'deliverable.submitted',
        'deliverable.updated',
        'deliverable.returned',
        'deliverable.submitted',
        'deliverable.updated',
      ]);
      expect(revised.version).toBeGreaterThan(returned.version);
    });

    it('takes PDF and Word files, judged by content, and lets readers download them', async () => {
      const other = (await f.leader.get(`/api/projects/${f.projectId}`)).body.phases[0].deliverables.find(
        (x: { key: string }) => x.key === 'current_practice',
      );
      const url = `/api/projects/${f.projectId}/deliverables/${other.id}`;
      const pdf = await samplePdf('Intervjuer');
      const up = (
        await f.leader
          .post(`${url}/files`)
          .attach('file', pdf, { filename: 'Intervjuer Kongsberg æøå.pdf', contentType: 'application/pdf' })
          .expect(201)
      ).body;
      expect(up.files).toEqual([
        expect.objectContaining({ filename: 'Intervjuer Kongsberg æøå.pdf', contentType: 'application/pdf', sizeBytes: pdf.length }),
      ]);
      const fake = await f.leader
        .post(`${url}/files`)
        .attach('file', Buffer.from('not a pdf'), { filename: 'virus.pdf', contentType: 'application/pdf' })
        .expect(422);
      expect(fake.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
      // Judged by structure: a PDF header followed by something else is not a PDF.
      const disguised = await f.leader
        .post(`${url}/files`)
        .attach('file', Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>'), 'rapport.pdf')
        .expect(422);
      expect(disguised.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
      const docx = await f.leader.post(`${url}/files`).attach('file', sampleDocx(), 'Notat\u202Excod.docx').expect(201);
      expect(docx.body.files.map((x: { filename: string }) => x.filename)).toContain('Notatxcod.docx');
      await f.leader.post(`${url}/files`).expect(400);
      await f.adviser.post(`${url}/files`).attach('file', pdf, 'x.pdf').expect(403);
      const dl = await f.adviser.get(`${url}/files/${up.files[0].id}`).buffer(true).expect(200);
      expect(Buffer.compare(dl.body, pdf)).toBe(0);
      expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''Intervjuer%20Kongsberg%20%C3%A6%C3%B8%C3%A5.pdf");
      // A file alone is enough to submit.
      await f.leader.post(`${url}/submit`).expect(200);
    });

    it('marks a deliverable not required only with a reason, and never the plan for the next phase', async () => {
      const p = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
      const rec = p.phases[0].deliverables.find((x: { key: string }) => x.key === 'recommendation');
      const plan = p.phases[0].deliverables.find((x: { key: string }) => x.key === 'plan_forprosjekt');
      await f.leader.post(`/api/projects/${f.projectId}/deliverables/${rec.id}/not-required`).send({ reason: ' ' }).expect(400);
      await f.leader
        .post(`/api/projects/${f.projectId}/deliverables/${rec.id}/not-required`)
        .send({ reason: 'Dekkes av sluttrapporten.' })
        .expect(200);
      expect(
        (
          await f.leader
            .post(`/api/projects/${f.projectId}/deliverables/${plan.id}/not-required`)
            .send({ reason: 'Trengs ikke' })
            .expect(422)
        ).body.code,
      ).toBe('PLAN_REQUIRED');
      const after = (await f.leader.get(`/api/projects/${f.projectId}`)).body.phases[0].readiness.items.find(
        (i: { key: string }) => i.key === 'recommendation',
      );
      expect(after.status).toBe('ok');
    });
  });

  describe('decision gates', () => {
    it('walks forstudie → forprosjekt → hovedprosjekt → completed, each approval starting the next phase atomically', async () => {
      const f = await newProjectFixture(t, 'Reiseregionen');
      await makePhaseReady(f, 'forstudie');
      let p = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
      expect(p.phases[0].readiness.ready).toBe(true);
      expect(p.nextActions[0].kind).toBe('submit_for_decision');
      const s1 = await submitPhase(f, 'forstudie');
      expect((await f.regionraad.get(`/api/projects/${f.projectId}`)).body.nextActions[0]).toEqual({
        kind: 'decide_gate',
        phaseKey: 'forstudie',
      });
      const gate = (await f.regionraad.post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`).send(decision(s1)).expect(200))
        .body;
      expect(gate.submissions[0].decision).toMatchObject({ outcome: 'approved', meetingDate: todayInOslo(), caseNumber: '12/26' });
      p = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
      expect(phaseStates(p)).toEqual({ forstudie: 'completed', forprosjekt: 'in_progress', hovedprosjekt: 'not_started' });
      expect(p.phases[1].actualStart).toBe(todayInOslo());

      await makePhaseReady(f, 'forprosjekt');
      const s2 = await submitPhase(f, 'forprosjekt');
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/forprosjekt/gate/decision`)
        .send(decision(s2, 'approved_with_conditions', { conditions: 'Fylkeskommunen må bekrefte medfinansiering.' }))
        .expect(200);
      p = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
      expect(phaseStates(p)).toEqual({ forstudie: 'completed', forprosjekt: 'completed', hovedprosjekt: 'in_progress' });

      // The forprosjekt's condition is followed up in the hovedprosjekt: its gate waits until it is met.
      const hoved = `/api/projects/${f.projectId}/phases/hovedprosjekt/gate`;
      const [condition] = (await f.leader.get(hoved).expect(200)).body.conditions;
      expect(condition).toMatchObject({ text: 'Fylkeskommunen må bekrefte medfinansiering.', state: 'open', phaseKey: 'hovedprosjekt' });
      await makePhaseReady(f, 'hovedprosjekt');
      expect((await f.leader.get(hoved).expect(200)).body.readiness.ready).toBe(false);
      await f.leader
        .put(`${hoved}/conditions/${condition.id}`)
        .send({ state: 'met', note: 'Bekreftet i brev fra fylkeskommunen.', version: condition.version })
        .expect(200);
      const s3 = await submitPhase(f, 'hovedprosjekt');
      await f.regionraad.post(`/api/projects/${f.projectId}/phases/hovedprosjekt/gate/decision`).send(decision(s3)).expect(200);
      p = (await f.adviser.get(`/api/projects/${f.projectId}`)).body;
      expect(p).toMatchObject({ status: 'completed', currentPhaseKey: null, nextActions: [{ kind: 'project_closed' }] });
      const history = (await f.adviser.get(`/api/projects/${f.projectId}/history`)).body.map((h: { action: string }) => h.action);
      expect(history).toEqual(
        expect.arrayContaining(['gate.approved', 'gate.approved_with_conditions', 'phase.started', 'project.completed', 'gate.submitted']),
      );
      // Minutes can still be attached to the decision that ended the project.
      const last = (await f.regionraad.get(`/api/projects/${f.projectId}/phases/hovedprosjekt/gate`)).body.submissions[0].decision.id;
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/hovedprosjekt/gate/decisions/${last}/minutes`)
        .attach('file', await samplePdf(), 'Protokoll.pdf')
        .expect(200);
    });

    it('refuses to submit a phase that is not ready (422) and changes nothing', async () => {
      const f = await newProjectFixture(t);
      const res = await f.leader.post(`/api/projects/${f.projectId}/phases/forstudie/gate/submission`).send({}).expect(422);
      expect(res.body).toMatchObject({ code: 'GATE_NOT_READY', message: expect.stringContaining('plan_forprosjekt') });
      expect((await f.leader.get(`/api/projects/${f.projectId}`)).body.currentPhaseState).toBe('in_progress');
      expect(
        await t.db.query(`SELECT 1 FROM gate_submission s JOIN project_phase p ON p.id = s.phase_id WHERE p.project_id = $1`, [
          f.projectId,
        ]),
      ).toEqual([]);
    });

    it('lets only that region’s regionråd decide, once, on a gate that waits for it', async () => {
      const f = await newProjectFixture(t);
      await makePhaseReady(f, 'forstudie');
      const url = `/api/projects/${f.projectId}/phases/forstudie/gate/decision`;
      // A phase still in progress has no gate to decide yet; the refusal says so (it used to be 404 NOT_FOUND).
      const early = await f.regionraad.post(url).send(decision('0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b')).expect(409);
      expect(early.body.code).toBe('GATE_NOT_SUBMITTED');
      const s = await submitPhase(f, 'forstudie');
      expect((await f.adviser.post(url).send(decision(s)).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await f.leader.post(url).send(decision(s)).expect(403)).body.code).toBe('FORBIDDEN');
      const otherRaad = await t.as([{ role: 'regionraad', regionId: (await t.factories.newRegion()).id }]);
      expect((await otherRaad.post(url).send(decision(s)).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
      await f.regionraad.post(url).send(decision(s, 'approved_with_conditions')).expect(400); // conditions missing
      expect(
        (
          await f.regionraad
            .post(url)
            .send(decision(s, 'approved', { meetingDate: '2099-01-01' }))
            .expect(422)
        ).body.code,
      ).toBe('INVALID_PERIOD');
      expect(
        (
          await f.regionraad
            .post(url)
            .send(decision(s, 'approved', { meetingDate: '2001-01-01' }))
            .expect(422)
        ).body.message,
      ).toContain('before the forstudie began');

      const results = await Promise.all([f.regionraad.post(url).send(decision(s)), f.regionraad.post(url).send(decision(s, 'stopped'))]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('GATE_ALREADY_DECIDED');
      expect(
        await t.db.query(
          `SELECT count(*)::int AS n FROM gate_decision d JOIN project_phase p ON p.id = d.phase_id WHERE p.project_id = $1`,
          [f.projectId],
        ),
      ).toEqual([{ n: 1 }]);
      expect((await f.regionraad.post(url).send(decision(s)).expect(409)).body.code).toBe('GATE_ALREADY_DECIDED');
    });

    it('sends a phase back: it is in progress again and can be resubmitted for a new decision', async () => {
      const f = await newProjectFixture(t);
      await makePhaseReady(f, 'forstudie');
      const s1 = await submitPhase(f, 'forstudie');
      const recommendation = (await f.leader.get(`/api/projects/${f.projectId}`)).body.phases[0].deliverables.find(
        (d: { key: string | null }) => d.key === 'recommendation',
      );
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`)
        .send(
          decision(s1, 'sent_back', {
            decisionText: 'Sendes tilbake: anbefalingen må konkretiseres.',
            reopen: { deliverableIds: [recommendation.id], planSections: [], budget: false },
          }),
        )
        .expect(200);
      expect((await f.leader.get(`/api/projects/${f.projectId}`)).body.currentPhaseState).toBe('in_progress');
      // The returned recommendation is revised and goes in again.
      const returned = (await f.leader.get(`/api/projects/${f.projectId}/deliverables/${recommendation.id}`).expect(200)).body;
      await f.leader
        .patch(`/api/projects/${f.projectId}/deliverables/${recommendation.id}`)
        .send({ content: 'Konkret anbefaling.', version: returned.version })
        .expect(200);
      await f.leader.post(`/api/projects/${f.projectId}/deliverables/${recommendation.id}/submit`).expect(200);
      const s2 = await submitPhase(f, 'forstudie');
      expect(s2).not.toBe(s1);
      const gate = (await f.regionraad.post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`).send(decision(s2)).expect(200))
        .body;
      expect(gate.submissions.map((s: { decision: { outcome: string } }) => s.decision.outcome)).toEqual(['approved', 'sent_back']);
    });

    it('stops a project: no further changes are accepted', async () => {
      const f = await newProjectFixture(t);
      await makePhaseReady(f, 'forstudie');
      const s = await submitPhase(f, 'forstudie');
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`)
        .send(decision(s, 'stopped', { decisionText: 'Prosjektet avsluttes.' }))
        .expect(200);
      const p = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
      expect(p).toMatchObject({ status: 'stopped', permissions: { edit: false, submit: false, decide: false } });
      expect(phaseStates(p)).toEqual({ forstudie: 'stopped', forprosjekt: 'not_started', hovedprosjekt: 'not_started' });
      const d = p.phases[1].deliverables[0];
      expect(
        (await f.leader.patch(`/api/projects/${f.projectId}/deliverables/${d.id}`).send({ content: 'x', version: d.version }).expect(409))
          .body.code,
      ).toBe('INVALID_STATE');
    });

    it('attaches minutes to a decision and serves them', async () => {
      const f = await newProjectFixture(t);
      await makePhaseReady(f, 'forstudie');
      const s = await submitPhase(f, 'forstudie');
      const gate = (await f.regionraad.post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`).send(decision(s)).expect(200))
        .body;
      const id = gate.submissions[0].decision.id;
      const pdf = await samplePdf('Protokoll regionrådet');
      const after = (
        await f.regionraad
          .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decisions/${id}/minutes`)
          .attach('file', pdf, 'Protokoll regionrådet.pdf')
          .expect(200)
      ).body;
      expect(after.submissions[0].decision.minutesFile).toMatchObject({ filename: 'Protokoll regionrådet.pdf' });
      const dl = await f.adviser.get(`/api/projects/${f.projectId}/phases/forstudie/gate/decisions/${id}/minutes`).buffer(true).expect(200);
      expect(Buffer.compare(dl.body, pdf)).toBe(0);
    });
  });

  it('keeps the history append-only', async () => {
    const f = await newProjectFixture(t);
    await expect(t.db.query(`UPDATE history_event SET actor_name = 'x' WHERE project_id = $1`, [f.projectId])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM history_event WHERE project_id = $1`, [f.projectId])).rejects.toThrow(/append-only/);
  });

  it('plans phase dates with optimistic locking and refuses an end before the start', async () => {
    const f = await newProjectFixture(t);
    const p = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
    const v = p.phases[1].version;
    await f.leader
      .patch(`/api/projects/${f.projectId}/phases/forprosjekt`)
      .send({ plannedStart: '2026-10-01', plannedEnd: '2027-09-30', version: v })
      .expect(200);
    expect(
      (await f.leader.patch(`/api/projects/${f.projectId}/phases/forprosjekt`).send({ plannedStart: '2026-10-01', version: v }).expect(409))
        .body.code,
    ).toBe('VERSION_CONFLICT');
    expect(
      (
        await f.leader
          .patch(`/api/projects/${f.projectId}/phases/forprosjekt`)
          .send({ plannedEnd: '2026-01-01', version: v + 1 })
          .expect(422)
      ).body.code,
    ).toBe('INVALID_PERIOD');
    await f.leader.patch(`/api/projects/${f.projectId}/phases/nofase`).send({ version: 1 }).expect(404);
    await f.adviser
      .patch(`/api/projects/${f.projectId}/phases/forprosjekt`)
      .send({ version: v + 1 })
      .expect(403);
  });

  it('lets the regionråd change the team; the new leader gets the project role', async () => {
    const f = await newProjectFixture(t);
    const newLeader = await t.factories.newUser({ name: 'Ny Leder' });
    const member = await t.factories.newUser({ name: 'Medlem' });
    await f.leader.put(`/api/projects/${f.projectId}/team`).send({ leaderUserId: newLeader.id, memberUserIds: [] }).expect(403);
    const p = (
      await f.regionraad
        .put(`/api/projects/${f.projectId}/team`)
        .send({ leaderUserId: newLeader.id, memberUserIds: [member.id] })
        .expect(200)
    ).body;
    expect(p.leader.name).toBe('Ny Leder');
    expect(p.members.map((m: { name: string }) => m.name)).toEqual(['Medlem']);
    await f.leader.get(`/api/projects/${f.projectId}`).expect(404); // the old leader no longer has access
    const s = await t.signIn(newLeader.email);
    expect((await s.get(`/api/projects/${f.projectId}`)).body.permissions.submit).toBe(true);
  });
});
