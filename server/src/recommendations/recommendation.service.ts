import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  mayMoveRecommendation,
  templateDefaults,
  type Lang,
  type NeedCategory,
  type PlanContent,
  type ProjectHistoryAction,
  type RecommendationStatus,
  type SubGoal,
  type SurveyQuestion,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail, queryRows, type SqlRunner } from '../database/sql';
import { findPlan } from '../plans/plan.queries';
import { ChangeRecord, expectVersion, LockedProject, ProjectChanges } from '../projects/project-changes';
import type { PhaseRow, ProjectAggregate } from '../projects/project-queries';
import { TemplateService } from '../templates/template.service';
import {
  CreateRecommendationDto,
  EvidenceRefDto,
  EvidenceRefViewDto,
  MoveRecommendationDto,
  RecommendationDto,
  RecommendationStatusDto,
  UpdateRecommendationDto,
} from './recommendation.dto';
import type { EvidenceRef } from './recommendation.entity';

/** One row of the register (RECOMMENDATION_SQL). */
interface RecommendationRecord {
  id: string;
  project_id: string;
  position: number;
  title: string;
  reasoning: string;
  evidence: string;
  evidence_refs: EvidenceRef[];
  models_compared: string;
  needs: NeedCategory[];
  status: RecommendationStatus;
  status_note: string;
  subgoal_key: string | null;
  version: number;
}

const RECOMMENDATION_SQL = `SELECT id, project_id, position, title, reasoning, evidence, evidence_refs, models_compared, needs, status,
       status_note, subgoal_key, version FROM recommendation`;

/** The owner's outcomes: only the regionråd (project 'decide') gives them, or takes them back. */
const OWNER_OUTCOMES: readonly RecommendationStatus[] = ['adopted', 'rejected', 'examine_next'];

/** The phase whose plan takes adopted recommendations as sub-goals: the one after the forstudie, where they are made. */
const TARGET_PHASE = 'forprosjekt';
const ACTIVE_ONLY = { activeOnly: 'its recommendations can no longer change' };

/**
 * The forstudie's recommendations register: each anbefaling with its begrunnelse and evidence, in order,
 * put to the owner and adopted, rejected or sent on for examination; adopted ones become sub-goals (delmål)
 * of the forprosjekt plan.
 */
