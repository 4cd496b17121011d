import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kommuner with their population figures, regions, dated membership of kommuner in regions, and app state. */
export class RegionsAndKommuner1795464000000 implements MigrationInterface {
  name = 'RegionsAndKommuner1795464000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE kommune (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number char(4) NOT NULL CONSTRAINT kommune_number_key UNIQUE CONSTRAINT kommune_number_format CHECK (number ~ '^[0-9]{4}$'),
        name text NOT NULL CONSTRAINT kommune_name_not_blank CHECK (btrim(name) <> ''),
        county text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE kommune_population (
        kommune_id uuid NOT NULL REFERENCES kommune(id) ON DELETE CASCADE,
        as_of date NOT NULL,
        population integer NOT NULL CONSTRAINT kommune_population_not_negative CHECK (population >= 0),
        PRIMARY KEY (kommune_id, as_of)
      )`);
    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT region_name_not_blank CHECK (btrim(name) <> ''),
        council_name text NOT NULL,
        description text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX region_name_key ON region (lower(name))`);
    await q.query(`
      CREATE TABLE region_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE CASCADE,
        kommune_id uuid NOT NULL REFERENCES kommune(id) ON DELETE RESTRICT,
        valid_from date NOT NULL,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT region_membership_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT region_membership_no_overlap EXCLUDE USING gist (
          region_id WITH =, kommune_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&
        )
      )`);
    await q.query(`CREATE INDEX region_membership_kommune_idx ON region_membership (kommune_id)`);
    // Facts about the installation itself, e.g. when the demo data was loaded.
    await q.query(`
      CREATE TABLE app_state (
        key text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE app_state`);
    await q.query(`DROP TABLE region_membership`);
    await q.query(`DROP TABLE region`);
    await q.query(`DROP TABLE kommune_population`);
    await q.query(`DROP TABLE kommune`);
  }
}
