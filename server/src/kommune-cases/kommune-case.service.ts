import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  costShareProblem,
  type CostShareKommune,
  type DecisionOutcome,
  type IsoDate,
  kommuneCaseOpen,
  kommunerContribution,
  leavingKommuneIds,
  mayRecordForKommune,
  shareAmongContinuing,
  shareCosts,
  summariseKommuneCases,
  todayInOslo,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, type FieldError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail, queryRows } from '../database/sql';
import { findBudgetLines, findCostSharingKommuner, findPlan } from '../plans/plan.queries';
import { type ChangeRecord, expectVersion, ProjectChanges } from '../projects/project-changes';
import { findPhase } from '../projects/project-queries';
import type { KommuneCaseDto, KommuneCasesDto, RecordKommuneDecisionDto, SetKommuneDeadlineDto } from './kommune-case.dto';
import {
  CASES_SQL,
  type CasePopulationRecord,
  findCasePopulations,
  findKommuneCases,
  findSharingSettings,
  type KommuneCaseRecord,
  type KommuneCasesRecord,
  type SharingSettingsRecord,
} from './kommune-case.queries';
import './kommune-case.errors'; // declares this feature's error codes
import { kommuneLeavesProject } from './kommune-leave';

export interface OpenKommuneCasesInput {
  submissionId: string;
  projectId: string;
  /** The phase the kommuner are asked to finance (null for the last gate: no cases). */
  nextPhaseId: string | null;
  deadline: IsoDate;
}

/** The newest submission of a phase. */
interface PendingRecord {
  submission_id: string;
}

/**
 * Each member kommune's own case when the next phase needs its money: its share by the plan's cost
 * sharing, its kommunestyre's decision before a deadline, and what a "no" means for the others.
 */
