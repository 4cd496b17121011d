import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject, SURVEY_LIMITS, surveyStatus, validateSurveyDefinition, type RoleAssignment, type SurveyQuestion } from '@nvr/shared';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, FieldError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { execute, queryOne, queryOneOrFail, queryRows } from '../database/sql';
import { ChangeRecord, expectVersion, ProjectChanges } from '../projects/project-changes';
import {
  CreateSurveyDto,
  CreateSurveyLinkDto,
  OpenSurveyDto,
  SurveyDto,
  SurveyLinkDto,
  SurveyQuestionDto,
  SurveySummaryDto,
  UpdateSurveyDto,
} from './survey.dto';

/** A survey row with its answer count (SELECT). */
interface SurveyRow {
  id: string;
  project_id: string;
  template_version_id: string | null;
  template_key: string | null;
  title: string;
  intro: string;
  privacy_notice: string;
  questions: SurveyQuestion[];
  definition_version: number;
  min_group_size: number;
  opens_at: Date | null;
  closes_at: Date | null;
  closed_at: Date | null;
  raw_deleted_at: Date | null;
  version: number;
  response_count: number;
}

interface LinkRow {
  id: string;
  token: string;
  kommune_id: string | null;
  kommune_name: string | null;
  created_at: Date;
  disabled_at: Date | null;
}

const SURVEY_SELECT = `
  SELECT s.id, s.project_id, s.template_version_id, t.key AS template_key, s.title, s.intro, s.privacy_notice, s.questions,
         s.definition_version, s.min_group_size, s.opens_at, s.closes_at, s.closed_at, s.raw_deleted_at, s.version,
         (SELECT count(*)::int FROM survey_response r WHERE r.survey_id = s.id) AS response_count
    FROM survey s
    LEFT JOIN template_version tv ON tv.id = s.template_version_id
    LEFT JOIN template t ON t.id = tv.template_id`;

const LINK_SELECT = `
  SELECT l.id, l.token, l.kommune_id, k.name AS kommune_name, l.created_at, l.disabled_at
    FROM survey_link l LEFT JOIN kommune k ON k.id = l.kommune_id`;

/**
 * The survey's own privacy notice starts empty: the form always shows the standard notice (who is
 * responsible, that nothing ties an answer to a person, how answers are used and deleted) in the
 * respondent's language; what the leader writes here is added below it (a contact person, say).
 */
