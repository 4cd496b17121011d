import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

/**
 * @mentions (#15): the people one may mention on a project (those who may read it, from the access rules),
 * and a comment that mentions anyone else is refused with the handles named, nothing saved.
 */
describe('mentionable people and unknown mentions', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let url: string;
  let comments: string;
  let deliverableId: string;
  const people: Record<string, { id: string; email: string }> = {};
  let otherRaad: Session;
  let contact: Session;

  const emailOf = async (s: Session) => (await t.db.query(`SELECT email FROM app_user WHERE id = $1`, [s.userId]))[0].email as string;
  const list = async (s: Session, query = '') =>
    (await s.get(`${url}${query}`).expect(200)).body as { name: string; email: string; roles: string[] }[];
  const commentCount = async () =>
    Number((await t.db.query(`SELECT count(*) AS n FROM comment WHERE project_id = $1`, [f.projectId]))[0].n);
  const mentionNotices = async () =>
    Number((await t.db.query(`SELECT count(*) AS n FROM notification WHERE kind = 'mention' AND project_id = $1`, [f.projectId]))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Nevneregionen');
    url = `/api/projects/${f.projectId}/mentionable-people`;
    comments = `/api/projects/${f.projectId}/comments`;
    deliverableId = (await f.leader.get(`/api/projects/${f.projectId}`)).body.phases[0].deliverables[0].id;
    const regionId = f.region.id;
    await f.regionraad
      .post('/api/projects')
      .send({
        regionId,
        name: 'Næringsvennlig Nevneregionen, del to',
        kommuneIds: f.kommuner.map((k) => k.id),
        leaderUserId: (await t.factories.newUser({ name: 'Olav Annetprosjekt', email: 'olav@annet.no' })).id,
        forstudie: { plannedStart: '2026-01-01', plannedEnd: '2026-09-30' },
      })
      .expect(201);
    people.marte = await t.factories.newUser({
      name: 'Marte Medlem',
      email: 'marte.medlem@kommune.no',
      roles: [{ role: 'project_member', regionId, projectId: f.projectId }],
    });
    people.kari = await t.factories.newUser({
      name: 'Kari Kontakt',
      email: 'kari@kommune.no',
      roles: [{ role: 'kommune_contact', regionId }],
    });
    people.ada = await t.factories.newUser({ name: 'Ada Admin', email: 'ada@admin.no', roles: [{ role: 'admin' }] });
    people.adam = await t.factories.newUser({
      name: 'Adam Admin',
      email: 'adam@admin.no',
      roles: [{ role: 'admin' }, { role: 'adviser', regionId }],
    });
    people.sovende = await t.factories.newUser({
      name: 'Mats Sluttet',
      email: 'mats@sluttet.no',
      active: false,
      roles: [{ role: 'regionraad', regionId }],
    });
    people.utenfor = await t.factories.newUser({
      name: 'Mari Utenfor',
      email: 'mari@annen.no',
      roles: [{ role: 'regionraad', regionId: (await t.factories.newRegion()).id }],
    });
    otherRaad = await t.signIn(people.utenfor.email);
    contact = await t.signIn(people.kari.email);
  });
  afterAll(() => t.close());

  it('lists those who may read the project with their roles: not the asker, other projects, inactive people or bare admins', async () => {
    const all = await list(f.leader);
    const byEmail = Object.fromEntries(all.map((p) => [p.email, p.roles]));
    expect(byEmail).toEqual({
      [await emailOf(f.regionraad)]: ['regionraad'],
      [await emailOf(f.adviser)]: ['adviser'],
      'marte.medlem@kommune.no': ['project_member'],
      'kari@kommune.no': ['kommune_contact'],
      'adam@admin.no': ['adviser'],
    });
    expect(all[0]).toEqual({ id: expect.any(String), name: expect.any(String), email: expect.any(String), roles: expect.any(Array) });
    // The regionråd sees the leader (and not themself).
    const forRaad = (await list(f.regionraad)).map((p) => p.name);
    expect(forRaad).toContain('Pia Prosjektleder');
    expect(forRaad).not.toContain('Olav Annetprosjekt');
  });

  it('filters on the start of a word of the name or the address, best match first, with a limit', async () => {
    expect((await list(f.leader, '?q=ma')).map((p) => p.name)).toEqual(['Marte Medlem']);
    expect((await list(f.leader, '?q=MEDL')).map((p) => p.name)).toEqual(['Marte Medlem']);
    expect((await list(f.leader, '?q=@kari@')).map((p) => p.name)).toEqual(['Kari Kontakt']);
    // "Adam Admin" starts with "ad"; the adviser's address (person…@test.no) does not, nor any other name.
    expect((await list(f.leader, '?q=ad')).map((p) => p.name)).toEqual(['Adam Admin']);
    expect(await list(f.leader, '?q=zzz')).toEqual([]);
    expect(await list(f.leader, '?limit=2')).toHaveLength(2);
    await f.leader.get(`${url}?limit=0`).expect(400);
    await f.leader.get(`${url}?limit=51`).expect(400);
    await f.leader.get(`${url}?q=${'x'.repeat(101)}`).expect(400);
  });

  it('answers 404 to another region’s people and 403 to those who may only read', async () => {
    expect((await otherRaad.get(url).expect(404)).body.code).toBe('PROJECT_NOT_FOUND');
    expect((await contact.get(url).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('refuses a comment that mentions anyone who may not read the project, naming them; nothing is saved', async () => {
    const before = { comments: await commentCount(), notices: await mentionNotices() };
    const unknownId = '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b';
    const body = `Hei @marte.medlem@kommune.no, @Finnes.Ikke@demo.no, @mari@annen.no, @mats@sluttet.no, @olav@annet.no og @${unknownId}.`;
    const res = await f.adviser.post(comments).send({ targetType: 'deliverable', targetId: deliverableId, body }).expect(422);
    const handles = `@finnes.ikke@demo.no, @mari@annen.no, @mats@sluttet.no, @olav@annet.no, @${unknownId}`;
    expect(res.body).toMatchObject({ code: 'COMMENT_MENTION_UNKNOWN', params: { handles, count: 5 } });
    expect(res.body.message).toContain(handles);
    expect({ comments: await commentCount(), notices: await mentionNotices() }).toEqual(before);

    // Editing is held to the same rule.
    const c = (await f.adviser.post(comments).send({ targetType: 'deliverable', targetId: deliverableId, body: 'Først uten' }).expect(201))
      .body;
    const edit = await f.adviser.patch(`${comments}/${c.id}`).send({ body: 'Nå med @mari@annen.no', version: 1 }).expect(422);
    expect(edit.body.params).toEqual({ handles: '@mari@annen.no', count: 1 });
    expect((await t.db.query(`SELECT body, version FROM comment WHERE id = $1`, [c.id]))[0]).toEqual({ body: 'Først uten', version: 1 });
  });

  it('takes a bare "@name" as plain text (no mention, no refusal), and an administrator’s address as a mention', async () => {
    const bare = (
      await f.adviser.post(comments).send({ targetType: 'deliverable', targetId: deliverableId, body: 'Takk @Pia, bra jobba!' }).expect(201)
    ).body;
    expect(bare.mentions).toEqual([]);
    const toAdmin = (
      await f.adviser.post(comments).send({ targetType: 'deliverable', targetId: deliverableId, body: 'Se her, @ada@admin.no' }).expect(201)
    ).body;
    expect(toAdmin.mentions.map((m: { email: string }) => m.email)).toEqual(['ada@admin.no']);
  });

  it('notifies a person chosen from the list', async () => {
    const [marte] = await list(f.adviser, '?q=ma');
    const c = (
      await f.adviser
        .post(comments)
        .send({ targetType: 'deliverable', targetId: deliverableId, body: `@${marte.email} kan du se på dette?` })
        .expect(201)
    ).body;
    expect(c.mentions).toEqual([{ id: people.marte.id, name: 'Marte Medlem', email: 'marte.medlem@kommune.no' }]);
    const notices = await t.db.query(`SELECT recipient_id, target_id FROM notification WHERE kind = 'mention' AND target_id = $1`, [c.id]);
    expect(notices).toEqual([{ recipient_id: people.marte.id, target_id: c.id }]);
  });
});
