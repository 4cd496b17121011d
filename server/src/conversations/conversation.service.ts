import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  countNeedsAcross,
  tallySurvey,
  type ConversationKind,
  type NeedCategory,
  type SurveyQuestion,
  type SurveyTally,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail, queryRows, type SqlRunner } from '../database/sql';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { ConversationDto, CreateConversationDto, NeedsOverviewDto, UpdateConversationDto } from './conversation.dto';

/** A conversation with its kommune, guide and recorder (CONVERSATION_SQL). */
interface ConversationRecord {
  id: string;
  project_id: string;
  kind: ConversationKind;
  title: string;
  held_on: string;
  kommune_id: string | null;
  kommune_name: string | null;
  participant_count: number;
  participant_names: string | null;
  names_consent: boolean;
  guide_template_version_id: string | null;
  guide_key: string | null;
  guide_version: number | null;
  notes: Record<string, string>;
  needs: NeedCategory[];
  version: number;
  created_at: Date;
  created_by_name: string | null;
}

const CONVERSATION_SQL = `
  SELECT c.id, c.project_id, c.kind, c.title, c.held_on::text AS held_on, c.kommune_id, k.name AS kommune_name,
         c.participant_count, c.participant_names, c.names_consent, c.guide_template_version_id,
         t.key AS guide_key, tv.version AS guide_version, c.notes, c.needs, c.version, c.created_at, u.name AS created_by_name
    FROM conversation c
    LEFT JOIN kommune k ON k.id = c.kommune_id
    LEFT JOIN template_version tv ON tv.id = c.guide_template_version_id
    LEFT JOIN template t ON t.id = tv.template_id
    LEFT JOIN app_user u ON u.id = c.created_by`;

/** A guide template version and its section keys (GUIDE_SQL). */
interface GuideRecord {
  id: string;
  key: string;
  sections: { key: string; title: string }[];
}

/** The key notes are written under when a conversation follows no guide. */
export const FREE_NOTES_KEY = 'notes';

