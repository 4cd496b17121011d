import { periodOf, shiftPeriod, todayInOslo } from '@nvr/shared';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

describe('comments and mentions', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let base: string;
  let deliverableId: string;
  let leaderEmail: string;
  let outsider: { id: string; email: string };
  let otherRaad: Session;
  const target = () => ({ targetType: 'deliverable', targetId: deliverableId });
  const listUrl = () => `${base}?targetType=deliverable&targetId=${deliverableId}`;
  const notifications = async (s: Session) => (await s.get('/api/notifications').expect(200)).body;
  const outbox = (userId: string) =>
    t.db.query(`SELECT to_address, subject, body_text, state FROM outbox WHERE recipient_id = $1 ORDER BY id`, [userId]);

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Kommentarregionen');
    base = `/api/projects/${f.projectId}/comments`;
    const project = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
    deliverableId = project.phases[0].deliverables.find((d: { key: string }) => d.key === 'business_needs').id;
    [{ email: leaderEmail }] = await t.db.query(`SELECT email FROM app_user WHERE id = $1`, [f.leader.userId]);
    outsider = await t.factories.newUser({
      email: 'utenfor@annen.no',
      roles: [{ role: 'regionraad', regionId: (await t.factories.newRegion()).id }],
    });
    otherRaad = await t.signIn(outsider.email);
  });
  afterAll(() => t.close());

  it('lets an adviser comment and mention the leader: the leader is notified in the app and by e-mail', async () => {
    // Someone who may not read the project cannot be mentioned (mentions.e2e-spec.ts): the comment is refused.
    await f.adviser
      .post(base)
      .send({ ...target(), body: `Kopi til @utenfor@annen.no og @finnes.ikke@demo.no` })
      .expect(422);
    const body = `Fin start! @${leaderEmail.toUpperCase()}, kan du ta med reiselivet?`;
    const c = (
      await f.adviser
        .post(base)
        .send({ ...target(), body })
        .expect(201)
    ).body;
    expect(c).toMatchObject({
      projectId: f.projectId,
      targetType: 'deliverable',
      targetId: deliverableId,
      body,
      author: { id: f.adviser.userId },
      editable: true,
      deletable: true,
      editedAt: null,
      version: 1,
    });
    expect(c.mentions).toEqual([{ id: f.leader.userId, name: 'Pia Prosjektleder', email: leaderEmail }]);

    const forLeader = await notifications(f.leader);
    expect(forLeader.unreadCount).toBe(1);
    expect(forLeader.items[0]).toMatchObject({
      kind: 'mention',
      projectId: f.projectId,
      projectName: 'Næringsvennlig Kommentarregionen',
      targetType: 'comment',
      targetId: c.id,
      link: `/prosjekter/${f.projectId}/leveranser/${deliverableId}`,
      readAt: null,
      params: { commentTargetType: 'deliverable', commentTargetId: deliverableId },
    });
    expect(forLeader.items[0].title).toContain('nevnte deg');
    const mails = await outbox(f.leader.userId);
    expect(mails).toEqual([
      { to_address: leaderEmail, subject: forLeader.items[0].title, body_text: expect.stringContaining('reiselivet'), state: 'captured' },
    ]);
    // No notification for someone who may not read the project, nor any e-mail to them.
    expect((await notifications(otherRaad)).items).toEqual([]);
    expect(await outbox(outsider.id)).toEqual([]);
  });

  it('mentions by user id too, never notifies the author of their own mention, and lists comments per target', async () => {
    const raadId = f.regionraad.userId;
    await f.leader
      .post(base)
      .send({ ...target(), body: `@${raadId} se gjerne på dette. Notat til meg selv: @${leaderEmail}` })
      .expect(201);
    expect((await notifications(f.regionraad)).items.map((n: { kind: string }) => n.kind)).toEqual(['mention']);
    expect((await notifications(f.leader)).unreadCount).toBe(1); // still only the adviser's
    const list = (await f.adviser.get(listUrl()).expect(200)).body;
    expect(list.map((c: { author: { id: string } }) => c.author.id)).toEqual([f.adviser.userId, f.leader.userId]);
    expect(list[1]).toMatchObject({ editable: false, deletable: false });
    // Another target has its own thread.
    const phaseId = (await f.leader.get(`/api/projects/${f.projectId}`)).body.phases[0].id;
    await f.regionraad.post(base).send({ targetType: 'phase_plan', targetId: phaseId, body: 'Planen ser bra ut.' }).expect(201);
    expect((await f.adviser.get(`${base}?targetType=phase_plan&targetId=${phaseId}`).expect(200)).body).toHaveLength(1);
    expect((await f.adviser.get(listUrl())).body).toHaveLength(2);
  });

  it('lets those who may only read see comments, but not write them', async () => {
    const contact = await t.as([{ role: 'kommune_contact', regionId: f.region.id }]);
    await contact.get(listUrl()).expect(200);
    expect(
      (
        await contact
          .post(base)
          .send({ ...target(), body: 'Hei' })
          .expect(403)
      ).body.code,
    ).toBe('FORBIDDEN');
    expect((await otherRaad.get(listUrl()).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
  });

  it('refuses targets outside the project, blank text and missing targets with readable errors', async () => {
    const g = await newProjectFixture(t);
    const foreign = (await g.leader.get(`/api/projects/${g.projectId}`)).body.phases[0].deliverables[0].id;
    const res = await f.adviser.post(base).send({ targetType: 'deliverable', targetId: foreign, body: 'Feil sted' }).expect(404);
    expect(res.body).toMatchObject({ code: 'COMMENT_TARGET_NOT_FOUND', message: `The project has no deliverable with id ${foreign}.` });
    await f.adviser.get(`${base}?targetType=deliverable&targetId=${foreign}`).expect(404);
    const blank = await f.adviser
      .post(base)
      .send({ ...target(), body: '   ' })
      .expect(400);
    expect(blank.body.errors).toEqual([{ field: 'body', messages: ['body must not be empty'] }]);
    const bad = await f.adviser.get(`${base}?targetType=budget`).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['targetId', 'targetType']);
    await f.adviser
      .post(base)
      .send({ ...target(), body: 'x'.repeat(8001) })
      .expect(400);
  });

  it('comments on published status reports; drafts are out of reach for readers', async () => {
    await t.db.query(`UPDATE project_phase SET actual_start = '2026-01-01' WHERE project_id = $1 AND phase_key = 'forstudie'`, [
      f.projectId,
    ]);
    const draft = (
      await f.leader
        .post(`/api/projects/${f.projectId}/status-reports`)
        .send({ period: shiftPeriod(periodOf(todayInOslo()), -1) }) // last month: a report is published once its month is over
        .expect(201)
    ).body;
    const onDraft = { targetType: 'status_report', targetId: draft.id, body: 'Hei' };
    expect((await f.adviser.post(base).send(onDraft).expect(404)).body.code).toBe('COMMENT_TARGET_NOT_FOUND');
    await f.leader
      .post(base)
      .send({ ...onDraft, body: 'Husk risikoen' })
      .expect(201);
    const colours = {
      overall: { colour: 'green' },
      progress: { colour: 'green' },
      economy: { colour: 'green' },
      risk: { colour: 'green' },
    };
    const saved = (
      await f.leader
        .patch(`/api/projects/${f.projectId}/status-reports/${draft.id}`)
        .send({ ...colours, version: 1 })
        .expect(200)
    ).body;
    await f.leader.post(`/api/projects/${f.projectId}/status-reports/${draft.id}/publish`).send({ version: saved.version }).expect(200);
    const c = (await f.adviser.post(base).send(onDraft).expect(201)).body;
    const mention = (
      await f.adviser
        .patch(`${base}/${c.id}`)
        .send({ body: `Bra rapport, @${leaderEmail}!`, version: 1 })
        .expect(200)
    ).body;
    expect(mention.mentions).toHaveLength(1);
    const n = (await notifications(f.leader)).items.find((x: { targetId: string }) => x.targetId === c.id);
    expect(n.link).toBe(`/prosjekter/${f.projectId}/statusrapporter/${draft.id}`);
  });

  it('edits own comments only, notifying only people newly mentioned; deleting hides the comment', async () => {
    const c = (
      await f.adviser
        .post(base)
        .send({ ...target(), body: `Spørsmål til @${leaderEmail}` })
        .expect(201)
    ).body;
    const before = (await outbox(f.leader.userId)).length;
    expect((await f.leader.patch(`${base}/${c.id}`).send({ body: 'Kapret', version: 1 }).expect(403)).body.message).toBe(
      'You can only edit your own comments.',
    );
    const edited = (
      await f.adviser
        .patch(`${base}/${c.id}`)
        .send({ body: `Spørsmål til @${leaderEmail} og @${f.regionraad.userId}`, version: 1 })
        .expect(200)
    ).body;
    expect(edited).toMatchObject({ version: 2, editedAt: expect.any(String) });
    expect(edited.mentions.map((m: { id: string }) => m.id).sort()).toEqual([f.leader.userId, f.regionraad.userId].sort());
    expect((await outbox(f.leader.userId)).length).toBe(before); // the leader was mentioned before: no second notice
    expect((await notifications(f.regionraad)).items.filter((x: { targetId: string }) => x.targetId === c.id)).toHaveLength(1);
    expect((await f.adviser.patch(`${base}/${c.id}`).send({ body: 'Gammel', version: 1 }).expect(409)).body.code).toBe('VERSION_CONFLICT');

    expect((await f.leader.delete(`${base}/${c.id}`).expect(403)).body.code).toBe('FORBIDDEN');
    await f.adviser.delete(`${base}/${c.id}`).expect(204);
    expect((await f.adviser.get(listUrl())).body.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await f.adviser.patch(`${base}/${c.id}`).send({ body: 'Igjen', version: 2 }).expect(404)).body.code).toBe('COMMENT_NOT_FOUND');
    await f.adviser.delete(`${base}/${c.id}`).expect(404);
    // The row stays (soft delete), and the history says what happened.
    expect(await t.db.query(`SELECT deleted_at IS NOT NULL AS deleted FROM comment WHERE id = $1`, [c.id])).toEqual([{ deleted: true }]);
    const history = (await f.adviser.get(`/api/projects/${f.projectId}/history`)).body.filter(
      (h: { entityId: string }) => h.entityId === c.id,
    );
    expect(history.map((h: { action: string }) => h.action)).toEqual(['comment.deleted', 'comment.edited', 'comment.added']);
    // An administrator may remove anyone's comment.
    const other = (
      await f.leader
        .post(base)
        .send({ ...target(), body: 'Upassende' })
        .expect(201)
    ).body;
    await (await t.as([{ role: 'admin' }])).delete(`${base}/${other.id}`).expect(204);
  });
});

