import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BudgetLine,
  budgetTotals,
  canOnProject,
  costShareProblem,
  CostShareProblem,
  diffPlans,
  kommunerContribution,
  mergePlanContent,
  ownWorkAmount,
  planCompleteness,
  RoleAssignment,
  isSettingsProblem,
  shareCosts,
  validatePlanContent,
  templateDefaults,
  toText,
  type Lang,
  type PlanCompleteness,
  type ProjectHistoryAction,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, versionConflict } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { execute } from '../database/sql';
import { ProjectChanges } from '../projects/project-changes';
import { findPhase, loadProject, PhaseRow, ProjectAggregate } from '../projects/project-queries';
import { TemplateService } from '../templates/template.service';
import {
  BudgetDto,
  BudgetLineDto,
  CompletenessDto,
  CostSharingDto,
  CostSharingSettingsDto,
  PlanComparisonDto,
  PlanDto,
  SaveBudgetDto,
  SaveCostSharingDto,
  SnapshotDto,
  UpdatePlanDto,
} from './plan.dto';
import { findBudgetLines, findPlan, findSnapshot, findSnapshotSummaries, nextSnapshotNumber, type PlanRecord } from './plan.queries';
import { findCostSplit } from './cost-split.queries';

const DEFAULT_SHARING: CostSharingSettingsDto = { equalPercent: 50, populationDate: null, year: null };

