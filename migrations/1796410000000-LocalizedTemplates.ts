import { MigrationInterface, QueryRunner } from 'typeorm';
import { GUIDES } from './templates-2026/guides';
import { PLAN_FORPROSJEKT } from './templates-2026/plan-forprosjekt';
import { PLAN_FORSTUDIE } from './templates-2026/plan-forstudie';
import { PLAN_HOVEDPROSJEKT } from './templates-2026/plan-hovedprosjekt';

const TEMPLATES = [PLAN_FORSTUDIE, PLAN_FORPROSJEKT, PLAN_HOVEDPROSJEKT, ...GUIDES];

/**
 * Templates in three languages: a version's title and description may be a text per language
 * (title_i18n, description_i18n; the text columns keep the bokmål for readers that only need one), and
 * its sections' texts may be objects {nb, nn, en}. Adds a new version of each default template: the
 * three project plans written for their own phase (with roles prefilled), and the guides, business
 * survey and final report translated. Older versions keep their plain strings and stay readable.
 */
export class LocalizedTemplates1796410000000 implements MigrationInterface {
  name = 'LocalizedTemplates1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE template_version ADD COLUMN title_i18n jsonb, ADD COLUMN description_i18n jsonb`);
    for (const t of TEMPLATES) {
      const [latest] = await q.query(
        `SELECT tv.template_id, tv.version, tv.questions FROM template_version tv JOIN template x ON x.id = tv.template_id
          WHERE x.key = $1 ORDER BY tv.version DESC LIMIT 1`,
        [t.key],
      );
      if (!latest) continue;
      await q.query(
        `INSERT INTO template_version (template_id, version, title, description, sections, questions, title_i18n, description_i18n)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          latest.template_id,
          latest.version + 1,
          t.title.nb,
          t.description.nb,
          JSON.stringify(t.sections),
          latest.questions === null ? null : JSON.stringify(latest.questions),
          JSON.stringify(t.title),
          JSON.stringify(t.description),
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM template_version tv USING template x
        WHERE x.id = tv.template_id AND x.key = ANY($1) AND tv.created_by IS NULL AND tv.title_i18n IS NOT NULL
          AND tv.version = (SELECT max(version) FROM template_version y WHERE y.template_id = tv.template_id)`,
      [TEMPLATES.map((t) => t.key)],
    );
    await q.query(`ALTER TABLE template_version DROP COLUMN title_i18n, DROP COLUMN description_i18n`);
  }
}
