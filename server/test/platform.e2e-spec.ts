import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { repoRoot } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seed/demo-data';
import { ensureInitialAdmin, seedDemoData } from '../src/database/seed/seed';
import { openApiJson } from '../src/openapi/write-openapi';
import { createTestDatabase } from './support/postgres';
import { createTestApp, TestApp } from './support/test-app';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health without a session', async () => {
    expect((await t.http().get('/api/health').expect(200)).body).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document, and the committed copy for the web client is up to date', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/regions', '/api/regions/{id}', '/api/kommuner']));
    const committed = require(join(repoRoot, 'web/src/api/openapi.json'));
    expect(JSON.parse(await openApiJson())).toEqual(committed); // if this fails: npm run openapi && npm run gen:api -w web
  });

  it('answers unknown API paths with a JSON 404 and malformed JSON with 400', async () => {
    expect((await t.http().get('/api/nope').expect(404)).body.code).toBe('NOT_FOUND');
    const admin = await t.as([{ role: 'admin' }]);
    const bad = await admin.post('/api/regions').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(bad.body.code).toBe('MALFORMED_JSON');
  });

  it('lists every migration file in migrations/index.ts, oldest first', () => {
    const files = readdirSync(join(repoRoot, 'migrations'))
      .filter((f) => /^\d+-.+\.ts$/.test(f))
      .sort();
    expect(migrations.map((m) => m.name)).toEqual(files.map((f) => f.replace(/^(\d+)-(.+)\.ts$/, '$2$1')));
  });

  it('migrations go down and up again cleanly', async () => {
    const db = await createTestDatabase();
    const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    try {
      await ds.runMigrations();
      for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration();
      expect(await ds.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`)).toEqual([
        { n: 0 },
      ]);
      await ds.runMigrations();
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('loads the demo data once: Kongsbergregionen with 50 388 inhabitants on 1 January 2008, and a demo account per role', async () => {
    expect(await seedDemoData(t.db)).toEqual([
      'demo_data_loaded_at',
      'demo_users_loaded_at',
      'demo_projects_loaded_at',
      'demo_status_reports_loaded_at',
      'demo_gate_case_loaded_at',
      'demo_mapping_loaded_at',
      'demo_risks_loaded_at',
      'demo_benefits_loaded_at',
      'demo_closing_loaded_at',
      'demo_kommune_numbers_loaded_at',
    ]);
    expect(await seedDemoData(t.db)).toEqual([]);
    const admin = await t.signIn('admin@demo.no', DEMO_PASSWORD);
    const regions = (await admin.get('/api/regions')).body;
    expect(regions.map((r: { name: string }) => r.name)).toEqual(['Glåmdalsregionen', 'Kongsbergregionen']);
    const kongsberg = (await admin.get(`/api/regions/${regions[1].id}`)).body;
    expect(kongsberg).toMatchObject({ totalPopulation: 50388, populationAsOf: '2008-01-01' });
    expect(kongsberg.members).toHaveLength(7);
    for (const u of DEMO_USERS) {
      const me = (await (await t.signIn(u.email, DEMO_PASSWORD)).get('/api/auth/me').expect(200)).body;
      const roles = me.roles
        .filter((r: { projectId: string | null }) => !r.projectId)
        .map((r: { role: string; regionName: string | null }) => ({ role: r.role, region: r.regionName ?? undefined }));
      expect(roles).toHaveLength(u.roles.length);
      expect(roles).toEqual(expect.arrayContaining(u.roles));
    }
  });

  it('has demo projects in different phases that the demo project leader and adviser can follow', async () => {
    const leader = await t.signIn('prosjektleder@demo.no', DEMO_PASSWORD);
    const projects = (await leader.get('/api/projects').expect(200)).body;
    expect(
      projects.map((p: { name: string; status: string; currentPhaseKey: string | null }) => [p.name, p.status, p.currentPhaseKey]),
    ).toEqual([
      ['Næringsvennlig Glåmdal', 'active', 'forstudie'],
      ['Næringsvennlig Kongsbergregion 2026', 'active', 'forprosjekt'],
      ['Samordnet næringsapparat i Kongsbergregionen', 'completed', null],
    ]);
    const kongsberg = (await leader.get(`/api/projects/${projects[1].id}`).expect(200)).body;
    expect(kongsberg.nextActions.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining(['revise_deliverable', 'write_deliverable', 'tick_checkpoint']),
    );
    const raad = await t.signIn('regionrad@demo.no', DEMO_PASSWORD);
    expect((await raad.get(`/api/projects/${projects[1].id}`)).body.nextActions[0].kind).toBe('review_deliverable');
    const gate = (await raad.get(`/api/projects/${projects[1].id}/phases/forstudie/gate`).expect(200)).body;
    expect(gate.submissions[0].decision).toMatchObject({ outcome: 'approved_with_conditions', caseNumber: '08/26' });
    const adviser = await t.signIn('radgiver@demo.no', DEMO_PASSWORD);
    expect((await adviser.get('/api/projects')).body).toHaveLength(3);
    // The plan being written reproduces the cost-sharing table of the 2009 plan sketch (seeds/002).
    const plan = (await adviser.get(`/api/projects/${projects[1].id}/phases/hovedprosjekt/plan`).expect(200)).body;
    expect(plan.budget.totals).toMatchObject({ costs: 7500000, financing: 7500000, balanced: true });
    expect(plan.costSharing.rows.map((r: { name: string; amount: number }) => [r.name, r.amount])).toEqual([
      ['Flesberg', 48222],
      ['Hjartdal', 43747],
      ['Kongsberg', 154775],
      ['Nore og Uvdal', 48287],
      ['Notodden', 96403],
      ['Rollag', 42755],
      ['Tinn', 65811],
    ]);
    expect((await adviser.get(`/api/projects/${projects[2].id}/history`)).body.length).toBeGreaterThan(3);
  });

  it('creates the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD once', async () => {
    const admin = { email: 'forste.admin@test.no', password: 'a-long-enough-secret' };
    expect(await ensureInitialAdmin(t.db, admin)).toBe(true);
    expect(await ensureInitialAdmin(t.db, admin)).toBe(false);
    const session = await t.signIn(admin.email, admin.password);
    expect((await session.get('/api/users').expect(200)).body.length).toBeGreaterThan(0);
  });
});
