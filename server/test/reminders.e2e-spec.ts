import { addDays, isoWeek, nextPeriod, periodOf, todayInOslo } from '@nvr/shared';
import { JobQueue } from '../src/jobs/job-queue.service';
import { ReminderService } from '../src/notifications/reminder.service';
import { makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

// A scan day after the 5th of next month: last month (this month, today) then needs a status report.
const TODAY = `${nextPeriod(periodOf(todayInOslo()))}-10`;

describe('reminders', () => {
  let t: TestApp;
  let reminders: ReminderService;
  let f: ProjectFixture; // a forstudie running too long, with deliverables due
  let g: ProjectFixture; // a forstudie waiting for the regionråd's decision
  let member: { id: string; email: string };
  let secondRaad: Session;
  const d: Record<string, string> = {};

  const notified = async () =>
    (await t.db.query(
      `SELECT kind, target_id, recipient_id, period FROM notification WHERE kind <> 'mention' ORDER BY kind, recipient_id`,
    )) as { kind: string; target_id: string; recipient_id: string; period: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    reminders = t.app.get(ReminderService);
    f = await newProjectFixture(t, 'Påminnelsesregionen');
    g = await newProjectFixture(t, 'Vedtaksregionen');
    member = await t.factories.newUser({
      name: 'Mona Medlem',
      roles: [{ role: 'project_member', regionId: f.region.id, projectId: f.projectId }],
    });
    const outsider = await t.factories.newUser({ name: 'Otto Utenfor' });
    secondRaad = await t.as([{ role: 'regionraad', regionId: g.region.id }]);
    await t.factories.newUser({ name: 'Inaktiv Regionråd', active: false, roles: [{ role: 'regionraad', regionId: g.region.id }] });

    const rows = await t.db.query(
      `SELECT d.id, d.catalogue_key FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id WHERE ph.project_id = $1 AND ph.phase_key = 'forstudie'`,
      [f.projectId],
    );
    for (const r of rows) d[r.catalogue_key] = r.id;
    const set = (key: string, due: string, extra: { owner?: string | null; state?: string } = {}) =>
      t.db.query(`UPDATE deliverable SET due_date = $2, owner_user_id = $3, state = $4 WHERE id = $1`, [
        d[key],
        due,
        extra.owner ?? null,
        extra.state ?? 'draft',
      ]);
    await set('business_needs', addDays(TODAY, 3), { owner: member.id }); // due soon → its owner
    await set('current_practice', addDays(TODAY, -2)); // overdue, no owner → the leader
    await set('recommendation', addDays(TODAY, 1), { owner: outsider.id }); // owner may not read the project → the leader
    await set('plan_forprosjekt', addDays(TODAY, -5), { state: 'accepted' }); // done: nothing
    await set('final_report_forstudie', addDays(TODAY, -5), { state: 'submitted' }); // with the regionråd: nothing
    // The forstudie began eleven months before the scan day (recommended 6–9).
    await t.db.query(`UPDATE project_phase SET actual_start = $2 WHERE project_id = $1 AND phase_key = 'forstudie'`, [
      f.projectId,
      addDays(TODAY, -335),
    ]);

    await makePhaseReady(g, 'forstudie');
    await submitPhase(g, 'forstudie');
    // Submitting asked each kommunestyre to decide; those deadlines are far off until the last test.
    await t.db.query(`UPDATE kommune_case SET deadline = $1`, [addDays(TODAY, 60)]);

    // A stopped project is never reminded of anything.
    const h = await newProjectFixture(t, 'Stoppregionen');
    await t.db.query(`UPDATE project SET status = 'stopped' WHERE id = $1`, [h.projectId]);
    await t.db.query(
      `UPDATE deliverable SET due_date = $2 FROM project_phase ph WHERE ph.id = deliverable.phase_id AND ph.project_id = $1`,
      [h.projectId, addDays(TODAY, -1)],
    );
    // Submitting told the secretariat (a hand-over, see handovers.e2e-spec.ts); this file counts reminders only.
    await t.db.query(`DELETE FROM outbox`);
    await t.db.query(`DELETE FROM notification`);
  });
  afterAll(() => t.close());

  it('reminds each person of each due thing once, even when two scans run at the same time', async () => {
    const [a, b] = await Promise.all([reminders.scan(TODAY), reminders.scan(TODAY)]);
    const total = Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof typeof a] + b[k as keyof typeof b]]));
    expect(total).toEqual({
      deliverable_due_soon: 2,
      deliverable_overdue: 1,
      phase_too_long: 2,
      gate_awaiting_decision: 2,
      status_report_due: 2,
      kommune_deadline_near: 0,
      condition_due: 0,
      benefit_measurement_due: 0,
    });

    const rows = await notified();
    const who = (kind: string) =>
      rows
        .filter((r) => r.kind === kind)
        .map((r) => r.recipient_id)
        .sort();
    expect(who('deliverable_due_soon')).toEqual([member.id, f.leader.userId].sort());
    expect(
      rows
        .filter((r) => r.kind === 'deliverable_due_soon')
        .map((r) => r.target_id)
        .sort(),
    ).toEqual([d.business_needs, d.recommendation].sort());
    expect(rows.filter((r) => r.kind === 'deliverable_overdue')).toEqual([
      { kind: 'deliverable_overdue', target_id: d.current_practice, recipient_id: f.leader.userId, period: isoWeek(TODAY) },
    ]);
    expect(who('phase_too_long')).toEqual([f.leader.userId, f.regionraad.userId].sort());
    expect(who('gate_awaiting_decision')).toEqual([g.regionraad.userId, secondRaad.userId].sort());
    expect(who('status_report_due')).toEqual([f.leader.userId, g.leader.userId].sort());
    expect(rows.find((r) => r.kind === 'status_report_due')?.period).toBe(periodOf(todayInOslo()));

    // One e-mail per notification, never two.
    const mails = await t.db.query(
      `SELECT notification_id, count(*)::int AS n FROM outbox WHERE notification_id IS NOT NULL GROUP BY notification_id`,
    );
    expect(mails).toHaveLength(9);
    expect(mails.every((m: { n: number }) => m.n === 1)).toBe(true);
    const [mail] = await t.db.query(
      `SELECT o.to_address, o.subject, o.body_text, o.state FROM outbox o JOIN notification n ON n.id = o.notification_id WHERE n.kind = 'deliverable_overdue'`,
    );
    expect(mail).toMatchObject({
      state: 'captured',
      subject: 'Forfalt: Beskrivelse av dagens næringsutviklingsarbeid',
      body_text: expect.stringContaining('Næringsvennlig Påminnelsesregionen'),
    });
  });

  it('sends nothing again the same day, and repeats each kind only in its next period', async () => {
    expect(await reminders.scan(TODAY)).toEqual({
      deliverable_due_soon: 0,
      deliverable_overdue: 0,
      phase_too_long: 0,
      gate_awaiting_decision: 0,
      status_report_due: 0,
      kommune_deadline_near: 0,
      condition_due: 0,
      benefit_measurement_due: 0,
    });
    const tomorrow = addDays(TODAY, 1);
    const newWeek = isoWeek(tomorrow) !== isoWeek(TODAY);
    expect(await reminders.scan(tomorrow)).toEqual({
      deliverable_due_soon: 0, // once per due date
      deliverable_overdue: newWeek ? 1 : 0, // once a week
      phase_too_long: 0, // once a month
      gate_awaiting_decision: newWeek ? 2 : 0, // once a week
      status_report_due: 0, // once per missing month
      kommune_deadline_near: 0,
      condition_due: 0,
      benefit_measurement_due: 0,
    });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM outbox`)).toEqual([{ n: newWeek ? 12 : 9 }]);
  });

  it('shows reminders in the app, with a link to what they are about', async () => {
    const leaderView = (await f.leader.get('/api/notifications').expect(200)).body;
    const kinds = leaderView.items.map((n: { kind: string }) => n.kind).sort();
    expect(kinds).toEqual(expect.arrayContaining(['deliverable_due_soon', 'deliverable_overdue', 'phase_too_long', 'status_report_due']));
    const overdue = leaderView.items.find((n: { kind: string }) => n.kind === 'deliverable_overdue');
    expect(overdue).toMatchObject({
      targetType: 'deliverable',
      targetId: d.current_practice,
      link: `/prosjekter/${f.projectId}/leveranser/${d.current_practice}`,
      params: { dueDate: addDays(TODAY, -2) },
    });
    const gate = (await secondRaad.get('/api/notifications')).body.items.find((n: { kind: string }) => n.kind === 'gate_awaiting_decision');
    expect(gate).toMatchObject({
      link: `/prosjekter/${g.projectId}/faser/forstudie/beslutning`,
      title: expect.stringContaining('Venter på vedtak'),
    });
    // The adviser follows, but is not reminded.
    expect((await f.adviser.get('/api/notifications')).body.items).toEqual([]);
  });

  it('stops asking for a status report once it is published', async () => {
    const month = periodOf(todayInOslo());
    await t.db.query(
      `INSERT INTO status_report (project_id, period, state, overall_colour, progress_colour, economy_colour, risk_colour, published_at) VALUES ($1, $2, 'published', 'green', 'green', 'green', 'green', now())`,
      [g.projectId, month],
    );
    await t.db.query(`DELETE FROM notification WHERE kind = 'status_report_due'`);
    const summary = await reminders.scan(TODAY);
    expect(summary.status_report_due).toBe(1);
    expect((await notified()).filter((r) => r.kind === 'status_report_due').map((r) => r.recipient_id)).toEqual([f.leader.userId]);
  });

  it('runs the daily scan from the job queue, enqueued once per day however many instances tick', async () => {
    const queue = t.app.get(JobQueue);
    const morning = new Date(`${TODAY}T08:00:00Z`); // 09:00 or 10:00 in Oslo
    await Promise.all([queue.tick(morning), queue.tick(morning), queue.tick(new Date(morning.getTime() + 60_000))]);
    const jobs = await t.db.query(`SELECT kind, unique_key, payload, state FROM job WHERE kind = 'reminders.scan'`);
    expect(jobs).toEqual([{ kind: 'reminders.scan', unique_key: `reminders.scan:${TODAY}`, payload: { today: TODAY }, state: 'queued' }]);
    // Other daily jobs (the survey retention) are due at the same tick; the scan runs once among them.
    expect(await queue.drain()).toBeGreaterThanOrEqual(1);
    expect(await t.db.query(`SELECT state, attempts FROM job WHERE kind = 'reminders.scan'`)).toEqual([{ state: 'done', attempts: 1 }]);
    // Before 07:00 Oslo time nothing is due yet.
    await queue.tick(new Date(`${addDays(TODAY, 1)}T04:00:00Z`));
    expect(await t.db.query(`SELECT count(*)::int AS n FROM job WHERE kind = 'reminders.scan'`)).toEqual([{ n: 1 }]);
  });

  it('reminds the kommuner of kommunestyre deadlines, and owners of conditions due, each once per period', async () => {
    const contact = await t.factories.newUser({ name: 'Kåre Kontakt', roles: [{ role: 'kommune_contact', regionId: g.region.id }] });
    const submissionOf = async (projectId: string) =>
      (
        await t.db.query(
          `SELECT s.id, s.phase_id FROM gate_submission s JOIN project_phase ph ON ph.id = s.phase_id WHERE ph.project_id = $1 ORDER BY s.submitted_at DESC LIMIT 1`,
          [projectId],
        )
      )[0] as { id: string; phase_id: string } | undefined;
    const gSubmission = (await submissionOf(g.projectId))!;
    const kommuneCase = async (submissionId: string, kommuneId: string, deadline: string, outcome = 'pending') =>
      (
        await t.db.query(
          `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share, outcome) SELECT $1, id, name, $3, 100000, $4 FROM kommune WHERE id = $2
           ON CONFLICT ON CONSTRAINT kommune_case_once DO UPDATE SET deadline = excluded.deadline, outcome = excluded.outcome RETURNING id`,
          [submissionId, kommuneId, deadline, outcome],
        )
      )[0].id as string;
    const near = await kommuneCase(gSubmission.id, g.kommuner[0].id, addDays(TODAY, 10)); // within 14 days → reminded
    await kommuneCase(gSubmission.id, g.kommuner[1].id, addDays(TODAY, 40)); // not yet

    // f's forstudie was approved with conditions; one kommune has not decided by its deadline.
    const phases = Object.fromEntries(
      (await t.db.query(`SELECT phase_key, id FROM project_phase WHERE project_id = $1`, [f.projectId])).map(
        (r: { phase_key: string; id: string }) => [r.phase_key, r.id],
      ),
    );
    const [fSubmission] = await t.db.query(`INSERT INTO gate_submission (phase_id, readiness) VALUES ($1, '{}') RETURNING id`, [
      phases.forstudie,
    ]);
    const [fDecision] = await t.db.query(
      `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text, conditions)
       VALUES ($1, $2, 'approved_with_conditions', $3, '7/26', 'Godkjent med vilkår.', 'To vilkår') RETURNING id`,
      [fSubmission.id, phases.forstudie, addDays(TODAY, -30)],
    );
    const overdueCase = await kommuneCase(fSubmission.id, f.kommuner[0].id, addDays(TODAY, -1));
    await kommuneCase(fSubmission.id, f.kommuner[1].id, addDays(TODAY, -1), 'yes'); // decided: nothing
    const condition = async (position: number, due: string | null, owner: string | null, state = 'open') =>
      (
        await t.db.query(
          `INSERT INTO gate_condition (decision_id, phase_id, position, text, owner_user_id, due_date, state, resolved_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 = 'open' THEN NULL ELSE now() END) RETURNING id`,
          [fDecision.id, phases.forprosjekt, position, `Vilkår ${position}`, owner, due, state],
        )
      )[0].id as string;
    const soon = await condition(1, addDays(TODAY, 2), member.id); // due soon → its owner
    const late = await condition(2, addDays(TODAY, -3), null); // overdue, no owner → the leader
    await condition(3, addDays(TODAY, -3), member.id, 'met'); // met: nothing
    await condition(4, null, member.id); // no due date: nothing

    const summary = await reminders.scan(TODAY);
    expect(summary).toMatchObject({ kommune_deadline_near: 4, condition_due: 2 });
    const rows = (await notified()).filter((r) => r.kind === 'kommune_deadline_near' || r.kind === 'condition_due');
    const to = (target: string) =>
      rows
        .filter((r) => r.target_id === target)
        .map((r) => `${r.recipient_id}@${r.period}`)
        .sort();
    // The kommune contacts and the active secretariat of the region; once a week before the deadline, once when it has passed.
    expect(to(near)).toEqual([contact.id, g.regionraad.userId, secondRaad.userId].map((id) => `${id}@${isoWeek(TODAY)}`).sort());
    expect(to(overdueCase)).toEqual([`${f.regionraad.userId}@overdue`]);
    expect(to(soon)).toEqual([`${member.id}@${addDays(TODAY, 2)}`]);
    expect(to(late)).toEqual([`${f.leader.userId}@${isoWeek(TODAY)}`]);

    const [mail] = await t.db.query(
      `SELECT o.subject, o.body_text FROM outbox o JOIN notification n ON n.id = o.notification_id WHERE n.target_id = $1`,
      [overdueCase],
    );
    expect(mail.subject).toContain('Fristen er ute');
    expect(mail.body_text).toContain(`http://localhost:3000/prosjekter/${f.projectId}/faser/forstudie/beslutning`);

    // Again the same day: nothing; a week on: the near case again, the overdue one not again, the conditions weekly.
    expect(await reminders.scan(TODAY)).toMatchObject({ kommune_deadline_near: 0, condition_due: 0 });
    const nextWeek = addDays(TODAY, 7);
    expect(await reminders.scan(nextWeek)).toMatchObject({ kommune_deadline_near: 3, condition_due: 2 });
    // Past its deadline the near case is reminded once more; a gate sent back ends its kommune cases' reminders.
    await t.db.query(`UPDATE gate_decision SET outcome = 'sent_back', conditions = NULL WHERE id = $1`, [fDecision.id]);
    await t.db.query(`DELETE FROM outbox WHERE notification_id IN (SELECT id FROM notification WHERE target_id = $1)`, [overdueCase]);
    await t.db.query(`DELETE FROM notification WHERE target_id = $1`, [overdueCase]);
    expect((await reminders.scan(addDays(TODAY, 14))).kommune_deadline_near).toBe(3);
    expect(
      (await notified())
        .filter((r) => r.target_id === near && r.period === 'overdue')
        .map((r) => r.recipient_id)
        .sort(),
    ).toEqual([contact.id, g.regionraad.userId, secondRaad.userId].sort());
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE target_id = $1`, [overdueCase])).toEqual([{ n: 0 }]);
  });
});
