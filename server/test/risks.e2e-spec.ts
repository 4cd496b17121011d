import { periodOf, periodStart, shiftPeriod, todayInOslo } from '@nvr/shared';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const current = periodOf(todayInOslo());
const p1 = shiftPeriod(current, -2);
const p2 = shiftPeriod(current, -1);

/** A complete report body, so a draft can be published. */
const filled = (version: number) => ({
  overall: { colour: 'green', comment: 'I rute.' },
  progress: { colour: 'green', comment: 'Som planlagt.' },
  economy: { colour: 'green', comment: 'Innenfor rammen.', budgetTotal: 800000, spentToDate: 200000, forecast: 800000 },
  risk: { colour: 'yellow', comment: 'Se risikoregisteret.' },
  nextSteps: 'Neste samling.',
  version,
});

describe('the risk register', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let other: ProjectFixture;
  let base: string;
  let member: Session;
  let contact: Session;
  let admin: Session;
  let leaderId: string;

  const risk = (over: Record<string, unknown> = {}) => ({
    description: 'Kommunestyrene vedtar ikke finansieringen i tide',
    cause: 'Saken kommer sent til kommunestyrene',
    consequence: 'Hovedprosjektet kan ikke starte',
    probabilityBefore: 3,
    consequenceBefore: 5,
    strategy: 'reduce',
    ownerId: leaderId,
    proximity: '2027-Q1',
    ...over,
  });

  /** Publishes a complete report for a period; answers its id. */
  async function publishReport(period: string): Promise<string> {
    const reports = `/api/projects/${f.projectId}/status-reports`;
    const draft = (await f.leader.post(reports).send({ period }).expect(201)).body;
    const saved = (await f.leader.patch(`${reports}/${draft.id}`).send(filled(draft.version)).expect(200)).body;
    await f.leader.post(`${reports}/${draft.id}/publish`).send({ version: saved.version }).expect(200);
    return draft.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Risikoregionen');
    other = await newProjectFixture(t, 'Naboregionen');
    base = `/api/projects/${f.projectId}/risks`;
    // The forstudie began four months ago, so the last months can be reported on.
    await t.db.query(`UPDATE project_phase SET actual_start = $2 WHERE project_id = $1 AND phase_key = 'forstudie'`, [
      f.projectId,
      periodStart(shiftPeriod(current, -4)),
    ]);
    member = await t.as([{ role: 'project_member', regionId: f.region.id, projectId: f.projectId }]);
    contact = await t.as([{ role: 'kommune_contact', regionId: f.region.id }]);
    admin = await t.as([{ role: 'admin' }]);
    leaderId = (await f.leader.get('/api/auth/me').expect(200)).body.user.id;
  });
  afterAll(() => t.close());

  it('is written by the project leader: add, change with the version, delete; each in the history', async () => {
    const created = (await f.leader.post(base).send(risk()).expect(201)).body;
    expect(created).toMatchObject({
      number: 1,
      description: 'Kommunestyrene vedtar ikke finansieringen i tide',
      probabilityBefore: 3,
      consequenceBefore: 5,
      probabilityAfter: null,
      consequenceAfter: null,
      scoreBefore: 15,
      scoreAfter: 15,
      levelBefore: 'high',
      levelAfter: 'high',
      strategy: 'reduce',
      owner: { id: leaderId, name: 'Pia Prosjektleder' },
      proximity: '2027-Q1',
      status: 'open',
      version: 1,
    });

    const changed = (
      await f.leader
        .patch(`${base}/${created.id}`)
        .send({ measures: 'Sak til formannskapene i januar', probabilityAfter: 2, consequenceAfter: 4, version: created.version })
        .expect(200)
    ).body;
    expect(changed).toMatchObject({ scoreAfter: 8, levelAfter: 'medium', scoreBefore: 15, version: 2, cause: created.cause });
    const stale = await f.leader.patch(`${base}/${created.id}`).send({ status: 'closed', version: created.version }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    // null clears the assessment after measures and the proximity.
    const cleared = (
      await f.leader
        .patch(`${base}/${created.id}`)
        .send({ probabilityAfter: null, consequenceAfter: null, proximity: null, version: changed.version })
        .expect(200)
    ).body;
    expect(cleared).toMatchObject({ probabilityAfter: null, consequenceAfter: null, proximity: null, scoreAfter: 15 });

    const second = (
      await f.leader
        .post(base)
        .send(risk({ description: 'Ingen felles ressurs', strategy: 'accept' }))
        .expect(201)
    ).body;
    expect(second.number).toBe(2);
    expect((await f.leader.get(base).expect(200)).body.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    await f.leader.delete(`${base}/${second.id}`).expect(204);
    expect((await f.leader.delete(`${base}/${second.id}`).expect(404)).body.code).toBe('RISK_NOT_FOUND');
    expect((await f.leader.get(base).expect(200)).body.map((r: { number: number }) => r.number)).toEqual([1]);

    const history = (await f.leader.get(`/api/projects/${f.projectId}/history`).expect(200)).body.filter(
      (h: { entityType: string }) => h.entityType === 'risk',
    );
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'risk.deleted',
      'risk.created',
      'risk.updated',
      'risk.updated',
      'risk.created',
    ]);
    expect(history[3]).toMatchObject({ before: { probabilityAfter: null }, after: { probabilityAfter: 2, consequenceAfter: 4 } });
  });

  it('refuses invalid input with 400 naming each field', async () => {
    const bad = await f.leader
      .post(base)
      .send({ description: '  ', probabilityBefore: 6, consequenceBefore: 0, strategy: 'ignore', ownerId: 'pia', proximity: '2027-4' })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['description', 'probabilityBefore', 'consequenceBefore', 'strategy', 'ownerId', 'proximity']),
    );
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'probabilityBefore').messages).toContain(
      'probabilityBefore must be from 1 to 5',
    );
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'proximity').messages).toContain(
      'proximity must be a quarter written YYYY-Qn, e.g. 2027-Q1',
    );
    // Unknown fields, null where a value belongs, and a version missing on change.
    const unknown = await f.leader
      .post(base)
      .send({ ...risk(), score: 25 })
      .expect(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['score']);
    expect(
      (
        await f.leader
          .post(base)
          .send(risk({ ownerId: null }))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('ownerId');
    const [first] = (await f.leader.get(base).expect(200)).body;
    expect(
      (await f.leader.patch(`${base}/${first.id}`).send({ status: 'maybe' }).expect(400)).body.errors.map(
        (e: { field: string }) => e.field,
      ),
    ).toEqual(['status', 'version']);
    expect((await f.leader.get(base).expect(200)).body).toHaveLength(1);
  });

  it('refuses an assessment that does not hold, and an owner from outside, with 422 at the field', async () => {
    const above = await f.leader
      .post(base)
      .send(risk({ probabilityAfter: 4, consequenceAfter: 5, measures: 'Tiltak' }))
      .expect(422);
    expect(above.body).toMatchObject({
      code: 'RISK_ASSESSMENT_INVALID',
      errors: [{ field: 'probabilityAfter', messages: [expect.stringContaining('must not be above')] }],
    });
    const half = await f.leader
      .post(base)
      .send(risk({ probabilityAfter: 2, measures: 'Tiltak' }))
      .expect(422);
    expect(half.body.errors[0].field).toBe('consequenceAfter');
    const noMeasures = await f.leader
      .post(base)
      .send(risk({ probabilityAfter: 2, consequenceAfter: 2 }))
      .expect(422);
    expect(noMeasures.body.errors[0].field).toBe('measures');

    const outsiderId = (await other.leader.get('/api/auth/me').expect(200)).body.user.id;
    const owner = await f.leader
      .post(base)
      .send(risk({ ownerId: outsiderId }))
      .expect(422);
    expect(owner.body).toMatchObject({ code: 'RISK_OWNER_NOT_ELIGIBLE', errors: [{ field: 'ownerId' }] });
    expect((await f.leader.get(base).expect(200)).body).toHaveLength(1);
  });

  it('offers the people of the project and its region as owners', async () => {
    const owners = (await f.adviser.get(`${base}/owners`).expect(200)).body as { id: string; name: string }[];
    const ids = owners.map((o) => o.id);
    for (const s of [f.leader, f.regionraad, f.adviser, member, contact]) expect(ids).toContain(s.userId);
    expect(ids).not.toContain(admin.userId);
    expect(ids).not.toContain(other.leader.userId);
    expect(ids).not.toContain(other.regionraad.userId);
  });

  it('is written by members and the regionråd; advisers and kommune contacts read it but cannot write', async () => {
    await member
      .post(base)
      .send(risk({ description: 'Av prosjektgruppen' }))
      .expect(201);
    const byCouncil = (
      await f.regionraad
        .post(base)
        .send(risk({ description: 'Av regionrådet', ownerId: f.regionraad.userId }))
        .expect(201)
    ).body;
    for (const reader of [f.adviser, contact]) {
      expect((await reader.get(base).expect(200)).body.length).toBe(3);
      expect((await reader.post(base).send(risk()).expect(403)).body.code).toBe('FORBIDDEN');
      expect(
        (await reader.patch(`${base}/${byCouncil.id}`).send({ status: 'closed', version: byCouncil.version }).expect(403)).body.code,
      ).toBe('FORBIDDEN');
      expect((await reader.delete(`${base}/${byCouncil.id}`).expect(403)).body.code).toBe('FORBIDDEN');
    }
    await f.regionraad.delete(`${base}/${byCouncil.id}`).expect(204);
    const left = (await f.leader.get(base).expect(200)).body;
    await f.leader.delete(`${base}/${left[1].id}`).expect(204);
  });

  it("answers 404 to other regions' people, whatever they ask", async () => {
    const [first] = (await f.leader.get(base).expect(200)).body;
    for (const outsider of [other.leader, other.regionraad, other.adviser]) {
      expect((await outsider.get(base).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
      await outsider.get(`${base}/owners`).expect(404);
      await outsider.get(`${base}/export`).expect(404);
      await outsider.post(base).send(risk()).expect(404);
      await outsider.patch(`${base}/${first.id}`).send({ status: 'closed', version: first.version }).expect(404);
      await outsider.delete(`${base}/${first.id}`).expect(404);
    }
    // The risk of one project is not reachable through another project's address.
    await other.leader
      .patch(`/api/projects/${other.projectId}/risks/${first.id}`)
      .send({ status: 'closed', version: first.version })
      .expect(404);
    expect((await f.leader.get(base).expect(200)).body[0]).toMatchObject({ status: 'open', version: first.version });
  });

  let firstReport: string;
  let frozen: { risks: unknown[] };

  it('keeps with a published report the register as it was, whatever happens to the register after', async () => {
    const reports = `/api/projects/${f.projectId}/status-reports`;
    const risks = (await f.leader.get(base).expect(200)).body;
    // R1 (3×5 = 15, no measures) is there; R2 and R3 were deleted before any report showed them, so 2 is free again.
    const low = (
      await f.leader
        .post(base)
        .send(risk({ description: 'Lav deltakelse på samlinger', probabilityBefore: 2, consequenceBefore: 2, strategy: 'accept' }))
        .expect(201)
    ).body;
    expect(low.number).toBe(2);

    const draft = (await f.leader.post(reports).send({ period: p1 }).expect(201)).body;
    const live = (await f.leader.get(`${reports}/${draft.id}/risks`).expect(200)).body;
    expect(live).toMatchObject({ source: 'live', frozenAt: null, previous: null, changes: null, period: p1 });
    expect(live.risks.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    // Readers do not see drafts, nor their registers.
    expect((await f.adviser.get(`${reports}/${draft.id}/risks`).expect(404)).body.code).toBe('STATUS_REPORT_NOT_FOUND');

    const saved = (await f.leader.patch(`${reports}/${draft.id}`).send(filled(draft.version)).expect(200)).body;
    await f.leader.post(`${reports}/${draft.id}/publish`).send({ version: saved.version }).expect(200);
    firstReport = draft.id;
    frozen = (await f.adviser.get(`${reports}/${draft.id}/risks`).expect(200)).body;
    expect(frozen).toMatchObject({ source: 'frozen', frozenAt: expect.any(String), previous: null, changes: null });
    expect(frozen.risks).toEqual([
      expect.objectContaining({ number: 1, scoreAfter: 15, status: 'open', owner: { id: leaderId, name: 'Pia Prosjektleder' } }),
      expect.objectContaining({ number: 2, scoreAfter: 4, levelAfter: 'low' }),
    ]);

    // The register changes: R1 gets measures and closes, R2 is deleted, R3 is added (2 stays taken: the report shows it); the owner is renamed.
    const r1 = risks[0];
    await f.leader
      .patch(`${base}/${r1.id}`)
      .send({ measures: 'Vedtak i alle kommunestyrer', probabilityAfter: 1, consequenceAfter: 5, status: 'closed', version: r1.version })
      .expect(200);
    await f.leader.delete(`${base}/${low.id}`).expect(204);
    const added = (
      await f.leader
        .post(base)
        .send(risk({ description: 'Prosjektlederen slutter', probabilityBefore: 2, consequenceBefore: 4 }))
        .expect(201)
    ).body;
    expect(added.number).toBe(3);
    await t.db.query(`UPDATE app_user SET name = 'Pia Nytt Navn' WHERE id = $1`, [leaderId]);

    const after = (await f.adviser.get(`${reports}/${draft.id}/risks`).expect(200)).body;
    expect(after).toEqual(frozen);
    // The database holds it too.
    await expect(t.db.query(`UPDATE risk_snapshot_item SET status = 'closed' WHERE report_id = $1`, [draft.id])).rejects.toThrow(/frozen/);
    await expect(t.db.query(`DELETE FROM risk_snapshot_item WHERE report_id = $1`, [draft.id])).rejects.toThrow(/frozen/);
    await expect(t.db.query(`DELETE FROM risk_snapshot WHERE report_id = $1`, [draft.id])).rejects.toThrow(/frozen/);
    await t.db.query(`UPDATE app_user SET name = 'Pia Prosjektleder' WHERE id = $1`, [leaderId]);
  });

  it('shows what changed since the previous published report: new, closed, removed, score up and down; drafts against the latest', async () => {
    const reports = `/api/projects/${f.projectId}/status-reports`;
    const register = (await f.leader.get(base).expect(200)).body;
    const r3 = register.find((r: { number: number }) => r.number === 3);
    await f.leader.patch(`${base}/${r3.id}`).send({ probabilityBefore: 4, version: r3.version }).expect(200);
    const r4 = (
      await f.leader
        .post(base)
        .send(risk({ description: 'Ny risiko før rapporten' }))
        .expect(201)
    ).body;

    // A draft compares the live register with the latest published report before it.
    const draft = (await f.leader.post(reports).send({ period: p2 }).expect(201)).body;
    const live = (await f.leader.get(`${reports}/${draft.id}/risks`).expect(200)).body;
    expect(live).toMatchObject({ source: 'live', previous: { id: firstReport, period: p1 } });
    const kinds = (changes: { kind: string; number: number; fromScore: number | null; toScore: number | null }[]) =>
      changes.map((c) => [c.kind, c.number, c.fromScore, c.toScore]);
    const expected = [
      ['new', 3, null, null],
      ['new', 4, null, null],
      ['closed', 1, null, null],
      ['removed', 2, null, null],
    ];
    expect(kinds(live.changes)).toEqual(expected);

    const saved = (await f.leader.patch(`${reports}/${draft.id}`).send(filled(draft.version)).expect(200)).body;
    await f.leader.post(`${reports}/${draft.id}/publish`).send({ version: saved.version }).expect(200);
    // After publishing the change list stays what it was, though the register moves on.
    await f.leader.patch(`${base}/${r4.id}`).send({ consequenceBefore: 1, version: r4.version }).expect(200);
    const published = (await contact.get(`${reports}/${draft.id}/risks`).expect(200)).body;
    expect(published).toMatchObject({ source: 'frozen', previous: { id: firstReport, period: p1 } });
    expect(kinds(published.changes)).toEqual(expected);
    expect(published.risks.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
      [1, 'closed'],
      [3, 'open'],
      [4, 'open'],
    ]);
    // The first report still shows its own register.
    expect((await f.adviser.get(`${reports}/${firstReport}/risks`).expect(200)).body).toEqual(frozen);

    // This month's draft counts from the second report: R3 went up (4×4 → 5×4), R4 down (3×5 → 3×1).
    const r3now = (await f.leader.get(base).expect(200)).body.find((r: { number: number }) => r.number === 3);
    await f.leader.patch(`${base}/${r3now.id}`).send({ probabilityBefore: 5, version: r3now.version }).expect(200);
    const third = (await f.leader.post(reports).send({ period: current }).expect(201)).body;
    const thirdRisks = (await f.leader.get(`${reports}/${third.id}/risks`).expect(200)).body;
    expect(thirdRisks.previous).toEqual({ id: draft.id, period: p2 });
    expect(kinds(thirdRisks.changes)).toEqual([
      ['score_up', 3, 16, 20],
      ['score_down', 4, 15, 3],
    ]);
    await f.leader.delete(`${reports}/${third.id}`).expect(204);
  });

  it('says so when a report was published before the register was kept', async () => {
    const reports = `/api/projects/${f.projectId}/status-reports`;
    const id = await publishReport(shiftPeriod(current, -3));
    await t.db.query(`ALTER TABLE risk_snapshot DISABLE TRIGGER risk_snapshot_frozen`);
    await t.db.query(`ALTER TABLE risk_snapshot_item DISABLE TRIGGER risk_snapshot_item_frozen`);
    await t.db.query(`DELETE FROM risk_snapshot WHERE report_id = $1`, [id]);
    await t.db.query(`ALTER TABLE risk_snapshot ENABLE TRIGGER risk_snapshot_frozen`);
    await t.db.query(`ALTER TABLE risk_snapshot_item ENABLE TRIGGER risk_snapshot_item_frozen`);
    expect((await f.adviser.get(`${reports}/${id}/risks`).expect(200)).body).toMatchObject({
      source: 'none',
      risks: [],
      previous: null,
      changes: null,
    });
    await other.leader.get(`${reports}/${id}/risks`).expect(404);
    // Another project's report is not reachable through this project's address.
    await f.leader.get(`/api/projects/${other.projectId}/status-reports/${id}/risks`).expect(404);
  });

  it('exports the register as CSV and Excel for every reader', async () => {
    const csv = await f.adviser.get(`${base}/export?format=csv&lang=nb`).buffer(true).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="?risikoregister-\d{4}-\d{2}-\d{2}\.csv/);
    const text = csv.text;
    expect(text.startsWith('\uFEFFNr.;Risiko;Årsak;Konsekvens;Sannsynlighet før tiltak')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^1;Kommunestyrene vedtar ikke finansieringen i tide;.*;Høy;.*;Lukket;/);
    expect(text).toContain('1. kvartal 2027');
    const en = await f.adviser.get(`${base}/export?format=csv&lang=en`).buffer(true).expect(200);
    expect(en.text).toContain('Probability before measures');
    expect(en.text).toContain('Q1 2027');

    const xlsx = await contact
      .get(`${base}/export?format=xlsx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((await f.adviser.get(`${base}/export?format=pdf`).expect(400)).body.errors[0].field).toBe('format');
  });

  it('shows the top risks of the projects one follows, highest after measures first', async () => {
    // The neighbour's project has one large and one closed risk.
    const otherBase = `/api/projects/${other.projectId}/risks`;
    const otherLeaderId = other.leader.userId;
    await other.leader
      .post(otherBase)
      .send(risk({ description: 'Naboens store risiko', probabilityBefore: 5, consequenceBefore: 5, ownerId: otherLeaderId }))
      .expect(201);
    const closed = (
      await other.leader
        .post(otherBase)
        .send(risk({ description: 'Naboens lukkede risiko', probabilityBefore: 5, consequenceBefore: 4, ownerId: otherLeaderId }))
        .expect(201)
    ).body;
    await other.leader.patch(`${otherBase}/${closed.id}`).send({ status: 'closed', version: closed.version }).expect(200);

    const mine = (await f.adviser.get('/api/risks/top').expect(200)).body;
    // R3 is 5×4 = 20, R4 3×1 = 3 now; R1 is closed.
    expect(mine.rows.map((r: { number: number; scoreAfter: number }) => [r.number, r.scoreAfter])).toEqual([
      [3, 20],
      [4, 3],
    ]);
    expect(mine).toMatchObject({ totalOpen: 2 });
    expect(mine.rows[0]).toMatchObject({
      projectId: f.projectId,
      regionName: 'Risikoregionen',
      levelAfter: 'high',
      ownerName: 'Pia Prosjektleder',
    });

    const all = (await admin.get('/api/risks/top?limit=2').expect(200)).body;
    expect(all.rows.map((r: { description: string }) => r.description)).toEqual(['Naboens store risiko', 'Prosjektlederen slutter']);
    expect(all.totalOpen).toBe(3);
    const onlyOther = (await admin.get(`/api/risks/top?regionId=${other.region.id}`).expect(200)).body;
    expect(onlyOther.rows.map((r: { description: string }) => r.description)).toEqual(['Naboens store risiko']);

    expect((await f.adviser.get(`/api/risks/top?regionId=${other.region.id}`).expect(404)).body.code).toBe('REGION_NOT_FOUND');
    expect((await f.leader.get('/api/risks/top').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await contact.get('/api/risks/top').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await f.adviser.get('/api/risks/top?limit=0').expect(400)).body.errors[0].field).toBe('limit');
    expect((await f.regionraad.get('/api/risks/top').expect(200)).body.rows).toHaveLength(2);
  });

  it('keeps the register of a completed or stopped project as it was', async () => {
    const [first] = (await f.leader.get(base).expect(200)).body;
    await t.db.query(`UPDATE project SET status = 'stopped' WHERE id = $1`, [f.projectId]);
    expect((await f.leader.post(base).send(risk()).expect(409)).body.code).toBe('INVALID_STATE');
    await f.leader.patch(`${base}/${first.id}`).send({ status: 'open', version: first.version }).expect(409);
    expect((await admin.get('/api/risks/top').expect(200)).body.rows.map((r: { projectId: string }) => r.projectId)).not.toContain(
      f.projectId,
    );
    await t.db.query(`UPDATE project SET status = 'active' WHERE id = $1`, [f.projectId]);
  });
});
