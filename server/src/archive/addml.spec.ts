import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { arkivuttrekkXml, type AddmlExtract } from './addml';

const XSD = readFileSync(join(__dirname, 'noark5', 'addml.xsd'), 'utf8');

async function errors(xml: string): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName: 'arkivuttrekk.xml', contents: xml }],
    schema: [{ fileName: 'addml.xsd', contents: XSD }],
  });
  return r.errors.map((e) => e.rawMessage);
}

const extract = (over: Partial<AddmlExtract> = {}): AddmlExtract => ({
  description: 'Glåmdal – Forstudie <Næringsvennlig> & co',
  creator: 'Glåmdal regionråd',
  archive: 'Glåmdal – Næringsvennlig Glåmdal',
  systemName: 'Næringsvennlig region',
  periodStart: '2026-01-05',
  periodEnd: '2026-12-03',
  structure: { name: 'arkivstruktur.xml', sha256: 'a'.repeat(64), size: 1234 },
  schemas: [
    { name: 'arkivstruktur.xsd', sha256: 'b'.repeat(64), size: 100 },
    { name: 'metadatakatalog.xsd', sha256: 'c'.repeat(64), size: 200 },
  ],
  folders: 2,
  records: 5,
  documentFiles: 7,
  ...over,
});

describe('ADDML arkivuttrekk.xml', () => {
  it('validates against Arkivverket’s ADDML 8.3 schema, text escaped', async () => {
    const xml = arkivuttrekkXml(extract());
    expect(await errors(xml)).toEqual([]);
    expect(xml).toContain('<description>Glåmdal – Forstudie &lt;Næringsvennlig&gt; &amp; co</description>');
    expect(xml).toMatch(
      /<property name="schema">\s*<value>main<\/value>\s*<properties>\s*<property name="file">\s*<properties>\s*<property name="name">\s*<value>arkivstruktur\.xsd/,
    );
    expect(xml).toMatch(/<property name="numberOfOccurrences">\s*<value>registrering<\/value>[\s\S]*?<value>5<\/value>/);
  });

  it('leaves the archival period out when the extract has none, and stays valid', async () => {
    const xml = arkivuttrekkXml(extract({ periodStart: null, periodEnd: null, folders: 0, records: 0, documentFiles: 0 }));
    expect(await errors(xml)).toEqual([]);
    expect(xml).not.toContain('archivalPeriod');
  });
});