@Injectable()
export class KommuneCaseService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
  ) {}

  /** Opens one case per project kommune with its cost-sharing share, when the next phase's plan asks the kommuner for money. Returns how many. */
  async openCases(tx: EntityManager, input: OpenKommuneCasesInput): Promise<number> {
    if (!input.nextPhaseId) return 0;
    const plan = await findPlan(tx, input.nextPhaseId);
    if (!plan) return 0;
    const total = kommunerContribution(await findBudgetLines(tx, input.nextPhaseId));
    if (total <= 0) return 0;
    const populationDate = plan.cost_sharing.populationDate ?? null;
    const rows = await findCostSharingKommuner(tx, input.projectId, populationDate);
    if (rows.length === 0) return 0;
    const share = shareByPlan(total, plan.cost_sharing.equalPercent, populationDate, rows);
    const earlier = await previousDecidedCases(tx, input.submissionId);
    for (const r of share) {
      const kept = earlier.find((c) => c.kommune_id === r.id && Number(c.share) === r.amount);
      if (kept) {
        // The kommunestyre already decided on this very share at the previous submission: its vedtak stands.
        await execute(
          tx,
          `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share, outcome, meeting_date, case_number,
                                     decision_text, amount_committed, recorded_by, recorded_at)
           SELECT $1, kommune_id, $2, $3, share, outcome, meeting_date, case_number, decision_text, amount_committed, recorded_by, recorded_at
             FROM kommune_case WHERE id = $4`,
          [input.submissionId, r.name, input.deadline, kept.id],
        );
        continue;
      }
      await execute(tx, `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share) VALUES ($1, $2, $3, $4, $5)`, [
        input.submissionId,
        r.id,
        r.name,
        input.deadline,
        r.amount,
      ]);
    }
    return share.length;
  }

  /** The cases of a submission, their summary and the consequence of any "no"; null when the submission has none. */
  async forSubmission(em: EntityManager, submissionId: string): Promise<KommuneCasesDto | null> {
    const rows = await findKommuneCases(em, submissionId);
    if (rows.length === 0) return null;
    const cases = rows.map(toCaseDto);
    const summary = summariseKommuneCases(cases, todayInOslo());
    return { cases, summary, continuing: await this.continuing(em, submissionId, cases) };
  }

  /** The same, from what a statement read together with more (kommuneCasesJson in kommune-case.queries.ts): no statement. */
  fromRead(read: KommuneCasesRecord): KommuneCasesDto | null {
    if (read.cases.length === 0) return null;
    const cases = read.cases.map(toCaseDto);
    const summary = summariseKommuneCases(cases, todayInOslo());
    const leaving = leavingKommuneIds(cases);
    return {
      cases,
      summary,
      continuing: leaving.length ? shareContinuing(cases, leaving, read.settings ?? undefined, read.populations) : null,
    };
  }

  /** The kommuner that said no (they leave the project when the phase is approved). */
  async leaving(tx: EntityManager, submissionId: string): Promise<{ kommuneId: string; kommuneName: string }[]> {
    const rows = await queryRows<{ kommune_id: string; kommune_name: string }>(
      tx,
      `SELECT kommune_id, kommune_name FROM kommune_case WHERE submission_id = $1 AND outcome = 'no' ORDER BY kommune_name`,
      [submissionId],
    );
    return rows.map((r) => ({ kommuneId: r.kommune_id, kommuneName: r.kommune_name }));
  }

  // -------------------------------------------------------------------------------------------------
  // Over HTTP

  /** The kommune cases of the phase's newest submission (no cases when it asks the kommuner for no money). */
  async forPhase(projectId: string, phaseKey: string): Promise<KommuneCasesDto> {
    const em = this.db.manager;
    const phaseId = await phaseIdOf(em, projectId, phaseKey);
    const latest = await queryOne<{ id: string }>(
      em,
      `SELECT id FROM gate_submission WHERE phase_id = $1 ORDER BY submitted_at DESC, id LIMIT 1`,
      [phaseId],
    );
    const found = latest ? await this.forSubmission(em, latest.id) : null;
    return found ?? { cases: [], summary: summariseKommuneCases([], todayInOslo()), continuing: null };
  }

  /**
   * Records a kommunestyre's decision on its case: by the secretariat, or by a kommune contact of the
   * region who is region-wide or speaks for that kommune. Open while the gate awaits its decision and,
   * after an approval, while the project is active (kommuneCaseOpen); a "no" recorded after the approval
   * makes the kommune leave the project then, unless it is the last one.
   */
  async record(
    projectId: string,
    phaseKey: string,
    caseId: string,
    dto: RecordKommuneDecisionDto,
    actor: Principal,
  ): Promise<KommuneCasesDto> {
    checkDecision(dto);
    return this.changes.run(
      projectId,
      actor,
      async (tx, locked) => {
        const phase = findPhase(await locked.aggregate(), phaseKey);
        const row = await queryOne<KommuneCaseRecord>(
          tx,
          `${CASES_SQL} JOIN gate_submission s ON s.id = c.submission_id WHERE c.id = $1 AND s.phase_id = $2 FOR UPDATE OF c`,
          [caseId, phase.id],
        );
        if (!row) throw new DomainError('KOMMUNE_CASE_NOT_FOUND', `The ${phase.key} gate has no kommune case with id ${caseId}.`);
        if (!mayRecordForKommune(actor.roles, { id: locked.id, regionId: locked.regionId }, row.kommune_id)) {
          throw new DomainError(
            'FORBIDDEN',
            `You are the kommune contact of another kommune; only ${row.kommune_name}'s contact or the secretariat may record ${row.kommune_name}'s kommunestyre decision.`,
          );
        }
        const decision = await assertOpen(tx, locked.status, phase, row.submission_id);
        expectVersion('kommune case', dto.version, row.version);
        const approved = decision !== null;
        if (approved && !(await isMember(tx, locked.id, row.kommune_id))) {
          throw new DomainError(
            'KOMMUNE_LEFT_PROJECT',
            `${row.kommune_name} has left the project after its kommunestyre said no; its case is closed. To take it back in, add it to the project's kommuner.`,
          ).withParams({ kommune: row.kommune_name });
        }
        const notHandled = dto.outcome === 'not_handled';
        const amount = dto.amountCommitted ?? (dto.outcome === 'yes' ? Number(row.share) : null);
        const after = {
          outcome: dto.outcome,
          meetingDate: dto.meetingDate ?? null,
          caseNumber: dto.caseNumber ?? null,
          decisionText: dto.decisionText ?? null,
          amountCommitted: notHandled || dto.outcome === 'no' ? null : amount,
        };
        await execute(
          tx,
          `UPDATE kommune_case SET outcome = $2, meeting_date = $3, case_number = $4, decision_text = $5, amount_committed = $6,
                  recorded_by = $7, recorded_at = now(), version = version + 1 WHERE id = $1`,
          [row.id, after.outcome, after.meetingDate, after.caseNumber, after.decisionText, after.amountCommitted, actor.userId],
        );
        const history: ChangeRecord[] = [
          {
            action: 'gate.kommune_decided',
            entityType: 'gate',
            entityId: phase.key,
            before: { kommune: row.kommune_name, outcome: row.outcome, amountCommitted: nullableNumber(row.amount_committed) },
            after: { caseId: row.id, kommuneId: row.kommune_id, kommune: row.kommune_name, ...after, afterApproval: approved },
          },
        ];
        if (approved && dto.outcome === 'no') {
          const left = await kommuneLeavesProject(tx, locked.id, {
            id: row.kommune_id,
            name: row.kommune_name,
            submissionId: row.submission_id,
          });
          if (left) history.push(left);
        }
        return { history, result: (await this.forSubmission(tx, row.submission_id)) as KommuneCasesDto };
      },
      { activeOnly: 'its gates are closed' },
    );
  }

  /**
   * Sets the deadline of every kommune case still waiting for its kommunestyre, while the cases take
   * decisions (kommuneCaseOpen: the gate awaits its decision, or approved it).
   */
  async setDeadline(projectId: string, phaseKey: string, dto: SetKommuneDeadlineDto, actor: Principal): Promise<KommuneCasesDto> {
    if (dto.deadline < todayInOslo()) {
      throw new DomainError('INVALID_PERIOD', `The deadline ${dto.deadline} has passed; choose today or a later date.`, [
        { field: 'deadline', messages: ['deadline must be today or later'] },
      ]);
    }
    return this.changes.run(
      projectId,
      actor,
      async (tx, locked) => {
        const phase = findPhase(await locked.aggregate(), phaseKey);
        const latest = await queryOne<PendingRecord>(
          tx,
          `SELECT s.id AS submission_id FROM gate_submission s WHERE s.phase_id = $1 ORDER BY s.submitted_at DESC, s.id DESC LIMIT 1`,
          [phase.id],
        );
        if (!latest?.submission_id) throw notAwaiting(phase);
        await assertOpen(tx, locked.status, phase, latest.submission_id);
        const pending = { submission_id: latest.submission_id };
        const before = await queryRows<{ deadline: string }>(
          tx,
          `SELECT DISTINCT to_char(deadline, 'YYYY-MM-DD') AS deadline FROM kommune_case WHERE submission_id = $1 AND outcome = 'pending' ORDER BY 1`,
          [pending.submission_id],
        );
        const total = await queryOneOrFail<{ n: number }>(tx, `SELECT count(*)::int AS n FROM kommune_case WHERE submission_id = $1`, [
          pending.submission_id,
        ]);
        if (total.n === 0) {
          throw new DomainError(
            'KOMMUNE_CASE_NOT_FOUND',
            `The ${phase.key} gate asks the kommuner for no money, so there are no kommune cases to set a deadline for.`,
          );
        }
        const changed = await execute(
          tx,
          `UPDATE kommune_case SET deadline = $2, version = version + 1 WHERE submission_id = $1 AND outcome = 'pending'`,
          [pending.submission_id, dto.deadline],
        );
        return {
          history: {
            action: 'gate.kommune_deadline_set',
            entityType: 'gate',
            entityId: phase.key,
            before: { deadlines: before.map((b) => b.deadline) },
            after: { deadline: dto.deadline, cases: changed },
          },
          result: (await this.forSubmission(tx, pending.submission_id)) as KommuneCasesDto,
        };
      },
      { activeOnly: 'its gates are closed' },
    );
  }

  /** When some kommune said no: the same total shared among the others by the plan's rule, beside each one's share. */
  private async continuing(em: EntityManager, submissionId: string, cases: KommuneCaseDto[]): Promise<KommuneCasesDto['continuing']> {
    const leaving = leavingKommuneIds(cases);
    if (leaving.length === 0) return null;
    const settings = await findSharingSettings(em, submissionId);
    const populations = await findCasePopulations(em, submissionId, settings?.population_date ?? null);
    return shareContinuing(cases, leaving, settings, populations);
  }
}

