import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  draftProposedDecision,
  kommunerContribution,
  nextPhaseKey,
  shareCosts,
  type PhaseKey,
  Lang,
  phaseSpec,
  RoleAssignment,
  templateText,
  todayInOslo,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { execute } from '../database/sql';
import { DeliverableService } from '../deliverables/deliverable.service';
import { GateService } from '../gates/gate.service';
import { KommuneCaseService } from '../kommune-cases/kommune-case.service';
import { findCostSharingKommuner } from '../plans/plan.queries';
import { PlanService } from '../plans/plan.service';
import type { ProjectDto } from '../projects/project.dto';
import { ProjectService } from '../projects/project.service';
import { caseDocument, minutesExtract, type CaseData, type CaseKommuneShare, type CaseStep, type MinutesData } from './case-document';
import {
  findCaseDeliverables,
  findCaseSteps,
  findCaseSubmissions,
  findConditions,
  findCurrentPlan,
  findKommuneCases,
  findPlanSnapshot,
  type CasePlanRecord,
  type CaseSubmissionRecord,
} from './case-document.queries';
import type { Block, DocModel } from './document-model';
import { date, enumLabel, kroner, label } from './labels';
import { renderDocx } from './render-docx';
import { planDocument } from './plan-document';
import { renderPdf } from './render-pdf';

/** The inputs of a saksframlegg, as the submission keeps them (see freezeCaseData). */
export type { CaseData } from './case-document';

export interface RenderedDocument {
  filename: string;
  contentType: string;
  data: Buffer;
}

