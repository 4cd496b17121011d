import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import { execute, queryOne, queryOneOrFail, queryRows } from '../sql';
import { DEMO_PASSWORD, DEMO_REGIONS, DEMO_USERS } from './demo-data';
import { seedDemoBenefits } from './demo-benefits';
import { seedDemoClosing } from './demo-closing';
import { seedDemoKommuneNumbers } from './demo-kommune-numbers';
import { seedDemoGateCase } from './demo-gate-case';
import { seedDemoMapping } from './demo-mapping';
import { seedDemoProjects } from './demo-projects';
import { seedDemoRisks } from './demo-risks';
import { seedDemoStatusReports } from './demo-status-reports';

interface SeedStep {
  /** Remembered in app_state once done, so each step runs once per database. */
  key: string;
  run(tx: EntityManager): Promise<void>;
}

/**
 * The demo data, as steps that each run once per database, in order, in one transaction. A later
 * version of the app can add steps; databases seeded before get only the new ones.
 */
const DEMO_STEPS: SeedStep[] = [
  { key: 'demo_data_loaded_at', run: seedRegions },
  { key: 'demo_users_loaded_at', run: seedUsers },
  { key: 'demo_projects_loaded_at', run: seedDemoProjects },
  { key: 'demo_status_reports_loaded_at', run: seedDemoStatusReports },
  { key: 'demo_gate_case_loaded_at', run: seedDemoGateCase },
  { key: 'demo_mapping_loaded_at', run: seedDemoMapping },
  { key: 'demo_risks_loaded_at', run: seedDemoRisks },
  { key: 'demo_benefits_loaded_at', run: seedDemoBenefits },
  { key: 'demo_closing_loaded_at', run: seedDemoClosing },
  { key: 'demo_kommune_numbers_loaded_at', run: seedDemoKommuneNumbers },
];

/** Loads the demo data steps not yet loaded; returns the keys of the steps it ran. */
export async function seedDemoData(db: DataSource): Promise<string[]> {
  return db.transaction(async (tx) => {
    await execute(tx, 'LOCK TABLE app_state IN EXCLUSIVE MODE');
    const done = new Set((await queryRows<{ key: string }>(tx, 'SELECT key FROM app_state')).map((r) => r.key));
    const ran: string[] = [];
    for (const step of DEMO_STEPS.filter((s) => !done.has(s.key))) {
      await step.run(tx);
      await execute(tx, 'INSERT INTO app_state (key, value) VALUES ($1, now()::text)', [step.key]);
      ran.push(step.key);
    }
    return ran;
  });
}

async function seedRegions(tx: EntityManager): Promise<void> {
  for (const region of DEMO_REGIONS) {
    const { id: regionId } = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO region (name, council_name, description) VALUES ($1, $2, $3)
       ON CONFLICT (lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [region.name, region.councilName, region.description],
    );
    for (const k of region.kommuner) {
      const { id: kommuneId } = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO kommune (number, name, county) VALUES ($1, $2, $3)
         ON CONFLICT (number) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [k.number, k.name, k.county],
      );
      await execute(tx, `INSERT INTO kommune_population (kommune_id, as_of, population) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        kommuneId,
        k.asOf,
        k.population,
      ]);
      await execute(
        tx,
        `INSERT INTO region_membership (region_id, kommune_id, valid_from)
         SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM region_membership WHERE region_id = $1 AND kommune_id = $2)`,
        [regionId, kommuneId, region.memberSince],
      );
    }
  }
}

async function seedUsers(tx: EntityManager): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const existing = await queryOne<{ id: string }>(tx, `SELECT id FROM app_user WHERE lower(email) = lower($1)`, [u.email]);
    if (existing) continue;
    const { id } = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
      [u.email, u.name, passwordHash],
    );
    for (const r of u.roles) {
      await execute(tx, `INSERT INTO role_assignment (user_id, role, region_id) SELECT $1, $2, (SELECT id FROM region WHERE name = $3)`, [
        id,
        r.role,
        r.region ?? null,
      ]);
    }
  }
}

/** Creates the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD unless an account with that e-mail exists. */
export async function ensureInitialAdmin(db: DataSource, admin: { email: string; password: string } | null): Promise<boolean> {
  if (!admin) return false;
  const passwordHash = await hashPassword(admin.password);
  return db.transaction(async (tx) => {
    const existing = await queryOne<{ id: string }>(tx, `SELECT id FROM app_user WHERE lower(email) = lower($1)`, [admin.email]);
    if (existing) return false;
    const { id } = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
      [admin.email, 'Administrator', passwordHash],
    );
    await execute(tx, `INSERT INTO role_assignment (user_id, role) VALUES ($1, 'admin')`, [id]);
    return true;
  });
}
