import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kommune numbers over time and where population figures come from (issue 17).
 *
 * - `kommune_number`: a kommune's numbers (with name and county) and the dates each was valid, from SSB's
 *   classification 131; the kommune keeps one identity (its `kommune` row) through renumbering. Kommuner
 *   already registered get their current number from the day they were registered; the app fills in the
 *   history from the shipped KLASS snapshot.
 * - `kommune_population.source`: 'manual' (typed by hand; who and when are in kommune_population_event) or
 *   'ssb' (imported). `ssb_count`, `ssb_table` and `ssb_fetched_at` keep SSB's figure for the kommune and date
 *   even when a hand-typed figure is kept, so a hand-typed figure that differs from SSB's can be flagged.
 */
export class KommuneNumbersAndPopulationSources1796330000000 implements MigrationInterface {
  name = 'KommuneNumbersAndPopulationSources1796330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kommune_number (
        kommune_id uuid NOT NULL,
        number char(4) NOT NULL,
        name text NOT NULL,
        county text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        CONSTRAINT kommune_number_pkey PRIMARY KEY (kommune_id, valid_from),
        CONSTRAINT kommune_number_kommune_id_fkey FOREIGN KEY (kommune_id) REFERENCES kommune(id) ON DELETE CASCADE,
        CONSTRAINT kommune_number_format CHECK (number ~ '^[0-9]{4}$'),
        CONSTRAINT kommune_number_period CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX kommune_number_number_idx ON kommune_number (number)`);
    await q.query(`
      INSERT INTO kommune_number (kommune_id, number, name, county, valid_from)
      SELECT id, number, name, county, created_at::date FROM kommune`);
    await q.query(`
      ALTER TABLE kommune_population
        ADD COLUMN source text NOT NULL DEFAULT 'manual',
        ADD COLUMN ssb_count integer,
        ADD COLUMN ssb_table text,
        ADD COLUMN ssb_fetched_at timestamptz,
        ADD CONSTRAINT kommune_population_source CHECK (source IN ('manual', 'ssb')),
        ADD CONSTRAINT kommune_population_ssb_count CHECK (ssb_count >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE kommune_population
        DROP CONSTRAINT kommune_population_ssb_count,
        DROP CONSTRAINT kommune_population_source,
        DROP COLUMN ssb_fetched_at,
        DROP COLUMN ssb_table,
        DROP COLUMN ssb_count,
        DROP COLUMN source`);
    await q.query(`DROP TABLE kommune_number`);
  }
}
