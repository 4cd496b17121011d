import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  closingDecisionProblems,
  closingPhaseProblem,
  closingReadiness,
  defaultLessonPhase,
  evaluationComplete,
  FINAL_REPORT_SECTION_KEYS,
  missingReportSections,
  REPORT_ASPECTS,
  scoreGaps,
  SUCCESS_FACTORS,
  todayInOslo,
  type ClosingPhaseProblem,
  type EvaluationPerspective,
  type FactorScore,
  type FinalReportSections,
  type Lang,
  type RoleAssignment,
  type SubGoal,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import type { PersonDto } from '../common/person.dto';
import { BenefitService } from '../benefits/benefit.service';
import { execute, queryOne, queryOneOrFail } from '../database/sql';
import { renderDocx } from '../documents/render-docx';
import { renderPdf } from '../documents/render-pdf';
import { findCaseSubmissions } from '../documents/case-document.queries';
import { findPlan } from '../plans/plan.queries';
import { ChangeRecord, expectVersion, LockedProject, ProjectChanges } from '../projects/project-changes';
import { loadProject, type PhaseRow, type ProjectAggregate } from '../projects/project-queries';
import type { StatusReportDto } from '../status-reports/status-report.dto';
import { StatusReportService } from '../status-reports/status-report.service';
import { closingDocument } from './closing-document';
import { draftReport, type DraftFacts } from './closing-draft';
import {
  ClosingDecisionDto,
  ClosingDto,
  ClosingReportDto,
  CreateLessonDto,
  EvaluationDto,
  LessonDto,
  RecordClosingDecisionDto,
  ReportFactsDto,
  SaveEvaluationDto,
  StartReportDto,
  UpdateLessonDto,
  UpdateReportDto,
} from './closing.dto';
import {
  findDecision,
  findEvaluations,
  findLesson,
  findLessons,
  findReport,
  type DecisionRecord,
  type EvaluationRecord,
  type LessonRecord,
  type ReportRecord,
} from './closing.queries';

export interface RenderedDocument {
  filename: string;
  contentType: string;
  data: Buffer;
}

const CONTENT_TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/**
 * The closing of a hovedprosjekt. The project leader starts the final report from its outline, pre-filled
 * from the plan, the phases' deliverables and gate decisions and the status reports, and edits it; the
 * leader and the owner (the regionråd) each score the ten success factors; the leader keeps the lessons
 * log; the owner records the closing decision, which ends the project and hands its benefits to their
 * owners. Everything changes through the project's unit of work, while the hovedprosjekt is under way.
 */
