import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  crossTabulate,
  effectiveMinGroupSize,
  surveyText,
  tallyForReaders,
  tallySurvey,
  todayInOslo,
  type CrossTab,
  type CrossTabBy,
  type Lang,
  type RoleAssignment,
  type SurveyAnswers,
  type SurveyQuestion,
  type SurveyTally,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryRows, type SqlRunner } from '../database/sql';
import type { UploadedFileLike } from '../files/file-validation';
import { ProjectChanges } from '../projects/project-changes';
import { crossTabSheet, optionLabel, rawSheet, surveyWord, tablesSheet, toCsv, toXlsx, type RawResponse } from './survey-export';
import { mapRows, parseMapping, readSpreadsheet } from './survey-import';
import { buildSurveyReport, type ReportFacts } from './survey-report';
import type {
  CrossTabDto,
  ImportResultDto,
  QuestionTallyDto,
  SurveyExportQueryDto,
  SurveyImportBodyDto,
  SurveyImportQueryDto,
  SurveyResultsDto,
  TextAnswerDto,
} from './survey-results.dto';
import './survey-results.errors';
import './survey.errors';
import { renderDocx } from '../documents/render-docx';
import { renderPdf } from '../documents/render-pdf';

/** What is kept of a survey once its raw answers are deleted (survey.frozen_results). */
export interface FrozenResults {
  tally: SurveyTally;
  /** Every countable question by the grouping question and by kommune, suppressed as published. */
  crossTabs: CrossTab[];
  frozenAt: string;
}

/** A file answered for download. */
export interface SurveyFile {
  data: Buffer;
  contentType: string;
  filename: string;
}

interface SurveyRow {
  id: string;
  project_id: string;
  region_id: string;
  project_name: string;
  region_name: string;
  title: string;
  questions: SurveyQuestion[];
  definition_version: number;
  min_group_size: number;
  /** timestamptz: pg answers Date objects. */
  opens_at: Date | null;
  closes_at: Date | null;
  closed_at: Date | null;
  raw_deleted_at: Date | null;
  frozen_results: FrozenResults | null;
}

/** One response as counting needs it (kommune_id aliased so rows go to the shared rules as they are). */
interface ResponseFactsRow {
  answers: SurveyAnswers;
  kommuneId: string | null;
}