/** The total of the cases shared among the kommuner that go on (`leaving` said no), by the plan's settings. */
function shareContinuing(
  cases: KommuneCaseDto[],
  leaving: string[],
  settings: SharingSettingsRecord | undefined,
  populations: readonly CasePopulationRecord[],
): KommuneCasesDto['continuing'] {
  const populationDate = settings?.population_date ?? null;
  const rows = cases.map((c) => ({
    id: c.kommuneId,
    name: c.kommuneName,
    population: populations.find((p) => p.kommune_id === c.kommuneId)?.population ?? null,
  }));
  const total = cases.reduce((s, c) => s + c.share, 0);
  const remaining = rows.filter((k) => !leaving.includes(k.id));
  const equalPercent = usableEqualPercent(total, settings?.equal_percent ?? 50, populationDate, remaining);
  const kommuner: CostShareKommune[] = rows.map((r) => ({ ...r, population: r.population ?? 0 }));
  const shared = shareAmongContinuing({ total, equalPercent, kommuner }, leaving);
  if (!shared) return null;
  return shared.rows.map((r) => ({
    kommuneId: r.id,
    kommuneName: r.name,
    before: cases.find((c) => c.kommuneId === r.id)?.share ?? 0,
    after: r.amount,
  }));
}

/**
 * The decided cases (yes, yes with changes, no) of the phase's previous submission, for a resubmission
 * to carry over where the kommune's share is unchanged. A case not handled by its deadline is asked again.
 */
