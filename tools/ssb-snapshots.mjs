#!/usr/bin/env node
/* global process, console, URL */
/**
 * Builds the shipped SSB snapshots in server/src/kommuner/data/ from raw SSB exports (see SOURCE.md there):
 *   node tools/ssb-snapshots.mjs <dir with klass131/ and 07459/csdata/>
 * - klass-131.json: KLASS classification 131 (kommuner) from 2000 on: each number's periods (code, name,
 *   valid from, valid to) merged over the versions, and the code changes.
 * - ssb-07459.json: table 07459 (persons on 1 January per kommune, 2017–2024), the sum over ages of the
 *   CSV exports, written in the JSON-stat 2 shape SSB's PxWebApi v2 answers with (Kjonn and Alder eliminated).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const src = process.argv[2] ?? '/tmp/ssb';
const out = new URL('../server/src/kommuner/data/', import.meta.url).pathname;
const FROM = '2000-01-01';
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
/** National totals on 1 January published by SSB (table 07459), to check the sums. */
const NATIONAL = { 2017: 5258317, 2020: 5367580, 2024: 5550203 };

// --- KLASS 131 ---------------------------------------------------------------------------------
const klass = join(src, 'klass131');
const meta = JSON.parse(readFileSync(join(klass, '131.json'), 'utf8'));
const validity = new Map(meta.versions.map((v) => [v.name, { from: v.validFrom, to: v.validTo ?? null }]));
const versions = readdirSync(klass)
  .filter((f) => /^Kommuneinndeling \d{4}\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(klass, f), 'utf8')))
  .map((v) => ({ ...validity.get(v.name), items: v.classificationItems.filter((i) => /^\d{4}$/.test(i.code)) }))
  .filter((v) => v.to === null || v.to > FROM)
  .sort((a, b) => a.from.localeCompare(b.from));
/** code|name -> [from, to] merged over consecutive versions. */
const periods = [];
const open = new Map();
for (const v of versions) {
  for (const item of v.items) {
    const key = `${item.code}|${item.name}`;
    const p = open.get(key);
    if (p && p[3] === v.from) p[3] = v.to;
    else {
      const np = [item.code, item.name, v.from, v.to];
      periods.push(np);
      open.set(key, np);
    }
  }
}
for (let i = 1; i < versions.length; i++) {
  if (versions[i].from !== versions[i - 1].to) throw new Error(`KLASS versions leave a gap: ${versions[i - 1].to} .. ${versions[i].from}`);
}
periods.sort((a, b) => a[0].localeCompare(b[0]) || a[2].localeCompare(b[2]));
const changes = JSON.parse(readFileSync(join(klass, 'changetables.json'), 'utf8'))
  .codeChanges.filter((c) => c.changeOccurred >= FROM)
  .map((c) => [c.changeOccurred, c.oldCode, c.oldName, c.newCode, c.newName])
  .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[3].localeCompare(b[3]));
writeFileSync(
  join(out, 'klass-131.json'),
  JSON.stringify({
    classification: 131,
    source: 'https://data.ssb.no/api/klass/v1/classifications/131',
    from: versions[0].from,
    periods,
    changes,
  }) + '\n',
);

// --- 07459 -------------------------------------------------------------------------------------
const csdata = join(src, '07459', 'csdata');
/** year -> code -> { name, count } */
const byYear = new Map(YEARS.map((y) => [y, new Map()]));
for (const file of readdirSync(csdata).filter((f) => /^Personer\d{4}(-\d{4})?\.csv$/.test(f))) {
  // Some exports are UTF-8, the older ones latin-1: take UTF-8 when it decodes cleanly.
  const bytes = readFileSync(join(csdata, file));
  const utf8 = bytes.toString('utf8');
  const lines = (utf8.includes('\ufffd') ? bytes.toString('latin1') : utf8).split(/\r?\n/);
  const h = lines.findIndex((l) => /^"?region"?[\t,;]/.test(l));
  const sep = lines[h].includes('\t') ? '\t' : lines[h].includes(';') ? ';' : ',';
  const cells = (l) => l.split(sep).map((c) => c.replace(/^"|"$/g, ''));
  const cols = cells(lines[h]).map((c) => Number(/^Persons (\d{4})$/.exec(c)?.[1] ?? NaN));
  for (const line of lines.slice(h + 1)) {
    if (!line.trim()) continue;
    const row = cells(line);
    const m = /^(?:K-)?(\d{4}) (.+)$/.exec(row[0]);
    if (!m) continue; // K-Rest etc.
    cols.forEach((year, i) => {
      const totals = byYear.get(year);
      if (!totals || row[i] === '' || row[i] === '.' || row[i] === '..') return;
      const t = totals.get(m[1]) ?? { name: m[2], count: 0 };
      t.count += Number(row[i]);
      totals.set(m[1], t);
    });
  }
}
for (const [year, totals] of byYear) {
  for (const [code, t] of totals) if (t.count === 0) totals.delete(code); // a code not in use that year
  const sum = [...totals.values()].reduce((s, t) => s + t.count, 0);
  if (NATIONAL[year] !== undefined && Math.abs(sum - NATIONAL[year]) > 2000) throw new Error(`${year}: ${sum} != ${NATIONAL[year]}`);
  console.log(year, totals.size, 'kommuner', sum, 'persons');
}
// Names as KLASS gives them (its latest name for the code); an export's own only where KLASS has none and it
// survived the exports' encodings (one of them carries replacement characters instead of æ, ø and å).
const klassName = new Map(periods.map(([code, name]) => [code, name]));
const garbled = (name) => /\ufffd|ï¿½/.test(name);
const names = new Map();
for (const totals of byYear.values())
  for (const [code, t] of totals) names.set(code, klassName.get(code) ?? (garbled(t.name) ? (names.get(code) ?? code) : t.name));
const codes = [...names.keys()].sort();
const value = [];
const status = {};
for (const code of codes) {
  for (const year of YEARS) {
    const t = byYear.get(year).get(code);
    if (!t) status[value.length] = '..';
    value.push(t ? t.count : null);
  }
}
const index = (keys) => Object.fromEntries(keys.map((k, i) => [k, i]));
writeFileSync(
  join(out, 'ssb-07459.json'),
  JSON.stringify({
    version: '2.0',
    class: 'dataset',
    label: '07459: Befolkning, etter region, statistikkvariabel og år',
    source: 'Statistisk sentralbyrå',
    updated: '2024-02-21T07:00:00Z',
    role: { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] },
    id: ['Region', 'ContentsCode', 'Tid'],
    size: [codes.length, 1, YEARS.length],
    dimension: {
      Region: { label: 'region', category: { index: index(codes), label: Object.fromEntries(codes.map((c) => [c, names.get(c)])) } },
      ContentsCode: {
        label: 'statistikkvariabel',
        category: { index: { Personer1: 0 }, label: { Personer1: 'Personer' }, unit: { Personer1: { base: 'antall', decimals: 0 } } },
        extension: { elimination: false, refperiod: { Personer1: '1.1.' }, show: 'value' },
      },
      Tid: { label: 'år', category: { index: index(YEARS.map(String)), label: Object.fromEntries(YEARS.map((y) => [y, String(y)])) } },
    },
    extension: { px: { tableid: '07459', decimals: 0, language: 'no', contents: '07459: Befolkning,', matrix: 'Personer1' } },
    value,
    status,
  }) + '\n',
);
