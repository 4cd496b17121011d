import {
  countyOfNumberEver,
  numberHistory,
  predecessorChanges,
  type KommuneNumberCatalogue,
  type KommuneNumberChange,
  type KommuneNumberPeriod,
} from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { execute, queryRows } from '../database/sql';
import { kommuneNumberCatalogue } from './ssb-snapshots';

/** A kommune's number, name and county over a period (kommune_number). */
export interface KommuneNumberRecord {
  number: string;
  name: string;
  county: string;
  valid_from: string;
  valid_to: string | null;
}

interface KommuneRecord {
  id: string;
  number: string;
  name: string;
  county: string;
  created_at: string;
}

/**
 * Writes the numbers over time of the given kommuner (all when omitted) into kommune_number, from the shipped
 * KLASS snapshot: the chain of renumberings that led to each kommune's current number. A number KLASS does not
 * know keeps one row from the day the kommune was registered. The current period carries the kommune's own name
 * and county. Idempotent; call inside the transaction that changes the kommuner.
 */
export async function syncKommuneNumbers(tx: EntityManager, kommuneIds?: string[]): Promise<void> {
  const kommuner = await queryRows<KommuneRecord>(
    tx,
    `SELECT id, number, name, county, to_char(created_at, 'YYYY-MM-DD') AS created_at FROM kommune
      WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) ORDER BY id`,
    [kommuneIds ?? null],
  );
  if (kommuner.length === 0) return;
  const catalogue = kommuneNumberCatalogue();
  const rows: { kommuneId: string; p: KommuneNumberPeriod; county: string }[] = [];
  for (const k of kommuner) {
    const history = numberHistory(catalogue, k.number);
    if (history.length === 0) {
      rows.push({ kommuneId: k.id, p: { number: k.number, name: k.name, validFrom: k.created_at, validTo: null }, county: k.county });
      continue;
    }
    history.forEach((p, i) => {
      const current = i === 0 && p.validTo === null;
      rows.push({
        kommuneId: k.id,
        p: current ? { ...p, name: k.name } : p,
        county: current ? k.county : (countyOfNumberEver(p.number) ?? k.county),
      });
    });
  }
  await execute(tx, `DELETE FROM kommune_number WHERE kommune_id = ANY($1::uuid[])`, [kommuner.map((k) => k.id)]);
  await execute(
    tx,
    `INSERT INTO kommune_number (kommune_id, number, name, county, valid_from, valid_to)
     SELECT * FROM unnest($1::uuid[], $2::char(4)[], $3::text[], $4::text[], $5::date[], $6::date[])`,
    [
      rows.map((r) => r.kommuneId),
      rows.map((r) => r.p.number),
      rows.map((r) => r.p.name),
      rows.map((r) => r.county),
      rows.map((r) => r.p.validFrom),
      rows.map((r) => r.p.validTo),
    ],
  );
}

/** A kommune's numbers over time, newest first. */
export async function kommuneNumbers(em: EntityManager, kommuneId: string): Promise<KommuneNumberRecord[]> {
  return queryRows<KommuneNumberRecord>(
    em,
    `SELECT number, name, county, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
       FROM kommune_number WHERE kommune_id = $1 ORDER BY valid_from DESC`,
    [kommuneId],
  );
}

/** The numbers that joined the kommune with this current number through mergers (from the KLASS snapshot). */
export function mergedNumbers(current: string): KommuneNumberChange[] {
  return predecessorChanges(kommuneNumberCatalogue(), current);
}

/** SSB's classification 131 as shipped (numbers and names over time), for rules that follow a kommune back in time. */
export function kommuneCatalogue(): KommuneNumberCatalogue {
  return kommuneNumberCatalogue();
}
