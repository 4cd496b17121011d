import { FINAL_REPORT_SECTION_KEYS, periodOf, periodStart, shiftPeriod, SUCCESS_FACTORS, todayInOslo } from '@nvr/shared';
import request from 'supertest';
import { seedDemoData } from '../src/database/seed/seed';
import { docxText, flat, pdfText } from '../src/documents/document-text';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { TEST_PASSWORD } from './support/factories';
import { createTestApp, Session, TestApp } from './support/test-app';

/**
 * Closing the hovedprosjekt over HTTP: the final report pre-filled from the project, the leader's and the
 * owner's evaluations side by side, the lessons log, the closing decision's preconditions and what it
 * does to the project, access (other regions 404), and the lessons across regions for advisers.
 */

/** A response body as bytes (supertest leaves PDF and DOCX unparsed otherwise). */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const today = todayInOslo();
const scores = (score: (i: number) => number, comment = '') => SUCCESS_FACTORS.map((factor, i) => ({ factor, score: score(i), comment }));

/** Through both gates to the hovedprosjekt, as the leader and the regionråd do it. */
async function toHovedprosjekt(f: ProjectFixture): Promise<void> {
  for (const phase of ['forstudie', 'forprosjekt'] as const) {
    await makePhaseReady(f, phase);
    const submission = await submitPhase(f, phase);
    await f.regionraad
      .post(`/api/projects/${f.projectId}/phases/${phase}/gate/decision`)
      .send(decision(submission, 'approved', { caseNumber: phase === 'forstudie' ? '11/26' : '12/26' }))
      .expect(200);
  }
}

