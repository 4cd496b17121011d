import { randomInt } from 'node:crypto';
import type { Role } from '@nvr/shared';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/passwords';

const FAKE_RANGES = [
  ['33', 'Buskerud'],
  ['40', 'Telemark'],
  ['34', 'Innlandet'],
  ['42', 'Agder'],
  ['46', 'Vestland'],
] as const;

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: Promise<string> | null = null;

/** Small factories that write rows straight to the database, so tests can set up state quickly. */
export class Factories {
  private seq = 0;
  constructor(private readonly db: DataSource) {}

  /** A Buskerud kommune with a number (33xx) unique within the test file unless one is given. */
  async newKommune(
    input: { number?: string; name?: string; county?: string; population?: number; asOf?: string } = {},
  ): Promise<{ id: string; number: string; name: string }> {
    this.seq += 1;
    // xx50–xx99 in these counties: no real kommune has such a number.
    const [prefix, county] = FAKE_RANGES[Math.floor(this.seq / 50) % FAKE_RANGES.length];
    const number = input.number ?? `${prefix}${50 + (this.seq % 50)}`;
    const name = input.name ?? `Testkommune ${this.seq}`;
    const [row] = await this.db.query(`INSERT INTO kommune (number, name, county) VALUES ($1, $2, $3) RETURNING id, number, name`, [
      number,
      name,
      input.county ?? (input.number ? 'Buskerud' : county),
    ]);
    if (input.population !== undefined) {
      await this.db.query(`INSERT INTO kommune_population (kommune_id, as_of, population) VALUES ($1, $2, $3)`, [
        row.id,
        input.asOf ?? '2024-01-01',
        input.population,
      ]);
    }
    return { id: row.id, number: row.number.trim(), name: row.name };
  }

  async newRegion(
    input: { name?: string; councilName?: string; members?: { kommuneId: string; validFrom?: string; validTo?: string | null }[] } = {},
  ): Promise<{ id: string; name: string }> {
    this.seq += 1;
    const [row] = await this.db.query(`INSERT INTO region (name, council_name) VALUES ($1, $2) RETURNING id, name`, [
      input.name ?? `Testregionen ${this.seq}-${randomInt(1e6)}`,
      input.councilName ?? 'Testregionrådet',
    ]);
    for (const m of input.members ?? []) {
      await this.db.query(`INSERT INTO region_membership (region_id, kommune_id, valid_from, valid_to) VALUES ($1, $2, $3, $4)`, [
        row.id,
        m.kommuneId,
        m.validFrom ?? '2020-01-01',
        m.validTo ?? null,
      ]);
    }
    return row;
  }

  /** A person with roles; sign them in with TEST_PASSWORD. */
  async newUser(
    input: {
      email?: string;
      name?: string;
      active?: boolean;
      roles?: { role: Role; regionId?: string | null; projectId?: string | null }[];
    } = {},
  ): Promise<{ id: string; email: string }> {
    this.seq += 1;
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const email = input.email ?? `person${this.seq}-${randomInt(1e6)}@test.no`;
    const [row] = await this.db.query(
      `INSERT INTO app_user (email, name, password_hash, active) VALUES ($1, $2, $3, $4) RETURNING id, email`,
      [email, input.name ?? `Person ${this.seq}`, await passwordHash, input.active ?? true],
    );
    for (const r of input.roles ?? []) {
      await this.db.query(`INSERT INTO role_assignment (user_id, role, region_id, project_id) VALUES ($1, $2, $3, $4)`, [
        row.id,
        r.role,
        r.regionId ?? null,
        r.projectId ?? null,
      ]);
    }
    return row;
  }
}
