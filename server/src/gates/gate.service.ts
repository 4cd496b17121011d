import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  kommuneCaseOpen,
  packageChanges,
  phaseSpec,
  planCompleteness,
  type PhaseKey,
  type RoleAssignment,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import { CaseRouteService } from '../case-route/case-route.service';
import { DomainError } from '../common/domain-error';
import { mapFile } from '../files/file.service';
import { KommuneCaseService } from '../kommune-cases/kommune-case.service';
import { phaseReadiness, type DeliverableRow, type PhaseRow } from '../projects/project-queries';
import { CheckpointDto, ConditionDto, DecisionDto, GateDto, SubmissionDto } from './gate.dto';
import {
  DecisionColumns,
  findGateView,
  GateCheckpointRecord,
  GateConditionRecord,
  GateDeliverableRecord,
  GatePhaseRecord,
  GateSubmissionRecord,
  GateViewRecord,
} from './gate.queries';

/**
 * The gate of a phase as a person sees it: readiness, checkpoints, submissions and decisions, conditions,
 * the case's route and the kommuner's cases, and what the person may do. One statement (gate.queries.ts),
 * which reads the newest submission's case steps and kommune cases as case-route/ and kommune-cases/ do.
 */
@Injectable()
export class GateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly caseRoute: CaseRouteService,
    private readonly kommuneCases: KommuneCaseService,
  ) {}

  /** The gate as `roles` see it; `userId` (who asks) lets a condition's owner mark their own condition met. */
  async get(
    projectId: string,
    phaseKey: string,
    roles: readonly RoleAssignment[],
    em: EntityManager = this.db.manager,
    userId: string | null = null,
  ): Promise<GateDto> {
    const view = await findGateView(em, projectId, phaseKey);
    if (!view) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
    const { phase, next } = gatePhases(view, phaseKey);
    const spec = phaseSpec(phase.key);
    const { submissions, conditions } = view;
    const newest = submissions[0] ?? null;
    const scope = { id: view.id, regionId: view.region_id };
    const can = (action: Parameters<typeof canOnProject>[2]) => canOnProject(roles, scope, action);
    const active = view.status === 'active';
    const awaiting = active && phase.state === 'awaiting_decision';
    const pending = phase.state === 'awaiting_decision' ? (submissions.find((s) => s.decision_id === null) ?? null) : null;
    const kommuneCases = newest ? this.kommuneCases.fromRead(view.kommune_cases) : null;
    // Conditions are followed up while the phase following them up is in progress.
    const followedUp = (c: GateConditionRecord) => view.phases.find((p) => p.id === c.phase_id)?.state === 'in_progress';
    const openHere = conditions.filter((c) => c.state === 'open' && followedUp(c));
    return {
      projectId,
      phaseKey: phase.key,
      phaseState: phase.state,
      readiness: phaseReadiness({ phases: next ? [phase, next] : [phase] }, phase),
      checkpoints: spec.checkpoints.map((c) =>
        toCheckpointDto(
          c.key,
          view.checkpoints.find((r) => r.checkpoint_key === c.key),
        ),
      ),
      submissions: submissions.map((s) => toSubmissionDto(s, conditions)),
      pendingSubmissionId: pending?.id ?? null,
      caseRoute: newest ? this.caseRoute.stepsFrom(view.steps) : [],
      kommuneCases,
      conditions: conditions.map(toConditionDto),
      proposedDecision: newest?.proposed_decision ?? null,
      changesSinceLast: submissions.length > 1 ? packageChanges(submissions[1].package, submissions[0].package) : [],
      permissions: {
        submit: active && phase.state === 'in_progress' && can('submit'),
        decide: awaiting && can('decide'),
        handleStep: awaiting && can('decide'),
        // The one rule for when a kommune case takes a decision (shared with the kommune-case service).
        recordKommune:
          can('record_kommune') &&
          kommuneCases !== null &&
          newest !== null &&
          kommuneCaseOpen({ projectStatus: view.status, phaseState: phase.state, decision: newest.outcome ?? null }),
        editProposedDecision: awaiting && pending !== null && can('decide'),
        resolveConditions: active && openHere.some((c) => can('edit') || (userId !== null && c.owner_user_id === userId)),
        waiveConditions: active && conditions.some(followedUp) && can('decide'),
      },
    };
  }
}

/**
 * The phase and the one after it as the readiness checklist reads them (phaseReadiness in project-queries.ts):
 * the phase with its deliverables, checkpoints and open conditions; the next phase with its budget and plan.
 * What the checklist does not read (the phase's own budget and plan, the next phase's deliverables) is left empty.
 */