describe('closing the hovedprosjekt', () => {
  let t: TestApp;
  let a: ProjectFixture;
  let b: ProjectFixture;
  let base: string;
  let outsider: Session;

  beforeAll(async () => {
    t = await createTestApp();
    a = await newProjectFixture(t, `Avslutningsregionen ${Math.random().toString(36).slice(2, 6)}`);
    b = await newProjectFixture(t, `Læringsregionen ${Math.random().toString(36).slice(2, 6)}`);
    base = `/api/projects/${a.projectId}/closing`;
    outsider = await t.as([{ role: 'regionraad', regionId: b.region.id }]);
  });
  afterAll(() => t.close());

  it('belongs to a hovedprosjekt under way: before it, the closing is read-only and writes answer 409', async () => {
    const closing = (await a.leader.get(base).expect(200)).body;
    expect(closing).toMatchObject({
      projectStatus: 'active',
      hovedprosjekt: { state: 'not_started' },
      phaseProblem: 'not_in_hovedprosjekt',
      report: null,
      evaluations: { leader: null, owner: null },
      lessons: [],
      decision: null,
      readiness: { ready: false },
      permissions: { editReport: false, evaluateAsLeader: false, evaluateAsOwner: false, editLessons: false, decide: false },
    });
    expect(closing.comparison).toHaveLength(10);
    const refused = await a.leader.post(`${base}/report`).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'CLOSING_NOT_IN_HOVEDPROSJEKT' });
    await a.leader.post(`${base}/lessons`).send({ text: 'For tidlig', category: 'other' }).expect(409);
    // The document is the outline until the report is started: a template to work from.
    const outline = await a.adviser.get(`${base}/report/document?format=docx`).buffer(true).parse(binary).expect(200);
    expect(flat(docxText(outline.body as Buffer))).toContain('(ikke fylt ut) Hvorfor prosjektet ble startet');
  });

  it('the leader starts the final report from the outline, pre-filled from plan, deliverables, gate decisions and status reports', async () => {
    await toHovedprosjekt(a);
    // A published status report of the hovedprosjekt, with the economy flagged yellow. A report is
    // published once its month is over: last month's, so the project began before it.
    await t.db.query(`UPDATE project_phase SET actual_start = $2 WHERE project_id = $1 AND phase_key = 'forstudie'`, [
      a.projectId,
      periodStart(shiftPeriod(periodOf(today), -3)),
    ]);
    const reports = `/api/projects/${a.projectId}/status-reports`;
    const draft = (
      await a.leader
        .post(reports)
        .send({ period: shiftPeriod(periodOf(today), -1) })
        .expect(201)
    ).body;
    const filled = (
      await a.leader
        .patch(`${reports}/${draft.id}`)
        .send({
          overall: { colour: 'green', comment: '' },
          progress: { colour: 'green', comment: '' },
          economy: {
            colour: 'yellow',
            comment: 'Konsulentbruken ble dyrere enn planlagt.',
            budgetTotal: 400000,
            spentToDate: 350000,
            forecast: 420000,
          },
          risk: { colour: 'green', comment: '' },
          version: draft.version,
        })
        .expect(200)
    ).body;
    await a.leader.post(`${reports}/${draft.id}/publish`).send({ version: filled.version }).expect(200);

    const closing = (await a.leader.post(`${base}/report`).send({ lang: 'nb' }).expect(201)).body;
    expect(closing.permissions).toMatchObject({
      editReport: true,
      evaluateAsLeader: true,
      evaluateAsOwner: false,
      editLessons: true,
      decide: false,
    });
    const report = closing.report;
    expect(Object.keys(report.sections)).toEqual([...FINAL_REPORT_SECTION_KEYS]);
    expect(report.sections.background).toContain('Forstudien ble gjennomført');
    expect(report.sections.background).toContain('Hovedprosjektet startet');
    expect(report.sections.goals_results).toContain('Hovedmål: Tekst for planen');
    expect(report.sections.goals_results).toContain('1. Delmål');
    expect(report.sections.deliverables).toContain('Sluttrapport for forstudien (godkjent)');
    expect(report.sections.deliverables).toContain('sak 12/26: Godkjent');
    expect(report.sections.economy).toContain('Budsjett for hovedprosjektet: 400');
    expect(report.sections.economy).toMatch(/Brukt per \d{4}-\d{2} \(siste publiserte statusrapport\): 350\s000 kr/);
    expect(report.sections.went_less_well).toContain('Konsulentbruken ble dyrere enn planlagt.');
    expect(report.sections.went_well).toBe('');
    expect(report).toMatchObject({
      spentTotal: 350000,
      missing: ['went_well', 'recommendations'],
      facts: { latestStatusReport: { spentToDate: 350000, forecast: 420000 } },
      createdBy: { name: 'Pia Prosjektleder' },
      version: 1,
    });
    expect(closing.readiness.checks[0]).toEqual({ key: 'final_report', ok: false, missing: ['went_well', 'recommendations'] });

    expect((await a.leader.post(`${base}/report`).send({}).expect(409)).body.code).toBe('CLOSING_REPORT_EXISTS');
    expect((await a.adviser.post(`${base}/report`).send({}).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await a.regionraad.put(`${base}/report`).send({ version: 1 }).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('is edited section by section with versions; invalid input answers 400 naming the field', async () => {
    const bad = await a.leader
      .put(`${base}/report`)
      .send({ sections: { went_well: 'x'.repeat(20001), unknown: 'y' }, spentTotal: -1, version: 1 })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['sections.unknown', 'sections.went_well', 'spentTotal']);
    const saved = (
      await a.leader
        .put(`${base}/report`)
        .send({
          sections: { went_well: 'Faste møter i rådmannsgruppen.', recommendations: 'Videreføres som Næringsforum.' },
          spentTotal: 398000,
          version: 1,
        })
        .expect(200)
    ).body;
    expect(saved.report).toMatchObject({ version: 2, spentTotal: 398000, missing: [], budgetTotal: 400000 });
    expect(saved.report.sections.background).toContain('Forstudien'); // untouched
    expect(saved.readiness.checks[0].ok).toBe(true);
    expect(
      (
        await a.leader
          .put(`${base}/report`)
          .send({ sections: { went_well: 'Gammelt' }, version: 1 })
          .expect(409)
      ).body.code,
    ).toBe('VERSION_CONFLICT');
  });

  it('renders the report as DOCX and PDF for anyone who reads the project', async () => {
    const docx = await a.adviser.get(`${base}/report/document?format=docx&lang=nn`).buffer(true).parse(binary).expect(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = flat(docxText(docx.body as Buffer));
    expect(text).toContain('Sluttrapport for hovudprosjektet');
    expect(text).toContain('5 Gevinstar');
    expect(text).toContain('Faste møter i rådmannsgruppen.');
    expect(text).toContain('Evaluering av suksessfaktorane');
    const pdf = await a.leader.get(`${base}/report/document`).buffer(true).parse(binary).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(flat(pdfText(pdf.body as Buffer))).toContain('Anbefalinger for permanent videreføring');
  });

  it('the leader and the owner each score the ten factors; the two are shown side by side', async () => {
    const leader = (
      await a.leader
        .put(`${base}/evaluations/leader`)
        .send({ scores: scores((i) => (i === 2 ? 2 : 4), 'Fra prosjektleder'), summary: 'Godt samarbeid.', version: 0 })
        .expect(200)
    ).body;
    expect(leader.evaluations.leader).toMatchObject({ perspective: 'leader', complete: true, summary: 'Godt samarbeid.', version: 1 });
    expect(leader.evaluations.owner).toBeNull();
    // Each saves only its own.
    expect((await a.leader.put(`${base}/evaluations/owner`).send({ scores: [], version: 0 }).expect(403)).body.code).toBe('FORBIDDEN');
    await a.regionraad.put(`${base}/evaluations/leader`).send({ scores: [], version: 1 }).expect(403);

    const invalid = await a.regionraad
      .put(`${base}/evaluations/owner`)
      .send({
        scores: [
          { factor: 'anchoring', score: 6 },
          { factor: 'luck', score: 3 },
        ],
        version: 0,
      })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['scores[0].score', 'scores[1].factor']);
    const twice = await a.regionraad
      .put(`${base}/evaluations/owner`)
      .send({
        scores: [
          { factor: 'anchoring', score: 3 },
          { factor: 'anchoring', score: 4 },
        ],
        version: 0,
      })
      .expect(400);
    expect(twice.body.errors).toEqual([{ field: 'scores', messages: [expect.stringContaining('anchoring')] }]);

    // A draft first (two factors, one only commented), then the whole evaluation.
    const draft = (
      await a.regionraad
        .put(`${base}/evaluations/owner`)
        .send({
          scores: [
            { factor: 'anchoring', score: 5 },
            { factor: 'financing', score: null, comment: 'Kommer tilbake til denne' },
          ],
          version: 0,
        })
        .expect(200)
    ).body;
    expect(draft.evaluations.owner).toMatchObject({ complete: false, version: 1 });
    expect(draft.evaluations.owner.scores[9]).toEqual({ factor: 'financing', score: null, comment: 'Kommer tilbake til denne' });
    expect(draft.readiness.checks[2]).toMatchObject({ key: 'owner_evaluation', ok: false });
    expect(draft.readiness.checks[2].missing).toHaveLength(9);
    await a.regionraad
      .put(`${base}/evaluations/owner`)
      .send({ scores: scores(() => 4), version: 0 })
      .expect(409);
    const both = (
      await a.regionraad
        .put(`${base}/evaluations/owner`)
        .send({ scores: scores((i) => (i === 2 ? 5 : 3)), version: 1 })
        .expect(200)
    ).body;
    expect(both.comparison[2]).toEqual({ factor: 'active_owner', leader: 2, owner: 5, gap: true });
    expect(both.comparison[0]).toEqual({ factor: 'anchoring', leader: 4, owner: 3, gap: false });
    expect(both.readiness.checks.map((c: { ok: boolean }) => c.ok)).toEqual([true, true, true]);
    // The adviser reads both, side by side.
    const read = (await a.adviser.get(base).expect(200)).body;
    expect(read.evaluations.leader.scores[0]).toEqual({ factor: 'anchoring', score: 4, comment: 'Fra prosjektleder' });
    expect(read.evaluations.owner.updatedBy).toMatchObject({ id: a.regionraad.userId });
    expect(read.permissions).toMatchObject({ editReport: false, evaluateAsOwner: false, decide: false });
  });

  it('keeps a lessons log: the leader adds, changes and deletes; readers read; other regions get 404', async () => {
    const added = (
      await a.leader
        .post(`${base}/lessons`)
        .send({ text: 'Forankring i kommunestyrene før oppstart sparte oss for omkamper.', category: 'anchoring' })
        .expect(201)
    ).body;
    expect(added.lessons[0]).toMatchObject({
      category: 'anchoring',
      phaseKey: 'hovedprosjekt',
      createdBy: { name: 'Pia Prosjektleder' },
      version: 1,
    });
    const second = (
      await a.leader
        .post(`${base}/lessons`)
        .send({ text: 'Søk fylkeskommunen om midler tidlig.', category: 'financing', phaseKey: 'forprosjekt' })
        .expect(201)
    ).body.lessons[0];
    const third = (await a.leader.post(`${base}/lessons`).send({ text: 'Slett meg', category: 'other' }).expect(201)).body.lessons[0];
    const changed = (
      await a.leader
        .patch(`${base}/lessons/${second.id}`)
        .send({ text: 'Søk fylkeskommunen om regionale utviklingsmidler tidlig.', version: second.version })
        .expect(200)
    ).body;
    expect(changed.lessons.find((l: { id: string }) => l.id === second.id)).toMatchObject({
      version: 2,
      phaseKey: 'forprosjekt',
      category: 'financing',
    });
    await a.leader.patch(`${base}/lessons/${second.id}`).send({ text: 'Gammel', version: 1 }).expect(409);
    await a.leader.delete(`${base}/lessons/${third.id}`).expect(200);
    expect((await a.leader.delete(`${base}/lessons/${third.id}`).expect(404)).body.code).toBe('CLOSING_LESSON_NOT_FOUND');
    const invalid = await a.leader.post(`${base}/lessons`).send({ text: '  ', category: 'luck', phaseKey: 'etterarbeid' }).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'phaseKey', 'text']);
    await a.adviser.post(`${base}/lessons`).send({ text: 'Rådgiveren', category: 'other' }).expect(403);

    expect((await a.adviser.get(base).expect(200)).body.lessons.map((l: { category: string }) => l.category)).toEqual([
      'financing',
      'anchoring',
    ]);
    // Another region's people do not see that the project exists.
    expect((await outsider.get(base).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
    await outsider.post(`${base}/lessons`).send({ text: 'x', category: 'other' }).expect(404);
    await outsider.get(`${base}/report/document`).expect(404);
    await outsider.post(`${base}/decision`).send({}).expect(404);
  });

  it('the closing decision: the owner only, with a successor when the work carries on, and its meeting date checked', async () => {
    const carryOn = {
      outcome: 'carry_on',
      meetingDate: today,
      caseNumber: '40/26',
      decisionText: 'Regionrådet tar sluttrapporten til etterretning. Arbeidet videreføres i Næringsforum.',
      successor: {
        organisation: 'Næringsforum Avslutningsregionen',
        financingText: 'Kommunene, 50 % likt og 50 % etter innbyggertall.',
        yearlyAmount: 1500000,
      },
    };
    expect((await a.leader.post(`${base}/decision`).send(carryOn).expect(403)).body.code).toBe('FORBIDDEN');
    const noSuccessor = await a.regionraad
      .post(`${base}/decision`)
      .send({ ...carryOn, successor: undefined })
      .expect(400);
    expect(noSuccessor.body.errors).toEqual([{ field: 'successor', messages: [expect.stringContaining('successor is required')] }]);
    const future = await a.regionraad
      .post(`${base}/decision`)
      .send({ ...carryOn, meetingDate: '2999-01-01' })
      .expect(400);
    expect(future.body.errors[0].field).toBe('meetingDate');
    const invalid = await a.regionraad
      .post(`${base}/decision`)
      .send({
        outcome: 'maybe',
        meetingDate: '2026-02-30',
        caseNumber: '',
        decisionText: 'x',
        successor: { organisation: 'X', yearlyAmount: -5 },
      })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'caseNumber',
      'meetingDate',
      'outcome',
      'successor.financingText',
      'successor.yearlyAmount',
    ]);
  });

  it('the decision ends the project: the hovedprosjekt completes on the meeting date, the benefits are handed over, nothing changes after', async () => {
    const benefit = (
      await a.leader
        .post(`/api/projects/${a.projectId}/benefits`)
        .send({ title: 'Raskere byggesaker', ownerUserId: a.leader.userId })
        .expect(201)
    ).body;
    const closed = (
      await a.regionraad
        .post(`${base}/decision`)
        .send({
          outcome: 'carry_on',
          meetingDate: today,
          caseNumber: '40/26',
          decisionText: 'Regionrådet tar sluttrapporten til etterretning. Arbeidet videreføres i Næringsforum.',
          successor: { organisation: 'Næringsforum Avslutningsregionen', financingText: 'Kommunene.', yearlyAmount: 1500000 },
        })
        .expect(200)
    ).body;
    expect(closed).toMatchObject({
      projectStatus: 'completed',
      hovedprosjekt: { state: 'completed', actualEnd: today },
      phaseProblem: 'project_ended',
      decision: {
        outcome: 'carry_on',
        caseNumber: '40/26',
        successor: { organisation: 'Næringsforum Avslutningsregionen', financingText: 'Kommunene.', yearlyAmount: 1500000 },
        overrideReason: null,
        readiness: { ready: true },
        decidedBy: { id: a.regionraad.userId },
      },
      permissions: { editReport: false, evaluateAsLeader: false, evaluateAsOwner: false, editLessons: false, decide: false },
    });
    const project = (await a.adviser.get(`/api/projects/${a.projectId}`).expect(200)).body;
    expect(project).toMatchObject({ status: 'completed', currentPhaseKey: null });
    const history = (await a.adviser.get(`/api/projects/${a.projectId}/history`).expect(200)).body.map((h: { action: string }) => h.action);
    expect(history).toEqual(
      expect.arrayContaining(['closing.decided', 'project.completed', 'benefit.handed_over', 'closing.lesson_added']),
    );
    const handed = (await a.leader.get(`/api/projects/${a.projectId}/benefits`).expect(200)).body.benefits.find(
      (b: { id: string }) => b.id === benefit.id,
    );
    expect(handed.handedOverAt).toEqual(expect.any(String));

    expect(
      (
        await a.regionraad
          .post(`${base}/decision`)
          .send({ outcome: 'close', meetingDate: today, caseNumber: '41/26', decisionText: 'Igjen' })
          .expect(409)
      ).body.code,
    ).toBe('CLOSING_PROJECT_ENDED');
    expect((await a.leader.post(`${base}/lessons`).send({ text: 'Etterpå', category: 'other' }).expect(409)).body.code).toBe(
      'CLOSING_PROJECT_ENDED',
    );
    await a.leader
      .put(`${base}/report`)
      .send({ sections: { went_well: 'Etterpå' }, version: 2 })
      .expect(409);
    // The gate of the hovedprosjekt cannot be submitted any more either: the project has ended.
    await a.leader.post(`/api/projects/${a.projectId}/phases/hovedprosjekt/gate/submission`).send({}).expect(409);
  });

  it('refuses to close without the report and both evaluations (422), unless the owner gives the reason; not while at the gate (409)', async () => {
    await toHovedprosjekt(b);
    const closeB = `/api/projects/${b.projectId}/closing`;
    await b.leader
      .post(`${closeB}/lessons`)
      .send({ text: 'Møteplassene i næringshagen skapte samarbeidet.', category: 'meeting_places' })
      .expect(201);
    await b.leader
      .post(`${closeB}/lessons`)
      .send({ text: 'Vi burde forankret bedre hos næringslivet.', category: 'anchoring', phaseKey: 'forstudie' })
      .expect(201);
    await b.leader
      .put(`${closeB}/evaluations/leader`)
      .send({ scores: scores(() => 2), version: 0 })
      .expect(200);

    const close = { outcome: 'close', meetingDate: today, caseNumber: '07/26', decisionText: 'Prosjektet avsluttes uten videreføring.' };
    const notReady = await b.regionraad.post(`${closeB}/decision`).send(close).expect(422);
    expect(notReady.body).toMatchObject({ code: 'CLOSING_NOT_READY', message: expect.stringContaining('final_report, owner_evaluation') });
    expect((await b.regionraad.get(closeB).expect(200)).body).toMatchObject({ projectStatus: 'active', decision: null });

    // While the hovedprosjekt waits at its gate, its closing is not the place to decide.
    await t.db.query(`UPDATE project_phase SET state = 'awaiting_decision' WHERE project_id = $1 AND phase_key = 'hovedprosjekt'`, [
      b.projectId,
    ]);
    expect(
      (
        await b.regionraad
          .post(`${closeB}/decision`)
          .send({ ...close, overrideReason: 'x' })
          .expect(409)
      ).body.code,
    ).toBe('CLOSING_AT_GATE');
    await t.db.query(`UPDATE project_phase SET state = 'in_progress' WHERE project_id = $1 AND phase_key = 'hovedprosjekt'`, [b.projectId]);

    const closed = (
      await b.regionraad
        .post(`${closeB}/decision`)
        .send({ ...close, overrideReason: 'Prosjektlederen har sluttet; regionrådet avslutter på grunnlag av statusrapportene.' })
        .expect(200)
    ).body;
    expect(closed).toMatchObject({
      projectStatus: 'completed',
      decision: {
        outcome: 'close',
        successor: null,
        overrideReason: 'Prosjektlederen har sluttet; regionrådet avslutter på grunnlag av statusrapportene.',
        readiness: { ready: false },
      },
    });
  });

  describe('learning across regions', () => {
    let adviser: Session;

    beforeAll(async () => {
      adviser = await t.as([
        { role: 'adviser', regionId: a.region.id },
        { role: 'adviser', regionId: b.region.id },
      ]);
    });

    it('shows an adviser the scores and lessons of the closed projects in every region they follow', async () => {
      const all = (await adviser.get('/api/lessons').expect(200)).body;
      expect(all.regions.map((r: { id: string }) => r.id).sort()).toEqual([a.region.id, b.region.id].sort());
      expect(all.projects.map((p: { id: string }) => p.id).sort()).toEqual([a.projectId, b.projectId].sort());
      expect(all.projects.find((p: { id: string }) => p.id === a.projectId)).toMatchObject({
        status: 'completed',
        lastPhase: 'hovedprosjekt',
        endedOn: today,
        outcome: 'carry_on',
        successorOrganisation: 'Næringsforum Avslutningsregionen',
      });
      // anchoring: leaders 4 (a) and 2 (b); owners 3 (a).
      expect(all.factors[0]).toEqual({
        factor: 'anchoring',
        leader: { count: 2, average: 3, distribution: [0, 1, 0, 1, 0] },
        owner: { count: 1, average: 3, distribution: [0, 0, 1, 0, 0] },
        all: { count: 3, average: 3, distribution: [0, 1, 1, 1, 0] },
      });
      expect(all.total).toBe(4);
      expect(all.lessons[0]).toMatchObject({ projectName: expect.stringContaining('Læringsregionen'), regionId: b.region.id });
    });

    it('filters by region, phase and category, and searches the words with Norwegian stemming or as part of a word', async () => {
      const inB = (await adviser.get(`/api/lessons?regionId=${b.region.id}`).expect(200)).body;
      expect(inB.projects.map((p: { id: string }) => p.id)).toEqual([b.projectId]);
      expect(inB.factors[0].leader).toMatchObject({ count: 1, average: 2 });
      expect(inB.lessons).toHaveLength(2);

      const forstudie = (await adviser.get('/api/lessons?phase=forstudie').expect(200)).body;
      expect(forstudie.lessons.map((l: { text: string }) => l.text)).toEqual(['Vi burde forankret bedre hos næringslivet.']);
      const financing = (await adviser.get('/api/lessons?category=financing').expect(200)).body;
      expect(financing.lessons.map((l: { phaseKey: string }) => l.phaseKey)).toEqual(['forprosjekt']);

      // "forankringen" is in no text; stemmed, it finds "Forankring".
      const stemmed = (await adviser.get(`/api/lessons?q=${encodeURIComponent('forankringen')}`).expect(200)).body;
      expect(stemmed.lessons.map((l: { text: string }) => l.text)).toEqual([
        'Forankring i kommunestyrene før oppstart sparte oss for omkamper.',
      ]);
      // Several words: each must match (websearch syntax), in any form.
      const words = (await adviser.get(`/api/lessons?q=${encodeURIComponent('kommunestyret omkamp')}`).expect(200)).body;
      expect(words.total).toBe(1);
      const part = (await adviser.get(`/api/lessons?q=${encodeURIComponent('næringshage')}`).expect(200)).body;
      expect(part.lessons.map((l: { category: string }) => l.category)).toEqual(['meeting_places']);
      const none = (await adviser.get(`/api/lessons?q=${encodeURIComponent('100% _')}`).expect(200)).body;
      expect(none).toMatchObject({ total: 0, lessons: [] });
    });

    it('is for advisers and admins, within the regions they follow', async () => {
      // a.adviser follows a's region only.
      const one = (await a.adviser.get('/api/lessons').expect(200)).body;
      expect(one.projects.map((p: { id: string }) => p.id)).toEqual([a.projectId]);
      expect((await a.adviser.get(`/api/lessons?regionId=${b.region.id}`).expect(404)).body.code).toBe('REGION_NOT_FOUND');
      expect((await a.leader.get('/api/lessons').expect(403)).body.code).toBe('FORBIDDEN');
      expect((await a.regionraad.get('/api/lessons').expect(403)).body.code).toBe('FORBIDDEN');
      const admin = await t.as([{ role: 'admin' }]);
      const seen = (await admin.get('/api/lessons').expect(200)).body;
      expect(seen.projects.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([a.projectId, b.projectId]));
      await adviser.get('/api/lessons?phase=etterarbeid&regionId=nope').expect(400);
    });
  });
  it('the demo: Kongsbergregionen’s 2009–2012 project has its final report, both evaluations, lessons and its decision to carry on', async () => {
    await seedDemoData(t.db);
    // The demo's passwords are not the tests'; give the demo adviser the test password to sign in.
    await t.db.query(
      `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE id = $1) WHERE email = 'radgiver@demo.no'`,
      [a.leader.userId],
    );
    const adviser = await t.signIn('radgiver@demo.no', TEST_PASSWORD);
    const [{ id }] = await t.db.query(`SELECT id FROM project WHERE name = 'Samordnet næringsapparat i Kongsbergregionen'`);
    const closing = (await adviser.get(`/api/projects/${id}/closing`).expect(200)).body;
    expect(closing).toMatchObject({
      projectStatus: 'completed',
      phaseProblem: 'project_ended',
      report: { missing: [], budgetTotal: 7500000, spentTotal: 7300000 },
      evaluations: { leader: { complete: true }, owner: { complete: true } },
      decision: {
        outcome: 'carry_on',
        meetingDate: '2012-02-01',
        caseNumber: '04/12',
        successor: { organisation: 'Næringsforum Kongsbergregionen', yearlyAmount: 2500000 },
        readiness: { ready: true },
      },
    });
    expect(closing.lessons.length).toBeGreaterThanOrEqual(5);
    expect(closing.comparison.find((c: { factor: string }) => c.factor === 'active_owner')).toMatchObject({
      leader: 3,
      owner: 5,
      gap: true,
    });
    const lessons = (await adviser.get('/api/lessons').expect(200)).body;
    expect(lessons.projects.map((p: { id: string }) => p.id)).toContain(id);
    expect(lessons.regions.map((r: { name: string }) => r.name).sort()).toEqual(['Glåmdalsregionen', 'Kongsbergregionen']);
  });
});