const CONTENT_TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** Phase plans, deliverables and gate decisions as DOCX and PDF, laid out for the regionråd's meeting. */
@Injectable()
export class DocumentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectService,
    private readonly plans: PlanService,
    private readonly deliverables: DeliverableService,
    private readonly gates: GateService,
    private readonly kommuneCases: KommuneCaseService,
  ) {}

  async plan(
    projectId: string,
    phaseKey: string,
    roles: readonly RoleAssignment[],
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<RenderedDocument> {
    const [project, plan] = await Promise.all([
      this.projects.get(projectId, roles),
      this.plans.get(projectId, phaseKey, roles, undefined, lang),
    ]);
    const doc = planDocument(
      {
        project: {
          name: project.name,
          regionName: project.regionName,
          councilName: project.councilName,
          leader: project.leader?.name ?? null,
          kommuner: project.kommuner.map((k) => k.name),
        },
        plan,
        footer: footer(lang),
      },
      lang,
    );
    return this.render(doc, `${templateText(plan.template.title, lang)} – ${project.name}`, format);
  }

  async deliverable(
    projectId: string,
    deliverableId: string,
    roles: readonly RoleAssignment[],
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<RenderedDocument> {
    const [project, d] = await Promise.all([this.projects.get(projectId, roles), this.deliverables.get(projectId, deliverableId, roles)]);
    const spec = phaseSpec(d.phaseKey as never).deliverables.find((s) => s.key === d.key);
    const title = spec ? spec.title[lang] : d.title;
    const blocks: Block[] = [
      ...(spec ? [{ type: 'paragraph' as const, text: spec.description[lang], italic: true }] : []),
      ...(d.content.trim()
        ? d.content.split(/\n{2,}/).map((p) => ({ type: 'paragraph' as const, text: p }))
        : [{ type: 'paragraph' as const, text: label('notFilled', lang), italic: true }]),
    ];
    if (d.files.length)
      blocks.push({ type: 'heading', text: label('files', lang) }, { type: 'list', items: d.files.map((f) => f.filename) });
    if (d.notRequiredReason)
      blocks.push({ type: 'heading', text: label('notRequired', lang) }, { type: 'paragraph', text: d.notRequiredReason });
    if (d.reviewComment) blocks.push({ type: 'heading', text: label('reviewComment', lang) }, { type: 'paragraph', text: d.reviewComment });
    return this.render(
      {
        title,
        subtitle: project.name,
        meta: [
          [label('region', lang), project.regionName],
          [label('phase', lang), phaseSpec(d.phaseKey as never).title[lang]],
          [label('state', lang), enumLabel(d.state, lang)],
          [label('responsible', lang), d.owner?.name ?? '–'],
          [label('dueDate', lang), date(d.dueDate, lang)],
        ],
        blocks,
        footer: footer(lang),
      },
      `${title} – ${project.name}`,
      format,
    );
  }

  async gate(
    projectId: string,
    phaseKey: string,
    roles: readonly RoleAssignment[],
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<RenderedDocument> {
    const [project, gate] = await Promise.all([this.projects.get(projectId, roles), this.gates.get(projectId, phaseKey, roles)]);
    const spec = phaseSpec(gate.phaseKey);
    const phase = project.phases.find((p) => p.key === gate.phaseKey);
    const itemText = (i: (typeof gate.readiness.items)[number]): string => {
      switch (i.kind) {
        case 'deliverable':
          return spec.deliverables.find((d) => d.key === i.key)?.title[lang] ?? i.key;
        case 'next_phase_plan':
          return label('nextPlanItem', lang);
        case 'checkpoint':
          return spec.checkpoints.find((c) => c.key === i.key)?.title[lang] ?? i.key;
        case 'budget':
          return `${label('budgetItem', lang)} (${kroner(Number(i.params?.costs ?? 0), lang)} / ${kroner(Number(i.params?.financing ?? 0), lang)} kr)`;
        case 'duration':
          return `${label('durationItem', lang)}: ${i.params?.months} ${label('months', lang)}`;
        default:
          return i.key;
      }
    };
    // Once submitted, the checklist is the one the regionråd received, not today's.
    const readiness = gate.submissions[0]?.readiness ?? gate.readiness;
    const blocks: Block[] = [
      { type: 'heading', text: label('readiness', lang) },
      {
        type: 'table',
        head: [label('item', lang), label('status', lang)],
        rows: readiness.items.map((i) => [itemText(i) ?? i.key, label(i.status as 'ok' | 'missing' | 'warning', lang)]),
      },
      { type: 'heading', text: label('checkpoints', lang) },
      {
        type: 'table',
        head: [label('item', lang), label('status', lang), label('comment', lang)],
        rows: gate.checkpoints.map((c) => [
          spec.checkpoints.find((x) => x.key === c.key)?.title[lang] ?? c.key,
          label(c.checked ? 'ok' : 'missing', lang),
          c.comment ?? '',
        ]),
      },
    ];
    const latest = gate.submissions[0];
    if (latest) {
      blocks.push(
        { type: 'heading', text: label('submission', lang) },
        { type: 'paragraph', text: `${label('submittedBy', lang)}: ${latest.submittedBy ?? '–'}, ${date(latest.submittedAt, lang)}` },
      );
      if (latest.note) blocks.push({ type: 'paragraph', text: latest.note });
    }
    blocks.push({ type: 'heading', text: label('decision', lang) });
    const decision = latest?.decision;
    if (decision) {
      blocks.push({
        // Label/value pairs: no heading row (an empty column heading reads as a blank).
        type: 'table',
        head: [label('item', lang), label('decision', lang)],
        noHead: true,
        widths: [1, 2],
        rows: [
          [label('outcome', lang), enumLabel(decision.outcome, lang)],
          [label('meetingDate', lang), date(decision.meetingDate, lang)],
          [label('caseNumber', lang), decision.caseNumber],
        ],
      });
      blocks.push({ type: 'paragraph', text: decision.decisionText });
      if (decision.conditions) blocks.push({ type: 'paragraph', text: `${label('conditions', lang)}: ${decision.conditions}` });
    } else {
      blocks.push({ type: 'paragraph', text: label('noDecision', lang), italic: true });
    }
    const title = `${label('decisionBasis', lang)}: ${spec.title[lang]}`;
    return this.render(
      {
        title,
        subtitle: project.name,
        meta: [
          [label('region', lang), project.regionName],
          [label('owner', lang), project.councilName],
          [label('leader', lang), project.leader?.name ?? '–'],
          [label('state', lang), enumLabel(gate.phaseState, lang)],
          [label('phase', lang), `${date(phase?.actualStart, lang)} – ${phase?.actualEnd ? date(phase.actualEnd, lang) : ''}`],
        ],
        blocks,
        footer: footer(lang),
      },
      `${title} – ${project.name}`,
      format,
    );
  }

  /**
   * The saksframlegg of the phase's newest submission for one body on its case route: the given step,
   * else the body holding the case now, else the deciding body.
   */
  async caseDocument(
    projectId: string,
    phaseKey: string,
    stepId: string | undefined,
    roles: readonly RoleAssignment[],
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<RenderedDocument> {
    const project = await this.projects.get(projectId, roles);
    const phase = phaseOf(project, phaseKey);
    const [submission] = await findCaseSubmissions(this.db.manager, phase.id);
    if (!submission)
      throw new DomainError(
        'CASE_DOCUMENT_NO_SUBMISSION',
        `The ${phase.key} has not been submitted for decision yet; the case document is made from the submitted package. Submit the phase first.`,
      );
    const data = await this.caseData(project, phase, submission);
    let step: CaseStep | null;
    if (stepId) {
      step = data.steps.find((s) => s.id === stepId) ?? null;
      if (!step)
        throw new DomainError(
          'CASE_DOCUMENT_STEP_NOT_FOUND',
          `The case of the ${phase.key} has no step ${stepId}; its route is ${data.steps.map((s) => s.bodyName).join(' → ') || 'the regionråd alone'}.`,
        );
    } else {
      // The steps come in route order: the first one not handled holds the case.
      step = data.steps.find((s) => !s.handled) ?? data.steps.find((s) => s.decides) ?? null;
    }
    const doc = caseDocument(data, step, lang);
    return this.render(doc, `${label('caseDocument', lang)} – ${step?.bodyName ?? project.councilName} – ${project.name}`, format);
  }

  /**
   * Keeps the inputs of a submission's saksframlegg as they stand now, inside the submission's transaction
   * (`tx` sees the new submission, its route and its kommune cases), so the archive can render it as it was.
   */
  async freezeCaseData(
    tx: EntityManager,
    projectId: string,
    phaseKey: string,
    submissionId: string,
    roles: readonly RoleAssignment[],
  ): Promise<void> {
    const project = await this.projects.get(projectId, roles, tx);
    const phase = phaseOf(project, phaseKey);
    const submission = (await findCaseSubmissions(tx, phase.id)).find((s) => s.id === submissionId);
    if (!submission) throw new Error(`submission ${submissionId} is not in the ${phaseKey}`);
    const data = await this.caseData(project, phase, submission, tx);
    await execute(
      tx,
      `INSERT INTO gate_submission_case_data (submission_id, case_data) VALUES ($1, $2)
       ON CONFLICT (submission_id) DO UPDATE SET case_data = EXCLUDED.case_data, created_at = now()`,
      [submissionId, JSON.stringify(data)],
    );
  }

  /** A saksframlegg rendered from inputs kept at submission (see freezeCaseData), for one body on its route. */
  async frozenCaseDocument(data: CaseData, stepId: string | null, lang: Lang): Promise<RenderedDocument> {
    const step = (stepId ? data.steps.find((s) => s.id === stepId) : null) ?? null;
    const doc = caseDocument(data, step, lang);
    return this.render(doc, `${label('caseDocument', lang)} – ${step?.bodyName ?? data.project.councilName} – ${data.project.name}`, 'pdf');
  }

  /** The protokollutdrag of a decided submission (default: the newest decided one); 409 while nothing is decided. */
  async minutesExtract(
    projectId: string,
    phaseKey: string,
    submissionId: string | undefined,
    roles: readonly RoleAssignment[],
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<RenderedDocument> {
    const project = await this.projects.get(projectId, roles);
    const phase = phaseOf(project, phaseKey);
    const submissions = await findCaseSubmissions(this.db.manager, phase.id);
    let submission: CaseSubmissionRecord | undefined;
    if (submissionId) {
      submission = submissions.find((s) => s.id === submissionId);
      if (!submission)
        throw new DomainError('CASE_DOCUMENT_SUBMISSION_NOT_FOUND', `The ${phase.key} has no submission with id ${submissionId}.`);
    } else {
      submission = submissions.find((s) => s.decision_id !== null) ?? submissions[0];
    }
    if (!submission || submission.decision_id === null)
      throw new DomainError(
        'MINUTES_NO_DECISION',
        submission
          ? `The ${phase.key} case has not been decided yet (it is with ${await this.holder(submission.id, project.councilName)}); the extract of the minutes is made once the decision is recorded.`
          : `The ${phase.key} has not been submitted for decision, so there are no minutes to extract.`,
      );
    const data = await this.caseData(project, phase, submission);
    const conditions = await findConditions(this.db.manager, submission.decision_id);
    const minutes: MinutesData = {
      ...data,
      decision: {
        outcome: submission.outcome,
        meetingDate: submission.meeting_date,
        caseNumber: submission.case_number,
        decisionText: submission.decision_text,
        conditionsText: submission.conditions,
        bodyName: submission.decision_body_name,
        decidedBy: submission.decided_by_name,
        stepId: submission.decision_step_id,
      },
      conditions: conditions.map((c) => ({ text: c.text, owner: c.owner_name, dueDate: c.due_date, state: c.state })),
    };
    const doc = minutesExtract(minutes, lang);
    return this.render(doc, `${label('minutesExtract', lang)} – ${minutes.decision.caseNumber} – ${project.name}`, format);
  }

  private async holder(submissionId: string, councilName: string): Promise<string> {
    const steps = await findCaseSteps(this.db.manager, submissionId);
    return steps.find((s) => !s.handled)?.body_name ?? steps.find((s) => s.decides)?.body_name ?? councilName;
  }

  /** Everything a case document shows, read for one submission. */
  private async caseData(
    project: ProjectDto,
    phase: ProjectDto['phases'][number],
    submission: CaseSubmissionRecord,
    em: EntityManager = this.db.manager,
  ): Promise<CaseData> {
    const nextKey = nextPhaseKey(phase.key);
    const nextPhase = nextKey ? (project.phases.find((p) => p.key === nextKey) ?? null) : null;
    const steps = await findCaseSteps(em, submission.id);
    const allDeliverables = await findCaseDeliverables(em, phase.id);
    const inPackage = submission.package?.deliverables?.map((d) => d.id);
    const deliverables = inPackage?.length ? allDeliverables.filter((d) => inPackage.includes(d.id)) : allDeliverables;
    let plan: CasePlanRecord | null = null;
    if (nextPhase) {
      const number = submission.package?.plan?.snapshotNumber ?? null;
      plan = (number !== null ? await findPlanSnapshot(em, nextPhase.id, number, null) : null) ?? (await findCurrentPlan(em, nextPhase.id));
    }
    const cases = await findKommuneCases(em, submission.id);
    let shares: CaseData['shares'];
    if (cases.length) {
      shares = {
        source: 'cases',
        rows: cases.map((c): CaseKommuneShare => ({
          kommuneId: c.kommune_id,
          kommuneName: c.kommune_name,
          share: c.share,
          kommuneCase: {
            deadline: c.deadline,
            outcome: c.outcome,
            amountCommitted: c.amount_committed,
            meetingDate: c.meeting_date,
            caseNumber: c.case_number,
          },
        })),
        // The consequence of a "no" exactly as the gate shows it.
        continuing:
          (await this.kommuneCases.forSubmission(em, submission.id))?.continuing?.map((c) => ({
            kommuneId: c.kommuneId,
            share: c.after,
          })) ?? null,
      };
    } else {
      shares = { source: 'plan', rows: plan ? await this.planShares(project.id, plan, em) : [] };
    }
    return {
      project: {
        name: project.name,
        description: project.description,
        regionName: project.regionName,
        councilName: project.councilName,
        kommuner: project.kommuner.map((k) => k.name),
      },
      phase: {
        key: phase.key,
        plannedStart: phase.plannedStart,
        plannedEnd: phase.plannedEnd,
        actualStart: phase.actualStart,
        actualEnd: phase.actualEnd,
      },
      nextPhase: nextPhase ? { key: nextPhase.key, plannedStart: nextPhase.plannedStart, plannedEnd: nextPhase.plannedEnd } : null,
      submission: {
        id: submission.id,
        submittedOn: submission.submitted_on,
        submittedBy: submission.submitted_by_name,
        note: submission.note,
        proposedDecision: submission.proposed_decision,
        proposedIsDraft: submission.proposed_decision?.trim() === gateDraft(phase.key, steps, plan, submission).trim(),
      },
      steps: steps.map((s) => ({
        id: s.id,
        position: s.position,
        bodyName: s.body_name,
        bodyKind: s.body_kind,
        decides: s.decides,
        meetingDate: s.meeting_date,
        caseNumber: s.case_number,
        recommendedOutcome: s.recommended_outcome,
        recommendation: s.recommendation,
        handled: s.handled,
      })),
      deliverables: deliverables.map((d) => ({ key: d.catalogue_key, title: d.title, content: d.content, files: d.files, state: d.state })),
      plan: plan
        ? {
            source: plan.reason === 'current' ? 'current' : 'submitted',
            number: plan.number,
            changedSinceVersion: plan.changed ?? false,
            templateTitle: plan.template_title,
            content: plan.content ?? {},
            budget: plan.budget.map((l) => ({ kind: l.kind, category: l.category, year: l.year, amount: Number(l.amount) })),
            equalPercent: plan.cost_sharing?.equalPercent ?? 50,
            shareYear: plan.cost_sharing?.year ?? null,
          }
        : null,
      shares,
      today: todayInOslo(),
    };
  }

  /** The kommuner's shares by the plan's cost sharing (empty when there is nothing to share or no figures to share by). */
  private async planShares(projectId: string, plan: CasePlanRecord, em: EntityManager): Promise<CaseKommuneShare[]> {
    const settings = plan.cost_sharing ?? { equalPercent: 50, populationDate: null, year: null };
    const lines = plan.budget.map((l) => ({ kind: l.kind, category: l.category as never, year: l.year, amount: Number(l.amount) }));
    const total = kommunerContribution(lines, settings.year ?? undefined);
    if (total <= 0) return [];
    const kommuner = await findCostSharingKommuner(em, projectId, settings.populationDate ?? null);
    try {
      const share = shareCosts({
        total,
        equalPercent: settings.equalPercent,
        kommuner: kommuner.map((k) => ({ id: k.id, name: k.name, population: k.population ?? 0 })),
      });
      return share.rows.map((r) => ({ kommuneId: r.id, kommuneName: r.name, share: r.amount }));
    } catch {
      return [];
    }
  }

  private async render(doc: DocModel, name: string, format: 'pdf' | 'docx'): Promise<RenderedDocument> {
    const data = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
    return { filename: `${name.replace(/[\\/:*?"<>|]/g, '-')}.${format}`, contentType: CONTENT_TYPES[format], data };
  }
}

/** The proposed decision the gate drafts when the phase is submitted (see GateService.submit), to tell it from an edited one. */
function gateDraft(
  phaseKey: PhaseKey,
  steps: readonly { decides: boolean; body_name: string }[],
  plan: CasePlanRecord | null,
  submission: CaseSubmissionRecord,
): string {
  const lines = (plan?.budget ?? []).map((l) => ({ kind: l.kind, category: l.category as never, year: l.year, amount: Number(l.amount) }));
  return draftProposedDecision({
    bodyName: steps.find((s) => s.decides)?.body_name ?? 'Regionrådet',
    phaseKey,
    nextPhaseKey: nextPhaseKey(phaseKey),
    costs: submission.package?.budget?.costs ?? lines.filter((l) => l.kind === 'cost').reduce((s, l) => s + l.amount, 0),
    kommunerContribution: kommunerContribution(lines),
  });
}

function phaseOf(project: ProjectDto, key: string): ProjectDto['phases'][number] & { key: PhaseKey } {
  const phase = project.phases.find((p) => p.key === key);
  if (!phase)
    throw new DomainError('PHASE_NOT_FOUND', `The project has no phase "${key}"; phases are forstudie, forprosjekt and hovedprosjekt.`);
  return phase;
}

function footer(lang: Lang): string {
  return `${label('printed', lang)} ${date(todayInOslo(), lang)} ${label('from', lang)}`;
}