const DEFAULT_PRIVACY_NOTICE = '';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** A project's surveys: created from a template or a copy, edited until answers arrive, opened, closed, and their links. */
@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(projectId: string): Promise<SurveySummaryDto[]> {
    const rows = await queryRows<SurveyRow>(this.db, `${SURVEY_SELECT} WHERE s.project_id = $1 ORDER BY s.created_at, s.id`, [projectId]);
    return rows.map((r) => summary(r));
  }

  async get(
    projectId: string,
    surveyId: string,
    roles: readonly RoleAssignment[],
    em: EntityManager = this.db.manager,
  ): Promise<SurveyDto> {
    const s = await this.find(em, projectId, surveyId);
    const project = await queryOneOrFail<{ id: string; region_id: string }>(em, `SELECT id, region_id FROM project WHERE id = $1`, [
      projectId,
    ]);
    // Tokens open the form: only those who may edit the project see them.
    const mayEdit = canOnProject(roles, { id: project.id, regionId: project.region_id }, 'edit');
    const links = mayEdit
      ? await queryRows<LinkRow>(
          em,
          `${LINK_SELECT} WHERE l.survey_id = $1 ORDER BY l.disabled_at NULLS FIRST, k.name NULLS FIRST, l.created_at`,
          [s.id],
        )
      : [];
    return {
      ...summary(s),
      projectId: s.project_id,
      intro: s.intro,
      privacyNotice: s.privacy_notice,
      questions: s.questions as SurveyQuestionDto[],
      minGroupSize: s.min_group_size,
      locked: isLocked(s),
      rawDeletedAt: iso(s.raw_deleted_at),
      links: links.map((l) => this.mapLink(l)),
      templateKey: s.template_key,
    };
  }

  async create(projectId: string, dto: CreateSurveyDto, actor: Principal): Promise<SurveyDto> {
    if (Boolean(dto.templateKey) === Boolean(dto.copyOf)) {
      const message = 'Give either templateKey (start from a survey template) or copyOf (copy a survey), not both or neither.';
      throw new DomainError('VALIDATION_FAILED', message, [{ field: 'templateKey', messages: [message] }]);
    }
    const id = await this.changes.run(
      projectId,
      actor,
      async (tx) => {
        let source: {
          templateVersionId: string | null;
          title: string;
          intro: string;
          privacyNotice: string;
          questions: SurveyQuestion[];
          minGroupSize: number;
        };
        if (dto.templateKey) {
          const t = await queryOne<{ id: string; title: string; questions: SurveyQuestion[] | null }>(
            tx,
            `SELECT tv.id, tv.title, tv.questions FROM template t JOIN template_version tv ON tv.template_id = t.id
              WHERE t.key = $1 AND t.kind = 'survey' ORDER BY tv.version DESC LIMIT 1`,
            [dto.templateKey],
          );
          if (!t || !t.questions) {
            throw new DomainError(
              'SURVEY_TEMPLATE_NOT_FOUND',
              `There is no survey template "${dto.templateKey}" with questions. Choose another template.`,
            );
          }
          source = {
            templateVersionId: t.id,
            title: t.title,
            intro: '',
            privacyNotice: DEFAULT_PRIVACY_NOTICE,
            questions: t.questions,
            minGroupSize: SURVEY_LIMITS.defaultMinGroupSize,
          };
        } else {
          const s = await this.find(tx, projectId, dto.copyOf as string);
          source = {
            templateVersionId: s.template_version_id,
            title: `${s.title} (kopi)`.slice(0, SURVEY_LIMITS.titleLength),
            intro: s.intro,
            privacyNotice: s.privacy_notice,
            questions: s.questions,
            minGroupSize: s.min_group_size,
          };
        }
        const title = dto.title ?? source.title;
        const row = await queryOneOrFail<{ id: string }>(
          tx,
          `INSERT INTO survey (project_id, template_version_id, title, intro, privacy_notice, questions, min_group_size, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            projectId,
            source.templateVersionId,
            title,
            source.intro,
            source.privacyNotice,
            JSON.stringify(source.questions),
            source.minGroupSize,
            actor.userId,
          ],
        );
        return {
          history: {
            action: 'survey.created',
            entityType: 'survey',
            entityId: row.id,
            after: { title, ...(dto.templateKey ? { templateKey: dto.templateKey } : { copyOf: dto.copyOf }) },
          },
          result: row.id,
        };
      },
      { activeOnly: 'surveys are made while the project is under way' },
    );
    return this.get(projectId, id, actor.roles);
  }

  async update(projectId: string, surveyId: string, dto: UpdateSurveyDto, actor: Principal): Promise<SurveyDto> {
    return this.change(projectId, surveyId, actor, async (tx, s) => {
      expectVersion('survey', dto.version, s.version);
      let questions = s.questions;
      let definitionVersion = s.definition_version;
      if (dto.questions !== undefined) {
        const next = plainQuestions(dto.questions);
        if (canonical(next) !== canonical(s.questions)) {
          if (isLocked(s)) {
            throw new DomainError(
              'SURVEY_LOCKED',
              'The survey has answers; its questions can no longer change. Copy it into a new survey to ask other questions.',
            );
          }
          assertDefinition(next);
          questions = next;
          definitionVersion += 1;
        }
      }
      const opensAt = dto.opensAt === undefined ? iso(s.opens_at) : dto.opensAt;
      const closesAt = dto.closesAt === undefined ? iso(s.closes_at) : dto.closesAt;
      assertPeriod(opensAt, closesAt);
      const before = {
        title: s.title,
        intro: s.intro,
        privacyNotice: s.privacy_notice,
        minGroupSize: s.min_group_size,
        opensAt: iso(s.opens_at),
        closesAt: iso(s.closes_at),
        definitionVersion: s.definition_version,
      };
      const after = {
        title: dto.title ?? s.title,
        intro: dto.intro ?? s.intro,
        privacyNotice: dto.privacyNotice ?? s.privacy_notice,
        minGroupSize: dto.minGroupSize ?? s.min_group_size,
        opensAt: opensAt ? new Date(opensAt).toISOString() : null,
        closesAt: closesAt ? new Date(closesAt).toISOString() : null,
        definitionVersion,
      };
      await execute(
        tx,
        `UPDATE survey SET title = $2, intro = $3, privacy_notice = $4, min_group_size = $5, opens_at = $6, closes_at = $7,
                questions = $8, definition_version = $9, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          s.id,
          after.title,
          after.intro,
          after.privacyNotice,
          after.minGroupSize,
          after.opensAt,
          after.closesAt,
          JSON.stringify(questions),
          definitionVersion,
        ],
      );
      return { action: 'survey.updated', entityType: 'survey', entityId: s.id, before, after };
    });
  }

  /** Opens the survey now (again, if it was closed), optionally with a closing time. */
  async open(projectId: string, surveyId: string, dto: OpenSurveyDto, actor: Principal): Promise<SurveyDto> {
    return this.change(projectId, surveyId, actor, async (tx, s) => {
      if (s.raw_deleted_at) throw new DomainError('INVALID_STATE', 'The raw answers of this survey were deleted; it cannot open again.');
      if (!s.questions.length) throw new DomainError('SURVEY_NO_QUESTIONS', 'Add at least one question before you open the survey.');
      assertDefinition(s.questions);
      const now = new Date();
      // The DTO checked the form (isDateTime); stored and recorded in UTC, as update does.
      let closesAt: string | null = dto.closesAt === undefined ? iso(s.closes_at) : dto.closesAt && new Date(dto.closesAt).toISOString();
      if (dto.closesAt === undefined && closesAt && new Date(closesAt) <= now) closesAt = null; // an old closing time would close it at once
      if (closesAt && new Date(closesAt) <= now) {
        const message = 'The closing time must be in the future.';
        throw new DomainError('INVALID_PERIOD', message, [{ field: 'closesAt', messages: [message] }]);
      }
      await execute(
        tx,
        `UPDATE survey SET opens_at = $2, closes_at = $3, closed_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
        [s.id, now.toISOString(), closesAt],
      );
      return { action: 'survey.opened', entityType: 'survey', entityId: s.id, after: { title: s.title, closesAt } };
    });
  }

  async close(projectId: string, surveyId: string, actor: Principal): Promise<SurveyDto> {
    return this.change(projectId, surveyId, actor, async (tx, s) => {
      if (s.closed_at) throw new DomainError('INVALID_STATE', 'The survey is closed already.');
      await execute(tx, `UPDATE survey SET closed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [s.id]);
      return { action: 'survey.closed', entityType: 'survey', entityId: s.id, after: { title: s.title } };
    });
  }

  async remove(projectId: string, surveyId: string, actor: Principal): Promise<void> {
    await this.changes.run(projectId, actor, async (tx) => {
      const s = await this.find(tx, projectId, surveyId, true);
      if (s.response_count > 0 || s.raw_deleted_at) {
        throw new DomainError(
          'SURVEY_HAS_ANSWERS',
          'The survey has answers and cannot be deleted. Close it instead; its answers are deleted with the project’s other raw data.',
        );
      }
      await execute(tx, `DELETE FROM survey WHERE id = $1`, [s.id]);
      return { history: { action: 'survey.deleted', entityType: 'survey', entityId: s.id, before: { title: s.title } } };
    });
  }

  async createLink(projectId: string, surveyId: string, dto: CreateSurveyLinkDto, actor: Principal): Promise<SurveyLinkDto> {
    const linkId = await this.changes.run(projectId, actor, async (tx) => {
      const s = await this.find(tx, projectId, surveyId, true);
      const kommuneId = dto.kommuneId ?? null;
      if (kommuneId) {
        const inProject = await queryOne<{ found: number }>(
          tx,
          `SELECT 1 AS found FROM project_kommune WHERE project_id = $1 AND kommune_id = $2`,
          [projectId, kommuneId],
        );
        if (!inProject) {
          const message = 'The kommune does not take part in this project; choose one of the project’s kommuner.';
          throw new DomainError('KOMMUNE_NOT_IN_PROJECT', message, [{ field: 'kommuneId', messages: [message] }]);
        }
      }
      const existing = await queryOne<{ id: string; kommune_name: string | null }>(
        tx,
        `SELECT l.id, k.name AS kommune_name
           FROM survey_link l LEFT JOIN kommune k ON k.id = l.kommune_id
          WHERE l.survey_id = $1 AND l.kommune_id IS NOT DISTINCT FROM $2::uuid AND l.disabled_at IS NULL`,
        [s.id, kommuneId],
      );
      if (existing) {
        const kommune = existing.kommune_name;
        if (kommune) {
          throw new DomainError(
            'SURVEY_LINK_EXISTS',
            `This survey has an active link for ${kommune} already. Disable it first if you need a new one.`,
          ).withParams({ kommune });
        }
        throw new DomainError(
          'SURVEY_LINK_EXISTS',
          'This survey has an active general link already. Disable it first if you need a new one.',
        );
      }
      const row = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO survey_link (survey_id, token, kommune_id) VALUES ($1, $2, $3) RETURNING id`,
        [s.id, randomBytes(32).toString('base64url'), kommuneId],
      );
      // The token is never written to the history: it is readable by more people than the links are.
      return {
        history: { action: 'survey.link_created', entityType: 'survey', entityId: s.id, after: { title: s.title, kommuneId } },
        result: row.id,
      };
    });
    return this.link(surveyId, linkId);
  }

  async disableLink(projectId: string, surveyId: string, linkId: string, actor: Principal): Promise<SurveyLinkDto> {
    await this.changes.run(projectId, actor, async (tx) => {
      const s = await this.find(tx, projectId, surveyId, true);
      const l = await queryOne<{ id: string; kommune_id: string | null; disabled_at: Date | null }>(
        tx,
        `SELECT id, kommune_id, disabled_at FROM survey_link WHERE id = $1 AND survey_id = $2 FOR UPDATE`,
        [linkId, s.id],
      );
      if (!l) throw linkNotFound();
      if (l.disabled_at) throw new DomainError('INVALID_STATE', 'The link is disabled already.');
      await execute(tx, `UPDATE survey_link SET disabled_at = now() WHERE id = $1`, [l.id]);
      return {
        history: {
          action: 'survey.link_disabled',
          entityType: 'survey',
          entityId: s.id,
          after: { title: s.title, kommuneId: l.kommune_id },
        },
      };
    });
    return this.link(surveyId, linkId);
  }

  private async link(surveyId: string, linkId: string): Promise<SurveyLinkDto> {
    const row = await queryOne<LinkRow>(this.db, `${LINK_SELECT} WHERE l.id = $1 AND l.survey_id = $2`, [linkId, surveyId]);
    if (!row) throw linkNotFound();
    return this.mapLink(row);
  }

  private mapLink(l: LinkRow): SurveyLinkDto {
    return {
      id: l.id,
      token: l.token,
      url: `${this.config.publicBaseUrl}/s/${l.token}`,
      kommuneId: l.kommune_id,
      kommuneName: l.kommune_name,
      createdAt: new Date(l.created_at).toISOString(),
      disabledAt: iso(l.disabled_at),
    };
  }

  /** A survey of this project (others answer 404, so ids of other projects reveal nothing). */
  private async find(em: EntityManager, projectId: string, surveyId: string, lock = false): Promise<SurveyRow> {
    if (lock) await execute(em, `SELECT 1 FROM survey WHERE id = $1 AND project_id = $2 FOR UPDATE`, [surveyId, projectId]);
    const s = await queryOne<SurveyRow>(em, `${SURVEY_SELECT} WHERE s.id = $1 AND s.project_id = $2`, [surveyId, projectId]);
    if (!s) throw new DomainError('SURVEY_NOT_FOUND', `This project has no survey with id ${surveyId}.`);
    return s;
  }

  /** Runs a change to one survey inside the project's unit of work, and answers the survey as it is after. */
  private async change(
    projectId: string,
    surveyId: string,
    actor: Principal,
    work: (tx: EntityManager, s: SurveyRow) => Promise<ChangeRecord>,
  ): Promise<SurveyDto> {
    await this.changes.run(projectId, actor, async (tx) => ({ history: await work(tx, await this.find(tx, projectId, surveyId, true)) }));
    return this.get(projectId, surveyId, actor.roles);
  }
}

function summary(r: SurveyRow): SurveySummaryDto {
  const timing = { opensAt: iso(r.opens_at), closesAt: iso(r.closes_at), closedAt: iso(r.closed_at) };
  return {
    id: r.id,
    title: r.title,
    status: surveyStatus(timing),
    ...timing,
    responseCount: r.response_count,
    definitionVersion: r.definition_version,
    version: r.version,
  };
}

/** Answers exist (or existed: raw answers deleted after the project): the questions stay as they were answered. */
function isLocked(s: SurveyRow): boolean {
  return s.response_count > 0 || s.raw_deleted_at !== null;
}

/** The validated DTO instances as plain JSON (no undefined fields), the form stored and compared. */
function plainQuestions(questions: SurveyQuestionDto[]): SurveyQuestion[] {
  return JSON.parse(JSON.stringify(questions)) as SurveyQuestion[];
}

/** JSON with object keys sorted (jsonb keeps its own key order), to tell whether questions really changed. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function assertDefinition(questions: SurveyQuestion[]): void {
  const problems = validateSurveyDefinition(questions);
  if (!problems.length) return;
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.path, [...(byField.get(p.path) ?? []), p.message]);
  const errors: FieldError[] = [...byField].map(([field, messages]) => ({ field, messages }));
  throw new DomainError('SURVEY_DEFINITION_INVALID', `The questions cannot be stored: ${problems[0].path}: ${problems[0].message}`, errors);
}

function assertPeriod(opensAt: string | null, closesAt: string | null): void {
  if (opensAt && closesAt && new Date(closesAt) <= new Date(opensAt)) {
    const message = 'The survey must close after it opens.';
    throw new DomainError('INVALID_PERIOD', message, [{ field: 'closesAt', messages: [message] }]);
  }
}

function linkNotFound(): DomainError {
  return new DomainError('SURVEY_LINK_NOT_FOUND', 'This survey has no such link.');
}