async function previousDecidedCases(tx: EntityManager, submissionId: string): Promise<{ id: string; kommune_id: string; share: string }[]> {
  return queryRows<{ id: string; kommune_id: string; share: string }>(
    tx,
    `SELECT c.id, c.kommune_id, c.share::text AS share
       FROM gate_submission cur
       JOIN LATERAL (SELECT prev.id FROM gate_submission prev
                      WHERE prev.phase_id = cur.phase_id AND prev.id <> cur.id AND prev.submitted_at <= cur.submitted_at
                      ORDER BY prev.submitted_at DESC, prev.id DESC LIMIT 1) prev ON true
       JOIN kommune_case c ON c.submission_id = prev.id AND c.outcome IN ('yes', 'yes_with_changes', 'no')
      WHERE cur.id = $1`,
    [submissionId],
  );
}

/**
 * Each kommune's share of `total` by the plan's settings. Where some share goes by population but the
 * figures are missing, the plan's table cannot be made either; the cases then open with equal shares
 * (the secretariat sees the shares and can correct the population figures before the next gate).
 */
function shareByPlan(
  total: number,
  equalPercent: number,
  populationDate: string | null,
  rows: readonly { id: string; name: string; population: number | null }[],
): { id: string; name: string; amount: number }[] {
  return shareCosts({
    total,
    equalPercent: usableEqualPercent(total, equalPercent, populationDate, rows),
    kommuner: rows.map((r) => ({ id: r.id, name: r.name, population: r.population ?? 0 })),
  }).rows;
}

/**
 * The plan's equal share, or 100 % when the kommuners' population figures cannot carry a population
 * share (the same rule when the cases open and when a "no" is shared among the others).
 */
function usableEqualPercent(
  total: number,
  equalPercent: number,
  populationDate: string | null,
  kommuner: readonly { name: string; population: number | null }[],
): number {
  return costShareProblem({ total, equalPercent, populationDate, year: null, kommuner }) ? 100 : equalPercent;
}

function toCaseDto(r: KommuneCaseRecord): KommuneCaseDto {
  return {
    id: r.id,
    kommuneId: r.kommune_id,
    kommuneName: r.kommune_name,
    deadline: r.deadline,
    share: Number(r.share),
    outcome: r.outcome,
    meetingDate: r.meeting_date,
    caseNumber: r.case_number,
    decisionText: r.decision_text,
    amountCommitted: nullableNumber(r.amount_committed),
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at === null ? null : new Date(r.recorded_at).toISOString(),
    version: r.version,
  };
}

