import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Population on 1 January per year for each region code ('0' is the whole country), as SSB's table 07459 has it. */
export type SsbFigures = Record<string, Record<string, number | null>>;

/** Table 07459 in the JSON-stat 2 shape SSB's PxWebApi v2 answers with (Region × ContentsCode × Tid). */
export function ssbDataset(figures: SsbFigures, years: string[]): unknown {
  const regions = Object.keys(figures);
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  for (const r of regions) {
    for (const y of years) {
      const v = figures[r][y] ?? null;
      if (v === null) status[String(value.length)] = '..';
      value.push(v);
    }
  }
  return {
    version: '2.0',
    class: 'dataset',
    label: '07459: Befolkning, etter region, statistikkvariabel og år',
    source: 'Statistisk sentralbyrå',
    updated: '2025-02-25T07:00:00Z',
    role: { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] },
    id: ['Region', 'ContentsCode', 'Tid'],
    size: [regions.length, 1, years.length],
    dimension: {
      Region: { label: 'region', category: { index: Object.fromEntries(regions.map((r, i) => [r, i])) } },
      ContentsCode: { label: 'statistikkvariabel', category: { index: { Personer1: 0 }, label: { Personer1: 'Personer' } } },
      Tid: { label: 'år', category: { index: Object.fromEntries(years.map((y, i) => [y, i])) } },
    },
    extension: { px: { tableid: '07459', decimals: 0, language: 'no' } },
    value,
    status,
  };
}

/**
 * A local stand-in for SSB's PxWebApi v2 that answers table 07459 with the years asked for (valueCodes[Tid]) that
 * it has; `down` makes it answer 500. Give the app `ssbApiUrl: fake.url`.
 */
export async function startFakeSsb(figures: SsbFigures): Promise<{
  url: string;
  requests: string[];
  setDown(down: boolean): void;
  close(): Promise<void>;
}> {
  const requests: string[] = [];
  let down = false;
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (down) {
      res.writeHead(500, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'down' }));
    }
    const asked = (new URL(req.url ?? '/', 'http://localhost').searchParams.get('valueCodes[Tid]') ?? '').split(',');
    const known = new Set(Object.values(figures).flatMap((byYear) => Object.keys(byYear)));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        ssbDataset(
          figures,
          asked.filter((y) => known.has(y)),
        ),
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pxwebapi/v2`,
    requests,
    setDown: (d) => {
      down = d;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
