import { newProjectFixture, ProjectFixture, makePhaseReady, submitPhase } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const BASE = 'https://nvr.example.no';

interface Mail {
  subject: string;
  body_text: string;
  title: string;
}

/**
 * Each person chooses their language (nb, nn, en); every e-mail the server sends them is written in it,
 * while the in-app notification keeps its bokmål fallback (the web app renders its own text).
 */
describe('e-mail in the recipient’s language', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let englishRaad: Session;

  /** The e-mails of one kind to one person, with the in-app title beside each. */
  const mailsTo = async (userId: string, kind: string) =>
    (await t.db.query(
      `SELECT o.subject, o.body_text, n.title FROM outbox o JOIN notification n ON n.id = o.notification_id
        WHERE o.recipient_id = $1 AND n.kind = $2 ORDER BY o.id`,
      [userId, kind],
    )) as Mail[];

  beforeAll(async () => {
    t = await createTestApp({ publicBaseUrl: BASE });
    f = await newProjectFixture(t, 'Språkregionen');
    englishRaad = await t.as([{ role: 'regionraad', regionId: f.region.id }]);
  });
  afterAll(() => t.close());

  it('lets the signed-in person read and choose their language, and refuses an unknown one', async () => {
    expect((await f.regionraad.get('/api/auth/me').expect(200)).body.user.language).toBe('nb');
    const changed = await f.regionraad.patch('/api/auth/me/language').send({ language: 'nn' }).expect(200);
    expect(changed.body).toMatchObject({ user: { id: f.regionraad.userId, language: 'nn' }, csrfToken: f.regionraad.csrfToken });
    expect((await f.regionraad.get('/api/auth/me').expect(200)).body.user.language).toBe('nn');
    await englishRaad.patch('/api/auth/me/language').send({ language: 'en' }).expect(200);

    const refused = await f.regionraad.patch('/api/auth/me/language').send({ language: 'de' }).expect(400);
    expect(JSON.stringify(refused.body)).toContain('language');
    await f.regionraad.patch('/api/auth/me/language').send({}).expect(400);
    await f.regionraad.patch('/api/auth/me/language').send({ language: null }).expect(400);
    await t.http().patch('/api/auth/me/language').send({ language: 'en' }).expect(401);
    // The refusals changed nothing.
    expect((await f.regionraad.get('/api/auth/me').expect(200)).body.user.language).toBe('nn');
  });

  it('lets an administrator give a new account its language', async () => {
    const admin = await t.as([{ role: 'admin' }]);
    const account = { email: 'engelsk@test.no', name: 'Emma English', newPassword: 'a-long-password-123' };
    const created = await admin
      .post('/api/users')
      .send({ ...account, language: 'en' })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'engelsk@test.no', language: 'en' });
    await admin
      .post('/api/users')
      .send({ ...account, email: 'tysk@test.no', language: 'de' })
      .expect(400);
    const plain = await admin
      .post('/api/users')
      .send({ ...account, email: 'bokmaal@test.no' })
      .expect(201);
    expect(plain.body.language).toBe('nb');
  });

  it('writes a hand-over to a nynorsk and an English secretary each in their own language', async () => {
    await makePhaseReady(f, 'forstudie');
    await submitPhase(f, 'forstudie');
    const project = 'Næringsvennlig Språkregionen';
    const link = `${BASE}/prosjekter/${f.projectId}/faser/forstudie/beslutning`;

    const [nn] = await mailsTo(f.regionraad.userId, 'gate_submitted');
    expect(nn.subject).toBe(`Til handsaming: Forstudie i ${project}`);
    expect(nn.body_text).toContain('er send til handsaming. Saka ligg no hos');
    expect(nn.body_text).toContain(link);
    expect(nn.body_text).toMatch(/— Næringsvennlig region$/);

    const [en] = await mailsTo(englishRaad.userId, 'gate_submitted');
    expect(en.subject).toBe(`Submitted: Forstudie (pre-study) in ${project}`);
    expect(en.body_text).toContain('has been submitted for decision. The case is now with');
    expect(en.body_text).toContain(link);

    // The in-app notification keeps the bokmål text; the web app renders it in the reader's language.
    expect(nn.title).toBe(`Til behandling: Forstudie i ${project}`);
    expect(en.title).toBe(nn.title);
  });

  it('writes a mention in the recipient’s language, naming who wrote', async () => {
    const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
    const deliverableId: string = project.phases[0].deliverables[0].id;
    await f.leader
      .post(`/api/projects/${f.projectId}/comments`)
      .send({ targetType: 'deliverable', targetId: deliverableId, body: `Se over, @${f.regionraad.userId} og @${englishRaad.userId}` })
      .expect(201);
    const [nn] = await mailsTo(f.regionraad.userId, 'mention');
    const [en] = await mailsTo(englishRaad.userId, 'mention');
    expect(nn.subject).toBe('Pia Prosjektleder nemnde deg i ein kommentar');
    expect(en.subject).toBe('Pia Prosjektleder mentioned you in a comment');
    expect(en.body_text).toContain('Pia Prosjektleder wrote in Næringsvennlig Språkregionen: “Se over');
  });
});