@Injectable()
export class RecommendationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
    private readonly templates: TemplateService,
  ) {}

  async list(projectId: string, em: SqlRunner = this.db): Promise<RecommendationDto[]> {
    const rows = await queryRows<RecommendationRecord>(em, `${RECOMMENDATION_SQL} WHERE project_id = $1 ORDER BY position, created_at`, [
      projectId,
    ]);
    const labels = await evidenceLabels(em, projectId);
    return rows.map((r) => mapRecommendation(r, labels));
  }

  async get(projectId: string, recommendationId: string): Promise<RecommendationDto> {
    const r = await find(this.db, projectId, recommendationId);
    return mapRecommendation(r, await evidenceLabels(this.db, projectId));
  }

  async create(projectId: string, dto: CreateRecommendationDto, actor: Principal): Promise<RecommendationDto> {
    const id = await this.changes.run<string>(
      projectId,
      actor,
      async (tx) => {
        const refs = await checkEvidence(tx, projectId, dto.evidenceRefs ?? []);
        const values = {
          title: dto.title,
          reasoning: dto.reasoning ?? '',
          evidence: dto.evidence ?? '',
          evidenceRefs: refs,
          modelsCompared: dto.modelsCompared ?? '',
          needs: [...new Set(dto.needs ?? [])],
        };
        const row = await queryOneOrFail<{ id: string; position: number }>(
          tx,
          `INSERT INTO recommendation (project_id, position, title, reasoning, evidence, evidence_refs, models_compared, needs, created_by)
           VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM recommendation WHERE project_id = $1), $2, $3, $4, $5, $6, $7, $8)
           RETURNING id, position`,
          [
            projectId,
            values.title,
            values.reasoning,
            values.evidence,
            JSON.stringify(refs),
            values.modelsCompared,
            values.needs,
            actor.userId,
          ],
        );
        return {
          history: {
            action: 'recommendation.created',
            entityType: 'recommendation',
            entityId: row.id,
            after: { position: row.position, ...values },
          },
          result: row.id,
        };
      },
      ACTIVE_ONLY,
    );
    return this.get(projectId, id);
  }

  async update(projectId: string, recommendationId: string, dto: UpdateRecommendationDto, actor: Principal): Promise<RecommendationDto> {
    await this.changes.run(
      projectId,
      actor,
      async (tx) => {
        const r = await find(tx, projectId, recommendationId, true);
        expectVersion('recommendation', dto.version, r.version);
        if (r.status !== 'proposed') {
          throw new DomainError(
            'RECOMMENDATION_NOT_EDITABLE',
            `The recommendation is ${statusWords(r.status)}; its text stays as the owner saw it. Take it back to proposed to change it.`,
          );
        }
        const before = {
          title: r.title,
          reasoning: r.reasoning,
          evidence: r.evidence,
          evidenceRefs: r.evidence_refs,
          modelsCompared: r.models_compared,
          needs: r.needs,
        };
        const after = {
          title: dto.title ?? r.title,
          reasoning: dto.reasoning ?? r.reasoning,
          evidence: dto.evidence ?? r.evidence,
          evidenceRefs: dto.evidenceRefs ? await checkEvidence(tx, projectId, dto.evidenceRefs) : r.evidence_refs,
          modelsCompared: dto.modelsCompared ?? r.models_compared,
          needs: dto.needs ? [...new Set(dto.needs)] : r.needs,
        };
        await execute(
          tx,
          `UPDATE recommendation SET title = $2, reasoning = $3, evidence = $4, evidence_refs = $5, models_compared = $6, needs = $7,
                  version = version + 1, updated_at = now() WHERE id = $1`,
          [r.id, after.title, after.reasoning, after.evidence, JSON.stringify(after.evidenceRefs), after.modelsCompared, after.needs],
        );
        return { history: { action: 'recommendation.updated', entityType: 'recommendation', entityId: r.id, before, after } };
      },
      ACTIVE_ONLY,
    );
    return this.get(projectId, recommendationId);
  }

  async remove(projectId: string, recommendationId: string, actor: Principal): Promise<void> {
    await this.changes.run(
      projectId,
      actor,
      async (tx) => {
        const r = await find(tx, projectId, recommendationId, true);
        if (r.status !== 'proposed') {
          throw new DomainError(
            'RECOMMENDATION_NOT_EDITABLE',
            `The recommendation is ${statusWords(r.status)}; only a proposed recommendation can be deleted.`,
          );
        }
        await execute(tx, `DELETE FROM recommendation WHERE id = $1`, [r.id]);
        // Close the gap, so the numbers shown stay 1, 2, 3 …
        await execute(tx, `UPDATE recommendation SET position = position - 1 WHERE project_id = $1 AND position > $2`, [
          projectId,
          r.position,
        ]);
        return {
          history: { action: 'recommendation.deleted', entityType: 'recommendation', entityId: r.id, before: { title: r.title } },
        };
      },
      ACTIVE_ONLY,
    );
  }

  /** Moves a recommendation one place up or down; answers the whole register in its new order. */
  async move(projectId: string, recommendationId: string, dto: MoveRecommendationDto, actor: Principal): Promise<RecommendationDto[]> {
    await this.changes.run(
      projectId,
      actor,
      async (tx) => {
        const r = await find(tx, projectId, recommendationId, true);
        const neighbour = await queryOne<{ id: string; position: number }>(
          tx,
          dto.direction === 'up'
            ? `SELECT id, position FROM recommendation WHERE project_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1 FOR UPDATE`
            : `SELECT id, position FROM recommendation WHERE project_id = $1 AND position > $2 ORDER BY position LIMIT 1 FOR UPDATE`,
          [projectId, r.position],
        );
        if (!neighbour) {
          throw new DomainError(
            'INVALID_STATE',
            dto.direction === 'up' ? 'The recommendation is already the first.' : 'The recommendation is already the last.',
          );
        }
        await execute(tx, `UPDATE recommendation SET position = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
          r.id,
          neighbour.position,
        ]);
        await execute(tx, `UPDATE recommendation SET position = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
          neighbour.id,
          r.position,
        ]);
        return {
          history: {
            action: 'recommendation.updated',
            entityType: 'recommendation',
            entityId: r.id,
            before: { title: r.title, position: r.position },
            after: { title: r.title, position: neighbour.position },
          },
        };
      },
      ACTIVE_ONLY,
    );
    return this.list(projectId);
  }

  /**
   * Moves a recommendation along its way (shared mayMoveRecommendation). The project's editors put it to
   * the owner and take it back; the owner's outcomes (adopted, rejected, examine in the next phase), and
   * taking them back, are the regionråd's (project 'decide'). Adopting adds it as a sub-goal to the
   * forprosjekt plan, in the same transaction.
   */
  async changeStatus(
    projectId: string,
    recommendationId: string,
    dto: RecommendationStatusDto,
    actor: Principal,
  ): Promise<RecommendationDto> {
    await this.changes.run(
      projectId,
      actor,
      async (tx, project) => {
        const r = await find(tx, projectId, recommendationId, true);
        expectVersion('recommendation', dto.version, r.version);
        const ownersCall = OWNER_OUTCOMES.includes(dto.status) || OWNER_OUTCOMES.includes(r.status);
        const needed = ownersCall ? 'decide' : 'edit';
        if (!canOnProject(actor.roles, project, needed)) {
          throw new DomainError(
            'FORBIDDEN',
            ownersCall
              ? 'Only the owner (the regionråd’s secretariat) adopts, rejects or sends a recommendation on for examination, or takes that back.'
              : 'Only the project leader and members put a recommendation to the owner or take it back.',
          );
        }
        if (!mayMoveRecommendation(r.status, dto.status)) {
          throw new DomainError(
            'RECOMMENDATION_STATUS_NOT_ALLOWED',
            `A recommendation that is ${statusWords(r.status)} cannot become ${statusWords(dto.status)}${
              r.status === 'proposed' ? '; put it to the owner first' : ''
            }.`,
          ).withParams({ from: r.status, to: dto.status });
        }
        const note = dto.note ?? '';
        let subgoalKey = r.subgoal_key;
        const history: ChangeRecord[] = [
          {
            action: 'recommendation.status_changed' satisfies ProjectHistoryAction,
            entityType: 'recommendation',
            entityId: r.id,
            before: { title: r.title, status: r.status, note: r.status_note },
            after: { title: r.title, status: dto.status, note },
          },
        ];
        if (dto.status === 'adopted' && !r.subgoal_key) {
          const added = await this.addSubGoal(tx, project, r.title, actor.userId, actor.language);
          subgoalKey = added.key;
          history.push({
            action: 'recommendation.made_subgoal',
            entityType: 'recommendation',
            entityId: r.id,
            after: { title: r.title, phase: TARGET_PHASE, field: added.key, alreadyThere: added.alreadyThere },
          });
        }
        await execute(
          tx,
          `UPDATE recommendation SET status = $2, status_note = $3, subgoal_key = $4, version = version + 1, updated_at = now() WHERE id = $1`,
          [r.id, dto.status, note, subgoalKey],
        );
        return { history };
      },
      ACTIVE_ONLY,
    );
    return this.get(projectId, recommendationId);
  }

  /**
   * Appends the recommendation as a sub-goal (delmål, no activities yet) to the forprosjekt plan's first
   * sub-goals field (section "goals", field "sub_goals" in the default template). A sub-goal with the same
   * title is not added twice. Refused while the plan is with the regionråd or its phase has ended.
   */
  private async addSubGoal(
    tx: EntityManager,
    locked: LockedProject,
    title: string,
    actorId: string,
    lang: Lang,
  ): Promise<{ key: string; alreadyThere: boolean }> {
    const project = await locked.aggregate();
    const phase = project.phases.find((p) => p.key === TARGET_PHASE);
    if (!phase) throw new DomainError('PLAN_LOCKED', `The project has no ${TARGET_PHASE}, so there is no plan to add the sub-goal to.`);
    const closed = planClosedReason(project, phase);
    if (closed) throw new DomainError('PLAN_LOCKED', closed);
    let plan = await findPlan(tx, phase.id, true);
    if (!plan) {
      const template = await this.templates.latest(`plan_${phase.key}`, tx);
      await execute(tx, `INSERT INTO phase_plan (phase_id, template_version_id, version, content) VALUES ($1, $2, 0, $3)`, [
        phase.id,
        template.id,
        JSON.stringify(templateDefaults(template.sections, lang)),
      ]);
      plan = await findPlan(tx, phase.id, true);
      if (!plan) throw new Error('The plan just created was not found');
    }
    const template = await this.templates.byId(plan.template_version_id, tx);
    const fields = template.sections.flatMap((s) =>
      s.fields.filter((f) => f.kind === 'subgoals').map((f) => ({ section: s.key, field: f.key })),
    );
    const target = fields.find((f) => f.section === 'goals') ?? fields[0];
    if (!target) {
      throw new DomainError(
        'PLAN_HAS_NO_SUBGOALS',
        `The ${TARGET_PHASE} plan’s template has no field for sub-goals (delmål); write the adopted recommendation into the plan by hand.`,
      );
    }
    const content: PlanContent = plan.content ?? {};
    const current = content[target.section]?.[target.field];
    const goals: SubGoal[] = Array.isArray(current) ? (current as SubGoal[]) : [];
    const key = `${TARGET_PHASE}:${target.section}.${target.field}`;
    const same = (g: SubGoal) => typeof g.title === 'string' && g.title.trim().toLowerCase() === title.trim().toLowerCase();
    if (goals.some(same)) return { key, alreadyThere: true };
    const next: PlanContent = {
      ...content,
      [target.section]: { ...(content[target.section] ?? {}), [target.field]: [...goals, { title, activities: [] }] },
    };
    await execute(tx, `UPDATE phase_plan SET content = $2, version = version + 1, updated_at = now(), updated_by = $3 WHERE id = $1`, [
      plan.id,
      JSON.stringify(next),
      actorId,
    ]);
    return { key, alreadyThere: false };
  }
}