/** Interviews, meetings and workshops of the kartlegging, recorded against the guides, and the needs they show. */
@Injectable()
export class ConversationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
  ) {}

  async list(projectId: string): Promise<ConversationDto[]> {
    const rows = await queryRows<ConversationRecord>(
      this.db,
      `${CONVERSATION_SQL} WHERE c.project_id = $1 ORDER BY c.held_on DESC, c.created_at DESC`,
      [projectId],
    );
    return rows.map(mapConversation);
  }

  async get(projectId: string, conversationId: string, em: SqlRunner = this.db): Promise<ConversationDto> {
    return mapConversation(await find(em, projectId, conversationId));
  }

  async create(projectId: string, dto: CreateConversationDto, actor: Principal): Promise<ConversationDto> {
    const id = await this.changes.run<string>(
      projectId,
      actor,
      async (tx) => {
        const values = await checkValues(tx, projectId, {
          kind: dto.kind,
          title: dto.title,
          heldOn: dto.heldOn,
          kommuneId: dto.kommuneId ?? null,
          participantCount: dto.participantCount,
          participantNames: dto.participantNames ?? null,
          namesConsent: dto.namesConsent ?? false,
          guide: await findGuide(tx, dto.guideKey ?? null),
          notes: dto.notes ?? {},
          needs: dto.needs ?? [],
        });
        const row = await queryOneOrFail<{ id: string }>(
          tx,
          `INSERT INTO conversation (project_id, kind, title, held_on, kommune_id, participant_count, participant_names, names_consent,
                                     guide_template_version_id, notes, needs, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            projectId,
            values.kind,
            values.title,
            values.heldOn,
            values.kommuneId,
            values.participantCount,
            values.participantNames,
            values.namesConsent,
            values.guide?.id ?? null,
            JSON.stringify(values.notes),
            values.needs,
            actor.userId,
          ],
        );
        return {
          history: { action: 'conversation.recorded', entityType: 'conversation', entityId: row.id, after: historyView(values) },
          result: row.id,
        };
      },
      { activeOnly: 'its kartlegging can no longer change' },
    );
    return this.get(projectId, id);
  }

  async update(projectId: string, conversationId: string, dto: UpdateConversationDto, actor: Principal): Promise<ConversationDto> {
    await this.changes.run(
      projectId,
      actor,
      async (tx) => {
        const c = await find(tx, projectId, conversationId, true);
        expectVersion('conversation', dto.version, c.version);
        const guideChanged = dto.guideKey !== undefined && dto.guideKey !== c.guide_key;
        const guide = guideChanged
          ? await findGuide(tx, dto.guideKey ?? null)
          : c.guide_template_version_id
            ? await guideVersion(tx, c.guide_template_version_id)
            : null;
        const before: Values = {
          kind: c.kind,
          title: c.title,
          heldOn: c.held_on,
          kommuneId: c.kommune_id,
          participantCount: c.participant_count,
          participantNames: c.participant_names,
          namesConsent: c.names_consent,
          guide,
          notes: c.notes,
          needs: c.needs,
        };
        const names = dto.participantNames === undefined ? c.participant_names : dto.participantNames;
        const consent = dto.namesConsent ?? c.names_consent;
        // A kommune that has left the project since stays on its conversations; only a new choice is checked.
        const kommuneChanged = dto.kommuneId !== undefined && dto.kommuneId !== c.kommune_id;
        const values = await checkValues(
          tx,
          projectId,
          {
            kind: dto.kind ?? c.kind,
            title: dto.title ?? c.title,
            heldOn: dto.heldOn ?? c.held_on,
            kommuneId: dto.kommuneId === undefined ? c.kommune_id : dto.kommuneId,
            participantCount: dto.participantCount ?? c.participant_count,
            // Withdrawn consent takes the names with it, unless the same request sends names again (refused below).
            participantNames: dto.namesConsent === false && dto.participantNames === undefined ? null : names,
            namesConsent: consent,
            guide,
            notes: dto.notes ?? (guideChanged ? {} : c.notes),
            needs: dto.needs ?? c.needs,
          },
          { checkKommune: kommuneChanged },
        );
        await execute(
          tx,
          `UPDATE conversation SET kind = $2, title = $3, held_on = $4, kommune_id = $5, participant_count = $6, participant_names = $7,
                  names_consent = $8, guide_template_version_id = $9, notes = $10, needs = $11, version = version + 1, updated_at = now()
            WHERE id = $1`,
          [
            c.id,
            values.kind,
            values.title,
            values.heldOn,
            values.kommuneId,
            values.participantCount,
            values.participantNames,
            values.namesConsent,
            values.guide?.id ?? null,
            JSON.stringify(values.notes),
            values.needs,
          ],
        );
        return {
          history: {
            action: 'conversation.updated',
            entityType: 'conversation',
            entityId: c.id,
            before: historyView(before),
            after: historyView(values),
          },
        };
      },
      { activeOnly: 'its kartlegging can no longer change' },
    );
    return this.get(projectId, conversationId);
  }

  async remove(projectId: string, conversationId: string, actor: Principal): Promise<void> {
    await this.changes.run(
      projectId,
      actor,
      async (tx) => {
        const c = await find(tx, projectId, conversationId, true);
        await execute(tx, `DELETE FROM conversation WHERE id = $1`, [c.id]);
        return {
          history: {
            action: 'conversation.deleted',
            entityType: 'conversation',
            entityId: c.id,
            before: { kind: c.kind, title: c.title, heldOn: c.held_on },
          },
        };
      },
      { activeOnly: 'its kartlegging can no longer change' },
    );
  }

  /**
   * Each category of need: how many survey respondents expressed it (over all the project's surveys,
   * from the kept tally when the raw answers have been deleted) and how many conversations were tagged with it.
   */
  async needsOverview(projectId: string): Promise<NeedsOverviewDto> {
    // One snapshot: the retention job may freeze a survey and delete its answers between two separate reads.
    return this.db.transaction('REPEATABLE READ', async (em) => {
      await execute(em, 'SET TRANSACTION READ ONLY');
      const surveys = await queryRows<SurveyRecord>(
        em,
        `SELECT id, questions, frozen_results, raw_deleted_at FROM survey WHERE project_id = $1 ORDER BY created_at`,
        [projectId],
      );
      const responses = await queryRows<{ survey_id: string; answers: SurveyTallyInput['answers'] }>(
        em,
        `SELECT r.survey_id, r.answers FROM survey_response r JOIN survey s ON s.id = r.survey_id
          WHERE s.project_id = $1 AND s.raw_deleted_at IS NULL`,
        [projectId],
      );
      const bySurvey = new Map<string, SurveyTallyInput[]>();
      for (const r of responses) {
        const list = bySurvey.get(r.survey_id) ?? [];
        list.push({ answers: r.answers });
        bySurvey.set(r.survey_id, list);
      }
      const conversations = await queryRows<{ needs: NeedCategory[] }>(em, `SELECT needs FROM conversation WHERE project_id = $1`, [
        projectId,
      ]);
      const counted: { questions: SurveyQuestion[]; tally: SurveyTally }[] = [];
      for (const s of surveys) {
        const tally = s.raw_deleted_at ? frozenTally(s.frozen_results) : tallySurvey(s.questions, bySurvey.get(s.id) ?? []);
        if (tally && tally.total > 0) counted.push({ questions: s.questions, tally });
      }
      return { needs: countNeedsAcross(counted, conversations), surveys: counted.length, conversations: conversations.length };
    });
  }
}

interface SurveyRecord {
  id: string;
  questions: SurveyQuestion[];
  frozen_results: unknown;
  raw_deleted_at: Date | null;
}

type SurveyTallyInput = Parameters<typeof tallySurvey>[1][number];

/** The tally kept when a survey's raw answers were deleted: stored as the tally itself or under `tally`. */
function frozenTally(frozen: unknown): SurveyTally | null {
  const isTally = (v: unknown): v is SurveyTally =>
    v !== null && typeof v === 'object' && typeof (v as SurveyTally).total === 'number' && Array.isArray((v as SurveyTally).questions);
  if (isTally(frozen)) return frozen;
  if (frozen !== null && typeof frozen === 'object' && 'tally' in frozen && isTally(frozen.tally)) return frozen.tally;
  return null;
}

interface Values {
  kind: ConversationKind;
  title: string;
  heldOn: string;
  kommuneId: string | null;
  participantCount: number;
  participantNames: string | null;
  namesConsent: boolean;
  guide: GuideRecord | null;
  notes: Record<string, string>;
  needs: NeedCategory[];
}

/**
 * Checks the rules that need the database and the guide; answers the values to store (empty notes dropped).
 * The kommune must take part in the project when it is chosen (checkKommune), not when it is kept.
 */
async function checkValues(tx: EntityManager, projectId: string, v: Values, { checkKommune = true } = {}): Promise<Values> {
  const names = v.participantNames?.trim() || null;
  if (names && !v.namesConsent) {
    throw new DomainError(
      'NAMES_WITHOUT_CONSENT',
      'Participants’ names may only be recorded when they have agreed to it. Tick that they consented, or leave the names out and give only the number of participants.',
      [{ field: 'participantNames', messages: ['names need the participants’ consent'] }],
    );
  }
  if (v.kommuneId && checkKommune) {
    const inProject = await queryOne<{ found: number }>(
      tx,
      `SELECT 1 AS found FROM project_kommune WHERE project_id = $1 AND kommune_id = $2`,
      [projectId, v.kommuneId],
    );
    if (!inProject) {
      throw new DomainError(
        'KOMMUNE_NOT_IN_PROJECT',
        'The kommune does not take part in this project; choose one of the project’s kommuner.',
        [{ field: 'kommuneId', messages: ['not one of the project’s kommuner'] }],
      );
    }
  }
  const allowed = v.guide ? v.guide.sections.map((s) => s.key) : [FREE_NOTES_KEY];
  const unknown = Object.keys(v.notes).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new DomainError(
      'GUIDE_SECTION_UNKNOWN',
      v.guide
        ? `The guide "${v.guide.key}" has no section ${unknown.map((k) => `"${k}"`).join(', ')}; write the notes under its sections (${allowed.join(', ')}).`
        : `Without a guide, write the notes under "${FREE_NOTES_KEY}" (not ${unknown.map((k) => `"${k}"`).join(', ')}), or choose a guide.`,
      unknown.map((k) => ({ field: `notes.${k}`, messages: ['not a section of the guide'] })),
    );
  }
  const notes = Object.fromEntries(Object.entries(v.notes).filter(([, text]) => text.trim() !== ''));
  return { ...v, participantNames: names, notes, needs: [...new Set(v.needs)] };
}

/** The newest version of a guide template by key (kind 'guide'), or null for no guide. */
async function findGuide(tx: EntityManager, key: string | null): Promise<GuideRecord | null> {
  if (!key) return null;
  const row = await queryOne<GuideRecord>(
    tx,
    `SELECT tv.id, t.key, tv.sections FROM template t JOIN template_version tv ON tv.template_id = t.id
      WHERE t.key = $1 AND t.kind = 'guide' ORDER BY tv.version DESC LIMIT 1`,
    [key],
  );
  if (!row) {
    throw new DomainError('GUIDE_NOT_FOUND', `There is no guide "${key}"; choose one of the interview, meeting or workshop guides.`, [
      { field: 'guideKey', messages: ['no such guide'] },
    ]);
  }
  return row;
}

/** The guide version a conversation was recorded with. */
async function guideVersion(tx: EntityManager, id: string): Promise<GuideRecord | null> {
  return (
    (await queryOne<GuideRecord>(
      tx,
      `SELECT tv.id, t.key, tv.sections FROM template_version tv JOIN template t ON t.id = tv.template_id WHERE tv.id = $1`,
      [id],
    )) ?? null
  );
}

async function find(em: SqlRunner, projectId: string, conversationId: string, lock = false): Promise<ConversationRecord> {
  const row = await queryOne<ConversationRecord>(
    em,
    `${CONVERSATION_SQL} WHERE c.id = $1 AND c.project_id = $2 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [conversationId, projectId],
  );
  if (!row) throw new DomainError('CONVERSATION_NOT_FOUND', `The project has no interview, meeting or workshop with id ${conversationId}.`);
  return row;
}

/** What the history keeps of a conversation: not the names (consent may be withdrawn) nor the notes themselves. */
function historyView(v: Values): Record<string, unknown> {
  return {
    kind: v.kind,
    title: v.title,
    heldOn: v.heldOn,
    kommuneId: v.kommuneId,
    participantCount: v.participantCount,
    namesRecorded: v.participantNames !== null,
    guideKey: v.guide?.key ?? null,
    noteSections: Object.keys(v.notes).sort(),
    needs: v.needs,
  };
}

function mapConversation(r: ConversationRecord): ConversationDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    heldOn: r.held_on,
    kommuneId: r.kommune_id,
    kommuneName: r.kommune_name,
    participantCount: r.participant_count,
    participantNames: r.participant_names,
    namesConsent: r.names_consent,
    guideKey: r.guide_key,
    guideVersion: r.guide_version,
    notes: r.notes,
    needs: r.needs,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_name,
  };
}
