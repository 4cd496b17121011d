import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { makePhaseReady, newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

/**
 * GET /api/projects/:id/page: everything the project page shows in one answer (issue #13), the same as the
 * requests the page made before (project, history, people directory, region), for each kind of reader,
 * in at most six statements.
 */
const STATEMENT_BUDGET = 6;

/** The statements the request ran (X-Statement-Count, answered outside production). */
const statements = (res: Response) => Number(res.headers['x-statement-count']);

describe('project page in one request', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let page: (s: Session) => ReturnType<Session['get']>;
  let kommuneContact: Session;
  let formerMember: { id: string };

  beforeAll(async () => {
    // Sessions are cached per instance as in production, so a request's statements are its own work.
    t = await createTestApp({ sessionCacheSeconds: 60 });
    f = await newProjectFixture(t, 'Sidetestregionen');
    page = (s) => s.get(`/api/projects/${f.projectId}/page`);
    // A kommune that has left the region is not offered; one whose membership has not started either.
    formerMember = await t.factories.newKommune({ name: 'Tidligere kommune' });
    const future = await t.factories.newKommune({ name: 'Framtidig kommune' });
    await t.db.query(
      `INSERT INTO region_membership (region_id, kommune_id, valid_from, valid_to) VALUES ($1, $2, '2010-01-01', '2019-12-31'), ($1, $3, '2999-01-01', NULL)`,
      [f.region.id, formerMember.id, future.id],
    );
    // Deliverables, a plan, a budget (bigint sums), checkpoints and a history to compare.
    await makePhaseReady(f, 'forstudie');
    await f.regionraad.patch(`/api/projects/${f.projectId}`).send({ description: 'Med en beskrivelse', version: 1 }).expect(200);
    kommuneContact = await t.as([{ role: 'kommune_contact', regionId: f.region.id }]);
  });
  afterAll(() => t.close());

  /** The project and history as the page's earlier requests answer them, for `s`. */
  async function separately(s: Session) {
    const project = await s.get(`/api/projects/${f.projectId}`).expect(200);
    const history = await s.get(`/api/projects/${f.projectId}/history`).expect(200);
    return { project: project.body, history: history.body, statements: statements(project) + statements(history) };
  }

  it('answers the leader the project and its history as GET project and GET history do, without the managers’ lists', async () => {
    const res = await page(f.leader).expect(200);
    const before = await separately(f.leader);
    expect(res.body).toEqual({ project: before.project, history: before.history, people: null, regionKommuner: null });
    expect(res.body.project.permissions).toMatchObject({ edit: true, submit: true, manage: false });
    expect(res.body.project.phases[0].readiness.ready).toBe(true);
    expect(res.body.project.phases[1].deliverables.length).toBeGreaterThan(0);
    expect(res.body.history.length).toBeGreaterThan(5);
    expect(res.body.history[0]).toMatchObject({ action: 'project.updated', actorName: expect.any(String) });
  });

  it('answers the regionråd also the people directory and the region’s current kommuner, as the page read them before', async () => {
    const res = await page(f.regionraad).expect(200);
    const before = await separately(f.regionraad);
    const people = await f.regionraad.get('/api/users/directory').expect(200);
    const region = await f.regionraad.get(`/api/regions/${f.region.id}`).expect(200);
    const current = region.body.members
      .filter((m: { current: boolean }) => m.current)
      .map((m: { kommune: { id: string; number: string; name: string } }) => ({
        id: m.kommune.id,
        number: m.kommune.number,
        name: m.kommune.name,
      }));
    expect(res.body).toEqual({ project: before.project, history: before.history, people: people.body, regionKommuner: current });
    expect(res.body.project.permissions.manage).toBe(true);
    expect(res.body.people.map((p: { name: string }) => p.name)).toContain('Pia Prosjektleder');
    expect(res.body.regionKommuner.map((k: { id: string }) => k.id).sort()).toEqual(f.kommuner.map((k) => k.id).sort());
    expect(res.body.regionKommuner.map((k: { id: string }) => k.id)).not.toContain(formerMember.id);
  });

  it('answers an adviser and a kommune contact what they may read, and nothing to manage with', async () => {
    for (const reader of [f.adviser, kommuneContact]) {
      const res = await page(reader).expect(200);
      const before = await separately(reader);
      expect(res.body).toEqual({ project: before.project, history: before.history, people: null, regionKommuner: null });
      expect(res.body.project.permissions).toMatchObject({ edit: false, submit: false, decide: false, manage: false });
    }
    expect((await page(f.adviser)).body.project.nextActions.map((a: { kind: string }) => a.kind)).toEqual(['follow']);
  });

  it('answers 404 to another region’s people and for an unknown project, and 400 for an id that is not one', async () => {
    const otherRegion = await t.factories.newRegion();
    for (const role of ['regionraad', 'adviser', 'kommune_contact'] as const) {
      const outsider = await t.as([{ role, regionId: otherRegion.id }]);
      expect((await page(outsider).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
    }
    // The leader of another project in the same region reads only their own.
    const other = await f.regionraad
      .post('/api/projects')
      .send({ regionId: f.region.id, name: 'Et annet prosjekt', kommuneIds: [f.kommuner[0].id] })
      .expect(201);
    const otherLeader = await t.as([{ role: 'project_leader', regionId: f.region.id, projectId: other.body.id }]);
    await otherLeader.get(`/api/projects/${other.body.id}/page`).expect(200);
    expect((await page(otherLeader).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
    const unknown = await f.regionraad.get(`/api/projects/${randomUUID()}/page`).expect(404);
    expect(unknown.body.code).toBe('PROJECT_NOT_FOUND');
    const bad = await f.regionraad.get('/api/projects/not-a-uuid/page').expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'id' }] });
    await t.http().get(`/api/projects/${f.projectId}/page`).expect(401);
  });

  it(`runs at most ${STATEMENT_BUDGET} statements, where the page’s four requests ran many more`, async () => {
    for (const s of [f.leader, f.regionraad, f.adviser, kommuneContact]) {
      await page(s).expect(200); // the session is in the cache from here on
      const res = await page(s).expect(200);
      expect(statements(res)).toBeGreaterThan(0);
      expect(statements(res)).toBeLessThanOrEqual(STATEMENT_BUDGET);
    }
    // The regionråd's page before: the project and its history, then the people directory and the region.
    const before = await separately(f.regionraad);
    const people = await f.regionraad.get('/api/users/directory').expect(200);
    const region = await f.regionraad.get(`/api/regions/${f.region.id}`).expect(200);
    const old = before.statements + statements(people) + statements(region);
    const now = statements(await page(f.regionraad).expect(200));
    expect(now).toBeLessThan(old);
  });
});
