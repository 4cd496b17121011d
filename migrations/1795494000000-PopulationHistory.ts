import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The population history of each kommune: every figure recorded, corrected or deleted, by whom and
 * when. The project history (history_event) is scoped to a project; population belongs to the
 * kommune, so it gets its own append-only log. Figures already stored have no event: who recorded
 * them is unknown.
 */
export class PopulationHistory1795494000000 implements MigrationInterface {
  name = 'PopulationHistory1795494000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kommune_population_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kommune_id uuid NOT NULL REFERENCES kommune(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        actor_name text NOT NULL,
        action text NOT NULL CONSTRAINT kommune_population_event_action
          CHECK (action IN ('population.recorded', 'population.corrected', 'population.deleted')),
        as_of date NOT NULL,
        before integer,
        after integer
      )`);
    await q.query(`CREATE INDEX kommune_population_event_kommune_idx ON kommune_population_event (kommune_id, id DESC)`);
    // Append-only, like history_event: no update, no delete (except when the kommune itself goes).
    await q.query(`
      CREATE FUNCTION kommune_population_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM kommune WHERE id = OLD.kommune_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'kommune_population_event is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER kommune_population_event_append_only BEFORE UPDATE OR DELETE ON kommune_population_event
        FOR EACH ROW EXECUTE FUNCTION kommune_population_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kommune_population_event`);
    await q.query(`DROP FUNCTION kommune_population_event_append_only`);
  }
}