function nullableNumber(v: string | null): number | null {
  return v === null ? null : Number(v);
}

/** The fields each outcome needs: a meeting and case number unless not handled, the vedtak for a changed yes or a no. */
function checkDecision(dto: RecordKommuneDecisionDto): void {
  const fields: FieldError[] = [];
  const need = (field: 'meetingDate' | 'caseNumber' | 'decisionText', why: string) => {
    if (dto[field] === undefined || dto[field] === null) fields.push({ field, messages: [`${field} is required ${why}`] });
  };
  if (dto.outcome !== 'not_handled') {
    need('meetingDate', 'when the kommunestyre has decided');
    need('caseNumber', 'when the kommunestyre has decided');
  }
  if (dto.outcome === 'yes_with_changes' || dto.outcome === 'no') need('decisionText', `for ${dto.outcome}`);
  if ((dto.outcome === 'no' || dto.outcome === 'not_handled') && dto.amountCommitted !== undefined && dto.amountCommitted > 0) {
    fields.push({ field: 'amountCommitted', messages: [`amountCommitted must be 0 or left out for ${dto.outcome}`] });
  }
  if (fields.length) throw new DomainError('VALIDATION_FAILED', fields.flatMap((f) => f.messages).join('; '), fields);
  if (dto.meetingDate && dto.meetingDate > todayInOslo()) {
    throw new DomainError(
      'INVALID_PERIOD',
      `The meeting date ${dto.meetingDate} is in the future; record the kommunestyre's decision after its meeting.`,
      [{ field: 'meetingDate', messages: ['meetingDate must not be in the future'] }],
    );
  }
}

function notAwaiting(phase: { key: string; state: string }): DomainError {
  return new DomainError(
    'GATE_NOT_AWAITING_DECISION',
    `The ${phase.key} is not waiting for a decision (it is ${phase.state.replace('_', ' ')}); the kommune cases are closed.`,
  );
}

/**
 * The case's submission must still take kommunestyre decisions (kommuneCaseOpen): the one the gate waits
 * for, or an approved one. Returns the approval's outcome, or null while the gate awaits its decision.
 */
async function assertOpen(
  tx: EntityManager,
  projectStatus: string,
  phase: { key: string; state: string },
  submissionId: string,
): Promise<'approved' | 'approved_with_conditions' | null> {
  const found = await queryOne<{ outcome: DecisionOutcome }>(tx, `SELECT outcome FROM gate_decision WHERE submission_id = $1`, [
    submissionId,
  ]);
  const decision = found?.outcome ?? null;
  if (!kommuneCaseOpen({ projectStatus, phaseState: phase.state, decision })) {
    if (decision === 'sent_back' || decision === 'stopped') {
      throw new DomainError(
        'GATE_NOT_AWAITING_DECISION',
        `The ${phase.key} was ${decision === 'sent_back' ? 'sent back' : 'stopped'} on this submission, so its kommune cases are closed; a resubmission opens new ones.`,
      );
    }
    throw notAwaiting(phase);
  }
  return decision === 'approved' || decision === 'approved_with_conditions' ? decision : null;
}

/** Whether the kommune still takes part in the project. */
async function isMember(tx: EntityManager, projectId: string, kommuneId: string): Promise<boolean> {
  const row = await queryOneOrFail<{ member: boolean }>(
    tx,
    `SELECT EXISTS (SELECT 1 FROM project_kommune WHERE project_id = $1 AND kommune_id = $2) AS member`,
    [projectId, kommuneId],
  );
  return row.member;
}

async function phaseIdOf(em: EntityManager, projectId: string, phaseKey: string): Promise<string> {
  const row = await queryOneOrFail<{ id: string | null; project: boolean }>(
    em,
    `SELECT (SELECT id FROM project_phase WHERE project_id = $1 AND phase_key = $2) AS id, EXISTS (SELECT 1 FROM project WHERE id = $1) AS project`,
    [projectId, phaseKey],
  );
  if (!row.project) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
  if (!row.id)
    throw new DomainError(
      'PHASE_NOT_FOUND',
      `The project has no phase "${phaseKey}"; phases are forstudie, forprosjekt and hovedprosjekt.`,
    );
  return row.id;
}
