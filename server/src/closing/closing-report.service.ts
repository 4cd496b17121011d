import { Injectable } from '@nestjs/common';
import { FINAL_REPORT_SECTION_KEYS, REPORT_ASPECTS, type FinalReportSections, type SubGoal } from '@nvr/shared';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { BenefitService } from '../benefits/benefit.service';
import { execute } from '../database/sql';
import { findCaseSubmissions } from '../documents/case-document.queries';
import { findPlan } from '../plans/plan.queries';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import type { ProjectAggregate } from '../projects/project-queries';
import type { StatusReportDto } from '../status-reports/status-report.dto';
import { StatusReportService } from '../status-reports/status-report.service';
import { draftReport, type DraftFacts } from './closing-draft';
import { ClosingDto, StartReportDto, UpdateReportDto } from './closing.dto';
import { findReport } from './closing.queries';
import { hovedprosjektOf, numberOrNull, openProject, reportNotFound } from './closing-rules';
import { ClosingService } from './closing.service';

/**
 * The final report of the hovedprosjekt: the project leader starts it from the outline, pre-filled from the
 * plan, the phases' deliverables and gate decisions, the status reports and the benefits register, and
 * edits it section by section.
 */
@Injectable()
export class ClosingReportService {
  constructor(
    private readonly changes: ProjectChanges,
    private readonly closing: ClosingService,
    private readonly statusReports: StatusReportService,
    private readonly benefits: BenefitService,
  ) {}

  /** Starts the final report from the outline, pre-filled from what the project already knows. */
  async startReport(projectId: string, dto: StartReportDto, actor: Principal): Promise<ClosingDto> {
    const lang = dto.lang ?? actor.language;
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await openProject(locked);
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
    return this.closing.get(projectId, actor.roles);
  }

  async updateReport(projectId: string, dto: UpdateReportDto, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      await openProject(locked);
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
    return this.closing.get(projectId, actor.roles);
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
