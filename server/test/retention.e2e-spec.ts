import { JobQueue } from '../src/jobs/job-queue.service';
import { SURVEY_RETENTION_JOB, SurveyRetention } from '../src/surveys/survey-retention';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

/** The retention job forgets the participants' names of an ended project's conversations, as it deletes raw survey answers. */
describe('retention of conversation participants’ names', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function conversation(f: ProjectFixture, body: Record<string, unknown>): Promise<{ id: string }> {
    return (
      await f.leader
        .post(`/api/projects/${f.projectId}/conversations`)
        .send({ kind: 'interview', title: 'Intervju', heldOn: '2026-03-01', participantCount: 2, ...body })
        .expect(201)
    ).body;
  }

  /** Marks the project as completed `days` ago, as the retention job reads it. */
  async function endedDaysAgo(f: ProjectFixture, days: number): Promise<void> {
    await t.db.query(`UPDATE project SET status = 'completed' WHERE id = $1`, [f.projectId]);
    await t.db.query(
      `INSERT INTO history_event (project_id, actor_name, action, entity_type, entity_id, at)
       VALUES ($1, 'Test', 'project.completed', 'project', $2, now() - make_interval(days => $3))`,
      [f.projectId, f.projectId, days],
    );
  }

  it('clears the names and the consent of an ended project’s conversations after the retention period, noted in the history', async () => {
    const ended = await newProjectFixture(t, 'Avsluttetregionen');
    const active = await newProjectFixture(t, 'Aktivregionen');
    const named = await conversation(ended, { participantNames: 'Kari Nordmann, Ola Nordmann', namesConsent: true });
    const anonymous = await conversation(ended, { title: 'Uten navn' });
    const stillActive = await conversation(active, { participantNames: 'Per Hansen', namesConsent: true });
    const retention = t.app.get(SurveyRetention);

    // Ended 400 days ago: kept while the retention period is longer.
    await endedDaysAgo(ended, 400);
    await retention.run(500);
    expect((await ended.leader.get(`/api/projects/${ended.projectId}/conversations/${named.id}`).expect(200)).body).toMatchObject({
      participantNames: 'Kari Nordmann, Ola Nordmann',
      namesConsent: true,
      version: 1,
    });

    // With SURVEY_RETENTION_DAYS at its default of 365, the daily job (as the scheduler enqueues it) forgets the names.
    const queue = t.app.get(JobQueue);
    await queue.enqueue(SURVEY_RETENTION_JOB, {}, { uniqueKey: `${SURVEY_RETENTION_JOB}:names-test` });
    expect(await queue.drain()).toBeGreaterThanOrEqual(1);

    const after = (await ended.leader.get(`/api/projects/${ended.projectId}/conversations/${named.id}`).expect(200)).body;
    expect(after).toMatchObject({ participantNames: null, namesConsent: false, participantCount: 2, title: 'Intervju', version: 2 });
    expect((await ended.leader.get(`/api/projects/${ended.projectId}/conversations/${anonymous.id}`).expect(200)).body.version).toBe(1);
    // Another project, still active, keeps its names.
    expect(
      (await active.leader.get(`/api/projects/${active.projectId}/conversations/${stillActive.id}`).expect(200)).body.participantNames,
    ).toBe('Per Hansen');

    const history = (await ended.leader.get(`/api/projects/${ended.projectId}/history`).expect(200)).body as {
      action: string;
      entityId: string;
      actorName: string;
    }[];
    const noted = history.filter((h) => h.action === 'conversation.updated' && h.entityId === named.id);
    expect(noted).toHaveLength(1);
    expect(noted[0].actorName).toBe('Oppbevaringsregel (automatisk)');
    expect(JSON.stringify(history)).not.toContain('Nordmann');

    // A second run finds nothing more to do.
    expect(await retention.forgetNames()).toBe(0);
  });
});