describe('notifications', () => {
  let t: TestApp;
  let f: ProjectFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Varselregionen');
  });
  afterAll(() => t.close());

  it('are marked read one by one or all at once, only by their recipient', async () => {
    const deliverableId = (await f.leader.get(`/api/projects/${f.projectId}`)).body.phases[0].deliverables[0].id;
    const [{ email }] = await t.db.query(`SELECT email FROM app_user WHERE id = $1`, [f.leader.userId]);
    for (const text of ['én', 'to', 'tre']) {
      await f.adviser
        .post(`/api/projects/${f.projectId}/comments`)
        .send({ targetType: 'deliverable', targetId: deliverableId, body: `@${email} ${text}` })
        .expect(201);
    }
    expect((await f.leader.get('/api/notifications/unread-count').expect(200)).body).toEqual({ unreadCount: 3 });
    const list = (await f.leader.get('/api/notifications?limit=2').expect(200)).body;
    expect(list.items).toHaveLength(2);
    expect(list.unreadCount).toBe(3);
    expect(list.items[0].body).toContain('tre'); // newest first
    expect((await f.adviser.post(`/api/notifications/${list.items[0].id}/read`).expect(404)).body.code).toBe('NOTIFICATION_NOT_FOUND');
    const read = (await f.leader.post(`/api/notifications/${list.items[0].id}/read`).expect(200)).body;
    expect(read.readAt).toEqual(expect.any(String));
    await f.leader.post(`/api/notifications/${list.items[0].id}/read`).expect(200); // again: no harm
    expect((await f.leader.get('/api/notifications?unreadOnly=true').expect(200)).body.items).toHaveLength(2);
    expect((await f.leader.post('/api/notifications/read-all').expect(200)).body).toEqual({ marked: 2, unreadCount: 0 });
    expect((await f.leader.get('/api/notifications/unread-count')).body.unreadCount).toBe(0);
    await f.leader.get('/api/notifications?limit=0').expect(400);
    await f.leader.get('/api/notifications?unreadOnly=maybe').expect(400);
    await f.leader.post('/api/notifications/nope/read').expect(400);
  });

  it('hide notifications about a project the person may no longer read', async () => {
    const deliverableId = (await f.leader.get(`/api/projects/${f.projectId}`)).body.phases[0].deliverables[0].id;
    const member = await t.factories.newUser({
      email: 'medlem@varsel.no',
      roles: [{ role: 'project_member', regionId: f.region.id, projectId: f.projectId }],
    });
    const session = await t.signIn(member.email);
    await f.adviser
      .post(`/api/projects/${f.projectId}/comments`)
      .send({ targetType: 'deliverable', targetId: deliverableId, body: '@medlem@varsel.no hei' })
      .expect(201);
    expect((await session.get('/api/notifications/unread-count')).body.unreadCount).toBe(1);
    await t.db.query(`DELETE FROM role_assignment WHERE user_id = $1`, [member.id]);
    const again = await t.signIn(member.email);
    expect((await again.get('/api/notifications')).body).toEqual({ items: [], unreadCount: 0 });
  });
});
