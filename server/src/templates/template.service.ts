import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import {
  defaultFor,
  fieldValueProblem,
  templateText,
  textSections,
  toText,
  type SurveyQuestion,
  type TemplateSection,
  type Text,
} from '@nvr/shared';
import { DomainError } from '../common/domain-error';
import { queryOne, queryRows } from '../database/sql';
import { SaveTemplateDto, TemplateFieldDto, TemplateVersionDto } from './template.dto';

/** One version of a template, with the template's latest version number (SELECT). */
interface TemplateVersionRow {
  id: string;
  key: string;
  kind: string;
  phase_key: string | null;
  version: number;
  title: string;
  description: string;
  title_i18n: Text | null;
  description_i18n: Text | null;
  sections: TemplateSection[];
  questions: SurveyQuestion[] | null;
  created_at: Date;
  created_by: string | null;
  latest_version: number;
}

const SELECT = `
  SELECT tv.id, t.key, t.kind, t.phase_key, tv.version, tv.title, tv.description, tv.title_i18n, tv.description_i18n, tv.sections, tv.questions, tv.created_at, u.name AS created_by,
         (SELECT max(version) FROM template_version x WHERE x.template_id = t.id) AS latest_version
    FROM template t JOIN template_version tv ON tv.template_id = t.id LEFT JOIN app_user u ON u.id = tv.created_by`;

/** The template library: each template keeps every version; plans remember the version they started from. */
@Injectable()
export class TemplateService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listLatest(): Promise<TemplateVersionDto[]> {
    const rows = await queryRows<TemplateVersionRow>(
      this.db,
      `${SELECT} WHERE tv.version = (SELECT max(version) FROM template_version x WHERE x.template_id = t.id) ORDER BY t.kind, t.key`,
    );
    return rows.map(mapVersion);
  }

  async versions(key: string): Promise<TemplateVersionDto[]> {
    const rows = await queryRows<TemplateVersionRow>(this.db, `${SELECT} WHERE t.key = $1 ORDER BY tv.version DESC`, [key]);
    if (!rows.length) throw notFound(key);
    return rows.map(mapVersion);
  }

  async latest(key: string, em: EntityManager = this.db.manager): Promise<TemplateVersionDto> {
    const row = await queryOne<TemplateVersionRow>(em, `${SELECT} WHERE t.key = $1 ORDER BY tv.version DESC LIMIT 1`, [key]);
    if (!row) throw notFound(key);
    return mapVersion(row);
  }

  async byId(id: string, em: EntityManager = this.db.manager): Promise<TemplateVersionDto> {
    const row = await queryOne<TemplateVersionRow>(em, `${SELECT} WHERE tv.id = $1`, [id]);
    if (!row) throw new DomainError('NOT_FOUND', `There is no template version with id ${id}.`);
    return mapVersion(row);
  }

  async version(key: string, version: number): Promise<TemplateVersionDto> {
    const row = await queryOne<TemplateVersionRow>(this.db, `${SELECT} WHERE t.key = $1 AND tv.version = $2`, [key, version]);
    if (!row) throw new DomainError('NOT_FOUND', `The template "${key}" has no version ${version}.`);
    return mapVersion(row);
  }

  /** Saves an edited template as a new version; plans already started keep theirs. */
  async save(key: string, dto: SaveTemplateDto, actor: Principal): Promise<TemplateVersionDto> {
    const keys = new Set<string>();
    for (const s of dto.sections) {
      if (keys.has(s.key))
        throw new DomainError('VALIDATION_FAILED', `Two sections have the key "${s.key}".`, [
          { field: 'sections', messages: [`duplicate section key ${s.key}`] },
        ]);
      keys.add(s.key);
      const fieldKeys = s.fields.map((f) => f.key);
      if (new Set(fieldKeys).size !== fieldKeys.length)
        throw new DomainError('VALIDATION_FAILED', `The section "${templateText(s.title, 'nb')}" repeats a field key.`, [
          { field: `sections.${s.key}`, messages: ['duplicate field key'] },
        ]);
      for (const f of s.fields) {
        const problem = defaultValueProblem(f);
        if (problem)
          throw new DomainError('VALIDATION_FAILED', `The default value of ${s.key}.${f.key} ${problem}.`, [
            { field: `sections.${s.key}.fields.${f.key}.defaultValue`, messages: [problem] },
          ]);
      }
    }
    const title = toText(dto.title);
    const description = toText(dto.description ?? '');
    const sections = textSections(dto.sections as TemplateSection[]);
    const id = await this.db.transaction(async (tx) => {
      const t = await queryOne<{ id: string }>(tx, `SELECT id FROM template WHERE key = $1 FOR UPDATE`, [key]);
      if (!t) throw notFound(key);
      const latest =
        (
          await queryOne<{ latest: number | null }>(tx, `SELECT max(version) AS latest FROM template_version WHERE template_id = $1`, [
            t.id,
          ])
        )?.latest ?? null;
      if (dto.basedOnVersion !== latest) {
        const conflict = new DomainError(
          'VERSION_CONFLICT',
          `Version ${latest} of this template was saved after the version ${dto.basedOnVersion} you edited. Reload it and make your change again.`,
        );
        throw latest === null ? conflict : conflict.withParams({ expected: dto.basedOnVersion, actual: latest });
      }
      const row = await queryOne<{ id: string }>(
        tx,
        // A survey template's questions are kept from the version it was based on.
        `INSERT INTO template_version (template_id, version, title, description, sections, created_by, questions, title_i18n, description_i18n)
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT questions FROM template_version WHERE template_id = $1 AND version = $7), $8, $9) RETURNING id`,
        [
          t.id,
          latest + 1,
          title.nb,
          description.nb,
          JSON.stringify(sections),
          actor.userId,
          latest,
          JSON.stringify(title),
          JSON.stringify(description),
        ],
      );
      if (!row) throw new Error('INSERT … RETURNING answered no row');
      return row.id;
    });
    return this.byId(id);
  }
}

/** Why a field's default value does not fit its kind (in any of its languages), or null. */
function defaultValueProblem(f: TemplateFieldDto): string | null {
  if (f.defaultValue === undefined) return null;
  for (const lang of ['nb', 'nn', 'en'] as const) {
    const problem = fieldValueProblem(f.kind, defaultFor(f.defaultValue, lang));
    if (problem) return problem;
  }
  return null;
}

function notFound(key: string): DomainError {
  return new DomainError('NOT_FOUND', `There is no template "${key}".`);
}

function mapVersion(r: TemplateVersionRow): TemplateVersionDto {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    phaseKey: r.phase_key,
    version: r.version,
    latestVersion: r.latest_version,
    title: r.title_i18n ?? toText(r.title),
    description: r.description_i18n ?? toText(r.description),
    sections: textSections(r.sections),
    ...(r.questions ? { questions: r.questions } : {}),
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
  };
}
