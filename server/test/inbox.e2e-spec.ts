import { addDays, todayInOslo } from '@nvr/shared';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

interface Item {
  kind: string;
  projectId: string;
  projectName: string;
  regionName: string;
  phaseKey: string | null;
  targetId: string;
  title: string;
  bodyName: string | null;
  comment: string | null;
  owner: { id: string; name: string } | null;
  due: string | null;
  overdue: boolean;
  since: string | null;
  link: string;
}

const today = todayInOslo();

/** "Venter på deg": what waits on each person, from the projects they may see only. */
describe('inbox', () => {
  let t: TestApp;
  let f: ProjectFixture; // a forstudie at the rådmannsgruppe, with kommune cases, a returned and a submitted deliverable, a condition
  let g: ProjectFixture; // another region's forstudie awaiting decision, no case route
  let member: Session;
  let contact: Session;
  let nobody: Session;
  let admin: Session;
  const ids: Record<string, string> = {};

  const inbox = async (s: Session) => (await s.get('/api/inbox').expect(200)).body as { asOf: string; items: Item[] };
  const kinds = (items: Item[]) => items.map((i) => `${i.kind}:${i.title}`);

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Innboksregionen');
    g = await newProjectFixture(t, 'Naboregionen');
    member = await t.as([{ role: 'project_member', regionId: f.region.id, projectId: f.projectId }]);
    contact = await t.as([{ role: 'kommune_contact', regionId: f.region.id }]);
    nobody = await t.as([]);
    admin = await t.as([{ role: 'admin' }]);

    const phaseIds = async (projectId: string) =>
      Object.fromEntries(
        (await t.db.query(`SELECT phase_key, id FROM project_phase WHERE project_id = $1`, [projectId])).map(
          (r: { phase_key: string; id: string }) => [r.phase_key, r.id],
        ),
      );
    const fp = await phaseIds(f.projectId);
    const gp = await phaseIds(g.projectId);
    const one = async (sql: string, params: unknown[]) => ((await t.db.query(sql, params)) as { id: string }[])[0].id;

    // f: the forstudie was approved once with a condition owned by the adviser, then (say, reopened) submitted again.
    const decided = await one(
      `INSERT INTO gate_submission (phase_id, readiness, submitted_at) VALUES ($1, '{}', now() - interval '60 days') RETURNING id`,
      [fp.forstudie],
    );
    const decision = await one(
      `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text, conditions)
       VALUES ($1, $2, 'approved_with_conditions', $3, '3/26', 'Godkjent med vilkår.', 'Avklare lokaler') RETURNING id`,
      [decided, fp.forstudie, addDays(today, -50)],
    );
    ids.condition = await one(
      `INSERT INTO gate_condition (decision_id, phase_id, position, text, owner_user_id, due_date) VALUES ($1, $2, 0, 'Avklare lokaler', $3, $4) RETURNING id`,
      [decision, fp.forprosjekt, f.adviser.userId, addDays(today, 20)],
    );
    await t.db.query(
      `INSERT INTO gate_condition (decision_id, phase_id, position, text, due_date, state, resolved_at) VALUES ($1, $2, 1, 'Oppfylt vilkår', $3, 'met', now())`,
      [decision, fp.forprosjekt, addDays(today, 1)],
    );
    await t.db.query(`UPDATE project_phase SET state = 'awaiting_decision' WHERE id = $1`, [fp.forstudie]);
    ids.submission = await one(`INSERT INTO gate_submission (phase_id, readiness) VALUES ($1, '{}') RETURNING id`, [fp.forstudie]);
    for (const [position, name, handled] of [
      [0, 'Styringsgruppen', true],
      [1, 'Rådmannsgruppen', false],
      [2, 'Regionrådet', false],
    ] as const) {
      await t.db.query(
        `INSERT INTO gate_case_step (submission_id, position, body_name, body_kind, decides, meeting_date, handled_at)
         VALUES ($1, $2, $3, 'annet', $4, $5, $6)`,
        [ids.submission, position, name, position === 2, handled ? addDays(today, -2) : null, handled ? new Date() : null],
      );
    }
    const kommuneCase = (kommuneId: string, deadline: string, outcome = 'pending') =>
      one(
        `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share, outcome) SELECT $1, id, name, $3, 50000, $4 FROM kommune WHERE id = $2 RETURNING id`,
        [ids.submission, kommuneId, deadline, outcome],
      );
    ids.case1 = await kommuneCase(f.kommuner[0].id, addDays(today, 30));
    await kommuneCase(f.kommuner[1].id, addDays(today, 30), 'yes'); // decided: not waiting

    // In the forprosjekt (not started yet): one deliverable submitted early for review, one returned.
    const deliverables = await t.db.query(`SELECT id, title FROM deliverable WHERE phase_id = $1 ORDER BY title`, [fp.forprosjekt]);
    ids.submitted = deliverables[0].id;
    ids.returned = deliverables[1].id;
    await t.db.query(`UPDATE deliverable SET state = 'submitted', content = 'Utkast', due_date = $2 WHERE id = $1`, [
      ids.submitted,
      addDays(today, 5),
    ]);
    await t.db.query(
      `UPDATE deliverable SET state = 'returned', content = 'Utkast', review_comment = 'Mangler budsjett', owner_user_id = $2, due_date = $3 WHERE id = $1`,
      [ids.returned, member.userId, addDays(today, -3)],
    );
    ids.submittedTitle = deliverables[0].title;
    ids.returnedTitle = deliverables[1].title;

    // g: awaiting decision in another region, a submission without a case route.
    await t.db.query(`UPDATE project_phase SET state = 'awaiting_decision' WHERE id = $1`, [gp.forstudie]);
    ids.gSubmission = await one(`INSERT INTO gate_submission (phase_id, readiness) VALUES ($1, '{}') RETURNING id`, [gp.forstudie]);
  });
  afterAll(() => t.close());

  it('shows the secretariat the package at the body holding the case, deliverables to review and kommunestyre cases, by due date', async () => {
    const { asOf, items } = await inbox(f.regionraad);
    expect(asOf).toBe(today);
    expect(kinds(items)).toEqual([
      `deliverable_to_review:${ids.submittedTitle}`, // due in 5 days
      `kommune_case_pending:${items[1]?.title}`, // deadline in 30 days
      'gate_awaiting_decision:Rådmannsgruppen', // no due date: last
    ]);
    const [review, kommune, gate] = items;
    expect(gate).toMatchObject({
      projectId: f.projectId,
      regionName: f.region.name,
      phaseKey: 'forstudie',
      targetId: ids.submission,
      bodyName: 'Rådmannsgruppen',
      due: null,
      overdue: false,
      since: today,
      link: `/prosjekter/${f.projectId}/faser/forstudie/beslutning`,
    });
    expect(review).toMatchObject({
      targetId: ids.submitted,
      phaseKey: 'forprosjekt',
      link: `/prosjekter/${f.projectId}/leveranser/${ids.submitted}`,
    });
    expect(kommune).toMatchObject({
      targetId: ids.case1,
      due: addDays(today, 30),
      link: `/prosjekter/${f.projectId}/faser/forstudie/beslutning`,
    });
  });

  it('shows the kommune contact the kommunestyre cases of the region only', async () => {
    expect((await inbox(contact)).items.map((i) => [i.kind, i.targetId])).toEqual([['kommune_case_pending', ids.case1]]);
  });

  it('shows the team their returned deliverables and the open conditions of their project; an owner their condition anywhere', async () => {
    for (const s of [f.leader, member]) {
      const { items } = await inbox(s);
      expect(kinds(items)).toEqual([`deliverable_returned:${ids.returnedTitle}`, 'condition_open:Avklare lokaler']);
      expect(items[0]).toMatchObject({ comment: 'Mangler budsjett', overdue: true, owner: { id: member.userId } });
      expect(items[1]).toMatchObject({
        targetId: ids.condition,
        phaseKey: 'forprosjekt',
        owner: { id: f.adviser.userId },
        since: addDays(today, -50),
        link: `/prosjekter/${f.projectId}/faser/forprosjekt/beslutning`,
      });
    }
    expect(kinds((await inbox(f.adviser)).items)).toEqual(['condition_open:Avklare lokaler']);
  });

  it('moves the gate to the next body once one has handled it, and to the council when the case has no route', async () => {
    await t.db.query(`UPDATE gate_case_step SET meeting_date = $2, handled_at = now() WHERE submission_id = $1 AND position = 1`, [
      ids.submission,
      today,
    ]);
    expect((await inbox(f.regionraad)).items.find((i) => i.kind === 'gate_awaiting_decision')?.bodyName).toBe('Regionrådet');
    expect(kinds((await inbox(g.regionraad)).items)).toEqual(['gate_awaiting_decision:Testregionrådet']);
  });

  it('shows another region nothing of this one, a person without roles nothing, and an admin every region', async () => {
    const other = (await inbox(g.regionraad)).items;
    expect(other.every((i) => i.projectId === g.projectId)).toBe(true);
    expect((await inbox(nobody)).items).toEqual([]);
    const all = (await inbox(admin)).items;
    expect(
      all
        .filter((i) => i.kind === 'gate_awaiting_decision')
        .map((i) => i.projectId)
        .sort(),
    ).toEqual([f.projectId, g.projectId].sort());
    await t.http().get('/api/inbox').expect(401);
  });

  it('leaves out stopped projects and kommune cases of a gate sent back', async () => {
    await t.db.query(`UPDATE project SET status = 'stopped' WHERE id = $1`, [g.projectId]);
    expect((await inbox(g.regionraad)).items).toEqual([]);
    await t.db.query(
      `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text)
       SELECT id, phase_id, 'sent_back', $2, '9/26', 'Sendt tilbake.' FROM gate_submission WHERE id = $1`,
      [ids.submission, today],
    );
    expect((await inbox(contact)).items).toEqual([]);
  });
});
