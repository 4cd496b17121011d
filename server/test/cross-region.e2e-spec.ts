import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { seedDemoData } from '../src/database/seed/seed';
import {
  changedTables,
  exampleValue,
  fingerprint,
  Fingerprint,
  fingerprintQuery,
  IdKind,
  makeSamples,
  Operation,
  operations,
  paramKind,
  preview,
  routeKey,
  Samples,
  searchableText,
  unfillable,
} from './support/openapi-fuzz';
import { createTestApp, Session, TestApp } from './support/test-app';

/**
 * Region isolation, for every route of the OpenAPI document (built from the running app, so new routes
 * are covered without touching this file): people of region B (its regionråd, a project leader, an
 * adviser) call each route with region A's ids — everywhere, and with B's own ids in the outer part of
 * the path and A's in the inner part (/projects/{B}/deliverables/{B}/files/{A file}) — and with A's ids
 * in query and body. None of it may succeed, no answer may carry A's data, and A's data stays as it was.
 */

/** Kinds of ids that belong to one region. Kommuner are public facts (any signed-in person may read them). */
const SCOPED: ReadonlySet<IdKind> = new Set<IdKind>([
  'region',
  'membership',
  'project',
  'deliverable',
  'file',
  'decision',
  'submission',
  'statusReport',
  'comment',
  'notification',
  'user',
  'commentTarget',
  'kommune',
  'caseStep',
  'kommuneCase',
  'condition',
  'survey',
  'surveyLink',
  'surveyResponse',
  'conversation',
  'recommendation',
  'risk',
  'benefit',
  'benefitIndicator',
  'benefitMeasurement',
  'lesson',
  'invitation',
]);
/** GET routes any signed-in person may read for any id of these kinds. */
const PUBLIC_READS = new Set(['GET /api/kommuner/{id}', 'GET /api/kommuner/{id}/population', 'GET /api/kommuner/{id}/numbers']);

type Ids = Partial<Record<IdKind, string>>;

interface Call {
  op: Operation;
  variant: string;
  url: string;
  body?: unknown;
  multipart?: boolean;
  /** Whether A's ids are in the path (then the answer must not be 2xx). */
  aInPath: boolean;
  aInQueryOrBody: boolean;
}

