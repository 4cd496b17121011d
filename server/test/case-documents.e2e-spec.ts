import { createHash } from 'node:crypto';
import { shareCosts, todayInOslo } from '@nvr/shared';
import request from 'supertest';
import { docxText, flat, pdfText } from '../src/documents/document-text';
import { date, kroner } from '../src/documents/labels';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

/** The seven Glåmdal kommuner, with population figures that make the 50/50 shares easy to tell apart. */
const GLAAMDAL: [string, number][] = [
  ['Eidskog', 6_100],
  ['Grue', 4_600],
  ['Kongsvinger', 18_000],
  ['Nord-Odal', 5_000],
  ['Sør-Odal', 7_900],
  ['Våler', 3_700],
  ['Åsnes', 7_000],
];
const BODIES = ['Styringsgruppa for Næringsvennlig Glåmdal', 'Rådmannsgruppa i Glåmdal', 'Regionrådet for Glåmdalsregionen'];
const PROPOSED = 'Regionrådet godkjenner sluttrapporten fra forstudien og vedtar oppstart av forprosjektet Næringsvennlig Glåmdal.';
const DECISION = 'Regionrådet godkjenner forstudien og vedtar oppstart av forprosjektet fra 1. januar 2027.';
const CONDITIONS = ['Fylkeskommunen bekrefter sin finansiering', 'Hver kommune utpeker en kontaktperson'];

/** A response body as bytes (supertest leaves PDF and DOCX unparsed otherwise). */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function download(s: Session, path: string): Promise<string> {
  const res = await s.get(path).buffer(true).parse(binary).expect(200);
  const body = res.body as Buffer;
  if (path.includes('format=docx')) {
    expect(res.headers['content-type']).toContain('wordprocessingml');
    return flat(docxText(body));
  }
  expect(res.headers['content-type']).toContain('application/pdf');
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  return flat(pdfText(body));
}

