import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KommuneNumberCatalogue } from '@nvr/shared';
import { repoRoot } from '../config/app-config';

/** The SSB snapshots shipped in the repository (server/src/kommuner/data/, see SOURCE.md there). */
const DATA_DIR = join(repoRoot, 'server/src/kommuner/data');

/** SSB table 07459 (population per kommune on 1 January) as shipped. */
export const SSB_POPULATION_TABLE = '07459';

/** When the shipped 07459 snapshot was made from SSB's exports (the "fetched" date of its figures). */
export const SSB_POPULATION_SNAPSHOT_FETCHED_AT = '2026-12-03T00:00:00Z';

interface KlassSnapshotFile {
  periods: [string, string, string, string | null][];
  changes: [string, string, string, string, string][];
}

let catalogue: KommuneNumberCatalogue | undefined;

/** KLASS classification 131 from 2000 on (read once). */
export function kommuneNumberCatalogue(): KommuneNumberCatalogue {
  if (!catalogue) {
    const file = JSON.parse(readFileSync(join(DATA_DIR, 'klass-131.json'), 'utf8')) as KlassSnapshotFile;
    catalogue = {
      periods: file.periods.map(([number, name, validFrom, validTo]) => ({ number, name, validFrom, validTo })),
      changes: file.changes.map(([on, oldNumber, oldName, newNumber, newName]) => ({ on, oldNumber, oldName, newNumber, newName })),
    };
  }
  return catalogue;
}

/** One kommune's population on 1 January of a year, under the number SSB lists it with. */
export interface SsbFigure {
  year: number;
  number: string;
  count: number;
}

export interface SsbPopulationTable {
  table: string;
  /** When SSB last updated the table (JSON-stat `updated`). */
  updated: string | null;
  figures: SsbFigure[];
}

interface JsonStatCategory {
  index: Record<string, number> | string[];
  label?: Record<string, string>;
}

interface JsonStatDataset {
  version?: string;
  class?: string;
  updated?: string;
  role?: { time?: string[]; geo?: string[]; metric?: string[] };
  id: string[];
  size: number[];
  dimension: Record<string, { category: JsonStatCategory }>;
  value: (number | null)[] | Record<string, number | null>;
  extension?: { px?: { tableid?: string } };
}

/**
 * Reads a JSON-stat 2 dataset of table 07459 as SSB's PxWebApi v2 serves it: Region (geo) × ContentsCode
 * (metric) × Tid (time), any other dimension eliminated or of size one. Keeps kommune codes (four digits,
 * also SSB's v1 "K-3303" form) and skips missing values; throws on anything it cannot read.
 */
export function parseJsonStatPopulation(doc: unknown): SsbPopulationTable {
  const ds = doc as JsonStatDataset;
  if (!ds || typeof ds !== 'object' || ds.class !== 'dataset' || !Array.isArray(ds.id) || !Array.isArray(ds.size)) {
    throw new Error('Not a JSON-stat 2 dataset');
  }
  const geo = ds.role?.geo?.[0] ?? 'Region';
  const time = ds.role?.time?.[0] ?? 'Tid';
  if (!ds.id.includes(geo) || !ds.id.includes(time)) throw new Error('The dataset has no region or year dimension');
  ds.id.forEach((id, i) => {
    if (id !== geo && id !== time && ds.size[i] !== 1) throw new Error(`Dimension ${id} is not eliminated`);
  });
  const codesOf = (id: string): string[] => {
    const index = ds.dimension[id]?.category?.index;
    if (Array.isArray(index)) return index;
    if (!index) throw new Error(`Dimension ${id} has no index`);
    const codes: string[] = [];
    for (const [code, pos] of Object.entries(index)) codes[pos] = code;
    return codes;
  };
  const regions = codesOf(geo);
  const years = codesOf(time);
  const strides = ds.size.map((_, i) => ds.size.slice(i + 1).reduce((a, b) => a * b, 1));
  const gi = ds.id.indexOf(geo);
  const ti = ds.id.indexOf(time);
  const figures: SsbFigure[] = [];
  regions.forEach((region, r) => {
    const m = /^(?:K-)?(\d{4})$/.exec(region);
    if (!m) return;
    years.forEach((year, y) => {
      const at = r * strides[gi] + y * strides[ti];
      const value = Array.isArray(ds.value) ? ds.value[at] : ds.value[String(at)];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || !/^\d{4}$/.test(year)) return;
      figures.push({ year: Number(year), number: m[1], count: value });
    });
  });
  return { table: ds.extension?.px?.tableid ?? SSB_POPULATION_TABLE, updated: ds.updated ?? null, figures };
}

let shipped: SsbPopulationTable | undefined;

/** The shipped snapshot of table 07459 (read once). */
export function shippedPopulationTable(): SsbPopulationTable {
  shipped ??= parseJsonStatPopulation(JSON.parse(readFileSync(join(DATA_DIR, 'ssb-07459.json'), 'utf8')));
  return shipped;
}