const rawBody = (res: IncomingMessage, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('cross-region isolation on every route of the OpenAPI document', () => {
  let t: TestApp;
  let pg: Client;
  let fpQuery: string;
  let ops: Operation[];
  let samples: Samples;
  const A: Ids = {};
  const B: Ids = {};
  /** Strings that are A's alone: ids, names, e-mails, and markers written into A's texts. */
  const aSecrets: string[] = [];
  const aOnlyAccounts: { id: string; email: string }[] = [];
  const sessions: Record<string, Session> = {};
  let regionraadOfA: Session;
  const aPhases: Record<string, string> = {};
  let aSurveyQuestion = '';
  let leaderOfA: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoData(t.db);
    samples = await makeSamples();
    const one = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0];
    const col = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params)).map((r: { v: string }) => String(r.v));

    // Region A: Kongsbergregionen, enriched so every kind of id exists.
    const regionA = await one(`SELECT id, name FROM region WHERE name = 'Kongsbergregionen'`);
    const projectA = await one(`SELECT id FROM project WHERE name = 'Næringsvennlig Kongsbergregion 2026'`);
    const regionraadA = await t.signIn('regionrad@demo.no', DEMO_PASSWORD);
    const leaderA = await t.signIn('prosjektleder@demo.no', DEMO_PASSWORD);
    regionraadOfA = regionraadA;
    const project = (await leaderA.get(`/api/projects/${projectA.id}`).expect(200)).body;
    const current = project.phases.find((p: { key: string }) => p.key === project.currentPhaseKey);
    const del = current.deliverables.find((d: { state: string }) => d.state === 'draft' || d.state === 'returned');
    await leaderA
      .post(`/api/projects/${projectA.id}/deliverables/${del.id}/files`)
      .attach('file', samples.pdf, { filename: 'A-hemmelig.pdf', contentType: 'application/pdf' })
      .expect(201);
    const file = await one(`SELECT file_id AS id FROM deliverable_file WHERE deliverable_id = $1 LIMIT 1`, [del.id]);
    for (const key of ['hovedprosjekt', 'forprosjekt', 'forstudie']) {
      const res = await leaderA.post(`/api/projects/${projectA.id}/phases/${key}/plan/versions`).send({ label: 'A-versjon' });
      if (res.status === 201) {
        aPhases.planVersion = key;
        A.planVersion = String(
          (
            await one(
              `SELECT max(s.number) AS n FROM phase_plan_snapshot s JOIN phase_plan pp ON pp.id = s.plan_id
                 JOIN project_phase ph ON ph.id = pp.phase_id WHERE ph.project_id = $1 AND ph.phase_key = $2`,
              [projectA.id, key],
            )
          ).n,
        );
        break;
      }
    }
    const decision = await one(
      `SELECT d.id, ph.phase_key FROM gate_decision d JOIN project_phase ph ON ph.id = d.phase_id WHERE ph.project_id = $1 LIMIT 1`,
      [projectA.id],
    );
    await regionraadA
      .post(`/api/projects/${projectA.id}/phases/${decision.phase_key}/gate/decisions/${decision.id}/minutes`)
      .attach('file', samples.pdf, { filename: 'A-protokoll.pdf', contentType: 'application/pdf' })
      .expect((r) => expect(r.status).toBeLessThan(300));
    aPhases.decision = decision.phase_key;
    // A case step, a kommune case and a condition of A's decided gate, so their routes are tried with A's ids.
    const caseStep = await one(
      `INSERT INTO gate_case_step (submission_id, position, body_name, body_kind, decides)
       SELECT submission_id, 0, 'A-organ', 'styringsgruppe', false FROM gate_decision WHERE id = $1 RETURNING id`,
      [decision.id],
    );
    const kommuneCase = await one(
      `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share)
       SELECT d.submission_id, pk.kommune_id, 'A-kommune', '2030-01-01', 1000 FROM gate_decision d
         JOIN project_phase ph ON ph.id = d.phase_id JOIN project_kommune pk ON pk.project_id = ph.project_id
        WHERE d.id = $1 LIMIT 1 RETURNING id`,
      [decision.id],
    );
    // Their files too (a copy of A's deliverable file), so the download routes have something to refuse.
    const copyOfFile = async () =>
      (
        await one(
          `INSERT INTO stored_file (filename, content_type, size_bytes, sha256, data, uploaded_by)
           SELECT filename, content_type, size_bytes, sha256, data, uploaded_by FROM stored_file WHERE id = $1 RETURNING id`,
          [file.id],
        )
      ).id as string;
    await t.db.query(`UPDATE gate_case_step SET minutes_file_id = $2 WHERE id = $1`, [caseStep.id, await copyOfFile()]);
    const condition = await one(
      `INSERT INTO gate_condition (decision_id, phase_id, position, text, file_id) SELECT id, phase_id, 0, 'A-vilkår', $2 FROM gate_decision WHERE id = $1 RETURNING id`,
      [decision.id, await copyOfFile()],
    );
    // A survey with a link and an answer, an interview and a recommendation, so the mapping routes are tried with A's ids.
    const surveys = `/api/projects/${projectA.id}/surveys`;
    const survey = (await leaderA.post(surveys).send({ templateKey: 'business_survey', title: 'A-undersøkelse' }).expect(201)).body;
    await leaderA.post(`${surveys}/${survey.id}/open`).send({}).expect(200);
    const link = (await leaderA.post(`${surveys}/${survey.id}/links`).send({}).expect(201)).body;
    aSurveyQuestion = survey.questions.find((q: { kind: string }) => q.kind === 'single').key;
    leaderOfA = leaderA;
    const surveyResponse = await one(
      `INSERT INTO survey_response (survey_id, definition_version, answers, source, received_on)
       SELECT id, definition_version, '{}', 'web', CURRENT_DATE FROM survey WHERE id = $1 RETURNING id`,
      [survey.id],
    );
    const conversation = (
      await leaderA
        .post(`/api/projects/${projectA.id}/conversations`)
        .send({ kind: 'interview', title: 'A-intervju', heldOn: '2026-03-01', participantCount: 1 })
        .expect(201)
    ).body;
    const recommendation = (await leaderA.post(`/api/projects/${projectA.id}/recommendations`).send({ title: 'A-anbefaling' }).expect(201))
      .body;
    const risk = (
      await leaderA
        .post(`/api/projects/${projectA.id}/risks`)
        .send({ description: 'A-risiko', probabilityBefore: 3, consequenceBefore: 3, strategy: 'reduce', ownerId: leaderA.userId })
        .expect(201)
    ).body;
    const benefit = (
      await leaderA
        .post(`/api/projects/${projectA.id}/benefits`)
        .send({
          title: 'A-gevinst',
          ownerUserId: leaderA.userId,
          indicators: [
            { name: 'A-indikator', unit: '%', startValue: 10, startDate: '2024-01-01', targetValue: 50, targetDate: '2028-01-01' },
          ],
        })
        .expect(201)
    ).body;
    const measured = (
      await leaderA
        .post(`/api/projects/${projectA.id}/benefits/${benefit.id}/indicators/${benefit.indicators[0].id}/measurements`)
        .send({ measuredOn: '2025-01-01', value: 20, comment: 'A-måling' })
        .expect(201)
    ).body;
    // Lessons are written while a hovedprosjekt closes; project A is earlier in PLP, so its lesson is put in directly.
    const lesson = await one(
      `INSERT INTO closing_lesson (project_id, phase_key, category, text, created_by) VALUES ($1, 'forstudie', 'other', 'A-lærdom', $2) RETURNING id`,
      [projectA.id, leaderA.userId],
    );
    const invitation = (
      await regionraadA
        .post(`/api/regions/${regionA.id}/invitations`)
        .send({ email: 'a-invitert@kongsberg.kommune.no', roles: [{ role: 'project_member', projectId: projectA.id }] })
        .expect(201)
    ).body;
    const report = await one(`SELECT id FROM status_report WHERE project_id = $1 ORDER BY period DESC LIMIT 1`, [projectA.id]);
    const comment = await one(`SELECT id FROM comment WHERE project_id = $1 LIMIT 1`, [projectA.id]);
    const notification = await one(`SELECT id FROM notification WHERE project_id = $1 LIMIT 1`, [projectA.id]);
    const membership = await one(`SELECT id, kommune_id FROM region_membership WHERE region_id = $1 LIMIT 1`, [regionA.id]);
    const checkpoint = await one(
      `SELECT c.checkpoint_key FROM gate_checkpoint c JOIN project_phase ph ON ph.id = c.phase_id WHERE ph.project_id = $1 LIMIT 1`,
      [projectA.id],
    );
    const submission = await one(
      `SELECT s.id FROM gate_submission s JOIN project_phase ph ON ph.id = s.phase_id WHERE ph.project_id = $1 LIMIT 1`,
      [projectA.id],
    );
    const population = await one(`SELECT to_char(as_of, 'YYYY-MM-DD') AS d FROM kommune_population WHERE kommune_id = $1 LIMIT 1`, [
      membership.kommune_id,
    ]);
    const aOnly = await t.db.query(`SELECT id, email, name FROM app_user WHERE email IN ('regionrad@demo.no', 'kontakt@demo.no')`);
    aOnlyAccounts.push(...aOnly.map((u: { id: string; email: string }) => ({ id: u.id, email: u.email })));
    Object.assign(A, {
      region: regionA.id,
      project: projectA.id,
      deliverable: del.id,
      file: file.id,
      decision: decision.id,
      submission: submission?.id,
      statusReport: report.id,
      comment: comment.id,
      notification: notification?.id,
      membership: membership.id,
      kommune: membership.kommune_id,
      user: aOnly[0].id,
      commentTarget: del.id,
      caseStep: caseStep.id,
      kommuneCase: kommuneCase.id,
      condition: condition.id,
      survey: survey.id,
      surveyLink: link.id,
      surveyResponse: surveyResponse.id,
      surveyToken: link.token,
      conversation: conversation.id,
      recommendation: recommendation.id,
      risk: risk.id,
      benefit: benefit.id,
      benefitIndicator: benefit.indicators[0].id,
      benefitMeasurement: measured.indicators[0].measurements[0].id,
      lesson: lesson.id,
      invitation: invitation.id,
      checkpointKey: checkpoint?.checkpoint_key,
      populationDate: population?.d,
      templateKey: (await one(`SELECT key FROM template ORDER BY key LIMIT 1`)).key,
      templateVersion: '1',
    });

    // Markers in A's texts, so a leak of content (not only of ids) is seen.
    const marker = `A-HEMMELIG-${randomBytes(4).toString('hex')}`;
    await t.db.query(`UPDATE deliverable SET content = content || $2 WHERE id = $1`, [del.id, ` ${marker}-leveranse`]);
    await t.db.query(`UPDATE comment SET body = body || $2 WHERE project_id = $1`, [projectA.id, ` ${marker}-kommentar`]);
    await t.db.query(`UPDATE status_report SET next_steps = next_steps || $2 WHERE project_id = $1 AND state = 'draft'`, [
      projectA.id,
      ` ${marker}-rapport`,
    ]);
    await t.db.query(`UPDATE gate_decision SET decision_text = decision_text || $2 WHERE id = $1`, [decision.id, ` ${marker}-vedtak`]);
    await t.db.query(`UPDATE project SET description = coalesce(description, '') || $2 WHERE region_id = $1`, [
      regionA.id,
      ` ${marker}-prosjekt`,
    ]);
    aSecrets.push(
      marker,
      regionA.name,
      ...aOnly.flatMap((u: { id: string; email: string; name: string }) => [u.id, u.email, u.name]),
      ...(await col(`SELECT id AS v FROM project WHERE region_id = $1`, [regionA.id])),
      ...(await col(`SELECT name AS v FROM project WHERE region_id = $1`, [regionA.id])),
      ...(await col(
        `SELECT d.id AS v FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id JOIN project p ON p.id = ph.project_id WHERE p.region_id = $1`,
        [regionA.id],
      )),
      ...(await col(
        `SELECT d.id AS v FROM gate_decision d JOIN project_phase ph ON ph.id = d.phase_id JOIN project p ON p.id = ph.project_id WHERE p.region_id = $1`,
        [regionA.id],
      )),
      ...(await col(`SELECT s.id AS v FROM status_report s JOIN project p ON p.id = s.project_id WHERE p.region_id = $1`, [regionA.id])),
      ...(await col(`SELECT c.id AS v FROM comment c JOIN project p ON p.id = c.project_id WHERE p.region_id = $1`, [regionA.id])),
      ...(await col(`SELECT id AS v FROM region_membership WHERE region_id = $1`, [regionA.id])),
      regionA.id,
      file.id,
      'A-hemmelig',
      'A-protokoll',
      'A-versjon',
      'A-organ',
      'A-kommune',
      'A-vilkår',
      'A-undersøkelse',
      'A-intervju',
      'A-anbefaling',
      'A-risiko',
      'A-gevinst',
      'A-indikator',
      'A-måling',
      'A-lærdom',
      'a-invitert@kongsberg.kommune.no',
      link.token,
    );

    // Region B: Glåmdalsregionen, with people of B only.
    const regionB = await one(`SELECT id FROM region WHERE name = 'Glåmdalsregionen'`);
    const projectB = await one(`SELECT id FROM project WHERE name = 'Næringsvennlig Glåmdal'`);
    const delB = await one(
      `SELECT d.id FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id WHERE ph.project_id = $1 ORDER BY d.id LIMIT 1`,
      [projectB.id],
    );
    const membershipB = await one(`SELECT id, kommune_id FROM region_membership WHERE region_id = $1 LIMIT 1`, [regionB.id]);
    Object.assign(B, {
      region: regionB.id,
      project: projectB.id,
      deliverable: delB.id,
      membership: membershipB.id,
      kommune: membershipB.kommune_id,
      commentTarget: delB.id,
      survey: (await one(`SELECT id FROM survey WHERE project_id = $1 LIMIT 1`, [projectB.id])).id,
      ...(await one(
        `SELECT b.id AS benefit, i.id AS "benefitIndicator" FROM benefit b JOIN benefit_indicator i ON i.benefit_id = b.id
          WHERE b.project_id = $1 LIMIT 1`,
        [projectB.id],
      )),
    });
    sessions.regionraad = await t.signIn('sekretariat.glamdal@demo.no', DEMO_PASSWORD);
    sessions.leader = await t.as([{ role: 'project_leader', regionId: regionB.id, projectId: projectB.id }]);
    sessions.adviser = await t.as([{ role: 'adviser', regionId: regionB.id }]);

    // The respondents' public survey routes have no region: the unguessable link is the key, and whoever
    // holds it may answer (surveys.e2e-spec.ts tests those routes).
    ops = operations(t.app).filter((op) => op.rule?.kind !== 'public' || op.path === '/api/auth/login' || op.path === '/api/health');
    fpQuery = await fingerprintQuery(t.db);
    pg = new Client({ connectionString: t.url });
    await pg.connect();
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  /** The calls for one route: A everywhere, then B outside and A inside at each split, and A in query/body. */
  function callsFor(op: Operation): Call[] {
    const kinds = op.pathParams.map((p) => paramKind(op.path, p.name));
    const scopedPositions = kinds.map((k, i) => (SCOPED.has(k) ? i : -1)).filter((i) => i >= 0);
    const phaseKeys = ['decision', 'caseStep', 'kommuneCase', 'condition'].some((k) => kinds.includes(k as IdKind))
      ? [aPhases.decision]
      : kinds.includes('planVersion')
        ? [aPhases.planVersion]
        : ['forstudie', 'forprosjekt', 'hovedprosjekt'];
    const idForA = (kind: IdKind) => A[kind];
    const query = op.queryParams
      .map((q) => {
        const kind = ({ regionId: 'region', targetId: 'commentTarget' } as Record<string, IdKind>)[q.name];
        if (kind) return `${q.name}=${A[kind]}`;
        if (q.name === 'targetType') return 'targetType=deliverable';
        // A date range (the archive export): wide enough to hold everything.
        if (q.schema.format === 'date') return `${q.name}=${q.name === 'to' ? '2040-12-31' : '2000-01-01'}`;
        if (q.name === 'from') return `from=${A.planVersion}`;
        if (q.name === 'to') return 'to=current';
        if (q.name === 'by') return 'by=kommune';
        if (q.name === 'question') return `question=${aSurveyQuestion}`;
        if (q.schema.enum) return `${q.name}=${encodeURIComponent(String(q.schema.enum[0]))}`;
        return null;
      })
      .filter((x): x is string => x !== null);
    const aInQuery = query.some((q) => /=[0-9a-f]{8}-/.test(q));
    const body = op.body?.kind === 'json' ? exampleValue(op.body.schema, idForA) : undefined;
    const aInBody = body !== undefined && [...SCOPED].some((kind) => A[kind] && JSON.stringify(body).includes(A[kind] as string));

    const splits: { variant: string; from: (i: number) => Ids }[] = [];
    if (scopedPositions.length) {
      splits.push({ variant: 'A ids in the path', from: () => A });
      for (let s = 1; s < scopedPositions.length; s++)
        splits.push({ variant: `B ids for ${s} outer, A ids for the inner`, from: (i) => (scopedPositions.indexOf(i) < s ? B : A) });
    } else if (aInQuery || aInBody) {
      splits.push({ variant: 'A ids in query or body', from: () => B });
    } else if (op.method === 'get') {
      splits.push({ variant: 'no ids (lists: must hold nothing of A)', from: () => B });
    }
    const calls: Call[] = [];
    for (const split of splits) {
      for (const phaseKey of kinds.includes('phaseKey') ? phaseKeys : [undefined]) {
        let url = op.path;
        let missing: string | null = null;
        op.pathParams.forEach((p, i) => {
          const kind = kinds[i];
          const value = kind === 'phaseKey' ? phaseKey : (SCOPED.has(kind) ? split.from(i) : A)[kind];
          if (!value) missing = `${p.name} (${kind})`;
          url = url.replace(`{${p.name}}`, encodeURIComponent(value ?? 'missing'));
        });
        if (missing) throw new Error(`cross-region: no ${missing} for ${routeKey(op)} (${split.variant}): add one to the fixtures`);
        calls.push({
          op,
          variant: `${split.variant}${phaseKey ? ` [${phaseKey}]` : ''}`,
          url: query.length ? `${url}?${query.join('&')}` : url,
          body,
          multipart: op.body?.kind === 'multipart',
          aInPath: scopedPositions.length > 0,
          aInQueryOrBody: aInQuery || aInBody,
        });
      }
    }
    return calls;
  }

  it('knows how to fill every path parameter of the document', () => {
    expect(unfillable(ops)).toEqual([]);
  });

  it.each(['regionraad', 'leader', 'adviser'])("%s of region B gets nothing of region A's on any route", async (who) => {
    const s = sessions[who];
    const problems: string[] = [];
    let calls = 0;
    const refusedAsInvalid: string[] = [];
    for (const op of ops) {
      for (const call of callsFor(op)) {
        calls += 1;
        const before: Fingerprint = await fingerprint(pg, fpQuery);
        let test = s[op.method](call.url)
          .buffer(true)
          .parse(rawBody as never);
        if (call.multipart) test = test.attach('file', samples.pdf, { filename: 'B.pdf', contentType: 'application/pdf' });
        else if (call.body !== undefined) test = test.send(call.body as object);
        const res = await test;
        if (res.status === 400 || res.status === 422)
          refusedAsInvalid.push(`${res.status} ${routeKey(op)} — ${call.variant}: ${preview(searchableText(res.body), 160)}`);
        const after = await fingerprint(pg, fpQuery);
        const what = `${routeKey(op)} — ${call.variant}: ${op.method.toUpperCase()} ${call.url}${call.body !== undefined ? ` ${preview(call.body, 160)}` : ''}`;
        const ok2xx = res.status >= 200 && res.status < 300;
        const mustRefuse =
          (call.aInPath && !(op.method === 'get' && PUBLIC_READS.has(routeKey(op)))) || (call.aInQueryOrBody && op.method !== 'get');
        if (mustRefuse && ok2xx) problems.push(`${what}\n    answered ${res.status}: ${preview(searchableText(res.body), 200)}`);
        if (res.status >= 500) problems.push(`${what}\n    answered ${res.status}`);
        const sent = `${call.url} ${JSON.stringify(call.body ?? '')}`;
        const text = searchableText(res.body);
        const leaked = aSecrets.filter((x) => x && text.includes(x) && !sent.includes(x));
        if (leaked.length) problems.push(`${what}\n    answered ${res.status} with A's data: ${leaked.slice(0, 5).join(', ')}`);
        const changed = changedTables(before, after);
        if (changed.length) problems.push(`${what}\n    answered ${res.status} and changed ${changed.join(', ')}`);
      }
    }
    console.log(
      `cross-region as ${who} of B: ${calls} calls over ${ops.length} routes, ${problems.length} problems` +
        `\n  not called (a write that takes no id of A's anywhere): ${ops
          .filter((op) => callsFor(op).length === 0)
          .map(routeKey)
          .join(', ')}` +
        (refusedAsInvalid.length
          ? `\n  refused as invalid input (400/422), so the access check behind it was not reached:\n  ${refusedAsInvalid.join('\n  ')}`
          : ''),
    );
    expect(problems).toEqual([]);
  });

  it("answers the same reads for region A's own people (so the refusals above are about access, not malformed calls)", async () => {
    const failing: string[] = [];
    for (const op of ops.filter((o) => o.method === 'get' && o.rule?.kind !== 'admin')) {
      const calls = callsFor(op).filter((c) => c.variant.startsWith('A ids in the path'));
      if (!calls.length) continue;
      // The regionråd reads; what only editors may read (a first draft, the raw answers) its project leader reads.
      const statuses = await Promise.all(
        calls.flatMap((c) =>
          [regionraadOfA, leaderOfA].map(
            async (s) =>
              (
                await s
                  .get(c.url)
                  .buffer(true)
                  .parse(rawBody as never)
              ).status,
          ),
        ),
      );
      // 422: past the access check, refused by a domain rule (a first draft of a deliverable that has none).
      if (!statuses.some((st) => (st >= 200 && st < 300) || st === 422)) failing.push(`${routeKey(op)}: ${statuses.join(', ')}`);
    }
    expect(failing).toEqual([]);
  });

  it("leaves region A's notifications alone for a person who moved from A to B (refused mark-read changes nothing)", async () => {
    // A person who had a role in A (and got a notification about A's project) now works in B only.
    const moved = await t.factories.newUser({ roles: [{ role: 'adviser', regionId: B.region }] });
    const [n] = await t.db.query(
      `INSERT INTO notification (recipient_id, kind, project_id, target_type, target_id, title, body)
       VALUES ($1, 'mention', $2, 'deliverable', $3, $4, '') RETURNING id`,
      [moved.id, A.project, A.deliverable, `Nevnt i ${aSecrets[0]}`],
    );
    const s = await t.signIn(moved.email);
    expect(JSON.stringify((await s.get('/api/notifications').expect(200)).body)).not.toContain(n.id);
    const res = await s.post(`/api/notifications/${n.id}/read`);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOTIFICATION_NOT_FOUND' });
    const [after] = await t.db.query(`SELECT read_at FROM notification WHERE id = $1`, [n.id]);
    expect(after.read_at).toBeNull();
  });

  it("lists no account of region A alone in region B's regionråd's directory", async () => {
    const res = await sessions.regionraad.get('/api/users/directory').expect(200);
    const text = JSON.stringify(res.body);
    expect(aOnlyAccounts.filter((u) => text.includes(u.id) || text.includes(u.email))).toEqual([]);
  });
});