/** Phase plans written from templates, with their budget and cost sharing, versions and comparisons. */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: TemplateService,
    private readonly changes: ProjectChanges,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The phase's plan; before it is first saved, the content the template starts it with (the roles
   * rows, in `lang`, the reader's language).
   */
  async get(
    projectId: string,
    phaseKey: string,
    roles: readonly RoleAssignment[],
    em: EntityManager = this.db.manager,
    lang: Lang = 'nb',
  ): Promise<PlanDto> {
    const project = await loadProject(em, projectId);
    const phase = findPhase(project, phaseKey);
    const plan = await findPlan(em, phase.id);
    const template = plan ? await this.templates.byId(plan.template_version_id, em) : await this.templates.latest(`plan_${phase.key}`, em);
    const content = plan?.content ?? templateDefaults(template.sections, lang);
    const budget = await readBudget(em, phase.id);
    const settings = plan?.cost_sharing ?? DEFAULT_SHARING;
    const snapshots = plan ? await findSnapshotSummaries(em, plan.id) : [];
    return {
      projectId,
      phaseKey: phase.key,
      version: plan?.version ?? 0,
      template,
      content,
      completeness: textCompleteness(planCompleteness(template.sections, content)),
      budget,
      costSharing: await costSharing(em, project, settings, budget.lines as BudgetLine[]),
      snapshots: snapshots.map((s) => ({
        number: s.number,
        reason: s.reason,
        label: s.label,
        createdAt: new Date(s.created_at).toISOString(),
        createdBy: s.created_by,
        templateVersion: s.template_version,
      })),
      changedSinceVersion: plan !== null && snapshots.length > 0 && snapshots[0].plan_version !== plan.version,
      editable: isPlanOpen(project, phase) && canOnProject(roles, project, 'edit'),
      updatedAt: plan ? new Date(plan.updated_at).toISOString() : null,
      updatedBy: plan?.updated_by_name ?? null,
      ownWorkHourlyRate: this.config.ownWorkHourlyRate,
    };
  }

  async update(projectId: string, phaseKey: string, dto: UpdatePlanDto, actor: Principal): Promise<PlanDto> {
    await this.change(projectId, phaseKey, dto.version, actor, async (tx, plan) => {
      const template = await this.templates.byId(plan.template_version_id, tx);
      const problems = validatePlanContent(template.sections, dto.content, actor.language);
      if (problems.length) {
        throw new DomainError(
          'VALIDATION_FAILED',
          problems.map((p) => `${p.field}: ${p.message}`).join('; '),
          problems.map((p) => ({ field: `content.${p.field}`, messages: [p.message] })),
        );
      }
      const next = mergePlanContent(plan.content, dto.content);
      await execute(tx, `UPDATE phase_plan SET content = $2 WHERE id = $1`, [plan.id, JSON.stringify(next)]);
      const changes = diffPlans(template.sections, plan.content, next);
      return {
        action: 'plan.updated',
        before: Object.fromEntries(changes.map((c) => [`${c.section}.${c.field}`, c.before])),
        after: Object.fromEntries(changes.map((c) => [`${c.section}.${c.field}`, c.after])),
      };
    });
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.language);
  }

  async saveBudget(projectId: string, phaseKey: string, dto: SaveBudgetDto, actor: Principal): Promise<PlanDto> {
    const lines = dto.lines.map((l, i) => normaliseLine(l, i));
    await this.change(projectId, phaseKey, dto.version, actor, async (tx, plan) => {
      const before = await readBudget(tx, plan.phase_id);
      await execute(tx, `DELETE FROM budget_line WHERE phase_id = $1`, [plan.phase_id]);
      for (const [i, l] of lines.entries()) {
        await execute(
          tx,
          `INSERT INTO budget_line (phase_id, position, kind, category, year, description, amount, hours, rate, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [plan.phase_id, i, l.kind, l.category, l.year, l.description ?? '', l.amount, l.hours ?? null, l.rate ?? null, l.status ?? null],
        );
      }
      const after = budgetTotals(lines as BudgetLine[]);
      return {
        action: 'budget.saved',
        before: { costs: before.totals.costs, financing: before.totals.financing, lines: before.lines.length },
        after: { costs: after.costs, financing: after.financing, lines: lines.length },
      };
    });
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.language);
  }

  async saveCostSharing(projectId: string, phaseKey: string, dto: SaveCostSharingDto, actor: Principal): Promise<PlanDto> {
    await this.change(projectId, phaseKey, dto.version, actor, async (tx, plan) => {
      const settings: CostSharingSettingsDto = {
        equalPercent: dto.equalPercent,
        populationDate: dto.populationDate ?? null,
        year: dto.year ?? null,
      };
      const { reason: problem } = await costSharing(
        tx,
        { id: projectId },
        settings,
        (await readBudget(tx, plan.phase_id)).lines as BudgetLine[],
      );
      if (problem && isSettingsProblem(problem, { year: settings.year ?? null, populationDate: settings.populationDate ?? null }))
        throw costSharingRefusal(problem);
      await execute(tx, `UPDATE phase_plan SET cost_sharing = $2 WHERE id = $1`, [plan.id, JSON.stringify(settings)]);
      return { action: 'cost_sharing.saved', before: { ...plan.cost_sharing }, after: { ...settings } };
    });
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.language);
  }

  async saveSnapshot(projectId: string, phaseKey: string, label: string | undefined, actor: Principal): Promise<PlanDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const phase = findPhase(await locked.aggregate(), phaseKey);
      const plan = await findPlan(tx, phase.id, true);
      if (!plan) throw new DomainError('INVALID_STATE', 'Save the plan before you keep a version of it.');
      const number = await this.snapshot(tx, plan, 'saved', actor.userId, label ?? null);
      return {
        history: { action: 'plan.version_saved', entityType: 'plan', entityId: phase.key, after: { number, label: label ?? null } },
      };
    });
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.language);
  }

  async getSnapshot(projectId: string, phaseKey: string, number: number): Promise<SnapshotDto> {
    const project = await loadProject(this.db.manager, projectId);
    const phase = findPhase(project, phaseKey);
    const s = await findSnapshot(this.db.manager, phase.id, number);
    if (!s) throw new DomainError('NOT_FOUND', `The ${phase.key} plan has no version ${number}.`);
    return {
      number: s.number,
      reason: s.reason,
      label: s.label,
      createdAt: new Date(s.created_at).toISOString(),
      createdBy: s.created_by_name,
      templateVersion: s.template_version,
      content: s.content,
      budget: { lines: s.budget, totals: budgetTotals(s.budget) },
      template: await this.templates.byId(s.template_version_id),
    };
  }

  async compare(
    projectId: string,
    phaseKey: string,
    from: string,
    to: string,
    roles: readonly RoleAssignment[],
  ): Promise<PlanComparisonDto> {
    const side = async (which: string) => {
      if (which === 'current') {
        const p = await this.get(projectId, phaseKey, roles);
        return { content: p.content, budget: p.budget, sections: p.template.sections };
      }
      const n = Number(which);
      if (!Number.isInteger(n) || n < 1)
        throw new DomainError('VALIDATION_FAILED', `"${which}" is neither a version number nor "current".`, [
          { field: 'from/to', messages: ['must be a version number or current'] },
        ]);
      const s = await this.getSnapshot(projectId, phaseKey, n);
      return { content: s.content, budget: s.budget, sections: s.template.sections };
    };
    const [a, b] = [await side(from), await side(to)];
    const changes = diffPlans(b.sections, a.content, b.content).map((c) => ({
      ...c,
      sectionTitle: toText(c.sectionTitle),
      label: toText(c.label),
    }));
    return { from, to, changes, budgetBefore: a.budget.totals, budgetAfter: b.budget.totals };
  }

  /**
   * Freezes the next phase's plan as it goes to decision with its gate (called inside the submission's
   * transaction): the version the owner decides on. Null when the phase has no plan yet.
   */
  async freezeSubmitted(tx: EntityManager, phaseId: string, actorId: string): Promise<{ number: number; version: number } | null> {
    const plan = await findPlan(tx, phaseId, true);
    return plan ? { number: await this.snapshot(tx, plan, 'submitted', actorId, null), version: plan.version } : null;
  }

  /** The section keys of the template a phase's plan is written from (its own version, else the newest). */
  async sectionKeys(em: EntityManager, phaseId: string, phaseKey: string): Promise<string[]> {
    const plan = await findPlan(em, phaseId);
    const template = plan ? await this.templates.byId(plan.template_version_id, em) : await this.templates.latest(`plan_${phaseKey}`, em);
    return template.sections.map((s) => s.key);
  }

  /** Freezes the plan the regionråd just approved (called inside the decision's transaction). */
  async freezeApproved(tx: EntityManager, phaseId: string, actorId: string): Promise<number | null> {
    const plan = await findPlan(tx, phaseId, true);
    return plan ? this.snapshot(tx, plan, 'approved', actorId, null) : null;
  }

  private async snapshot(
    tx: EntityManager,
    plan: PlanRecord,
    reason: 'approved' | 'saved' | 'submitted',
    actorId: string,
    label: string | null,
  ): Promise<number> {
    const budget = await readBudget(tx, plan.phase_id);
    const next = await nextSnapshotNumber(tx, plan.id);
    await execute(
      tx,
      `INSERT INTO phase_plan_snapshot (plan_id, number, reason, label, content, budget, cost_sharing, template_version_id, plan_version, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        plan.id,
        next,
        reason,
        label,
        JSON.stringify(plan.content),
        JSON.stringify(budget.lines),
        JSON.stringify(plan.cost_sharing),
        plan.template_version_id,
        plan.version,
        actorId,
      ],
    );
    return next;
  }

  /** One change to a plan: locks the project, checks the plan is open and the version, bumps it, records history. */
  private async change(
    projectId: string,
    phaseKey: string,
    version: number,
    actor: Principal,
    work: (
      tx: EntityManager,
      plan: PlanRecord,
    ) => Promise<{ action: ProjectHistoryAction; before: Record<string, unknown>; after: Record<string, unknown> }>,
  ): Promise<void> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await locked.aggregate();
      const phase = findPhase(project, phaseKey);
      if (!isPlanOpen(project, phase)) throw new DomainError('INVALID_STATE', planClosedReason(project, phase));
      let plan = await findPlan(tx, phase.id, true);
      if ((plan?.version ?? 0) !== version) throw versionConflict('plan', version, plan?.version ?? 0);
      if (!plan) {
        const template = await this.templates.latest(`plan_${phase.key}`, tx);
        // A new plan starts with what the template prefills (the roles rows), in the writer's language.
        await execute(tx, `INSERT INTO phase_plan (phase_id, template_version_id, version, content) VALUES ($1, $2, 0, $3)`, [
          phase.id,
          template.id,
          JSON.stringify(templateDefaults(template.sections, actor.language)),
        ]);
        plan = (await findPlan(tx, phase.id, true)) as PlanRecord;
      }
      const { action, before, after } = await work(tx, plan);
      await execute(tx, `UPDATE phase_plan SET version = version + 1, updated_at = now(), updated_by = $2 WHERE id = $1`, [
        plan.id,
        actor.userId,
      ]);
      return { history: { action, entityType: 'plan', entityId: phase.key, before, after } };
    });
  }
}

