import { addDays, todayInOslo } from '@nvr/shared';
import { ReminderService } from '../src/notifications/reminder.service';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

interface Case {
  id: string;
  kommuneId: string;
  kommuneName: string;
  share: number;
  outcome: string;
  caseNumber: string | null;
  meetingDate: string | null;
  decisionText: string | null;
  amountCommitted: number | null;
  recordedBy: string | null;
  version: number;
}

/**
 * Kommune contacts may speak for one kommune of their region (review of issue 11, item 1): they record
 * and hear about that kommune's case only; region-wide contacts and the secretariat keep every case. And
 * the one rule of when a kommune case takes a decision (item 4): while the gate awaits its decision and
 * after an approval, never after a send-back; a resubmission carries over what is decided (item 10).
 */
describe('kommune contacts and their kommune cases', () => {
  let t: TestApp;
  const today = todayInOslo();
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A kommune contact of the fixture's region, tied to `kommuneId` (region-wide when null). */
  async function contactOf(f: ProjectFixture, kommuneId: string | null): Promise<Session> {
    const s = await t.as([{ role: 'kommune_contact', regionId: f.region.id }]);
    if (kommuneId) {
      await t.db.query(`UPDATE role_assignment SET kommune_id = $2 WHERE user_id = $1 AND role = 'kommune_contact'`, [s.userId, kommuneId]);
    }
    return s;
  }
  const casesUrl = (f: ProjectFixture) => `/api/projects/${f.projectId}/phases/forstudie/gate/kommune-cases`;
  const cases = async (s: Session, f: ProjectFixture) => (await s.get(casesUrl(f)).expect(200)).body.cases as Case[];
  const yes = (c: Case, caseNumber = '5/27') => ({ outcome: 'yes', meetingDate: today, caseNumber, version: c.version });
  const no = (c: Case) => ({
    outcome: 'no',
    meetingDate: today,
    caseNumber: '6/27',
    decisionText: 'Kommunestyret går ikke videre.',
    version: c.version,
  });
  const inboxCaseIds = async (s: Session) =>
    ((await s.get('/api/inbox').expect(200)).body.items as { kind: string; targetId: string }[])
      .filter((i) => i.kind === 'kommune_case_pending')
      .map((i) => i.targetId)
      .sort();

  describe('a contact per kommune', () => {
    let f: ProjectFixture;
    let k1: Session;
    let k2: Session;
    let regionWide: Session;
    let submissionId: string;
    let byKommune: (i: 0 | 1) => Promise<Case>;

    beforeAll(async () => {
      f = await newProjectFixture(t);
      k1 = await contactOf(f, f.kommuner[0].id);
      k2 = await contactOf(f, f.kommuner[1].id);
      regionWide = await contactOf(f, null);
      await makePhaseReady(f, 'forstudie');
      submissionId = await submitPhase(f, 'forstudie');
      byKommune = async (i) => (await cases(f.regionraad, f)).find((c) => c.kommuneId === f.kommuner[i].id)!;
    });

    it("tells each kommune's contact, the region-wide contacts and the secretariat of the cases", async () => {
      const rows: { recipient_id: string }[] = await t.db.query(
        `SELECT recipient_id FROM notification WHERE kind = 'kommune_case_opened' AND target_id = $1`,
        [submissionId],
      );
      expect(rows.map((r) => r.recipient_id).sort()).toEqual([k1.userId, k2.userId, regionWide.userId, f.regionraad.userId].sort());
    });

    it("shows a contact only its own kommune's case in the inbox; region-wide contacts and the secretariat see both", async () => {
      const [c1, c2] = [await byKommune(0), await byKommune(1)];
      expect(await inboxCaseIds(k1)).toEqual([c1.id]);
      expect(await inboxCaseIds(k2)).toEqual([c2.id]);
      expect(await inboxCaseIds(regionWide)).toEqual([c1.id, c2.id].sort());
      expect(await inboxCaseIds(f.regionraad)).toEqual([c1.id, c2.id].sort());
    });

    it("reminds only that kommune's contacts (and the region-wide ones and the secretariat) before the deadline", async () => {
      await t.db.query(`UPDATE kommune_case SET deadline = $2 WHERE submission_id = $1`, [submissionId, addDays(today, 3)]);
      await t.app.get(ReminderService).scan(today);
      const c1 = await byKommune(0);
      const rows: { recipient_id: string }[] = await t.db.query(
        `SELECT recipient_id FROM notification WHERE kind = 'kommune_deadline_near' AND target_id = $1`,
        [c1.id],
      );
      expect(rows.map((r) => r.recipient_id).sort()).toEqual([k1.userId, regionWide.userId, f.regionraad.userId].sort());
    });

    it("refuses a contact recording another kommune's decision (403); its own, a region-wide contact's and the secretariat's go through", async () => {
      const c2 = await byKommune(1);
      const refused = await k1
        .put(`${casesUrl(f)}/${c2.id}`)
        .send(no(c2))
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('kommune contact of another kommune') });
      expect((await byKommune(1)).outcome).toBe('pending');
      const c1 = await byKommune(0);
      await k1
        .put(`${casesUrl(f)}/${c1.id}`)
        .send(yes(c1))
        .expect(200);
      const again = await byKommune(0);
      await regionWide
        .put(`${casesUrl(f)}/${again.id}`)
        .send(yes(again, '7/27'))
        .expect(200);
      expect(await byKommune(0)).toMatchObject({ outcome: 'yes', caseNumber: '7/27' });
    });

    it('keeps a case open after the approval: a late "no" makes the kommune leave then, and its case closes', async () => {
      await f.regionraad.post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`).send(decision(submissionId)).expect(200);
      const c2 = await byKommune(1);
      expect(c2.outcome).toBe('pending');
      // Still waiting: in the inbox, and the secretariat may still move its deadline.
      expect(await inboxCaseIds(k2)).toEqual([c2.id]);
      const moved = (
        await f.regionraad
          .put(`/api/projects/${f.projectId}/phases/forstudie/gate/kommune-deadline`)
          .send({ deadline: addDays(today, 20) })
          .expect(200)
      ).body;
      expect(moved.cases.find((c: Case) => c.id === c2.id)).toMatchObject({ deadline: addDays(today, 20), outcome: 'pending' });
      c2.version += 1;
      const recorded = (
        await k2
          .put(`${casesUrl(f)}/${c2.id}`)
          .send(no(c2))
          .expect(200)
      ).body;
      expect(recorded.summary).toMatchObject({ total: 2, no: 1 });
      const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      expect(project.kommuner.map((k: { id: string }) => k.id)).toEqual([f.kommuner[0].id]);
      const history = (await f.regionraad.get(`/api/projects/${f.projectId}/history`).expect(200)).body;
      expect(history[0]).toMatchObject({
        action: 'project.kommune_left',
        before: { kommuneId: f.kommuner[1].id },
        after: { reason: 'kommunestyre_no', submissionId },
      });
      expect(history[1]).toMatchObject({ action: 'gate.kommune_decided', after: { outcome: 'no', afterApproval: true } });
      const closed = await byKommune(1);
      const res = await f.regionraad
        .put(`${casesUrl(f)}/${closed.id}`)
        .send(yes(closed))
        .expect(409);
      expect(res.body.code).toBe('KOMMUNE_LEFT_PROJECT');
      expect(await inboxCaseIds(k2)).toEqual([]);
    });

    it('never lets the last kommune leave', async () => {
      // Kongsvinger said yes; were it to say no now, the project would have no kommune left: it stays.
      const c1 = await byKommune(0);
      await f.regionraad
        .put(`${casesUrl(f)}/${c1.id}`)
        .send(no(c1))
        .expect(200);
      const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      expect(project.kommuner.map((k: { id: string }) => k.id)).toEqual([f.kommuner[0].id]);
    });
  });

  describe('a send-back and a resubmission', () => {
    let f: ProjectFixture;
    let submissionId: string;

    beforeAll(async () => {
      f = await newProjectFixture(t);
      await makePhaseReady(f, 'forstudie');
      submissionId = await submitPhase(f, 'forstudie');
    });

    it('closes the cases of a sent-back submission: no record (409), no inbox item, no reminder', async () => {
      const [c1] = await cases(f.regionraad, f);
      await f.regionraad
        .put(`${casesUrl(f)}/${c1.id}`)
        .send(yes(c1, '11/27'))
        .expect(200);
      const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      const forstudie = project.phases.find((p: { key: string }) => p.key === 'forstudie');
      const reopened = forstudie.deliverables.find((d: { key: string }) => d.key === 'recommendation');
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`)
        .send(
          decision(submissionId, 'sent_back', {
            decisionText: 'Gjør om.',
            reopen: { deliverableIds: [reopened.id], planSections: [], budget: false },
          }),
        )
        .expect(200);
      const pending = (await cases(f.regionraad, f)).find((c) => c.outcome === 'pending')!;
      const res = await f.regionraad
        .put(`${casesUrl(f)}/${pending.id}`)
        .send(yes(pending))
        .expect(409);
      expect(res.body).toMatchObject({ code: 'GATE_NOT_AWAITING_DECISION', message: expect.stringContaining('sent back') });
      expect(await inboxCaseIds(f.regionraad)).not.toContain(pending.id);
      await t.db.query(`UPDATE kommune_case SET deadline = $2 WHERE submission_id = $1`, [submissionId, addDays(today, 3)]);
      await t.app.get(ReminderService).scan(today);
      const reminded = await t.db.query(`SELECT 1 FROM notification WHERE kind = 'kommune_deadline_near' AND target_id = $1`, [pending.id]);
      expect(reminded).toEqual([]);
    });

    it('carries a decided case over to the resubmission when the share is unchanged; the others ask again', async () => {
      const before = await cases(f.regionraad, f);
      const decided = before.find((c) => c.outcome === 'yes')!;
      await makePhaseReadyKeepingBudget(f);
      const again = await submitPhase(f, 'forstudie');
      expect(again).not.toBe(submissionId);
      const after = await cases(f.regionraad, f);
      expect(after).toHaveLength(2);
      const kept = after.find((c) => c.kommuneId === decided.kommuneId)!;
      expect(kept.id).not.toBe(decided.id);
      expect(kept).toMatchObject({
        outcome: 'yes',
        caseNumber: '11/27',
        meetingDate: decided.meetingDate,
        amountCommitted: decided.amountCommitted,
        recordedBy: decided.recordedBy,
        share: decided.share,
      });
      expect(after.find((c) => c.kommuneId !== decided.kommuneId)).toMatchObject({ outcome: 'pending', caseNumber: null });
    });

    it('asks again when the kommune’s share changed', async () => {
      // A third submission after a send-back whose budget asks the kommuner for more: every share changes.
      const pending = (await f.regionraad.get(`/api/projects/${f.projectId}/phases/forstudie/gate`).expect(200)).body.pendingSubmissionId;
      const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
      const reopened = project.phases
        .find((p: { key: string }) => p.key === 'forstudie')
        .deliverables.find((d: { key: string }) => d.key === 'recommendation');
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`)
        .send(
          decision(pending, 'sent_back', {
            decisionText: 'Budsjettet.',
            reopen: { deliverableIds: [reopened.id], planSections: [], budget: true },
          }),
        )
        .expect(200);
      const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`).expect(200)).body;
      await f.leader
        .put(`/api/projects/${f.projectId}/phases/forprosjekt/plan/budget`)
        .send({
          version: plan.version,
          lines: [
            { kind: 'cost', category: 'project_management', year: 2027, amount: 400000 },
            { kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: 100000 },
            { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 300000 },
          ],
        })
        .expect(200);
      await makePhaseReadyKeepingBudget(f);
      await submitPhase(f, 'forstudie');
      const after = await cases(f.regionraad, f);
      expect(after.map((c) => c.outcome)).toEqual(['pending', 'pending']);
      expect(after.reduce((s, c) => s + c.share, 0)).toBe(300_000);
    });
  });

  /** Makes the forstudie ready again without resetting the next phase's budget. */
  async function makePhaseReadyKeepingBudget(f: ProjectFixture): Promise<void> {
    const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
    const phase = project.phases.find((p: { key: string }) => p.key === 'forstudie');
    for (const d of phase.deliverables.filter(
      (x: { required: boolean; state: string; kind?: string }) => x.required && x.state === 'returned',
    )) {
      const base = `/api/projects/${f.projectId}/deliverables/${d.id}`;
      await f.leader
        .patch(base)
        .send({ content: `Nytt innhold for ${d.title}`, version: d.version })
        .expect(200);
      await f.leader.post(`${base}/submit`).expect(200);
    }
  }
});
