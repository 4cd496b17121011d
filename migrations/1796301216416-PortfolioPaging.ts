import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portfolio pages, sorts and filters in SQL (issue 13): a Norwegian collation with numbers in
 * numeric order ("Prosjekt 2" before "Prosjekt 10", Æ Ø Å last), the same order as the web's
 * `compareNb`, and an index on project names in it so the first page by name stops after its rows.
 */
export class PortfolioPaging1796301216416 implements MigrationInterface {
  name = 'PortfolioPaging1796301216416';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE COLLATION IF NOT EXISTS nvr_nb (provider = icu, locale = 'nb-u-kn-true')`);
    await q.query(`CREATE INDEX project_name_nb_idx ON project (name COLLATE nvr_nb, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX project_name_nb_idx`);
    await q.query(`DROP COLLATION nvr_nb`);
  }
}
