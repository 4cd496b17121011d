import { xmlText } from './noark5';

/**
 * The arkivuttrekk.xml of a Noark 5 v5.0 extract: its ADDML 8.3 description (who made it, from which system,
 * which period), and arkivstruktur.xml with its schemas, checksums, sizes and number of folders and records.
 * Laid out as the Noark 5 standard's example ("Eksempel på arkivuttrekk.xml") and validated against
 * Arkivverket's `noark5/addml.xsd` in the tests. Pure: no I/O.
 */

export const ADDML_NS = 'http://www.arkivverket.no/standarder/addml';

/** A file of the extract with its SHA-256 (hex) and size in bytes. */
export interface AddmlFile {
  name: string;
  sha256: string;
  size: number;
}

export interface AddmlExtract {
  /** What the extract holds, in words. */
  description: string;
  /** The arkivskaper (the region's council). */
  creator: string;
  archive: string;
  systemName: string;
  periodStart: string | null;
  periodEnd: string | null;
  structure: AddmlFile;
  /** The schemas of arkivstruktur.xml: the first is the main one. */
  schemas: AddmlFile[];
  folders: number;
  records: number;
  documentFiles: number;
}

/** An ADDML property or additionalElement: a name, a value and/or nested ones. */
interface Node {
  name: string;
  value?: string | number;
  dataType?: string;
  children?: Node[];
}

const prop = (name: string, value?: string | number, children?: Node[], dataType?: string): Node => ({ name, value, children, dataType });

function write(out: string[], tag: 'property' | 'additionalElement', n: Node, depth: number): void {
  const pad = '  '.repeat(depth);
  const attrs = `${n.dataType ? ` dataType="${n.dataType}"` : ''} name="${xmlText(n.name)}"`;
  out.push(`${pad}<${tag}${attrs}>`);
  if (n.value !== undefined) out.push(`${pad}  <value>${xmlText(String(n.value))}</value>`);
  if (n.children?.length) {
    // An additionalElement nests additionalElements; a property nests properties.
    const wrapper = tag === 'additionalElement' ? 'additionalElements' : 'properties';
    out.push(`${pad}  <${wrapper}>`);
    for (const c of n.children) write(out, tag, c, depth + 2);
    out.push(`${pad}  </${wrapper}>`);
  }
  out.push(`${pad}</${tag}>`);
}

const fileProperty = (f: AddmlFile): Node =>
  prop('file', undefined, [
    prop('name', f.name),
    prop('format', 'XML', [prop('version', '1.0')]),
    prop('checksum', undefined, [prop('algorithm', 'SHA-256'), prop('value', f.sha256)]),
    prop('size', f.size, undefined, 'integer'),
  ]);

const count = (element: string, n: number): Node =>
  prop('numberOfOccurrences', element, [prop('elementPath', `//${element}`), prop('value', n, undefined, 'integer')]);

/** The arkivuttrekk.xml of an extract. */
export function arkivuttrekkXml(x: AddmlExtract): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<addml xmlns="${ADDML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ADDML_NS} addml.xsd" name="Noark 5-arkivuttrekk">`,
    '  <dataset>',
    `    <description>${xmlText(x.description)}</description>`,
    '    <reference>',
    '      <context>',
    '        <additionalElements>',
  ];
  const context: Node[] = [
    prop('recordCreators', undefined, [prop('recordCreator', x.creator)]),
    prop('systemType', 'Noark 5'),
    prop('systemName', x.systemName),
    prop('archive', x.archive),
  ];
  for (const n of context) write(out, 'additionalElement', n, 5);
  out.push('        </additionalElements>', '      </context>');
  const period = [...(x.periodStart ? [prop('startDate', x.periodStart)] : []), ...(x.periodEnd ? [prop('endDate', x.periodEnd)] : [])];
  if (period.length) {
    out.push(
      '      <content>',
      '        <additionalElements>',
      '          <additionalElement name="archivalPeriod">',
      '            <properties>',
    );
    for (const p of period) write(out, 'property', p, 7);
    out.push('            </properties>', '          </additionalElement>', '        </additionalElements>', '      </content>');
  }
  out.push('    </reference>', '    <dataObjects>', '      <dataObject name="Noark 5-arkivuttrekk">', '        <properties>');
  write(
    out,
    'property',
    prop('info', undefined, [
      prop('type', 'Noark 5', [prop('version', '5.0')]),
      prop('additionalInfo', undefined, [
        prop('periode', undefined, [prop('inngaaendeSkille', 'skarpt'), prop('utgaaendeSkille', 'skarpt')]),
        prop('inneholderSkjermetInformasjon', 'false', undefined, 'boolean'),
        prop('omfatterDokumenterSomErKassert', 'false', undefined, 'boolean'),
        prop('inneholderDokumenterSomSkalKasseres', 'false', undefined, 'boolean'),
        prop('inneholderVirksomhetsspesifikkeMetadata', 'false', undefined, 'boolean'),
        prop('antallDokumentfiler', x.documentFiles, undefined, 'integer'),
      ]),
    ]),
    5,
  );
  out.push('        </properties>', '        <dataObjects>', '          <dataObject name="arkivstruktur">', '            <properties>');
  write(out, 'property', fileProperty(x.structure), 7);
  x.schemas.forEach((s, i) =>
    write(
      out,
      'property',
      prop('schema', i === 0 ? 'main' : undefined, [fileProperty(s), prop('type', 'XML Schema', [prop('version', '1.0')])]),
      7,
    ),
  );
  write(out, 'property', prop('info', undefined, [count('mappe', x.folders), count('registrering', x.records)]), 7);
  out.push(
    '            </properties>',
    '          </dataObject>',
    '        </dataObjects>',
    '      </dataObject>',
    '    </dataObjects>',
    '  </dataset>',
    '</addml>',
  );
  return out.join('\n') + '\n';
}
