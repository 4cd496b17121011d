import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { arkivstrukturXml, stableId, xmlText, type N5Archive, type N5File } from './noark5';

const dir = join(__dirname, 'noark5');
const now = '2026-12-03T10:00:00Z';

async function errors(xml: string): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName: 'arkivstruktur.xml', contents: xml }],
    schema: [{ fileName: 'arkivstruktur.xsd', contents: readFileSync(join(dir, 'arkivstruktur.xsd'), 'utf8') }],
    preload: [{ fileName: 'metadatakatalog.xsd', contents: readFileSync(join(dir, 'metadatakatalog.xsd'), 'utf8') }],
  });
  return r.errors.map((e) => e.rawMessage);
}

const file = (id: string): N5File => ({
  systemId: stableId('objekt', id),
  path: `dokumenter/${id}.pdf`,
  format: 'PDF',
  variant: 'Arkivformat',
  sha256: 'a'.repeat(64),
  size: 10,
  createdAt: now,
  createdBy: 'Pia Prosjektleder',
});

const archive = (): N5Archive => ({
  systemId: stableId('arkiv', 'p'),
  title: 'Glåmdalsregionen – Næringsvennlig Glåmdal',
  description: 'Saker',
  creator: { id: 'r', name: 'Regionrådet for Glåmdalsregionen' },
  part: { systemId: stableId('arkivdel', 'p'), title: 'Saker', description: 'Saker', periodStart: '2026-01-01', periodEnd: null },
  createdAt: now,
  cases: [
    {
      systemId: stableId('saksmappe', 's'),
      year: 2026,
      sequence: 3,
      title: 'Forstudie <Glåmdal> & co',
      description: null,
      caseDate: '2026-11-20',
      createdAt: now,
      createdBy: 'Pia Prosjektleder',
      closedAt: now,
      closedBy: 'Rådet',
      status: 'Avsluttet',
      unit: 'Regionrådet',
      responsible: 'Pia Prosjektleder',
      keywords: ['Glåmdal'],
      parties: [{ name: 'Grue (3417)', role: 'Deltakerkommune' }],
      notes: [{ text: 'Kommunestyret i Grue: nei', type: 'Kommunestyrevedtak', date: now, by: 'Sekretariatet' }],
      records: [
        {
          systemId: stableId('journalpost', '1'),
          type: 'Saksframlegg',
          title: 'Saksframlegg til Regionrådet',
          description: '  ',
          documentDate: '2026-11-20',
          journalDate: '2026-11-20',
          createdAt: now,
          createdBy: '',
          parties: [{ name: 'Regionrådet', role: 'Vedtaksorgan' }],
          documents: [
            {
              systemId: stableId('d', '1'),
              type: 'Saksframlegg',
              title: 'S',
              role: 'Hoveddokument',
              createdAt: now,
              createdBy: 'X',
              file: file('1'),
            },
            { systemId: stableId('d', '2'), type: 'Vedlegg', title: 'V', role: 'Vedlegg', createdAt: now, createdBy: 'X', file: file('2') },
          ],
        },
        {
          systemId: stableId('journalpost', '2'),
          type: 'Organinternt dokument uten oppfølging',
          title: 'Behandling i Rådmannsgruppa',
          description: null,
          documentDate: null,
          journalDate: '2026-11-25',
          createdAt: now,
          createdBy: 'Rådet',
          parties: [],
          documents: [],
          notes: [{ text: 'Saksframlegget ble ikke tatt vare på.', type: 'Saksframlegg', date: now, by: 'Næringsvennlig region' }],
        },
      ],
    },
  ],
});

describe('Noark 5 arkivstruktur.xml', () => {
  it('writes a structure that validates against Arkivverket’s v5.0 schema, blanks left out and text escaped', async () => {
    const xml = arkivstrukturXml(archive());
    expect(await errors(xml)).toEqual([]);
    expect(xml).toContain('<tittel>Forstudie &lt;Glåmdal&gt; &amp; co</tittel>');
    expect(xml).toContain('<mappeID>2026/3</mappeID>');
    expect(xml).toContain('<journalsekvensnummer>3002</journalsekvensnummer>');
    expect(xml).toContain('<antallVedlegg>1</antallVedlegg>');
    expect(xml).toContain('<opprettetAv>Næringsvennlig region</opprettetAv>');
    expect(xml).not.toMatch(/<beskrivelse>\s*<\/beskrivelse>/);
    // A journalpost's merknad sits after its title and description, before the journal numbers.
    expect(xml).toMatch(
      /<tittel>Behandling i Rådmannsgruppa<\/tittel>\s*<merknad>\s*<merknadstekst>Saksframlegget ble ikke tatt vare på\.<\/merknadstekst>/,
    );
  });

  it('writes an empty archive part that is still valid', async () => {
    expect(await errors(arkivstrukturXml({ ...archive(), cases: [] }))).toEqual([]);
  });

  it('makes stable, UUID-shaped ids and drops characters XML cannot carry', () => {
    expect(stableId('a', 'b')).toBe(stableId('a', 'b'));
    expect(stableId('a', 'b')).not.toBe(stableId('ab'));
    expect(stableId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(xmlText('a\u0001b "c"')).toBe('ab &quot;c&quot;');
  });
});
