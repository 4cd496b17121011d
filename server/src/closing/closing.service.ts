import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  closingReadiness,
  evaluationComplete,
  FINAL_REPORT_SECTION_KEYS,
  missingReportSections,
  scoreGaps,
  SUCCESS_FACTORS,
  type RoleAssignment,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { PersonDto } from '../common/person.dto';
import { loadProject, type ProjectAggregate } from '../projects/project-queries';
import { StatusReportService } from '../status-reports/status-report.service';
import { ClosingDecisionDto, ClosingDto, ClosingReportDto, EvaluationDto, LessonDto, ReportFactsDto } from './closing.dto';
import {
  findDecision,
  findEvaluations,
  findLessons,
  findReport,
  type DecisionRecord,
  type EvaluationRecord,
  type LessonRecord,
  type ReportRecord,
} from './closing.queries';
import { hovedprosjektOf, numberOrNull, phaseProblemOf, scoresOf } from './closing-rules';

/**
 * The closing of a hovedprosjekt as a whole: the final report, the two evaluations side by side, the
 * lessons log, the decision, how ready it is and what the reader may do. The project leader writes the
 * final report (ClosingReportService) and keeps the lessons log (ClosingLessonService); the leader and the
 * owner (the regionråd) each score the ten success factors (ClosingEvaluationService); the owner records
 * the closing decision (ClosingDecisionService), which ends the project and hands its benefits to their
 * owners. The report as a document is ClosingDocumentService's.
 */
@Injectable()
export class ClosingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly statusReports: StatusReportService,
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
}

// ---------------------------------------------------------------------------------------------------
// Mapping

function person(p: { id: string | null; name: string | null; email: string | null }): PersonDto | null {
  return p.id !== null && p.name !== null && p.email !== null ? { id: p.id, name: p.name, email: p.email } : null;
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
