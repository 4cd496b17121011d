import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Small factories that write rows straight to the database, so tests can set up state quickly. */
export class Factories {
  private seq = 0;
  constructor(private readonly db: DataSource) {}

  /** A Buskerud kommune with a number (33xx) unique within the test file unless one is given. */
  async newKommune(input: { number?: string; name?: string; county?: string; population?: number; asOf?: string } = {}): Promise<{ id: string; number: string; name: string }> {
    this.seq += 1;
    const number = input.number ?? `33${50 + (this.seq % 50)}`; // 3350–3399: no real kommune has these
    const name = input.name ?? `Testkommune ${this.seq}`;
    const [row] = await this.db.query(
      `INSERT INTO kommune (number, name, county) VALUES ($1, $2, $3) RETURNING id, number, name`,
      [number, name, input.county ?? 'Buskerud'],
    );
    if (input.population !== undefined) {
      await this.db.query(`INSERT INTO kommune_population (kommune_id, as_of, population) VALUES ($1, $2, $3)`, [row.id, input.asOf ?? '2024-01-01', input.population]);
    }
    return { id: row.id, number: row.number.trim(), name: row.name };
  }

  async newRegion(input: { name?: string; councilName?: string; members?: { kommuneId: string; validFrom?: string; validTo?: string | null }[] } = {}): Promise<{ id: string; name: string }> {
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
}
