import { todayInOslo } from '@nvr/shared';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { GateNotifier } from '../src/notifications/gate-notifier';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const BASE = 'https://nvr.example.no';

interface Told {
  kind: string;
  recipient_id: string;
  target_id: string;
  period: string;
  link: string;
  params: Record<string, unknown>;
  to_address: string | null;
  body_text: string | null;
}

/**
 * Every hand-over in a gate's case tells whoever must act next, in the app and by e-mail with an
 * absolute link under PUBLIC_BASE_URL; never the person who acted, never an inactive account.
 */
describe('hand-overs', () => {
  let t: TestApp;
  let notifier: GateNotifier;
  let f: ProjectFixture;
  let member: { id: string };
  let contact: { id: string };
  let secondRaad: { id: string };
  let inactiveRaad: { id: string };
  let otherRegionRaad: Session;
  let forstudieId: string;

  /** What a hand-over of this kind told, to whom, with its e-mail. */
  const told = async (kind: string, target?: string) =>
    (await t.db.query(
      `SELECT n.kind, n.recipient_id, n.target_id, n.period, n.link, n.params, o.to_address, o.body_text
         FROM notification n LEFT JOIN outbox o ON o.notification_id = n.id
        WHERE n.kind = $1 AND ($2::uuid IS NULL OR n.target_id = $2::uuid) ORDER BY n.recipient_id`,
      [kind, target ?? null],
    )) as Told[];
  const recipients = (rows: Told[]) => rows.map((r) => r.recipient_id).sort();
  const inTx = <T>(fn: (tx: EntityManager) => Promise<T>) => t.db.transaction(fn);
  const newSubmission = async () =>
    (
      (await t.db.query(`INSERT INTO gate_submission (phase_id, readiness) VALUES ($1, '{}') RETURNING id`, [forstudieId]))[0] as {
        id: string;
      }
    ).id;

  beforeAll(async () => {
    t = await createTestApp({ publicBaseUrl: BASE });
    notifier = t.app.get(GateNotifier);
    f = await newProjectFixture(t, 'Overleveringsregionen');
    member = await t.factories.newUser({ roles: [{ role: 'project_member', regionId: f.region.id, projectId: f.projectId }] });
    contact = await t.factories.newUser({ roles: [{ role: 'kommune_contact', regionId: f.region.id }] });
    secondRaad = await t.factories.newUser({ roles: [{ role: 'regionraad', regionId: f.region.id }] });
    inactiveRaad = await t.factories.newUser({ active: false, roles: [{ role: 'regionraad', regionId: f.region.id }] });
    await t.factories.newUser({ roles: [{ role: 'admin' }] });
    const other = await t.factories.newRegion();
    otherRegionRaad = await t.as([{ role: 'regionraad', regionId: other.id }]);
    forstudieId = (await t.db.query(`SELECT id FROM project_phase WHERE project_id = $1 AND phase_key = 'forstudie'`, [f.projectId]))[0].id;
  });
  afterAll(() => t.close());

  describe('through the notifier, in the change’s transaction', () => {
    it('tells the active secretariat of a submission, at its first body, with an absolute link in the e-mail; not the actor', async () => {
      const submissionId = await newSubmission();
      const stepId = randomUUID();
      const ctx = { projectId: f.projectId, phaseKey: 'forstudie' as const, submissionId, actorId: f.leader.userId };
      await inTx((tx) => notifier.submitted(tx, ctx, { stepId, bodyName: 'Styringsgruppen' }));
      const rows = await told('gate_submitted', submissionId);
      expect(recipients(rows)).toEqual([f.regionraad.userId, secondRaad.id].sort());
      expect(recipients(rows)).not.toContain(inactiveRaad.id);
      const link = `/prosjekter/${f.projectId}/faser/forstudie/beslutning`;
      for (const r of rows) {
        expect(r).toMatchObject({ link, params: { phaseKey: 'forstudie', bodyName: 'Styringsgruppen' } });
        expect(r.to_address).toMatch(/@/);
        expect(r.body_text).toContain(`${BASE}${link}`);
        expect(r.body_text).toContain('Styringsgruppen');
      }

      // The same hand-over told twice (a retried transaction) tells nobody again; a resubmission tells again.
      expect(await inTx((tx) => notifier.submitted(tx, ctx, { stepId, bodyName: 'Styringsgruppen' }))).toBe(0);
      const again = await newSubmission();
      expect(
        await inTx((tx) => notifier.submitted(tx, { ...ctx, submissionId: again }, { stepId: randomUUID(), bodyName: 'Styringsgruppen' })),
      ).toBe(2);

      // Submitted by a secretary: the other secretary is told, not the one who acted.
      const bySecretary = await newSubmission();
      await inTx((tx) =>
        notifier.submitted(tx, { ...ctx, submissionId: bySecretary, actorId: secondRaad.id }, { stepId, bodyName: 'Regionrådet' }),
      );
      expect(recipients(await told('gate_submitted', bySecretary))).toEqual([f.regionraad.userId]);
    });

    it('tells the secretariat when the case reaches the next body, once per step', async () => {
      const submissionId = await newSubmission();
      const ctx = { projectId: f.projectId, phaseKey: 'forstudie' as const, submissionId, actorId: f.regionraad.userId };
      const step1 = randomUUID();
      const step2 = randomUUID();
      await inTx((tx) => notifier.caseAtBody(tx, ctx, { stepId: step1, bodyName: 'Rådmannsgruppen' }));
      await inTx((tx) => notifier.caseAtBody(tx, ctx, { stepId: step2, bodyName: 'Regionrådet' }));
      expect(recipients(await told('case_at_body', step1))).toEqual([secondRaad.id]);
      const [row] = await told('case_at_body', step2);
      expect(row).toMatchObject({ recipient_id: secondRaad.id, params: { bodyName: 'Regionrådet', phaseKey: 'forstudie' } });
      expect(row.body_text).toContain(`${BASE}/prosjekter/${f.projectId}/faser/forstudie/beslutning`);
    });

    it('tells the leader, the team and the advisers of a decision, but not the secretariat or the kommune contacts', async () => {
      const submissionId = await newSubmission();
      const decisionId = randomUUID();
      const ctx = { projectId: f.projectId, phaseKey: 'forstudie' as const, submissionId, actorId: f.regionraad.userId };
      await inTx((tx) => notifier.decided(tx, ctx, { decisionId, outcome: 'approved_with_conditions', bodyName: 'Regionrådet' }));
      const rows = await told('gate_decided', decisionId);
      expect(recipients(rows)).toEqual([f.leader.userId, member.id, f.adviser.userId].sort());
      expect(rows[0]).toMatchObject({ params: { phaseKey: 'forstudie', outcome: 'approved_with_conditions', bodyName: 'Regionrådet' } });
      expect(rows[0].body_text).toContain('godkjent med vilkår');
    });

    it('tells the kommune contacts of the pending cases and the secretariat that each kommunestyre must decide by the deadline', async () => {
      const submissionId = await newSubmission();
      const kommuneCase = (kommuneId: string, outcome: string) =>
        t.db.query(
          `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share, outcome)
           SELECT $1, id, name, '2027-04-15', 100000, $3 FROM kommune WHERE id = $2`,
          [submissionId, kommuneId, outcome],
        );
      await kommuneCase(f.kommuner[0].id, 'pending');
      await kommuneCase(f.kommuner[1].id, 'yes'); // carried over from an earlier submission: its contact has nothing to do
      const ofPending = await t.factories.newUser({ roles: [{ role: 'kommune_contact', regionId: f.region.id }] });
      const ofDecided = await t.factories.newUser({ roles: [{ role: 'kommune_contact', regionId: f.region.id }] });
      await t.db.query(`UPDATE role_assignment SET kommune_id = $2 WHERE user_id = $1`, [ofPending.id, f.kommuner[0].id]);
      await t.db.query(`UPDATE role_assignment SET kommune_id = $2 WHERE user_id = $1`, [ofDecided.id, f.kommuner[1].id]);
      const ctx = { projectId: f.projectId, phaseKey: 'forstudie' as const, submissionId, actorId: f.leader.userId };
      await inTx((tx) => notifier.kommuneCasesOpened(tx, ctx, '2027-04-15'));
      const rows = await told('kommune_case_opened', submissionId);
      expect(recipients(rows)).toEqual([contact.id, ofPending.id, f.regionraad.userId, secondRaad.id].sort());
      expect(rows[0]).toMatchObject({ params: { phaseKey: 'forstudie', deadline: '2027-04-15' } });
      expect(rows[0].body_text).toContain('15.04.2027');
      await t.db.query(`DELETE FROM role_assignment WHERE user_id = ANY($1::uuid[])`, [[ofPending.id, ofDecided.id]]);
    });

    it('tells nobody when every case was carried over decided', async () => {
      const submissionId = await newSubmission();
      await t.db.query(
        `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share, outcome)
         SELECT $1, id, name, '2027-04-15', 100000, 'yes' FROM kommune WHERE id = $2`,
        [submissionId, f.kommuner[0].id],
      );
      const ctx = { projectId: f.projectId, phaseKey: 'forstudie' as const, submissionId, actorId: f.leader.userId };
      expect(await inTx((tx) => notifier.kommuneCasesOpened(tx, ctx, '2027-04-15'))).toBe(0);
      expect(await told('kommune_case_opened', submissionId)).toEqual([]);
    });

    it('tells a deliverable’s owner and the leaders of its review, again after it is resubmitted and reviewed anew', async () => {
      const [d] = await t.db.query(`SELECT id, title FROM deliverable WHERE phase_id = $1 ORDER BY title LIMIT 1`, [forstudieId]);
      await t.db.query(`UPDATE deliverable SET owner_user_id = $2 WHERE id = $1`, [d.id, member.id]);
      const review = (outcome: 'accepted' | 'returned') =>
        inTx((tx) => notifier.deliverableReviewed(tx, f.projectId, { id: d.id, title: d.title, outcome }, f.regionraad.userId));
      expect(await review('returned')).toBe(2);
      expect(await review('returned')).toBe(0);
      await t.db.query(`UPDATE deliverable SET version = version + 1 WHERE id = $1`, [d.id]);
      expect(await review('accepted')).toBe(2);
      const rows = await told('deliverable_reviewed', d.id);
      expect(rows.map((r) => `${r.recipient_id}:${String(r.params.outcome)}`).sort()).toEqual(
        [`${f.leader.userId}:accepted`, `${f.leader.userId}:returned`, `${member.id}:accepted`, `${member.id}:returned`].sort(),
      );
      expect(rows[0].link).toBe(`/prosjekter/${f.projectId}/leveranser/${d.id}`);
      expect(rows[0].body_text).toContain(`${BASE}/prosjekter/${f.projectId}/leveranser/${d.id}`);

      // An owner who may not read the project (no role on it) is not told; the leader still is.
      const outsider = await t.factories.newUser();
      await t.db.query(`UPDATE deliverable SET owner_user_id = $2, version = version + 1 WHERE id = $1`, [d.id, outsider.id]);
      expect(await review('returned')).toBe(1);
    });

    it('shows the hand-overs in the app of those told, and nothing to another region', async () => {
      const items = (await f.regionraad.get('/api/notifications').expect(200)).body.items as { kind: string; link: string }[];
      expect(items.map((n) => n.kind)).toEqual(expect.arrayContaining(['gate_submitted', 'kommune_case_opened']));
      expect(items.every((n) => n.link.startsWith('/prosjekter/'))).toBe(true);
      expect((await otherRegionRaad.get('/api/notifications').expect(200)).body.items).toEqual([]);
    });
  });

  describe('over HTTP, through the whole case', () => {
    let h: ProjectFixture;
    let hMember: { id: string };
    let hContact: Session;
    let hSecretary: { id: string };
    let submissionId: string;
    let steps: { id: string; bodyName: string }[];
    const gateLink = () => `/prosjekter/${h.projectId}/faser/forstudie/beslutning`;
    const stepsUrl = () => `/api/projects/${h.projectId}/phases/forstudie/gate/steps`;
    const handle = (stepId: string, caseNumber: string) =>
      h.regionraad
        .post(`${stepsUrl()}/${stepId}`)
        .send({ meetingDate: todayInOslo(), caseNumber, recommendedOutcome: 'approved' })
        .expect(200);

    beforeAll(async () => {
      h = await newProjectFixture(t, 'Glåmdalsruta');
      hMember = await t.factories.newUser({ roles: [{ role: 'project_member', regionId: h.region.id, projectId: h.projectId }] });
      hContact = await t.as([{ role: 'kommune_contact', regionId: h.region.id }]);
      hSecretary = await t.factories.newUser({ roles: [{ role: 'regionraad', regionId: h.region.id }] });
      const url = `/api/regions/${h.region.id}/case-route`;
      const { version } = (await h.regionraad.get(url).expect(200)).body;
      await h.regionraad
        .put(url)
        .send({
          version,
          bodies: [
            { name: 'Styringsgruppen', kind: 'styringsgruppe', isOwner: false, decidesGates: [] },
            { name: 'Rådmannsgruppen', kind: 'radmannsgruppe', isOwner: false, decidesGates: [] },
            { name: 'Glåmdal regionråd', kind: 'regionrad', isOwner: true, decidesGates: [] },
          ],
        })
        .expect(200);
      await makePhaseReady(h, 'forstudie');
    });

    it('told the leader of each deliverable the secretariat reviewed, not the reviewer', async () => {
      const rows = (await told('deliverable_reviewed')).filter((r) => r.params.projectName === `Næringsvennlig Glåmdalsruta`);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.recipient_id))).toEqual(new Set([h.leader.userId]));
      expect(rows.every((r) => r.body_text?.includes(`${BASE}/prosjekter/${h.projectId}/leveranser/`))).toBe(true);
    });

    it('tells the secretariat of the submission, at the first body, and the kommuner of their cases', async () => {
      submissionId = await submitPhase(h, 'forstudie');
      const submitted = await told('gate_submitted', submissionId);
      expect(recipients(submitted)).toEqual([h.regionraad.userId, hSecretary.id].sort());
      expect(submitted[0]).toMatchObject({ link: gateLink(), params: { bodyName: 'Styringsgruppen', phaseKey: 'forstudie' } });
      expect(submitted[0].body_text).toContain(`${BASE}${gateLink()}`);
      const kommuner = await told('kommune_case_opened', submissionId);
      expect(recipients(kommuner)).toEqual([hContact.userId, h.regionraad.userId, hSecretary.id].sort());
      expect(kommuner[0].params.deadline).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));

      // The regionråd's inbox has the package at its first body; the kommune contact the kommunestyre cases.
      const inbox = (await h.regionraad.get('/api/inbox').expect(200)).body.items as {
        kind: string;
        projectId: string;
        bodyName: string;
      }[];
      expect(inbox.find((i) => i.kind === 'gate_awaiting_decision' && i.projectId === h.projectId)).toMatchObject({
        bodyName: 'Styringsgruppen',
      });
      const contactInbox = (await hContact.get('/api/inbox').expect(200)).body.items as { kind: string; projectId: string }[];
      expect(contactInbox.filter((i) => i.projectId === h.projectId).map((i) => i.kind)).toEqual([
        'kommune_case_pending',
        'kommune_case_pending',
      ]);
      expect((await otherRegionRaad.get('/api/inbox').expect(200)).body.items).toEqual([]);
    });

    it('tells the secretariat, but not the one who recorded it, as the case moves from body to body', async () => {
      steps = (await h.regionraad.get(stepsUrl()).expect(200)).body;
      expect(steps.map((s) => s.bodyName)).toEqual(['Styringsgruppen', 'Rådmannsgruppen', 'Glåmdal regionråd']);
      await handle(steps[0].id, '1/27');
      expect((await told('case_at_body', steps[1].id)).map((r) => [r.recipient_id, r.params.bodyName])).toEqual([
        [hSecretary.id, 'Rådmannsgruppen'],
      ]);
      await handle(steps[1].id, '2/27');
      const atOwner = await told('case_at_body', steps[2].id);
      expect(atOwner.map((r) => [r.recipient_id, r.params.bodyName])).toEqual([[hSecretary.id, 'Glåmdal regionråd']]);
      expect(atOwner[0].body_text).toContain(`${BASE}${gateLink()}`);
      const inbox = (await h.regionraad.get('/api/inbox').expect(200)).body.items as {
        kind: string;
        projectId: string;
        bodyName: string;
      }[];
      expect(inbox.find((i) => i.kind === 'gate_awaiting_decision' && i.projectId === h.projectId)?.bodyName).toBe('Glåmdal regionråd');
    });

    it('tells the leader, the team and the adviser of the decision, with an absolute link', async () => {
      await h.regionraad
        .post(`/api/projects/${h.projectId}/phases/forstudie/gate/decision`)
        .send(decision(submissionId, 'approved', { caseNumber: '3/27' }))
        .expect(200);
      const [{ id: decisionId }] = await t.db.query(`SELECT id FROM gate_decision WHERE submission_id = $1`, [submissionId]);
      const rows = await told('gate_decided', decisionId);
      expect(recipients(rows)).toEqual([h.leader.userId, hMember.id, h.adviser.userId].sort());
      expect(rows[0]).toMatchObject({ link: gateLink(), params: { outcome: 'approved', bodyName: 'Glåmdal regionråd' } });
      expect(rows[0].body_text).toContain(`${BASE}${gateLink()}`);
      const leaderSees = (await h.leader.get('/api/notifications').expect(200)).body.items as { kind: string }[];
      expect(leaderSees.map((n) => n.kind)).toContain('gate_decided');
      // The gate has left the secretariat's inbox.
      const inbox = (await h.regionraad.get('/api/inbox').expect(200)).body.items as { kind: string; projectId: string }[];
      expect(inbox.some((i) => i.kind === 'gate_awaiting_decision' && i.projectId === h.projectId)).toBe(false);
    });
  });
});