@Injectable()
export class ClosingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
    private readonly statusReports: StatusReportService,
    private readonly benefits: BenefitService,
  ) {}

  async get(projectId: string, roles: readonly RoleAssignment[], em: EntityManager = this.db.manager): Promise<ClosingDto> {
    const project = await loadProject(em, projectId);
    const hoved = hovedprosjektOf(project);
    const [report, evaluations, lessons, decision] = [
      await findReport(em, projectId),
      await findEvaluations(em, projectId),
      await findLessons(em, projectId),
      await findDecision(em, projectId),
    ];
    const leader = evaluations.find((e) => e.perspective === 'leader') ?? null;
    const owner = evaluations.find((e) => e.perspective === 'owner') ?? null;
    const problem = phaseProblemOf(project);
    const can = (action: 'submit' | 'decide') => canOnProject(roles, { id: project.id, regionId: project.regionId }, action);
    const open = problem === null;
    const leaderScores = leader ? scoresOf(leader) : null;
    const ownerScores = owner ? scoresOf(owner) : null;
    const gaps = scoreGaps(leaderScores ?? [], ownerScores ?? []);
    return {
      projectId: project.id,
      projectStatus: project.status,
      hovedprosjekt: { state: hoved.state, actualStart: hoved.actualStart, actualEnd: hoved.actualEnd },
      phaseProblem: problem,
      report: report ? toReportDto(report, await this.facts(project, roles)) : null,
      evaluations: { leader: leader ? toEvaluationDto(leader) : null, owner: owner ? toEvaluationDto(owner) : null },
      comparison: SUCCESS_FACTORS.map((factor) => ({
        factor,
        leader: leaderScores?.find((s) => s.factor === factor)?.score ?? null,
        owner: ownerScores?.find((s) => s.factor === factor)?.score ?? null,
        gap: gaps.some((g) => g.factor === factor),
      })),
      lessons: lessons.map(toLessonDto),
      decision: decision ? toDecisionDto(decision) : null,
      readiness: closingReadiness({ report: report ? { sections: report.sections } : null, leader: leaderScores, owner: ownerScores }),
      permissions: {
        editReport: open && can('submit'),
        evaluateAsLeader: open && can('submit'),
        evaluateAsOwner: open && can('decide'),
        editLessons: open && can('submit'),
        decide: open && can('decide') && !decision,
      },
    };
  }

  /** Starts the final report from the outline, pre-filled from what the project already knows. */
  async startReport(projectId: string, dto: StartReportDto, actor: Principal): Promise<ClosingDto> {
    const lang = dto.lang ?? actor.language;
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await this.openProject(locked);
      if (await findReport(tx, projectId)) {
        throw new DomainError('CLOSING_REPORT_EXISTS', 'The final report has been started already; edit it instead. Reload to see it.');
      }
      const facts = await this.draftFacts(tx, project, actor);
      const sections = draftReport(facts, lang);
      const spent = facts.statusReports.find((r) => r.spentToDate !== null)?.spentToDate ?? null;
      await execute(
        tx,
        `INSERT INTO closing_report (project_id, sections, budget_total, spent_total, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $5)`,
        [projectId, JSON.stringify(sections), facts.budget.costs || null, spent, actor.userId],
      );
      return {
        history: {
          action: 'closing.report_started',
          entityType: 'closing_report',
          entityId: projectId,
          after: { lang, prefilled: FINAL_REPORT_SECTION_KEYS.filter((k) => sections[k].trim()) },
        },
      };
    });
    return this.get(projectId, actor.roles);
  }

  async updateReport(projectId: string, dto: UpdateReportDto, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      await this.openProject(locked);
      const report = await findReport(tx, projectId, true);
      if (!report) throw reportNotFound();
      expectVersion('final report', dto.version, report.version);
      const changed = Object.entries(dto.sections ?? {}).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== (report.sections[e[0] as keyof FinalReportSections] ?? ''),
      );
      const sections: FinalReportSections = { ...report.sections, ...Object.fromEntries(changed) };
      const budget = dto.budgetTotal === undefined ? numberOrNull(report.budget_total) : dto.budgetTotal;
      const spent = dto.spentTotal === undefined ? numberOrNull(report.spent_total) : dto.spentTotal;
      await execute(
        tx,
        `UPDATE closing_report SET sections = $2, budget_total = $3, spent_total = $4, updated_by = $5, version = version + 1, updated_at = now()
          WHERE project_id = $1`,
        [projectId, JSON.stringify(sections), budget, spent, actor.userId],
      );
      return {
        history: {
          action: 'closing.report_updated',
          entityType: 'closing_report',
          entityId: projectId,
          before: { budgetTotal: numberOrNull(report.budget_total), spentTotal: numberOrNull(report.spent_total) },
          after: { sections: changed.map(([k]) => k), budgetTotal: budget, spentTotal: spent },
        },
      };
    });
    return this.get(projectId, actor.roles);
  }

  /** Saves the leader's or the owner's evaluation: the factors given replace the stored ones. */
  async saveEvaluation(
    projectId: string,
    perspective: EvaluationPerspective,
    dto: SaveEvaluationDto,
    actor: Principal,
  ): Promise<ClosingDto> {
    const seen = new Set<string>();
    for (const s of dto.scores) {
      if (seen.has(s.factor)) {
        const message = `The factor ${s.factor} is given twice; give each factor once.`;
        throw new DomainError('VALIDATION_FAILED', message, [{ field: 'scores', messages: [message] }]);
      }
      seen.add(s.factor);
    }
    await this.changes.run(projectId, actor, async (tx, locked) => {
      await this.openProject(locked);
      const existing = await queryOne<{ id: string; version: number }>(
        tx,
        `SELECT id, version FROM closing_evaluation WHERE project_id = $1 AND perspective = $2 FOR UPDATE`,
        [projectId, perspective],
      );
      expectVersion(`the ${perspective}’s evaluation`, dto.version, existing?.version ?? 0);
      const evaluation = existing
        ? await queryOneOrFail<{ id: string }>(
            tx,
            `UPDATE closing_evaluation SET summary = $2, updated_by = $3, version = version + 1, updated_at = now() WHERE id = $1 RETURNING id`,
            [existing.id, dto.summary ?? '', actor.userId],
          )
        : await queryOneOrFail<{ id: string }>(
            tx,
            `INSERT INTO closing_evaluation (project_id, perspective, summary, updated_by) VALUES ($1, $2, $3, $4) RETURNING id`,
            [projectId, perspective, dto.summary ?? '', actor.userId],
          );
      await execute(tx, `DELETE FROM closing_evaluation_score WHERE evaluation_id = $1`, [evaluation.id]);
      const rows = dto.scores.filter((s) => s.score !== null || (s.comment ?? '').trim());
      if (rows.length) {
        await execute(
          tx,
          `INSERT INTO closing_evaluation_score (evaluation_id, factor, score, comment)
           SELECT $1, x.factor, x.score, x.comment FROM jsonb_to_recordset($2::jsonb) AS x(factor text, score smallint, comment text)`,
          [evaluation.id, JSON.stringify(rows.map((s) => ({ factor: s.factor, score: s.score, comment: (s.comment ?? '').trim() })))],
        );
      }
      const scores = rows.filter((s): s is typeof s & { score: number } => s.score !== null);
      return {
        history: {
          action: 'closing.evaluation_saved',
          entityType: 'closing_evaluation',
          entityId: perspective,
          after: { perspective, scored: scores.length, complete: evaluationComplete(scores) },
        },
      };
    });
    return this.get(projectId, actor.roles);
  }

  async addLesson(projectId: string, dto: CreateLessonDto, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await this.openProject(locked);
      const phaseKey = dto.phaseKey ?? defaultLessonPhase(currentPhaseKey(project));
      const created = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO closing_lesson (project_id, phase_key, category, text, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [projectId, phaseKey, dto.category, dto.text, actor.userId],
      );
      return {
        history: {
          action: 'closing.lesson_added',
          entityType: 'closing_lesson',
          entityId: created.id,
          after: { category: dto.category, phaseKey, text: dto.text },
        },
      };
    });
    return this.get(projectId, actor.roles);
  }

  async updateLesson(projectId: string, lessonId: string, dto: UpdateLessonDto, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      await this.openProject(locked);
      const lesson = await findLesson(tx, projectId, lessonId);
      if (!lesson) throw lessonNotFound(lessonId);
      expectVersion('lesson', dto.version, lesson.version);
      const next = { text: dto.text ?? lesson.text, category: dto.category ?? lesson.category, phaseKey: dto.phaseKey ?? lesson.phase_key };
      await execute(
        tx,
        `UPDATE closing_lesson SET text = $2, category = $3, phase_key = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [lesson.id, next.text, next.category, next.phaseKey],
      );
      return {
        history: {
          action: 'closing.lesson_updated',
          entityType: 'closing_lesson',
          entityId: lesson.id,
          before: { text: lesson.text, category: lesson.category, phaseKey: lesson.phase_key },
          after: next,
        },
      };
    });
    return this.get(projectId, actor.roles);
  }

  async deleteLesson(projectId: string, lessonId: string, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      await this.openProject(locked);
      const lesson = await findLesson(tx, projectId, lessonId);
      if (!lesson) throw lessonNotFound(lessonId);
      await execute(tx, `DELETE FROM closing_lesson WHERE id = $1`, [lesson.id]);
      return {
        history: {
          action: 'closing.lesson_deleted',
          entityType: 'closing_lesson',
          entityId: lesson.id,
          before: { text: lesson.text, category: lesson.category, phaseKey: lesson.phase_key },
        },
      };
    });
    return this.get(projectId, actor.roles);
  }

  /**
   * The owner's closing decision. The hovedprosjekt must be under way, and the final report and both
   * evaluations complete — or the owner gives the reason for deciding without them. The decision ends the
   * hovedprosjekt (on the meeting date) and the project, and hands the benefits to their owners.
   */
  async decide(projectId: string, dto: RecordClosingDecisionDto, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await this.openProject(locked);
      const hoved = hovedprosjektOf(project);
      const problems = closingDecisionProblems(dto, { today: todayInOslo(), hovedprosjektStart: hoved.actualStart });
      if (problems.length) {
        throw new DomainError(
          'VALIDATION_FAILED',
          problems.map((p) => p.message).join('; '),
          problems.map((p) => ({ field: p.field, messages: [p.message] })),
        );
      }
      const report = await findReport(tx, projectId);
      const evaluations = await findEvaluations(tx, projectId);
      const of = (p: EvaluationPerspective) => {
        const e = evaluations.find((x) => x.perspective === p);
        return e ? scoresOf(e) : null;
      };
      const readiness = closingReadiness({
        report: report ? { sections: report.sections } : null,
        leader: of('leader'),
        owner: of('owner'),
      });
      if (!readiness.ready && !dto.overrideReason) {
        const missing = readiness.checks.filter((c) => !c.ok).map((c) => c.key);
        throw new DomainError(
          'CLOSING_NOT_READY',
          `The project cannot be closed yet: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing or incomplete. ` +
            'Complete them, or give the reason for deciding without them (overrideReason).',
        );
      }
      await execute(
        tx,
        `INSERT INTO closing_decision (project_id, outcome, meeting_date, case_number, decision_text, successor_organisation, successor_financing,
                                       successor_yearly_amount, override_reason, readiness, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          projectId,
          dto.outcome,
          dto.meetingDate,
          dto.caseNumber,
          dto.decisionText,
          dto.successor?.organisation ?? null,
          dto.successor?.financingText ?? null,
          dto.successor?.yearlyAmount ?? null,
          readiness.ready ? null : (dto.overrideReason ?? null),
          JSON.stringify(readiness),
          actor.userId,
        ],
      );
      await execute(
        tx,
        `UPDATE project_phase SET state = 'completed', actual_end = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [hoved.id, dto.meetingDate],
      );
      await execute(tx, `UPDATE project SET status = 'completed', version = version + 1, updated_at = now() WHERE id = $1`, [projectId]);
      // The benefits go to their owners, who go on measuring them after the project (the register's own rule and history).
      const handedOver = await this.benefits.handOver(tx, projectId);
      const records: ChangeRecord[] = [
        {
          action: 'closing.decided',
          entityType: 'closing_decision',
          entityId: projectId,
          after: {
            outcome: dto.outcome,
            meetingDate: dto.meetingDate,
            caseNumber: dto.caseNumber,
            successor: dto.successor?.organisation ?? null,
            override: !readiness.ready,
          },
        },
        {
          action: 'project.completed',
          entityType: 'project',
          entityId: projectId,
          before: { status: project.status },
          after: { status: 'completed', closing: dto.outcome },
        },
        ...handedOver,
      ];
      return { history: records };
    });
    return this.get(projectId, actor.roles);
  }

  /**
   * The final report as DOCX or PDF, with the evaluations, the lessons and the decision; before the report
   * is started, the outline with what each section is for (a template to work from).
   */
  async reportDocument(projectId: string, roles: readonly RoleAssignment[], format: 'pdf' | 'docx', lang: Lang): Promise<RenderedDocument> {
    const closing = await this.get(projectId, roles);
    const project = await loadProject(this.db.manager, projectId);
    const doc = closingDocument(
      {
        name: project.name,
        regionName: project.regionName,
        councilName: project.councilName,
        leaderName: project.leader?.name ?? null,
        kommuner: project.kommuner.map((k) => k.name),
      },
      closing,
      closing.report,
      lang,
    );
    const data = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
    return { filename: `${doc.title} – ${project.name}.${format}`.replace(/[\\/:*?"<>|]/g, '-'), contentType: CONTENT_TYPES[format], data };
  }

  /** The locked project, refused unless its hovedprosjekt is under way. */
  private async openProject(locked: LockedProject): Promise<ProjectAggregate> {
    const project = await locked.aggregate();
    const problem = phaseProblemOf(project);
    if (problem) throw phaseProblemError(problem, hovedprosjektOf(project));
    return project;
  }

  /** The plan budget and the newest published status report: the figures beside the report's economy section. */
  private async facts(project: ProjectAggregate, roles: readonly RoleAssignment[]): Promise<ReportFactsDto> {
    const hoved = hovedprosjektOf(project);
    const published = (await this.statusReports.list(project.id, roles)).filter((r) => r.state === 'published');
    const newest = published[0] ? await this.statusReports.get(project.id, published[0].id, roles) : null;
    return {
      plannedCosts: hoved.budget.costs,
      plannedFinancing: hoved.budget.financing,
      latestStatusReport: newest
        ? {
            period: newest.period,
            budgetTotal: newest.economy.budgetTotal,
            spentToDate: newest.economy.spentToDate,
            forecast: newest.economy.forecast,
          }
        : null,
    };
  }

  /** What the first draft is written from, read through the plan's, the gates' and the status reports' public reads. */
  private async draftFacts(tx: EntityManager, project: ProjectAggregate, actor: Principal): Promise<DraftFacts> {
    const roles = actor.roles;
    const hoved = hovedprosjektOf(project);
    const plan = await findPlan(tx, hoved.id);
    const goals = plan?.content.goals ?? {};
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
    const subGoals = Array.isArray(goals.sub_goals)
      ? (goals.sub_goals as SubGoal[]).filter((g) => typeof g === 'object' && typeof g.title === 'string' && g.title.trim())
      : [];
    const phases: DraftFacts['phases'] = [];
    for (const phase of project.phases) {
      const submissions = await findCaseSubmissions(tx, phase.id);
      phases.push({
        key: phase.key,
        actualStart: phase.actualStart,
        actualEnd: phase.actualEnd,
        deliverables: phase.deliverables.map((d) => ({ title: d.title, state: d.state })),
        decisions: submissions
          .flatMap((s) =>
            s.decision_id !== null
              ? [{ meetingDate: s.meeting_date, caseNumber: s.case_number, outcome: s.outcome, text: s.decision_text }]
              : [],
          )
          .reverse(),
      });
    }
    const reports: StatusReportDto[] = [];
    for (const r of (await this.statusReports.list(project.id, roles)).filter((x) => x.state === 'published')) {
      reports.push(await this.statusReports.get(project.id, r.id, roles, tx));
    }
    return {
      phases,
      plan: plan
        ? {
            background: text(plan.content.background?.text),
            mainGoal: text(goals.main_goal),
            subGoals,
            benefitAreas: list(goals.benefit_areas),
          }
        : null,
      budget: { costs: hoved.budget.costs, financing: hoved.budget.financing },
      statusReports: reports.map((r) => ({
        period: r.period,
        spentToDate: r.economy.spentToDate,
        forecast: r.economy.forecast,
        aspects: REPORT_ASPECTS.map((aspect) => ({ aspect, colour: r[aspect].colour, comment: r[aspect].comment })),
      })),
      benefits: (await this.benefits.register(project.id, actor)).benefits.map((b) => ({ title: b.title, owner: b.owner?.name ?? null })),
    };
  }
}

// ---------------------------------------------------------------------------------------------------

function hovedprosjektOf(project: ProjectAggregate): PhaseRow {
  const phase = project.phases.find((p) => p.key === 'hovedprosjekt');
  if (!phase) throw new DomainError('PHASE_NOT_FOUND', 'The project has no hovedprosjekt.');
  return phase;
}

function currentPhaseKey(project: ProjectAggregate) {
  return project.phases.find((p) => p.state === 'in_progress' || p.state === 'awaiting_decision')?.key ?? null;
}

function phaseProblemOf(project: ProjectAggregate): ClosingPhaseProblem {
  return closingPhaseProblem({ status: project.status, hovedprosjektState: hovedprosjektOf(project).state });
}

function phaseProblemError(problem: Exclude<ClosingPhaseProblem, null>, hoved: PhaseRow): DomainError {
  switch (problem) {
    case 'project_ended':
      return new DomainError(
        'CLOSING_PROJECT_ENDED',
        `The project has ended${hoved.actualEnd ? ` (${hoved.actualEnd})` : ''}; its final report, evaluations, lessons and closing decision are kept as they were.`,
      );
    case 'at_gate':
      return new DomainError(
        'CLOSING_AT_GATE',
        'The hovedprosjekt has been submitted to its gate and waits for the owner’s decision there; its closing can change again if it is sent back.',
      );
    case 'not_in_hovedprosjekt':
      return new DomainError(
        'CLOSING_NOT_IN_HOVEDPROSJEKT',
        'The project is not in its hovedprosjekt yet; the closing belongs to a hovedprosjekt under way.',
      );
  }
}

function reportNotFound(): DomainError {
  return new DomainError('CLOSING_REPORT_NOT_FOUND', 'The project has no final report yet; the project leader starts it from the outline.');
}

function lessonNotFound(id: string): DomainError {
  return new DomainError('CLOSING_LESSON_NOT_FOUND', `The project has no lesson with id ${id}.`);
}

function numberOrNull(v: string | null): number | null {
  return v === null ? null : Number(v);
}

function person(p: { id: string | null; name: string | null; email: string | null }): PersonDto | null {
  return p.id !== null && p.name !== null && p.email !== null ? { id: p.id, name: p.name, email: p.email } : null;
}

function scoresOf(e: EvaluationRecord): FactorScore[] {
  return e.scores.filter((s): s is typeof s & { score: number } => s.score !== null).map((s) => ({ factor: s.factor, score: s.score }));
}

function toReportDto(r: ReportRecord, facts: ReportFactsDto): ClosingReportDto {
  const sections = Object.fromEntries(
    FINAL_REPORT_SECTION_KEYS.map((k) => [k, r.sections[k] ?? '']),
  ) as unknown as ClosingReportDto['sections'];
  return {
    sections,
    budgetTotal: numberOrNull(r.budget_total),
    spentTotal: numberOrNull(r.spent_total),
    facts,
    missing: missingReportSections(r.sections),
    createdBy: person(r.created_by),
    createdAt: r.created_at.toISOString(),
    updatedBy: person(r.updated_by),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

function toEvaluationDto(e: EvaluationRecord): EvaluationDto {
  const scores = SUCCESS_FACTORS.map((factor) => {
    const s = e.scores.find((x) => x.factor === factor);
    return { factor, score: s?.score ?? null, comment: s?.comment ?? '' };
  });
  return {
    perspective: e.perspective,
    scores,
    summary: e.summary,
    complete: evaluationComplete(scoresOf(e)),
    updatedBy: person(e.updated_by),
    updatedAt: new Date(e.updated_at).toISOString(),
    version: e.version,
  };
}

function toLessonDto(l: LessonRecord): LessonDto {
  return {
    id: l.id,
    projectId: l.project_id,
    phaseKey: l.phase_key,
    category: l.category,
    text: l.text,
    createdBy: person(l.created_by),
    createdAt: l.created_at.toISOString(),
    updatedAt: l.updated_at.toISOString(),
    version: l.version,
  };
}

function toDecisionDto(d: DecisionRecord): ClosingDecisionDto {
  return {
    outcome: d.outcome,
    meetingDate: d.meeting_date,
    caseNumber: d.case_number,
    decisionText: d.decision_text,
    successor:
      d.outcome === 'carry_on' && d.successor_organisation !== null
        ? {
            organisation: d.successor_organisation,
            financingText: d.successor_financing ?? '',
            yearlyAmount: Number(d.successor_yearly_amount ?? 0),
          }
        : null,
    overrideReason: d.override_reason,
    readiness: d.readiness,
    decidedBy: person(d.decided_by),
    decidedAt: d.decided_at.toISOString(),
  };
}