/** The completeness with its section titles and labels as texts in every language (old templates: bokmål). */
function textCompleteness(c: PlanCompleteness): CompletenessDto {
  return { ...c, missing: c.missing.map((m) => ({ ...m, sectionTitle: toText(m.sectionTitle), label: toText(m.label) })) };
}

/** A plan can change while its phase has not ended and the regionråd is not deciding on it. */
function isPlanOpen(project: ProjectAggregate, phase: PhaseRow): boolean {
  return project.status === 'active' && phase.state !== 'completed' && phase.state !== 'stopped' && !decidingOn(project, phase);
}

function decidingOn(project: ProjectAggregate, phase: PhaseRow): boolean {
  const previous = project.phases.find((p) => p.position === phase.position - 1);
  return previous?.state === 'awaiting_decision' || phase.state === 'awaiting_decision';
}

function planClosedReason(project: ProjectAggregate, phase: PhaseRow): string {
  if (project.status !== 'active') return `The project is ${project.status}; its plans are closed.`;
  if (decidingOn(project, phase)) return 'The regionråd is deciding on this plan; it cannot change until the decision is made.';
  return `The ${phase.key} has ended; its plan is kept as it was.`;
}

export async function readBudget(em: EntityManager, phaseId: string): Promise<BudgetDto> {
  const lines = await findBudgetLines(em, phaseId);
  return { lines, totals: budgetTotals(lines) };
}