describe('case documents: saksframlegg for each body and protokollutdrag after the decision', () => {
  let t: TestApp;
  let secretariat: Session;
  let leader: Session;
  let leaderId: string;
  let projectId: string;
  let forstudieId: string;
  let forprosjektId: string;
  let submissionId: string;
  let stepIds: string[];
  const shares = new Map<string, number>();
  const base = () => `/api/projects/${projectId}/phases/forstudie/gate`;

  const sql = (text: string, params: unknown[] = []) => t.db.query(text, params);

  beforeAll(async () => {
    t = await createTestApp();
    const kommuner = [];
    for (const [name, population] of GLAAMDAL) kommuner.push({ ...(await t.factories.newKommune({ name, population })), population });
    const region = await t.factories.newRegion({
      name: 'Glåmdalsregionen',
      councilName: 'Regionrådet for Glåmdalsregionen',
      members: kommuner.map((k) => ({ kommuneId: k.id })),
    });
    secretariat = await t.as([{ role: 'regionraad', regionId: region.id }]);
    const leaderUser = await t.factories.newUser({ name: 'Pia Prosjektleder' });
    leaderId = leaderUser.id;
    projectId = (
      await secretariat
        .post('/api/projects')
        .send({
          regionId: region.id,
          name: 'Næringsvennlig Glåmdal',
          kommuneIds: kommuner.map((k) => k.id),
          leaderUserId: leaderUser.id,
          forstudie: { plannedStart: '2026-03-01', plannedEnd: '2026-11-30' },
        })
        .expect(201)
    ).body.id;
    leader = await t.signIn(leaderUser.email);
    const [phases] = [await sql(`SELECT id, phase_key FROM project_phase WHERE project_id = $1`, [projectId])];
    forstudieId = phases.find((p: { phase_key: string }) => p.phase_key === 'forstudie').id;
    forprosjektId = phases.find((p: { phase_key: string }) => p.phase_key === 'forprosjekt').id;
    await sql(`UPDATE project_phase SET planned_start = '2027-01-01', planned_end = '2028-06-30' WHERE id = $1`, [forprosjektId]);

    // The forstudie's final report and recommendation, with a file.
    await sql(`UPDATE deliverable SET content = $2, state = 'accepted' WHERE phase_id = $1 AND catalogue_key = 'final_report_forstudie'`, [
      forstudieId,
      'Bedriftene i Glåmdal ønsker én dør inn til kommunene.\n\nDe etterlyser raskere svar på arealsaker.',
    ]);
    await sql(`UPDATE deliverable SET content = $2, state = 'accepted' WHERE phase_id = $1 AND catalogue_key = 'recommendation'`, [
      forstudieId,
      'Vi anbefaler et felles næringsapparat for de sju kommunene.',
    ]);
    const data = Buffer.from('%PDF-1.4 sluttrapport');
    const [file] = await sql(
      `INSERT INTO stored_file (filename, content_type, size_bytes, sha256, data, uploaded_by) VALUES ($1, 'application/pdf', $2, $3, $4, $5) RETURNING id`,
      ['Sluttrapport Glåmdal.pdf', data.length, createHash('sha256').update(data).digest('hex'), data, leaderId],
    );
    await sql(
      `INSERT INTO deliverable_file (deliverable_id, file_id) SELECT id, $2 FROM deliverable WHERE phase_id = $1 AND catalogue_key = 'final_report_forstudie'`,
      [forstudieId, file.id],
    );

    // The forprosjekt's plan and budget over two years, written over HTTP.
    const planUrl = `/api/projects/${projectId}/phases/forprosjekt/plan`;
    let plan = (await leader.get(planUrl).expect(200)).body;
    plan = (
      await leader
        .patch(planUrl)
        .send({
          version: plan.version,
          content: {
            goals: {
              main_goal: 'Et felles næringsapparat for Glåmdal innen 2028.',
              sub_goals: [{ title: 'Felles førstelinje', activities: ['Kartlegge dagens tjenester', 'Opprette felles kontaktpunkt'] }],
            },
            frame: { period: '01.01.2027–30.06.2028', economic_frame: '1,4 mill. kr over to år' },
          },
        })
        .expect(200)
    ).body;
    plan = (
      await leader
        .put(`${planUrl}/budget`)
        .send({
          version: plan.version,
          lines: [
            { kind: 'cost', category: 'project_management', year: 2027, amount: 600000 },
            { kind: 'cost', category: 'consultants', year: 2028, amount: 800000 },
            { kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: 400000 },
            { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 200000 },
            { kind: 'financing', category: 'kommuner_direct', year: 2028, amount: 800000 },
          ],
        })
        .expect(200)
    ).body;
    for (const r of plan.costSharing.rows) shares.set(r.name, r.amount);
    expect(shares.size).toBe(7);
  });
  afterAll(() => t.close());

  it('refuses a case document before the phase is submitted (409) and an extract before a decision', async () => {
    const res = await secretariat.get(`${base()}/case-document?format=pdf`).expect(409);
    expect(res.body.code).toBe('CASE_DOCUMENT_NO_SUBMISSION');
    expect(res.body.message).toContain('not been submitted');
    expect((await secretariat.get(`${base()}/minutes-extract`).expect(409)).body.code).toBe('MINUTES_NO_DECISION');
    await secretariat.get(`${base()}/case-document?format=odt`).expect(400);
    await secretariat.get(`${base()}/case-document?step=nope`).expect(400);
  });

  describe('once submitted, with the route through three bodies', () => {
    beforeAll(async () => {
      // The submission as the gate makes it: the plan frozen as "submitted", the package, no proposed decision of its own yet.
      const [planRow] = await sql(`SELECT id, content, cost_sharing, template_version_id, version FROM phase_plan WHERE phase_id = $1`, [
        forprosjektId,
      ]);
      const lines = await sql(
        `SELECT kind, category, year, description, amount::float8 AS amount, hours, rate, status FROM budget_line WHERE phase_id = $1 ORDER BY position`,
        [forprosjektId],
      );
      await sql(
        `INSERT INTO phase_plan_snapshot (plan_id, number, reason, content, budget, cost_sharing, template_version_id, plan_version, created_by)
         VALUES ($1, 1, 'submitted', $2, $3, $4, $5, $6, $7)`,
        [planRow.id, planRow.content, JSON.stringify(lines), planRow.cost_sharing, planRow.template_version_id, planRow.version, leaderId],
      );
      const deliverables = await sql(`SELECT id, catalogue_key AS key, title, version, state FROM deliverable WHERE phase_id = $1`, [
        forstudieId,
      ]);
      const pkg = {
        deliverables,
        plan: { snapshotNumber: 1, missing: 0, version: planRow.version },
        budget: { costs: 1400000, financing: 1400000 },
      };
      const [s] = await sql(
        `INSERT INTO gate_submission (phase_id, submitted_by, note, readiness, package, proposed_decision)
         VALUES ($1, $2, 'Klar til behandling', '{"ready": true, "items": []}', $3, NULL) RETURNING id`,
        [forstudieId, leaderId, JSON.stringify(pkg)],
      );
      submissionId = s.id;
      await sql(`UPDATE project_phase SET state = 'awaiting_decision' WHERE id = $1`, [forstudieId]);
      // The plan changes after it was submitted: the case document shows what was submitted.
      await sql(`UPDATE phase_plan SET content = jsonb_set(content, '{goals,main_goal}', '"Endret etter oversendelsen"') WHERE id = $1`, [
        planRow.id,
      ]);
      stepIds = [];
      for (const [i, name] of BODIES.entries()) {
        const [step] = await sql(
          `INSERT INTO gate_case_step (submission_id, position, body_name, body_kind, decides) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [submissionId, i, name, ['styringsgruppe', 'radmannsgruppe', 'regionrad'][i], i === 2],
        );
        stepIds.push(step.id);
      }
    });

    it('makes the first body’s saksframlegg with a proposed decision drafted from the package', async () => {
      const text = await download(secretariat, `${base()}/case-document?format=docx&lang=nb`);
      expect(text).toContain('SAKSFRAMLEGG');
      expect(text).toContain(`Utvalg ${BODIES[0]}`);
      expect(text).toContain('Saksbehandler Pia Prosjektleder');
      expect(text).toContain('Forstudie Næringsvennlig Glåmdal – godkjenning og oppstart av forprosjekt');
      expect(text).toContain(
        `Forslag til vedtak ${BODIES[2]} godkjenner sluttrapporten fra forstudien og vedtar oppstart av forprosjektet. Perioden er 01.01.2027–30.06.2028.`,
      );
      expect(text).toContain(flat(`Kostnadsrammen er ${kroner(1_400_000, 'nb')} kr`));
      expect(text).toContain('Saken er ikke behandlet i andre utvalg før dette.');
      expect(text).toContain(BODIES.join(' – '));
      expect(text).toContain('Et felles næringsapparat for Glåmdal innen 2028.');
      expect(text).not.toContain('Endret etter oversendelsen');
      expect(text).toContain('Planen slik den ble sendt til behandling (versjon 1).');
      for (const [name] of GLAAMDAL) expect(text).toContain(flat(`${name} ${kroner(shares.get(name)!, 'nb')}`));
      expect(text).toContain(flat(`Sum ${kroner(1_000_000, 'nb')}`));
      expect(text).toContain(flat(`Sum kostnader ${kroner(600_000, 'nb')} ${kroner(800_000, 'nb')} ${kroner(1_400_000, 'nb')}`));
      expect(text).toContain('Bedriftene i Glåmdal ønsker én dør inn til kommunene.');
      expect(text).toContain('Vi anbefaler et felles næringsapparat for de sju kommunene.');
      expect(text).toContain('Sluttrapport for forstudien (Sluttrapport Glåmdal.pdf)');
    });

    it('makes the regionråd’s saksframlegg, in nynorsk, with what the earlier bodies recommended', async () => {
      await sql(`UPDATE gate_submission SET proposed_decision = $2 WHERE id = $1`, [submissionId, PROPOSED]);
      await sql(
        `UPDATE gate_case_step SET meeting_date = $2, case_number = $3, recommended_outcome = 'approved', recommendation = $4, handled_at = now()
          WHERE id = $1`,
        [stepIds[0], '2026-11-25', '5/26', 'Styringsgruppa tilrår oppstart.'],
      );
      await sql(
        `UPDATE gate_case_step SET meeting_date = $2, case_number = $3, recommended_outcome = 'approved', recommendation = $4, handled_at = now()
          WHERE id = $1`,
        [stepIds[1], '2026-12-02', '17/26', 'Rådmannsgruppa sluttar seg til.'],
      );
      await sql(`UPDATE gate_case_step SET case_number = '42/26' WHERE id = $1`, [stepIds[2]]);
      const kommuner = await sql(
        `SELECT k.id, k.name FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1`,
        [projectId],
      );
      for (const k of kommuner) {
        await sql(
          `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share, outcome) VALUES ($1, $2, $3, '2027-04-15', $4, $5)`,
          [submissionId, k.id, k.name, shares.get(k.name), k.name === 'Grue' ? 'no' : 'yes'],
        );
      }
      for (const format of ['pdf', 'docx']) {
        const text = await download(secretariat, `${base()}/case-document?format=${format}&lang=nn`);
        expect(text).toContain('SAKSFRAMLEGG');
        expect(text).toContain(`Utval ${BODIES[2]} Saksnummer 42/26 Sakshandsamar Pia Prosjektleder`);
        expect(text).toContain('Forstudie Næringsvennlig Glåmdal – godkjenning og oppstart av forprosjekt');
        expect(text).toContain(`Framlegg til vedtak ${PROPOSED}`);
        expect(text).toContain(`${BODIES[0]} 25. november 2026 5/26 Godkjend: Styringsgruppa tilrår oppstart.`);
        expect(text).toContain(`${BODIES[1]} 2. desember 2026 17/26 Godkjend: Rådmannsgruppa sluttar seg til.`);
        expect(text).toContain('7 av 7 kommunestyre har handsama saka, 1 har sagt nei.');
        for (const [name] of GLAAMDAL) expect(text).toContain(flat(`${name} ${kroner(shares.get(name)!, 'nn')} 15. april 2027`));
        expect(text).toContain(flat(`Grue ${kroner(shares.get('Grue')!, 'nn')} 15. april 2027 Nei`));
        expect(text).toContain(flat(`Sum kostnader ${kroner(600_000, 'nn')} ${kroner(800_000, 'nn')} ${kroner(1_400_000, 'nn')}`));
        expect(text).toContain('Økonomiske konsekvensar for kommunane');
        // Grue's no: the same million shared among the six that go on.
        expect(text).toContain('Konsekvens av nei Grue har sagt nei.');
        const others = shareCosts({
          total: 1_000_000,
          equalPercent: 50,
          kommuner: GLAAMDAL.filter(([n]) => n !== 'Grue').map(([name, population]) => ({ id: name, name, population })),
        });
        const kongsvinger = others.rows.find((r) => r.name === 'Kongsvinger')!.amount;
        expect(text).toContain(
          flat(
            `Kongsvinger ${kroner(shares.get('Kongsvinger')!, 'nn')} ${kroner(kongsvinger, 'nn')} +${kroner(kongsvinger - shares.get('Kongsvinger')!, 'nn')}`,
          ),
        );
        expect(text).toContain(flat(`Grue ${kroner(shares.get('Grue')!, 'nn')} 0 -${kroner(shares.get('Grue')!, 'nn')}`));
      }
      // An earlier body's own document, and the leader may read them too.
      const first = await download(leader, `${base()}/case-document?format=pdf&lang=en&step=${stepIds[0]}`);
      expect(first).toContain(`Body ${BODIES[0]}`);
      expect(first).toContain('No other body has handled the case before this one.');
      const missing = await secretariat.get(`${base()}/case-document?step=${forstudieId}`).expect(404);
      expect(missing.body.code).toBe('CASE_DOCUMENT_STEP_NOT_FOUND');
    });

    it('answers 409 for the extract until the regionråd has decided, then records the decision and its conditions', async () => {
      const refused = await secretariat.get(`${base()}/minutes-extract?format=pdf`).expect(409);
      expect(refused.body).toMatchObject({ code: 'MINUTES_NO_DECISION' });
      expect(refused.body.message).toContain(BODIES[2]);
      await sql(`UPDATE gate_case_step SET meeting_date = '2026-12-10', handled_at = now() WHERE id = $1`, [stepIds[2]]);
      const [d] = await sql(
        `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text, conditions, step_id, body_name)
         VALUES ($1, $2, 'approved_with_conditions', '2026-12-10', '42/26', $3, $4, $5, $6) RETURNING id`,
        [submissionId, forstudieId, DECISION, CONDITIONS.join('\n'), stepIds[2], BODIES[2]],
      );
      for (const [i, text] of CONDITIONS.entries()) {
        await sql(
          `INSERT INTO gate_condition (decision_id, phase_id, position, text, owner_user_id, due_date) VALUES ($1, $2, $3, $4, $5, '2027-02-01')`,
          [d.id, forprosjektId, i, text, leaderId],
        );
      }
      for (const [lang, words] of [
        ['nb', { body: 'Utvalg', outcome: 'Utfall: Godkjent med vilkår', innstilling: 'Godkjent', open: 'Åpent' }],
        ['nn', { body: 'Utval', outcome: 'Utfall: Godkjend med vilkår', innstilling: 'Godkjend', open: 'Ope' }],
      ] as const) {
        for (const format of ['pdf', 'docx']) {
          const text = await download(secretariat, `${base()}/minutes-extract?format=${format}&lang=${lang}`);
          expect(text).toContain('PROTOKOLLUTDRAG');
          expect(text).toContain(`${words.body} ${BODIES[2]}`);
          expect(text).toContain('42/26');
          expect(text).toContain(`Vedtak ${DECISION}`);
          expect(text).toContain(words.outcome);
          for (const [i, c] of CONDITIONS.entries()) expect(text).toContain(`${i + 1} ${c} Pia Prosjektleder`);
          expect(text).toContain(words.open);
          expect(text).toContain(`${BODIES[0]} 25. november 2026 5/26 ${words.innstilling}`);
          expect(text).toContain(`${BODIES[1]} 2. desember 2026 17/26 ${words.innstilling}`);
        }
      }
      const bySubmission = await download(leader, `${base()}/minutes-extract?format=docx&submission=${submissionId}`);
      expect(bySubmission).toContain(DECISION);
      const unknown = await secretariat.get(`${base()}/minutes-extract?submission=${forstudieId}`).expect(404);
      expect(unknown.body.code).toBe('CASE_DOCUMENT_SUBMISSION_NOT_FOUND');
    });

    it('still makes the decision basis (checklist) document as before', async () => {
      const text = await download(secretariat, `${base()}/document?format=docx`);
      expect(text).toContain('Beslutningsgrunnlag');
    });

    it('is not shown to someone outside the region', async () => {
      const other = await t.as([{ role: 'regionraad', regionId: (await t.factories.newRegion()).id }]);
      const res = await other.get(`${base()}/case-document`);
      expect([403, 404]).toContain(res.status);
    });
  });

  describe('through the gate as it runs over HTTP: submit, three bodies, the kommunestyrer, the decision', () => {
    let f: ProjectFixture;
    const gate = () => `/api/projects/${f.projectId}/phases/forstudie/gate`;
    const today = todayInOslo();

    beforeAll(async () => {
      f = await newProjectFixture(t, 'Flytregionen');
      const route = (await f.regionraad.get(`/api/regions/${f.region.id}/case-route`).expect(200)).body;
      await f.regionraad
        .put(`/api/regions/${f.region.id}/case-route`)
        .send({
          version: route.version,
          bodies: [
            { name: 'Styringsgruppen', kind: 'styringsgruppe', isOwner: false, decidesGates: [] },
            { name: 'Rådmannsgruppen', kind: 'radmannsgruppe', isOwner: false, decidesGates: [] },
            { name: 'Flytregionrådet', kind: 'regionrad', isOwner: true, decidesGates: [] },
          ],
        })
        .expect(200);
      await makePhaseReady(f, 'forstudie');
    });

    it('follows the case from body to body, and gives the extract once the regionråd has decided', async () => {
      const submissionId = await submitPhase(f, 'forstudie');
      const steps = (await f.regionraad.get(`${gate()}/steps`).expect(200)).body as { id: string; bodyName: string }[];
      expect(steps.map((s) => s.bodyName)).toEqual(['Styringsgruppen', 'Rådmannsgruppen', 'Flytregionrådet']);

      // The first body's document: the gate drafted the proposed decision; nynorsk gets its own words.
      let text = await download(f.regionraad, `${gate()}/case-document?format=docx&lang=nb`);
      expect(text).toContain('Utvalg Styringsgruppen');
      expect(text).toContain('Forslag til vedtak Flytregionrådet godkjenner sluttrapporten');
      text = await download(f.regionraad, `${gate()}/case-document?format=pdf&lang=nn`);
      expect(text).toContain('Utval Styringsgruppen');
      expect(text).toContain(
        'Framlegg til vedtak Flytregionrådet godkjenner sluttrapporten frå forstudien og vedtek oppstart av forprosjektet.',
      );

      await f.regionraad.put(`${gate()}/proposed-decision`).send({ submissionId, text: PROPOSED }).expect(200);
      for (const [i, step] of steps.slice(0, 2).entries()) {
        await f.regionraad
          .post(`${gate()}/steps/${step.id}`)
          .send({
            meetingDate: today,
            caseNumber: `${i + 1}/26`,
            recommendedOutcome: 'approved',
            recommendation: `Innstilling ${i + 1}`,
          })
          .expect(200);
      }
      const cases = (await f.regionraad.get(`${gate()}/kommune-cases`).expect(200)).body.cases as {
        id: string;
        kommuneName: string;
        share: number;
        version: number;
      }[];
      expect(cases).toHaveLength(2);
      await f.regionraad
        .put(`${gate()}/kommune-cases/${cases[0].id}`)
        .send({
          outcome: 'no',
          meetingDate: today,
          caseNumber: '33/26',
          decisionText: 'Kommunestyret går ikke inn i forprosjektet.',
          version: cases[0].version,
        })
        .expect(200);

      for (const lang of ['nb', 'nn'] as const) {
        text = await download(f.leader, `${gate()}/case-document?format=docx&lang=${lang}`);
        expect(text).toContain(`${lang === 'nb' ? 'Utvalg' : 'Utval'} Flytregionrådet`);
        expect(text).toContain(`${lang === 'nb' ? 'Forslag' : 'Framlegg'} til vedtak ${PROPOSED}`);
        expect(text).toContain(`Styringsgruppen ${date(today, lang)} 1/26 ${lang === 'nb' ? 'Godkjent' : 'Godkjend'}: Innstilling 1`);
        expect(text).toContain(`Rådmannsgruppen ${date(today, lang)} 2/26`);
        for (const c of cases) expect(text).toContain(flat(`${c.kommuneName} ${kroner(c.share, lang)}`));
        expect(text).toContain(flat(`Sum kostnader ${kroner(400_000, lang)}`));
        // The first kommune said no: the other would carry the whole contribution.
        expect(text).toContain(`Konsekvens av nei ${cases[0].kommuneName}`);
        expect(text).toContain(
          flat(`${cases[1].kommuneName} ${kroner(cases[1].share, lang)} ${kroner(cases[0].share + cases[1].share, lang)}`),
        );
      }

      expect((await f.regionraad.get(`${gate()}/minutes-extract`).expect(409)).body.code).toBe('MINUTES_NO_DECISION');
      await f.regionraad
        .post(`${gate()}/decision`)
        .send(
          decision(submissionId, 'approved_with_conditions', {
            meetingDate: today,
            caseNumber: '42/26',
            decisionText: DECISION,
            conditionItems: CONDITIONS.map((c) => ({ text: c, ownerUserId: f.leader.userId, dueDate: '2027-02-01' })),
          }),
        )
        .expect(200);
      for (const lang of ['nb', 'nn'] as const) {
        for (const format of ['pdf', 'docx']) {
          text = await download(f.adviser, `${gate()}/minutes-extract?format=${format}&lang=${lang}`);
          expect(text).toContain('PROTOKOLLUTDRAG');
          expect(text).toContain(`${lang === 'nb' ? 'Utvalg' : 'Utval'} Flytregionrådet`);
          expect(text).toContain('42/26');
          expect(text).toContain(`Vedtak ${DECISION}`);
          for (const [i, c] of CONDITIONS.entries()) expect(text).toContain(`${i + 1} ${c} Pia Prosjektleder`);
          expect(text).toContain(`Styringsgruppen ${date(today, lang)} 1/26`);
        }
      }
    });
  });
});