/** Why the phase's plan cannot take a sub-goal now, or null when it can (the plan editor's own rule). */
function planClosedReason(project: ProjectAggregate, phase: PhaseRow): string | null {
  const previous = project.phases.find((p) => p.position === phase.position - 1);
  if (previous?.state === 'awaiting_decision' || phase.state === 'awaiting_decision') {
    return `The ${phase.key} plan is with the regionråd for decision and is frozen until the decision; adopt the recommendation after the decision, or add it to the plan then.`;
  }
  if (phase.state === 'completed' || phase.state === 'stopped') {
    return `The ${phase.key} has ended; its plan is kept as it was and takes no new sub-goals.`;
  }
  return null;
}

/** Checks each reference points at a survey (and question) or conversation of this project; answers them cleaned. */
async function checkEvidence(tx: EntityManager, projectId: string, refs: EvidenceRefDto[]): Promise<EvidenceRef[]> {
  const cleaned: EvidenceRef[] = refs.map((r) =>
    r.kind === 'survey'
      ? { kind: 'survey', surveyId: r.surveyId ?? '', ...(r.questionKey ? { questionKey: r.questionKey } : {}) }
      : { kind: 'conversation', conversationId: r.conversationId ?? '' },
  );
  const surveyIds = [...new Set(cleaned.flatMap((r) => (r.kind === 'survey' ? [r.surveyId] : [])))];
  const conversationIds = [...new Set(cleaned.flatMap((r) => (r.kind === 'conversation' ? [r.conversationId] : [])))];
  const surveys = surveyIds.length
    ? await queryRows<{ id: string; questions: SurveyQuestion[] }>(
        tx,
        `SELECT id, questions FROM survey WHERE project_id = $1 AND id = ANY($2::uuid[])`,
        [projectId, surveyIds],
      )
    : [];
  const conversations = conversationIds.length
    ? await queryRows<{ id: string }>(tx, `SELECT id FROM conversation WHERE project_id = $1 AND id = ANY($2::uuid[])`, [
        projectId,
        conversationIds,
      ])
    : [];
  const problems = cleaned.flatMap((r, i) => {
    if (r.kind === 'conversation') {
      return conversations.some((c) => c.id === r.conversationId)
        ? []
        : [{ field: `evidenceRefs[${i}].conversationId`, messages: ['not an interview, meeting or workshop of this project'] }];
    }
    const survey = surveys.find((s) => s.id === r.surveyId);
    if (!survey) return [{ field: `evidenceRefs[${i}].surveyId`, messages: ['not a survey of this project'] }];
    if (r.questionKey && !survey.questions.some((q) => q.key === r.questionKey))
      return [{ field: `evidenceRefs[${i}].questionKey`, messages: ['not a question of that survey'] }];
    return [];
  });
  if (problems.length) {
    throw new DomainError(
      'EVIDENCE_NOT_IN_PROJECT',
      'The evidence may only point at this project’s own surveys, questions and conversations; remove the references that do not.',
      problems,
    );
  }
  // The same reference twice says nothing more.
  const seen = new Set<string>();
  return cleaned.filter((r) => {
    const k = JSON.stringify(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Titles of the project's surveys and conversations, by id, to label the evidence references. */
async function evidenceLabels(em: SqlRunner, projectId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; title: string }>(
    em,
    `SELECT id, title FROM survey WHERE project_id = $1 UNION ALL SELECT id, title FROM conversation WHERE project_id = $1`,
    [projectId],
  );
  return new Map(rows.map((r) => [r.id, r.title]));
}

async function find(em: SqlRunner, projectId: string, recommendationId: string, lock = false): Promise<RecommendationRecord> {
  const row = await queryOne<RecommendationRecord>(
    em,
    `${RECOMMENDATION_SQL} WHERE id = $1 AND project_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [recommendationId, projectId],
  );
  if (!row) throw new DomainError('RECOMMENDATION_NOT_FOUND', `The project has no recommendation with id ${recommendationId}.`);
  return row;
}

function statusWords(s: RecommendationStatus): string {
  switch (s) {
    case 'proposed':
      return 'proposed';
    case 'put_to_owner':
      return 'put to the owner';
    case 'adopted':
      return 'adopted';
    case 'rejected':
      return 'rejected';
    case 'examine_next':
      return 'to be examined in the next phase';
  }
}

function mapRecommendation(r: RecommendationRecord, labels: Map<string, string>): RecommendationDto {
  return {
    id: r.id,
    position: r.position,
    title: r.title,
    reasoning: r.reasoning,
    evidence: r.evidence,
    evidenceRefs: r.evidence_refs.map((ref): EvidenceRefViewDto =>
      ref.kind === 'survey'
        ? { ...ref, label: labels.get(ref.surveyId) ?? null }
        : { ...ref, label: labels.get(ref.conversationId) ?? null },
    ),
    modelsCompared: r.models_compared,
    needs: r.needs,
    status: r.status,
    statusNote: r.status_note,
    subgoalKey: r.subgoal_key,
    version: r.version,
  };
}
