import { DataSource } from 'typeorm';
import { DEMO_REGIONS } from './demo-data';

const SEEDED_KEY = 'demo_data_loaded_at';

/**
 * Loads the demo data once per database, in one transaction. Later starts see the marker in app_state
 * and leave the data (and anything users changed) alone.
 */
export async function seedDemoData(db: DataSource): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE app_state IN EXCLUSIVE MODE');
    const [done] = await tx.query('SELECT 1 FROM app_state WHERE key = $1', [SEEDED_KEY]);
    if (done) return false;
    for (const region of DEMO_REGIONS) {
      const [{ id: regionId }] = await tx.query(
        `INSERT INTO region (name, council_name, description) VALUES ($1, $2, $3)
         ON CONFLICT (lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [region.name, region.councilName, region.description],
      );
      for (const k of region.kommuner) {
        const [{ id: kommuneId }] = await tx.query(
          `INSERT INTO kommune (number, name, county) VALUES ($1, $2, $3)
           ON CONFLICT (number) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
          [k.number, k.name, k.county],
        );
        await tx.query(
          `INSERT INTO kommune_population (kommune_id, as_of, population) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [kommuneId, k.asOf, k.population],
        );
        await tx.query(
          `INSERT INTO region_membership (region_id, kommune_id, valid_from)
           SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM region_membership WHERE region_id = $1 AND kommune_id = $2)`,
          [regionId, kommuneId, region.memberSince],
        );
      }
    }
    await tx.query('INSERT INTO app_state (key, value) VALUES ($1, now()::text)', [SEEDED_KEY]);
    return true;
  });
}