interface ResponseWithIdRow extends ResponseFactsRow {
  id: string;
  redacted: string[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Results, cross-tabulations, exports, the report chapter and imports of a project's surveys. */
@Injectable()
export class SurveyResultsService {
  private readonly logger = new Logger('SurveyResults');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
  ) {}

  // -------------------------------------------------------------------------------------------------
  // Reading

  /**
   * Runs `fn` in one REPEATABLE READ READ ONLY transaction, so the survey row and its responses are read as
   * of one moment (the retention job freezing the results and deleting the answers in between would
   * otherwise give "0 answers, not frozen").
   */
  private snapshot<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      await execute(em, 'SET TRANSACTION READ ONLY');
      return fn(em);
    });
  }

  private async survey(db: SqlRunner, projectId: string, surveyId: string): Promise<SurveyRow> {
    const row = await queryOne<SurveyRow>(
      db,
      `SELECT s.id, s.project_id, p.region_id, p.name AS project_name, r.name AS region_name, s.title, s.questions,
              s.definition_version, s.min_group_size, s.opens_at, s.closes_at, s.closed_at, s.raw_deleted_at, s.frozen_results
         FROM survey s JOIN project p ON p.id = s.project_id JOIN region r ON r.id = p.region_id
        WHERE s.id = $2 AND s.project_id = $1`,
      [projectId, surveyId],
    );
    if (!row) throw new DomainError('SURVEY_NOT_FOUND', `The project has no survey with id ${surveyId}.`);
    return row;
  }

  /** Every response's answers and kommune, in one query (kommune_id aliased so the rows go to the shared rules as they are). */
  private responses(db: SqlRunner, surveyId: string): Promise<ResponseFactsRow[]> {
    return queryRows<ResponseFactsRow>(db, `SELECT answers, kommune_id AS "kommuneId" FROM survey_response WHERE survey_id = $1`, [
      surveyId,
    ]);
  }

  private responsesWithIds(db: SqlRunner, surveyId: string): Promise<ResponseWithIdRow[]> {
    return queryRows<ResponseWithIdRow>(
      db,
      `SELECT id, answers, kommune_id AS "kommuneId", redacted FROM survey_response WHERE survey_id = $1 ORDER BY received_on, id`,
      [surveyId],
    );
  }

  /** The project's kommuner and those of the survey's links: id → name, in name order. */
  private async kommuneLabels(db: SqlRunner, s: SurveyRow): Promise<Record<string, string>> {
    const rows = await queryRows<{ id: string; name: string }>(
      db,
      `SELECT k.id, k.name FROM kommune k
        WHERE k.id IN (SELECT kommune_id FROM project_kommune WHERE project_id = $1)
           OR k.id IN (SELECT kommune_id FROM survey_link WHERE survey_id = $2 AND kommune_id IS NOT NULL)
        ORDER BY k.name`,
      [s.project_id, s.id],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  private mayEdit(s: SurveyRow, roles: readonly RoleAssignment[]): boolean {
    return canOnProject(roles, { id: s.project_id, regionId: s.region_id }, 'edit');
  }

  /**
   * The counts per question. Those who may edit the project get everything (with the free texts); readers
   * get no figures while fewer than the survey's minimum group size have answered, and no min/max of
   * number questions (see tallyForReaders).
   */
  async results(projectId: string, surveyId: string, roles: readonly RoleAssignment[]): Promise<SurveyResultsDto> {
    return this.snapshot(async (db) => this.resultsOf(db, await this.survey(db, projectId, surveyId), roles));
  }

  private async resultsOf(db: SqlRunner, s: SurveyRow, roles: readonly RoleAssignment[]): Promise<SurveyResultsDto> {
    const mayEdit = this.mayEdit(s, roles);
    if (s.frozen_results) return toResultsDto(s.frozen_results.tally, s, null, mayEdit);
    const started = performance.now();
    const withTexts = mayEdit && s.questions.some((q) => q.kind === 'text');
    const rows = withTexts ? await this.responsesWithIds(db, s.id) : await this.responses(db, s.id);
    const tally = tallySurvey(s.questions, rows);
    const dto = toResultsDto(tally, s, withTexts ? (rows as ResponseWithIdRow[]) : null, mayEdit);
    this.logger.debug(`Results of survey ${s.id}: ${rows.length} responses in ${(performance.now() - started).toFixed(1)} ms`);
    return dto;
  }

  /** Whether a reader who may not edit the project gets no figures: someone, but fewer than the minimum, answered. */
  private async hiddenFromReader(db: SqlRunner, s: SurveyRow, roles: readonly RoleAssignment[]): Promise<boolean> {
    if (this.mayEdit(s, roles)) return false;
    const total = s.frozen_results
      ? s.frozen_results.tally.total
      : Number((await queryOne<{ n: string }>(db, `SELECT count(*) AS n FROM survey_response WHERE survey_id = $1`, [s.id]))?.n ?? 0);
    return total > 0 && total < effectiveMinGroupSize(s.min_group_size);
  }

  async crossTab(
    projectId: string,
    surveyId: string,
    question: string,
    by: string,
    lang: Lang = 'nb',
    roles: readonly RoleAssignment[] = [],
  ): Promise<CrossTabDto> {
    return this.snapshot((db) => this.crossTabOf(db, projectId, surveyId, question, by, lang, roles));
  }

  private async crossTabOf(
    db: SqlRunner,
    projectId: string,
    surveyId: string,
    question: string,
    by: string,
    lang: Lang,
    roles: readonly RoleAssignment[],
  ): Promise<CrossTabDto> {
    const s = await this.survey(db, projectId, surveyId);
    const q = s.questions.find((x) => x.key === question);
    if (!q || q.kind === 'text' || q.kind === 'number')
      throw new DomainError(
        'SURVEY_QUESTION_NOT_FOUND',
        `The survey has no single-choice, multiple-choice or scale question "${question}" to cross-tabulate.`,
      );
    const byQuestion = by === 'kommune' ? null : s.questions.find((x) => x.key === by);
    if (by !== 'kommune' && (!byQuestion || byQuestion.kind !== 'single' || byQuestion.key === question))
      throw new DomainError(
        'SURVEY_QUESTION_NOT_FOUND',
        `Cross-tabulate by 'kommune' or by another single-choice question of the survey; "${by}" is neither.`,
      );
    const labels = await this.kommuneLabels(db, s);
    let tab: CrossTab | undefined;
    if (s.frozen_results) {
      tab = s.frozen_results.crossTabs.find((t) => t.question === question && t.by === by);
      if (!tab)
        throw new DomainError(
          'SURVEY_RAW_DELETED',
          'The individual answers were deleted after the retention period; only the cross-tabs by the grouping question and by kommune were kept.',
        );
    } else {
      const spec: CrossTabBy = by === 'kommune' ? { kind: 'kommune', labels } : { kind: 'question', key: by };
      tab = crossTabulate(s.questions, await this.responses(db, s.id), question, spec, s.min_group_size);
    }
    // Every group is hidden then (none can reach the minimum), but the row totals would be the few answers.
    if (await this.hiddenFromReader(db, s, roles))
      return { ...toCrossTabDto(tab, s.questions, labels, lang), rows: [], belowMinimum: true };
    return toCrossTabDto(tab, s.questions, labels, lang);
  }

  // -------------------------------------------------------------------------------------------------
  // Redaction

  async redact(projectId: string, surveyId: string, responseId: string, question: string, actor: Principal): Promise<TextAnswerDto> {
    return this.changes.run(projectId, actor, async (tx) => {
      const s = await queryOne<{ questions: SurveyQuestion[]; raw_deleted_at: Date | null }>(
        tx,
        `SELECT questions, raw_deleted_at FROM survey WHERE id = $2 AND project_id = $1 FOR UPDATE`,
        [projectId, surveyId],
      );
      if (!s) throw new DomainError('SURVEY_NOT_FOUND', `The project has no survey with id ${surveyId}.`);
      if (s.raw_deleted_at) throw new DomainError('SURVEY_RAW_DELETED', 'The individual answers of this survey were already deleted.');
      if (!s.questions.some((q) => q.key === question && q.kind === 'text'))
        throw new DomainError(
          'SURVEY_QUESTION_NOT_FOUND',
          `The survey has no free-text question "${question}"; only free text can be redacted.`,
        );
      const row = await queryOne<{ id: string }>(
        tx,
        `UPDATE survey_response
            SET answers = answers - $3::text,
                redacted = CASE WHEN $3 = ANY(redacted) THEN redacted ELSE array_append(redacted, $3::text) END
          WHERE id = $1 AND survey_id = $2 RETURNING id`,
        [responseId, surveyId, question],
      );
      if (!row) throw new DomainError('SURVEY_RESPONSE_NOT_FOUND', `The survey has no answer with id ${responseId}.`);
      return {
        history: { action: 'survey.answer_redacted', entityType: 'survey', entityId: surveyId, after: { responseId, question } },
        result: { responseId, text: null, redacted: true },
      };
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Exports and the report chapter

  async export(projectId: string, surveyId: string, query: SurveyExportQueryDto, roles: readonly RoleAssignment[]): Promise<SurveyFile> {
    return this.snapshot((db) => this.exportOf(db, projectId, surveyId, query, roles));
  }

  private async exportOf(
    db: SqlRunner,
    projectId: string,
    surveyId: string,
    query: SurveyExportQueryDto,
    roles: readonly RoleAssignment[],
  ): Promise<SurveyFile> {
    const s = await this.survey(db, projectId, surveyId);
    const lang = query.lang ?? 'nb';
    const format = query.format ?? 'csv';
    const content = query.content ?? 'tables';
    let sheets;
    if (content === 'raw') {
      if (!this.mayEdit(s, roles))
        throw new DomainError(
          'FORBIDDEN',
          'Only those who may edit the project can download the individual answers; download the tables instead.',
        );
      if (s.raw_deleted_at) throw new DomainError('SURVEY_RAW_DELETED', 'The individual answers were deleted after the retention period.');
      const rows = await queryRows<RawResponse>(
        db,
        `SELECT r.answers, k.name AS "kommuneName", r.received_on::text AS "receivedOn", r.source
           FROM survey_response r LEFT JOIN kommune k ON k.id = r.kommune_id
          WHERE r.survey_id = $1 ORDER BY r.received_on, r.id`,
        [s.id],
      );
      sheets = [rawSheet(s.questions, rows, lang)];
    } else {
      const results = await this.resultsOf(db, s, roles);
      if (results.belowMinimum) {
        const note = surveyWord('belowMinimum', lang, { n: results.minGroupSize });
        sheets = [tablesSheet(s.questions, results, lang, results.minGroupSize), crossTabSheet([], lang, note)];
      } else {
        sheets = [
          tablesSheet(s.questions, results, lang, results.minGroupSize),
          crossTabSheet(await this.mainCrossTabs(db, s, lang, false), lang),
        ];
      }
    }
    const name =
      `${fileStem(s.title)}-${content === 'raw' ? surveyWord('answers', lang) : surveyWord('tables', lang)}-${todayInOslo()}`.toLowerCase();
    if (format === 'xlsx') return { data: await toXlsx(sheets), contentType: XLSX, filename: `${name}.xlsx` };
    return { data: toCsv(sheets, lang), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  }

  /**
   * Cross-tabs by the grouping question (or, without one, by kommune): every countable question, or only
   * the first (the report's main cross-tab).
   */
  private async mainCrossTabs(db: SqlRunner, s: SurveyRow, lang: Lang, firstOnly: boolean): Promise<CrossTabDto[]> {
    const grouping = s.questions.find((q) => q.grouping && q.kind === 'single');
    const by = grouping?.key ?? 'kommune';
    const countable = s.questions.filter((q) => q.key !== by && (q.kind === 'single' || q.kind === 'multiple' || q.kind === 'scale'));
    const preferred = firstOnly ? [countable.find((q) => q.kind === 'multiple') ?? countable[0]].filter((q) => q !== undefined) : countable;
    const labels = await this.kommuneLabels(db, s);
    let responses: ResponseFactsRow[] | null = null;
    const tabs: CrossTabDto[] = [];
    for (const q of preferred) {
      let tab: CrossTab | undefined;
      if (s.frozen_results) tab = s.frozen_results.crossTabs.find((t) => t.question === q.key && t.by === by);
      else {
        responses ??= await this.responses(db, s.id);
        tab = crossTabulate(
          s.questions,
          responses,
          q.key,
          by === 'kommune' ? { kind: 'kommune', labels } : { kind: 'question', key: by },
          s.min_group_size,
        );
      }
      if (tab) tabs.push(toCrossTabDto(tab, s.questions, labels, lang));
    }
    return tabs;
  }

  async report(
    projectId: string,
    surveyId: string,
    format: 'pdf' | 'docx',
    lang: Lang,
    roles: readonly RoleAssignment[] = [],
  ): Promise<SurveyFile> {
    const facts = await this.snapshot((db) => this.reportFacts(db, projectId, surveyId, lang, roles));
    const model = buildSurveyReport(facts, lang);
    const name = `${fileStem(facts.title)}-${todayInOslo()}`.toLowerCase();
    if (format === 'docx') return { data: await renderDocx(model), contentType: DOCX, filename: `${name}.docx` };
    return { data: await renderPdf(model), contentType: 'application/pdf', filename: `${name}.pdf` };
  }

  private async reportFacts(
    db: SqlRunner,
    projectId: string,
    surveyId: string,
    lang: Lang,
    roles: readonly RoleAssignment[],
  ): Promise<ReportFacts> {
    const s = await this.survey(db, projectId, surveyId);
    const results = await this.resultsOf(db, s, roles);
    const links = await queryRows<{ kommune_name: string | null }>(
      db,
      `SELECT k.name AS kommune_name FROM survey_link l LEFT JOIN kommune k ON k.id = l.kommune_id
        WHERE l.survey_id = $1 ORDER BY k.name NULLS FIRST`,
      [s.id],
    );
    const imported = s.raw_deleted_at
      ? 0
      : Number(
          (
            await queryOne<{ n: string }>(db, `SELECT count(*) AS n FROM survey_response WHERE survey_id = $1 AND source = 'import'`, [
              s.id,
            ])
          )?.n ?? 0,
        );
    // The survey ran until it was closed, or until its closing date if that came first (or now, while open).
    const ends = [s.closed_at, s.closes_at].filter((d): d is Date => d !== null).map((d) => d.getTime());
    const lastDay = ends.length ? new Date(Math.min(...ends, Date.now())) : s.opens_at ? new Date() : null;
    return {
      title: s.title,
      projectName: s.project_name,
      regionName: s.region_name,
      opensAt: s.opens_at && todayInOslo(s.opens_at),
      closesAt: lastDay && todayInOslo(lastDay),
      questions: s.questions,
      results,
      imported,
      links: links.map((l) => l.kommune_name),
      minGroupSize: effectiveMinGroupSize(s.min_group_size),
      crossTab: results.belowMinimum ? null : ((await this.mainCrossTabs(db, s, lang, true))[0] ?? null),
    };
  }

  // -------------------------------------------------------------------------------------------------
  // Import

  async import(
    projectId: string,
    surveyId: string,
    file: UploadedFileLike | undefined,
    body: SurveyImportBodyDto,
    query: SurveyImportQueryDto,
    actor: Principal,
  ): Promise<ImportResultDto> {
    const lang = query.lang ?? 'nb';
    const mapping = parseMapping(body.mapping);
    const s = await this.survey(this.db, projectId, surveyId);
    if (s.raw_deleted_at)
      throw new DomainError(
        'SURVEY_RAW_DELETED',
        'The answers of this survey were deleted after the retention period; no answers can be added.',
      );
    const table = await readSpreadsheet(file);
    const kommuner = await queryRows<{ id: string; number: string; name: string }>(
      this.db,
      `SELECT k.id, k.number, k.name FROM kommune k JOIN project_kommune pk ON pk.kommune_id = k.id WHERE pk.project_id = $1`,
      [projectId],
    );
    const parsed = mapRows(table, s.questions, mapping, kommuner, lang);
    const result: ImportResultDto = {
      rows: parsed.rows,
      imported: 0,
      columns: parsed.columns,
      problems: parsed.problems,
      skipped: parsed.skipped,
    };
    if (query.dryRun === 'true') return result;
    if (parsed.problems.length)
      throw new DomainError(
        'SURVEY_IMPORT_INVALID',
        `${parsed.problems.length} problem(s) in the file; nothing was imported. Correct the rows listed and import again.`,
        parsed.problems.map((p) => ({ field: `rows[${p.row}][${p.column}]`, messages: [p.message] })),
      ).withParams({ problems: parsed.problems.length });
    if (!parsed.responses.length) return result;
    const imported = await this.changes.run(projectId, actor, async (tx) => {
      const current = await queryOne<{ definition_version: number; raw_deleted_at: Date | null }>(
        tx,
        `SELECT definition_version, raw_deleted_at FROM survey WHERE id = $1 FOR UPDATE`,
        [s.id],
      );
      if (!current || current.raw_deleted_at)
        throw new DomainError(
          'SURVEY_RAW_DELETED',
          'The answers of this survey were deleted after the retention period; no answers can be added.',
        );
      if (current.definition_version !== s.definition_version)
        throw new DomainError('VERSION_CONFLICT', 'The survey’s questions changed while the file was read. Import the file again.');
      const rows = await queryRows<{ n: string }>(
        tx,
        `WITH ins AS (
           INSERT INTO survey_response (survey_id, kommune_id, definition_version, answers, source)
           SELECT $1, (e->>'k')::uuid, $2, e->'a', 'import' FROM jsonb_array_elements($3::jsonb) e
           RETURNING 1)
         SELECT count(*) AS n FROM ins`,
        [s.id, current.definition_version, JSON.stringify(parsed.responses.map((r) => ({ a: r.answers, k: r.kommuneId })))],
      );
      const n = Number(rows[0]?.n ?? 0);
      return { history: { action: 'survey.answers_imported', entityType: 'survey', entityId: s.id, after: { rows: n } }, result: n };
    });
    return { ...result, imported };
  }
}

// ---------------------------------------------------------------------------------------------------
// Mapping to DTOs

function toResultsDto(whole: SurveyTally, s: SurveyRow, withTexts: ResponseWithIdRow[] | null, mayEdit: boolean): SurveyResultsDto {
  const tally = mayEdit ? { ...whole, belowMinimum: false } : tallyForReaders(whole, s.min_group_size);
  const questions: QuestionTallyDto[] = tally.questions.map((t) => {
    const dto: QuestionTallyDto = { ...t };
    if (withTexts && t.kind === 'text') {
      const texts: TextAnswerDto[] = [];
      for (const r of withTexts) {
        const v = r.answers[t.key];
        if (typeof v === 'string') texts.push({ responseId: r.id, text: v, redacted: false });
        else if (r.redacted.includes(t.key)) texts.push({ responseId: r.id, text: null, redacted: true });
      }
      dto.texts = texts;
    }
    return dto;
  });
  return {
    total: tally.total,
    belowMinimum: tally.belowMinimum,
    minGroupSize: effectiveMinGroupSize(s.min_group_size),
    questions,
    frozen: s.frozen_results !== null,
    rawDeletedAt: s.raw_deleted_at && s.raw_deleted_at.toISOString(),
  };
}

export function toCrossTabDto(
  tab: CrossTab,
  questions: readonly SurveyQuestion[],
  kommuner: Record<string, string>,
  lang: Lang,
): CrossTabDto {
  const q = questions.find((x) => x.key === tab.question);
  const byQ = tab.by === 'kommune' ? undefined : questions.find((x) => x.key === tab.by);
  const groupLabel = (key: string | null): string => {
    if (key === null) return surveyWord(tab.by === 'kommune' ? 'noKommune' : 'notAnswered', lang);
    return tab.by === 'kommune' ? (kommuner[key] ?? key) : optionLabel(byQ, key, lang);
  };
  return {
    question: tab.question,
    questionText: q ? surveyText(q.text, lang) : tab.question,
    by: tab.by,
    byText: byQ ? surveyText(byQ.text, lang) : surveyWord('kommune', lang),
    minGroupSize: tab.minGroupSize,
    belowMinimum: false,
    groups: tab.groups.map((g) => ({ key: g.key, label: groupLabel(g.key), n: g.suppressed ? null : g.n, suppressed: g.suppressed })),
    rows: tab.rows.map((r) => ({
      option: r.option,
      label: q?.kind === 'scale' ? r.option : optionLabel(q, r.option, lang),
      total: r.total,
      cells: r.cells,
    })),
  };
}

/** A file name stem from the survey's title: letters, digits and dashes. */
function fileStem(title: string): string {
  return (
    title
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'undersokelse'
  );
}
