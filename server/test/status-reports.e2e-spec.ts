import { periodOf, periodStart, shiftPeriod, todayInOslo } from '@nvr/shared';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const current = periodOf(todayInOslo());
const p1 = shiftPeriod(current, -2);
const p2 = shiftPeriod(current, -1);

const filled = (version: number) => ({
  overall: { colour: 'green', comment: 'Alt i rute.' },
  progress: { colour: 'yellow', comment: 'Intervjuene tar lengre tid enn planlagt.' },
  economy: { colour: 'green', comment: 'Innenfor rammen.', budgetTotal: 1200000, spentToDate: 300000, forecast: 1250000 },
  risk: { colour: 'red', comment: 'Finansieringen av forprosjektet er uavklart.' },
  nextSteps: 'Workshop med næringslivet i neste måned.',
  version,
});

describe('status reports', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let base: string;
  let member: Session;
  let contact: Session;

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Rapportregionen');
    base = `/api/projects/${f.projectId}/status-reports`;
    // The forstudie began four months ago, so the last months can be reported on.
    await t.db.query(`UPDATE project_phase SET actual_start = $2 WHERE project_id = $1 AND phase_key = 'forstudie'`, [
      f.projectId,
      periodStart(shiftPeriod(current, -4)),
    ]);
    member = await t.as([{ role: 'project_member', regionId: f.region.id, projectId: f.projectId }]);
    contact = await t.as([{ role: 'kommune_contact', regionId: f.region.id }]);
  });
  afterAll(() => t.close());

  let first: { id: string; version: number };

  it('is drafted, filled in and published by the project leader; once published it is frozen', async () => {
    const draft = (await f.leader.post(base).send({ period: p1 }).expect(201)).body;
    expect(draft).toMatchObject({
      period: p1,
      state: 'draft',
      overall: { colour: null, comment: '' },
      copiedFromId: null,
      editable: true,
      createdBy: { name: 'Pia Prosjektleder' },
    });
    expect(draft.problems).toEqual(['overall has no colour', 'progress has no colour', 'economy has no colour', 'risk has no colour']);
    const incomplete = await f.leader.post(`${base}/${draft.id}/publish`).send({ version: draft.version }).expect(422);
    expect(incomplete.body).toMatchObject({ code: 'STATUS_REPORT_INCOMPLETE', message: expect.stringContaining('risk has no colour') });

    const saved = (await f.leader.patch(`${base}/${draft.id}`).send(filled(draft.version)).expect(200)).body;
    expect(saved).toMatchObject({
      version: draft.version + 1,
      problems: [],
      economy: { colour: 'green', budgetTotal: 1200000, spentToDate: 300000, forecast: 1250000 },
      risk: { colour: 'red' },
    });
    expect((await f.leader.patch(`${base}/${draft.id}`).send({ nextSteps: 'Gammel', version: draft.version }).expect(409)).body.code).toBe(
      'VERSION_CONFLICT',
    );
    // Only a part changes when only a part is sent.
    const partly = (
      await f.leader
        .patch(`${base}/${draft.id}`)
        .send({ progress: { colour: 'green' }, version: saved.version })
        .expect(200)
    ).body;
    expect(partly.progress).toEqual({ colour: 'green', comment: 'Intervjuene tar lengre tid enn planlagt.' });

    const published = (await f.leader.post(`${base}/${draft.id}/publish`).send({ version: partly.version }).expect(200)).body;
    expect(published).toMatchObject({
      state: 'published',
      editable: false,
      publishedBy: { name: 'Pia Prosjektleder' },
      publishedAt: expect.any(String),
    });
    first = published;

    const frozen = await f.leader.patch(`${base}/${draft.id}`).send({ nextSteps: 'Endret', version: published.version }).expect(409);
    expect(frozen.body).toMatchObject({ code: 'STATUS_REPORT_PUBLISHED', message: expect.stringContaining('cannot change') });
    expect((await f.leader.post(`${base}/${draft.id}/publish`).send({ version: published.version }).expect(409)).body.code).toBe(
      'STATUS_REPORT_PUBLISHED',
    );
    expect((await f.leader.delete(`${base}/${draft.id}`).expect(409)).body.code).toBe('STATUS_REPORT_PUBLISHED');
    // The database holds it too.
    await expect(t.db.query(`UPDATE status_report SET next_steps = 'x' WHERE id = $1`, [draft.id])).rejects.toThrow(/frozen/);
    await expect(t.db.query(`DELETE FROM status_report WHERE id = $1`, [draft.id])).rejects.toThrow(/frozen/);

    const history = (await f.adviser.get(`/api/projects/${f.projectId}/history`)).body.filter(
      (h: { entityType: string }) => h.entityType === 'status_report',
    );
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'status_report.published',
      'status_report.updated',
      'status_report.updated',
      'status_report.created',
    ]);
    expect(history[2]).toMatchObject({ before: { riskColour: null }, after: { riskColour: 'red', budgetTotal: 1200000 } });
  });

  it('shows drafts to the project team only; every reader sees published reports', async () => {
    const draft = (await f.leader.post(base).send({ period: p2 }).expect(201)).body;
    for (const reader of [f.adviser, f.regionraad, contact]) {
      expect((await reader.get(base).expect(200)).body.map((r: { period: string }) => r.period)).toEqual([p1]);
      expect((await reader.get(`${base}/${draft.id}`).expect(404)).body.code).toBe('STATUS_REPORT_NOT_FOUND');
      expect((await reader.get(`${base}/${first.id}`).expect(200)).body).toMatchObject({ state: 'published', editable: false });
    }
    const forTeam = (await member.get(base).expect(200)).body;
    expect(forTeam.map((r: { period: string; state: string }) => [r.period, r.state])).toEqual([
      [p2, 'draft'],
      [p1, 'published'],
    ]);
    expect(forTeam[1].colours).toEqual({ overall: 'green', progress: 'green', economy: 'green', risk: 'red' });
    await t.as([]).then((outsider) => outsider.get(base).expect(404));
    await f.leader.delete(`${base}/${draft.id}`).expect(204);
    expect((await f.leader.get(`${base}/${draft.id}`).expect(404)).body.code).toBe('STATUS_REPORT_NOT_FOUND');
  });

  it('lets only the project leader (or an admin) write and publish reports', async () => {
    const body = { period: p2 };
    for (const s of [f.adviser, f.regionraad, member, contact])
      expect((await s.post(base).send(body).expect(403)).body.code).toBe('FORBIDDEN');
    const draft = (await f.leader.post(base).send(body).expect(201)).body;
    for (const s of [f.adviser, f.regionraad, member]) {
      await s.patch(`${base}/${draft.id}`).send({ nextSteps: 'x', version: draft.version }).expect(403);
      await s.post(`${base}/${draft.id}/publish`).send({ version: draft.version }).expect(403);
    }
    const admin = await t.as([{ role: 'admin' }]);
    await admin.patch(`${base}/${draft.id}`).send({ nextSteps: 'Admin rettet en skrivefeil.', version: draft.version }).expect(200);
    await f.leader.delete(`${base}/${draft.id}`).expect(204);
  });

  it('starts the next report from the latest published one’s colours and figures, one report per month', async () => {
    const next = (await f.leader.post(base).send({}).expect(201)).body; // the month after the latest report
    expect(next).toMatchObject({
      period: p2,
      state: 'draft',
      copiedFromId: first.id,
      overall: { colour: 'green', comment: '' },
      progress: { colour: 'green', comment: '' },
      economy: { colour: 'green', comment: '', budgetTotal: 1200000, spentToDate: 300000, forecast: 1250000 },
      risk: { colour: 'red', comment: '' },
      nextSteps: '',
      // The red risk is copied, its comment is not: it must say why again.
      problems: ['risk is red but has no comment saying why'],
    });
    expect((await f.leader.post(base).send({ period: p1 }).expect(409)).body.code).toBe('STATUS_REPORT_PERIOD_TAKEN');
    expect((await f.leader.post(base).send({ period: p2 }).expect(409)).body).toMatchObject({
      code: 'STATUS_REPORT_PERIOD_TAKEN',
      message: expect.stringContaining(p2),
    });
    // Moving a draft onto a month that has a report is refused too.
    expect((await f.leader.patch(`${base}/${next.id}`).send({ period: p1, version: next.version }).expect(409)).body.code).toBe(
      'STATUS_REPORT_PERIOD_TAKEN',
    );

    // Two leaders' clicks at once: one report.
    const results = await Promise.all([f.leader.post(base).send({ period: current }), f.leader.post(base).send({ period: current })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM status_report WHERE project_id = $1 AND period = $2`, [f.projectId, current]),
    ).toEqual([{ n: 1 }]);
    // Every month up to now has a report: the next one must wait.
    expect((await f.leader.post(base).send({}).expect(422)).body.code).toBe('INVALID_PERIOD');
  });

  it('publishes a yellow or red aspect only with a comment saying why', async () => {
    const [next] = (await f.leader.get(base)).body.filter((r: { period: string }) => r.period === p2);
    const refused = await f.leader.post(`${base}/${next.id}/publish`).send({ version: 1 }).expect(422);
    expect(refused.body).toMatchObject({ code: 'STATUS_REPORT_COMMENT_MISSING', message: expect.stringContaining('risk is red') });
    // A blank comment is no comment; nor does a comment on another aspect count.
    const blank = (
      await f.leader
        .patch(`${base}/${next.id}`)
        .send({ risk: { comment: '   ' }, overall: { colour: 'yellow', comment: '' }, progress: { comment: 'Alt i rute.' }, version: 1 })
        .expect(200)
    ).body;
    expect(blank.problems).toEqual(['overall is yellow but has no comment saying why', 'risk is red but has no comment saying why']);
    expect((await f.leader.post(`${base}/${next.id}/publish`).send({ version: blank.version }).expect(422)).body.code).toBe(
      'STATUS_REPORT_COMMENT_MISSING',
    );
    // Missing colours are named first when both are missing.
    const both = (
      await f.leader
        .patch(`${base}/${next.id}`)
        .send({ economy: { colour: null }, version: blank.version })
        .expect(200)
    ).body;
    expect((await f.leader.post(`${base}/${next.id}/publish`).send({ version: both.version }).expect(422)).body).toMatchObject({
      code: 'STATUS_REPORT_INCOMPLETE',
      message: expect.stringMatching(/economy has no colour.*risk is red but has no comment/),
    });
    const fixed = (
      await f.leader
        .patch(`${base}/${next.id}`)
        .send({
          overall: { comment: 'Finansieringen er ikke avklart.' },
          economy: { colour: 'green' },
          risk: { comment: 'Kommunestyrene behandler saken i neste måned.' },
          version: both.version,
        })
        .expect(200)
    ).body;
    expect(fixed.problems).toEqual([]);
    const published = (await f.leader.post(`${base}/${next.id}/publish`).send({ version: fixed.version }).expect(200)).body;
    expect(published).toMatchObject({ state: 'published', overall: { colour: 'yellow', comment: 'Finansieringen er ikke avklart.' } });
  });

  it('publishes a month only once it is over; its draft may be written during it', async () => {
    const [draft] = (await f.leader.get(base)).body.filter((r: { period: string }) => r.period === current);
    const complete = (await f.leader.patch(`${base}/${draft.id}`).send(filled(1)).expect(200)).body;
    const firstOfNext = periodStart(shiftPeriod(current, 1));
    expect(complete.problems).toEqual([`${current} is not over; its report can be published from ${firstOfNext}`]);
    const refused = await f.leader.post(`${base}/${draft.id}/publish`).send({ version: complete.version }).expect(422);
    expect(refused.body).toMatchObject({ code: 'STATUS_REPORT_PERIOD_NOT_OVER', params: { publishableFrom: firstOfNext } });
    expect((await f.leader.get(`${base}/${draft.id}`).expect(200)).body).toMatchObject({ state: 'draft', version: complete.version });
  });

  it('refuses months not begun or before the project, and bad input, with readable messages', async () => {
    expect(
      (
        await f.leader
          .post(base)
          .send({ period: shiftPeriod(current, 1) })
          .expect(422)
      ).body,
    ).toMatchObject({ code: 'INVALID_PERIOD', message: expect.stringContaining('has not begun') });
    expect(
      (
        await f.leader
          .post(base)
          .send({ period: shiftPeriod(current, -8) })
          .expect(422)
      ).body.message,
    ).toContain('before the project began');
    const bad = await f.leader.post(base).send({ period: '2026-13' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'period', messages: ['period must be a month written YYYY-MM, e.g. 2026-10'] }]);
    const [draft] = (await f.leader.get(base)).body.filter((r: { state: string }) => r.state === 'draft');
    const invalid = await f.leader
      .patch(`${base}/${draft.id}`)
      .send({
        overall: { colour: 'blue' },
        economy: { budgetTotal: -5, spentToDate: 1.5 },
        risk: { comment: 'x'.repeat(4001) },
        extra: 1,
        version: 1,
      })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'economy.budgetTotal',
      'economy.spentToDate',
      'extra',
      'overall.colour',
      'risk.comment',
    ]);
    await f.leader.patch(`${base}/not-a-uuid`).send({ version: 1 }).expect(400);
    await f.leader.patch(`${base}/${draft.id}`).send({ overall: 'green', version: 1 }).expect(400);
    // Nulls where text is expected are taken as "no change", not as a crash.
    const stored = (await f.leader.get(`${base}/${draft.id}`)).body;
    const same = (
      await f.leader
        .patch(`${base}/${draft.id}`)
        .send({ nextSteps: null, overall: null, risk: { comment: null }, version: stored.version })
        .expect(200)
    ).body;
    expect(same).toMatchObject({ nextSteps: stored.nextSteps, overall: stored.overall, risk: stored.risk });
    expect((await f.leader.post(`${base}/${draft.id}/publish`).send({}).expect(400)).body.errors[0].field).toBe('version');
    expect((await f.leader.get(`${base}/0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b`).expect(404)).body.code).toBe('STATUS_REPORT_NOT_FOUND');
  });

  it('takes no new reports once the project has ended', async () => {
    const g = await newProjectFixture(t);
    await t.db.query(`UPDATE project SET status = 'stopped' WHERE id = $1`, [g.projectId]);
    const res = await g.leader.post(`/api/projects/${g.projectId}/status-reports`).send({ period: current }).expect(409);
    expect(res.body).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('stopped') });
  });
});