function normaliseLine(l: BudgetLineDto, i: number): BudgetLineDto {
  const field = `lines[${i}]`;
  const costCategories = ['project_management', 'rent_equipment', 'consultants', 'material_communication', 'meetings_travel', 'own_work'];
  const sources = ['innovasjon_norge', 'fylkeskommune', 'other_grants', 'kommuner_direct', 'own_work'];
  const allowed = l.kind === 'cost' ? costCategories : sources;
  if (!allowed.includes(l.category)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${field}.category: "${l.category}" is not a ${l.kind === 'cost' ? 'cost category' : 'financing source'} (${allowed.join(', ')}).`,
      [{ field: `${field}.category`, messages: [`must be one of ${allowed.join(', ')}`] }],
    );
  }
  if (l.category === 'own_work') {
    if (l.hours == null || l.rate == null) {
      throw new DomainError('VALIDATION_FAILED', `${field}: own work (egeninnsats) needs hours and an hourly rate.`, [
        { field: `${field}.hours`, messages: ['hours and rate are required for own work'] },
      ]);
    }
    return { ...l, amount: ownWorkAmount(l.hours, l.rate), status: l.kind === 'financing' ? (l.status ?? 'granted') : null };
  }
  return { ...l, hours: null, rate: null, status: l.kind === 'financing' ? (l.status ?? 'applied') : null };
}

/** The cost-sharing table for the project's participating kommuner, or the reason it cannot be made. */
async function costSharing(
  em: EntityManager,
  project: Pick<ProjectAggregate, 'id'>,
  settings: CostSharingSettingsDto,
  lines: BudgetLine[],
): Promise<CostSharingDto> {
  const total = kommunerContribution(lines, settings.year ?? undefined);
  const { parties: rows, excluded } = await findCostSplit(em, project.id, settings.populationDate ?? null);
  const problem = costShareProblem({
    total,
    equalPercent: settings.equalPercent,
    populationDate: settings.populationDate ?? null,
    year: settings.year ?? null,
    kommuner: rows,
  });
  if (problem) {
    const empty = { settings, total, rows: [], excluded, totalPopulation: 0, equalTotal: 0, populationTotal: 0 };
    return { ...empty, reason: problem };
  }
  const share = shareCosts({
    total,
    equalPercent: settings.equalPercent,
    kommuner: rows.map((r) => ({ id: r.id, name: r.name, population: r.population ?? 0 })),
  });
  return {
    ...share,
    settings,
    rows: share.rows.map((r) => {
      const party = rows.find((x) => x.id === r.id);
      return {
        ...r,
        numbers: party?.numbers ?? [],
        currentName: party?.currentName ?? r.name,
        populationAsOf: party?.populationAsOf ?? null,
      };
    }),
    excluded,
    reason: null,
  };
}

/**
 * A 422 refusal of settings whose table cannot be made, with the code of the problem and the field
 * to change (the message names the kommuner or the year).
 */
function costSharingRefusal(problem: CostShareProblem): DomainError {
  const { kommuner = [], populationDate = null, year = null } = problem.params;
  switch (problem.code) {
    case 'COST_SHARING_NO_POPULATION': {
      const message = `No population figure${populationDate ? ` on or before ${populationDate}` : ''} for ${kommuner.join(', ')}. Choose a later date, or share everything equally (equalPercent 100).`;
      return new DomainError('COST_SHARING_NO_POPULATION', message, [{ field: 'populationDate', messages: [message] }]).withParams({
        kommuner: kommuner.join(', '),
      });
    }
    case 'COST_SHARING_NO_CONTRIBUTION': {
      const message = `The budget has no direct contribution from the kommuner in ${year}, so there is nothing to share. Choose another year, or all years.`;
      const error = new DomainError('COST_SHARING_NO_CONTRIBUTION', message, [{ field: 'year', messages: [message] }]);
      return year === null ? error : error.withParams({ year });
    }
    case 'COST_SHARING_NO_KOMMUNER':
      if (populationDate) {
        const message = `None of the project’s kommuner was a member of the region on ${populationDate} (and existed then). Choose a later date.`;
        return new DomainError('COST_SHARING_NO_PARTIES', message, [{ field: 'populationDate', messages: [message] }]);
      }
      return new DomainError('INVALID_STATE', 'The project has no participating kommuner to share the costs between.');
  }
}