function gatePhases(view: GateViewRecord, phaseKey: string): { phase: PhaseRow; next: PhaseRow | null } {
  const row = view.phases.find((p) => p.phase_key === phaseKey);
  if (!row)
    throw new DomainError(
      'PHASE_NOT_FOUND',
      `The project has no phase "${phaseKey}"; phases are forstudie, forprosjekt and hovedprosjekt.`,
    );
  const newest = view.submissions[0];
  const phase: PhaseRow = {
    ...phaseRow(row),
    deliverables: view.deliverables
      .map(toDeliverableRow)
      .sort((a, b) => catalogueOrder(row.phase_key, a.key) - catalogueOrder(row.phase_key, b.key)),
    checkpoints: view.checkpoints.map((c) => ({ key: c.checkpoint_key, checked: c.checked })),
    openConditions: view.conditions
      .filter((c) => c.phase_id === row.id && c.state === 'open')
      .sort((a, b) => byDueDate(a.due_date, b.due_date) || a.position - b.position)
      .map((c) => ({ id: c.id, text: c.text, dueDate: c.due_date, state: 'open' as const })),
    sentBack: newest?.outcome === 'sent_back' ? { decisionText: newest.decision_text, reopened: newest.reopened } : null,
  };
  const nextRow = view.phases.find((p) => p.position === row.position + 1);
  if (!nextRow) return { phase, next: null };
  const plan = view.next_plan;
  const completeness = plan?.sections ? planCompleteness(plan.sections, plan.content ?? {}) : null;
  const budget = view.next_budget;
  const next: PhaseRow = {
    ...phaseRow(nextRow),
    budget: { costs: Number(budget?.costs ?? 0), financing: Number(budget?.financing ?? 0), costLines: budget?.cost_lines ?? 0 },
    plan: completeness && { missing: completeness.missing.length, total: completeness.required, version: plan?.plan_version ?? 0 },
  };
  return { phase, next };
}

function phaseRow(r: GatePhaseRecord): PhaseRow {
  return {
    id: r.id,
    key: r.phase_key,
    position: r.position,
    state: r.state,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    version: r.version,
    deliverables: [],
    checkpoints: [],
    budget: { costs: 0, financing: 0, costLines: 0 },
    plan: null,
    openConditions: [],
    sentBack: null,
  };
}

function toDeliverableRow(d: GateDeliverableRecord): DeliverableRow {
  return {
    id: d.id,
    phaseId: d.phase_id,
    key: d.catalogue_key,
    title: d.title,
    required: d.required,
    state: d.state,
    owner:
      d.owner_id !== null && d.owner_name !== null && d.owner_email !== null
        ? { id: d.owner_id, name: d.owner_name, email: d.owner_email }
        : null,
    dueDate: d.due_date,
    notRequiredReason: d.not_required_reason,
    fileCount: d.file_count,
    hasContent: d.has_content,
    reviewComment: d.review_comment,
    version: d.version,
  };
}

/** Deliverables in the catalogue's order; the project's own after them (as loadProject orders them). */
function catalogueOrder(phaseKey: PhaseKey, key: string | null): number {
  const i = phaseSpec(phaseKey).deliverables.findIndex((d) => d.key === key);
  return i < 0 ? 1000 : i;
}

/** Due dates ascending, none last (ORDER BY due_date NULLS LAST). */
function byDueDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function toCheckpointDto(key: string, row: GateCheckpointRecord | undefined): CheckpointDto {
  return {
    key,
    checked: row?.checked ?? false,
    comment: row?.comment ?? null,
    updatedBy: row?.updated_by ?? null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

function toSubmissionDto(s: GateSubmissionRecord, conditions: readonly GateConditionRecord[]): SubmissionDto {
  return {
    id: s.id,
    submittedAt: new Date(s.submitted_at).toISOString(),
    submittedBy: s.submitted_by,
    note: s.note,
    readiness: s.readiness,
    package: s.package,
    proposedDecision: s.proposed_decision,
    decision: toDecisionDto(
      s,
      conditions.filter((c) => c.decision_id === s.decision_id),
    ),
  };
}

function toDecisionDto(d: DecisionColumns, conditions: readonly GateConditionRecord[]): DecisionDto | null {
  if (d.decision_id === null) return null;
  return {
    id: d.decision_id,
    outcome: d.outcome,
    meetingDate: d.meeting_date,
    caseNumber: d.case_number,
    decisionText: d.decision_text,
    conditions: d.conditions,
    decidedBy: d.decided_by,
    decidedAt: new Date(d.decided_at).toISOString(),
    bodyName: d.body_name,
    reopened: d.reopened,
    conditionItems: conditions.map((c) => ({ text: c.text, ownerUserId: c.owner_user_id, dueDate: c.due_date })),
    minutesFile:
      d.file_id === null
        ? null
        : mapFile({
            id: d.file_id,
            filename: d.filename,
            content_type: d.content_type,
            size_bytes: d.size_bytes,
            uploaded_at: new Date(d.uploaded_at),
          }),
  };
}

function toConditionDto(c: GateConditionRecord): ConditionDto {
  return {
    id: c.id,
    decisionId: c.decision_id,
    decidedInPhase: c.decided_in_phase,
    phaseKey: c.phase_key,
    position: c.position,
    text: c.text,
    ownerUserId: c.owner_user_id,
    ownerName: c.owner_name,
    dueDate: c.due_date,
    state: c.state,
    resolutionNote: c.resolution_note,
    file:
      c.file_id === null || c.filename === null || c.content_type === null || c.size_bytes === null || c.uploaded_at === null
        ? null
        : mapFile({
            id: c.file_id,
            filename: c.filename,
            content_type: c.content_type,
            size_bytes: c.size_bytes,
            uploaded_at: new Date(c.uploaded_at),
          }),
    resolvedBy: c.resolved_by,
    resolvedAt: c.resolved_at ? new Date(c.resolved_at).toISOString() : null,
    version: c.version,
  };
}
