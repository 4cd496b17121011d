import { todayInOslo } from '@nvr/shared';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loggablePath } from '../src/common/request-logger.middleware';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

/** A project's surveys over HTTP: the leader's side, and the anonymous respondents' public form. */
describe('surveys', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let other: ProjectFixture;
  let base: string;
  let addressSeq = 0;
  /** Each respondent comes from its own address (the app trusts X-Forwarded-For from loopback), so the rate limit stays out of the way. */
  const respondent = () => `10.0.0.${++addressSeq}`;
  const publicGet = (token: string) => t.http().get(`/api/public/surveys/${token}`);
  const publicPost = (token: string, body: object, address = respondent()) =>
    t.http().post(`/api/public/surveys/${token}/responses`).set('X-Forwarded-For', address).send(body);
  const responses = async (surveyId: string): Promise<Record<string, unknown>[]> =>
    t.db.query(`SELECT * FROM survey_response WHERE survey_id = $1`, [surveyId]);

  beforeAll(async () => {
    t = await createTestApp({ surveyAnswerRateLimit: 3, publicBaseUrl: 'https://nvr.example.no' });
    f = await newProjectFixture(t, 'Undersøkelsesregionen');
    other = await newProjectFixture(t, 'Naboregionen');
    base = `/api/projects/${f.projectId}/surveys`;
  });
  afterAll(() => t.close());

  describe('from the business survey template', () => {
    let survey: { id: string; version: number; definitionVersion: number; questions: { key: string }[] };
    let general: { id: string; token: string; url: string };
    let forKommune: { id: string; token: string };
    const answers = {
      role: 'owner_manager',
      employees: 'employees_1_3',
      building_permits: 4,
      most_important_needs: ['business_land', 'dialogue'],
      comments: '  Mer dialog, takk.  ',
    };

    it('the template library shows the survey templates with their questions', async () => {
      const templates = (await f.leader.get('/api/templates').expect(200)).body as {
        key: string;
        version: number;
        questions?: unknown[];
      }[];
      // Version 3 (templates in three languages) keeps version 2's questions.
      expect(templates.find((x) => x.key === 'business_survey')).toMatchObject({ version: 3, questions: expect.any(Array) as unknown });
      expect(templates.find((x) => x.key === 'first_line_survey')).toMatchObject({ version: 1, questions: expect.any(Array) as unknown });
      expect(templates.find((x) => x.key === 'plan_forstudie')?.questions).toBeUndefined();
    });

    it('the leader creates a survey from the template: a draft with its questions and no links', async () => {
      const res = await f.leader.post(base).send({ templateKey: 'business_survey' }).expect(201);
      survey = res.body;
      expect(res.body).toMatchObject({
        projectId: f.projectId,
        title: 'Spørreundersøkelse til næringslivet',
        status: 'draft',
        templateKey: 'business_survey',
        definitionVersion: 1,
        responseCount: 0,
        locked: false,
        minGroupSize: 5,
        links: [],
        version: 1,
      });
      expect(survey.questions.map((q) => q.key)).toEqual(expect.arrayContaining(['role', 'employees', 'building_permits', 'comments']));
      // The form shows the standard privacy notice itself; the survey's own text is an addition.
      expect(res.body.privacyNotice).toBe('');
      const list = (await f.adviser.get(base).expect(200)).body;
      expect(list).toEqual([expect.objectContaining({ id: survey.id, status: 'draft', responseCount: 0 })]);
    });

    it('refuses neither or both of templateKey and copyOf, and an unknown template', async () => {
      await f.leader.post(base).send({}).expect(400);
      await f.leader.post(base).send({ templateKey: 'business_survey', copyOf: survey.id }).expect(400);
      const res = await f.leader.post(base).send({ templateKey: 'plan_forstudie' }).expect(422);
      expect(res.body.code).toBe('SURVEY_TEMPLATE_NOT_FOUND');
    });

    it('edits: a stale version answers 409, a bad definition 422 naming the field, a good change bumps the definition', async () => {
      const stale = await f.leader
        .patch(`${base}/${survey.id}`)
        .send({ version: survey.version + 1, title: 'Ny' })
        .expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');

      const duplicate = [...survey.questions, { ...survey.questions[0] }];
      const bad = await f.leader.patch(`${base}/${survey.id}`).send({ version: survey.version, questions: duplicate }).expect(422);
      expect(bad.body.code).toBe('SURVEY_DEFINITION_INVALID');
      expect(bad.body.errors[0].field).toMatch(/^questions\.\d+\.key$/);

      const shape = await f.leader
        .patch(`${base}/${survey.id}`)
        .send({ version: survey.version, questions: [{ key: 'x', kind: 'essay', text: { nb: 'X' }, required: false }] })
        .expect(400);
      expect(shape.body.errors[0].field).toBe('questions[0].kind');

      const extra = {
        key: 'extra',
        kind: 'number',
        text: { nb: 'Hvor mange år har bedriften eksistert?' },
        required: false,
        min: 0,
        max: 500,
      };
      const ok = await f.leader
        .patch(`${base}/${survey.id}`)
        .send({ version: survey.version, questions: [...survey.questions, extra], intro: 'Takk for at du svarer!', minGroupSize: 4 })
        .expect(200);
      expect(ok.body).toMatchObject({
        definitionVersion: 2,
        version: survey.version + 1,
        intro: 'Takk for at du svarer!',
        minGroupSize: 4,
      });
      expect(ok.body.questions).toHaveLength(survey.questions.length + 1);
      survey = ok.body;

      const same = await f.leader.patch(`${base}/${survey.id}`).send({ version: survey.version, questions: survey.questions }).expect(200);
      expect(same.body.definitionVersion).toBe(2);
      survey = same.body;
    });

    it('makes links: one general, one per kommune of the project, none for other kommuner, no duplicates', async () => {
      const g = await f.leader.post(`${base}/${survey.id}/links`).send({}).expect(201);
      general = g.body;
      expect(general.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(general.url).toBe(`https://nvr.example.no/s/${general.token}`);
      expect((await f.leader.post(`${base}/${survey.id}/links`).send({}).expect(409)).body.code).toBe('SURVEY_LINK_EXISTS');

      const k = await f.leader.post(`${base}/${survey.id}/links`).send({ kommuneId: f.kommuner[0].id }).expect(201);
      forKommune = k.body;
      expect(k.body).toMatchObject({ kommuneId: f.kommuner[0].id, kommuneName: expect.any(String) as unknown, disabledAt: null });
      expect((await f.leader.post(`${base}/${survey.id}/links`).send({ kommuneId: f.kommuner[0].id }).expect(409)).body.code).toBe(
        'SURVEY_LINK_EXISTS',
      );
      const outside = await f.leader.post(`${base}/${survey.id}/links`).send({ kommuneId: other.kommuner[0].id }).expect(422);
      expect(outside.body.code).toBe('KOMMUNE_NOT_IN_PROJECT');

      // The leader sees the tokens; the adviser, who may only read, does not.
      expect((await f.leader.get(`${base}/${survey.id}`).expect(200)).body.links).toHaveLength(2);
      expect((await f.adviser.get(`${base}/${survey.id}`).expect(200)).body.links).toEqual([]);
      // Tokens never go into the history, which more people can read.
      const history = await t.db.query(`SELECT after::text AS after FROM history_event WHERE action = 'survey.link_created'`);
      expect(history.map((h: { after: string }) => h.after).join()).not.toContain(general.token);
    });

    it('a draft survey takes no answers yet', async () => {
      expect((await publicGet(general.token).expect(409)).body.code).toBe('SURVEY_NOT_OPEN');
      await publicPost(general.token, { answers, definitionVersion: 2 }).expect(409);
      expect(await responses(survey.id)).toHaveLength(0);
    });

    it('opens, and an anonymous respondent reads the form and answers', async () => {
      const opened = await f.leader.post(`${base}/${survey.id}/open`).send({}).expect(200);
      expect(opened.body.status).toBe('open');

      const form = (await publicGet(forKommune.token).expect(200)).body;
      expect(form).toMatchObject({
        title: 'Spørreundersøkelse til næringslivet',
        intro: 'Takk for at du svarer!',
        regionName: 'Undersøkelsesregionen',
        kommuneName: expect.any(String) as unknown,
        definitionVersion: 2,
        closesAt: null,
      });
      expect(JSON.stringify(form)).not.toContain(f.projectId);
      expect(JSON.stringify(form)).not.toContain(survey.id);
      expect((await publicGet(general.token).expect(200)).body.kommuneName).toBeNull();

      const res = await publicPost(forKommune.token, { answers, definitionVersion: 2 }).expect(201);
      expect(res.body).toEqual({ received: true });
      await publicPost(general.token, { answers: { role: 'employee', employees: 'employees_over_10' }, definitionVersion: 2 }).expect(201);

      const rows = await responses(survey.id);
      expect(rows).toHaveLength(2);
      // Nothing about the person or the link: only the kommune the link is for, the day, and the answers.
      expect(Object.keys(rows[0]).sort()).toEqual(
        ['answers', 'definition_version', 'id', 'kommune_id', 'received_on', 'redacted', 'source', 'survey_id'].sort(),
      );
      const mine = rows.find((r) => r.kommune_id === f.kommuner[0].id);
      expect(mine).toMatchObject({ source: 'web', definition_version: 2, received_on: todayInOslo() });
      expect(mine?.answers).toEqual({ ...answers, comments: 'Mer dialog, takk.' });
      expect(rows.find((r) => r.kommune_id === null)).toBeDefined();
    });

    it('refuses invalid answers with 422 naming each question, and stores nothing', async () => {
      const res = await publicPost(general.token, {
        answers: { employees: 'employees_1_3', building_permits: 7, most_important_needs: ['nope'], unknown: 'x' },
        definitionVersion: 2,
      }).expect(422);
      expect(res.body.code).toBe('SURVEY_ANSWERS_INVALID');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'answers.role', messages: ['required'] },
          { field: 'answers.building_permits', messages: ['out_of_range'] },
          { field: 'answers.most_important_needs', messages: ['unknown_option'] },
          { field: 'answers.unknown', messages: ['unknown_question'] },
        ]),
      );
      await publicPost(general.token, { answers: 'all good', definitionVersion: 2 }).expect(400);
      await publicPost(general.token, { answers, definitionVersion: 1 }).expect(409);
      expect(await responses(survey.id)).toHaveLength(2);
    });

    it('tells a robot that filled the hidden field all went well, and stores nothing', async () => {
      const res = await publicPost(general.token, { answers, definitionVersion: 2, website: 'http://spam.example' }).expect(201);
      expect(res.body).toEqual({ received: true });
      expect(await responses(survey.id)).toHaveLength(2);
    });

    it('limits answers per address (in memory) with 429 and Retry-After; other addresses still answer', async () => {
      const address = '10.9.9.9';
      for (let i = 0; i < 3; i++) await publicPost(general.token, { answers, definitionVersion: 2, website: 'x' }, address).expect(201);
      const limited = await publicPost(general.token, { answers, definitionVersion: 2 }, address).expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await publicPost(general.token, { answers, definitionVersion: 2 }).expect(201);
      expect(await responses(survey.id)).toHaveLength(3);
    });

    it('refuses a large body with 413 before reading it', async () => {
      const res = await publicPost(general.token, { answers: { comments: 'x'.repeat(70 * 1024) }, definitionVersion: 2 }).expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('locks the questions once answered; the title may still change', async () => {
      const current = (await f.leader.get(`${base}/${survey.id}`).expect(200)).body;
      expect(current).toMatchObject({ locked: true, responseCount: 3 });
      const locked = await f.leader
        .patch(`${base}/${survey.id}`)
        .send({ version: current.version, questions: current.questions.slice(1) })
        .expect(409);
      expect(locked.body.code).toBe('SURVEY_LOCKED');
      const renamed = await f.leader
        .patch(`${base}/${survey.id}`)
        .send({ version: current.version, title: 'Næringslivsundersøkelsen 2026', questions: current.questions })
        .expect(200);
      expect(renamed.body).toMatchObject({ title: 'Næringslivsundersøkelsen 2026', definitionVersion: 2 });
      expect((await f.leader.delete(`${base}/${survey.id}`).expect(409)).body.code).toBe('SURVEY_HAS_ANSWERS');
    });

    it('a disabled link stops taking answers (404)', async () => {
      const disabled = await f.leader.post(`${base}/${survey.id}/links/${forKommune.id}/disable`).expect(200);
      expect(disabled.body.disabledAt).not.toBeNull();
      expect((await publicGet(forKommune.token).expect(404)).body.code).toBe('SURVEY_LINK_NOT_FOUND');
      await publicPost(forKommune.token, { answers, definitionVersion: 2 }).expect(404);
      await publicGet('not-a-token').expect(404);
      // A new link for the kommune may be made now.
      await f.leader.post(`${base}/${survey.id}/links`).send({ kommuneId: f.kommuner[0].id }).expect(201);
    });

    it('closing answers 410 to the form and to answers', async () => {
      const closed = await f.leader.post(`${base}/${survey.id}/close`).expect(200);
      expect(closed.body.status).toBe('closed');
      expect((await publicGet(general.token).expect(410)).body.code).toBe('SURVEY_CLOSED');
      expect((await publicPost(general.token, { answers, definitionVersion: 2 }).expect(410)).body.code).toBe('SURVEY_CLOSED');
      expect(await responses(survey.id)).toHaveLength(3);
    });

    it("another region's leader and adviser get 404 for the survey routes", async () => {
      for (const s of [other.leader, other.adviser]) {
        await s.get(base).expect(404);
        await s.get(`${base}/${survey.id}`).expect(404);
        await s.post(`${base}/${survey.id}/close`).expect(404);
        await s.post(`${base}/${survey.id}/links`).send({}).expect(404);
      }
      // A survey id under another project answers 404 too.
      await other.leader.get(`/api/projects/${other.projectId}/surveys/${survey.id}`).expect(404);
    });

    it('copies a survey into a new one with the same questions, unlocked, without links', async () => {
      const copy = (await f.leader.post(base).send({ copyOf: survey.id }).expect(201)).body;
      expect(copy).toMatchObject({
        title: 'Næringslivsundersøkelsen 2026 (kopi)',
        locked: false,
        links: [],
        status: 'draft',
        responseCount: 0,
      });
      expect(copy.questions).toEqual(survey.questions);
    });
  });

  it('the first-line survey template makes a survey that opens and takes answers, and a survey without answers can be deleted', async () => {
    const s = (await f.leader.post(base).send({ templateKey: 'first_line_survey', title: 'Førstelinjen i regionen' }).expect(201)).body;
    expect(s).toMatchObject({ title: 'Førstelinjen i regionen', templateKey: 'first_line_survey' });
    const target = s.questions.find((q: { key: string }) => q.key === 'target_group');
    expect(target).toMatchObject({ kind: 'single', grouping: 'target_group', required: true });
    expect(target.options.map((o: { key: string }) => o.key)).toContain('naeringshage');
    await f.leader
      .post(`${base}/${s.id}/open`)
      .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(200);
    const link = (await f.leader.post(`${base}/${s.id}/links`).send({ kommuneId: f.kommuner[1].id }).expect(201)).body;
    await publicPost(link.token, {
      answers: { target_group: 'kommune', categories: ['statistics', 'competence'] },
      definitionVersion: 1,
    }).expect(201);

    const empty = (await f.leader.post(base).send({ templateKey: 'first_line_survey' }).expect(201)).body;
    await f.leader.delete(`${base}/${empty.id}`).expect(204);
    await f.leader.get(`${base}/${empty.id}`).expect(404);
    const history = await t.db.query(`SELECT action FROM history_event WHERE project_id = $1 AND action LIKE 'survey.%'`, [f.projectId]);
    expect(new Set(history.map((h: { action: string }) => h.action))).toEqual(
      new Set([
        'survey.created',
        'survey.updated',
        'survey.opened',
        'survey.closed',
        'survey.deleted',
        'survey.link_created',
        'survey.link_disabled',
      ]),
    );
  });

  it('refuses ISO 8601 forms that Date and PostgreSQL cannot read with 400 naming the field, and takes a time with an offset', async () => {
    const s = (await f.leader.post(base).send({ templateKey: 'first_line_survey' }).expect(201)).body;
    for (const closesAt of ['2030-W01-1', '+2030-01-01T00:00:00Z', '2030-01-01T10:00:00,5Z', '2030-01-01', '2030-02-30T10:00:00Z']) {
      const patch = await f.leader.patch(`${base}/${s.id}`).send({ version: s.version, closesAt }).expect(400);
      expect(patch.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'closesAt' }] });
      expect(patch.body.errors[0].messages).toEqual([expect.stringContaining('closesAt must be a date and time with an offset')]);
      const open = await f.leader.post(`${base}/${s.id}/open`).send({ closesAt }).expect(400);
      expect(open.body.errors[0].field).toBe('closesAt');
    }
    const later = (await f.leader.patch(`${base}/${s.id}`).send({ version: s.version, opensAt: '2030-01-01T10:00+01:00' }).expect(200))
      .body;
    expect(later.opensAt).toBe('2030-01-01T09:00:00.000Z');
    const opened = (await f.leader.post(`${base}/${s.id}/open`).send({ closesAt: '2099-06-01T12:00:00.5+02:00' }).expect(200)).body;
    expect(opened.closesAt).toBe('2099-06-01T10:00:00.500Z');
    const [row] = await t.db.query(`SELECT closes_at FROM survey WHERE id = $1`, [s.id]);
    expect(new Date(row.closes_at).toISOString()).toBe('2099-06-01T10:00:00.500Z');
    await f.leader.post(`${base}/${s.id}/close`).expect(200);
  });

  it('never logs the token of a public survey link', () => {
    expect(loggablePath('/api/public/surveys/abcDEF_-123/responses?x=1')).toBe('/api/public/surveys/:token/...');
    expect(loggablePath('/api/public/surveys/abcDEF_-123')).toBe('/api/public/surveys/:token');
    expect(loggablePath('/api/projects/1/surveys?x=1')).toBe('/api/projects/1/surveys');
  });
});

describe('the public form page', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nvr-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'survey.html'), '<!doctype html><title>survey form</title>');
    t = await createTestApp({ webDistDir: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /s/<token> with the small survey form, same-origin scripts only; other pages get the app', async () => {
    const res = await t.http().get('/s/abcDEF_-123').expect(200);
    expect(res.text).toContain('survey form');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect((await t.http().get('/prosjekter').expect(200)).text).toContain('<title>app</title>');
  });
});
