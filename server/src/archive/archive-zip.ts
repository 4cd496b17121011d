import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { DataSource } from 'typeorm';
import { repoRoot } from '../config/app-config';
import { arkivuttrekkXml, type AddmlExtract } from './addml';
import { readArchiveFileData, type ArchiveFileRecord } from './archive.queries';
import { stableId, type N5Archive, type N5Case, type N5Document, type N5File, type N5Record } from './noark5';
import { arkivstrukturXml } from './noark5';

/**
 * Writing an extract: the documents under `dokumenter/` (rendered or read one at a time), `arkivstruktur.xml`
 * with every file's SHA-256, `arkivuttrekk.xml` (ADDML) describing it, the XSDs, and `sjekksummer.sha256`
 * listing the checksum of every file in the extract.
 */

/** Where a document's bytes come from: a case document rendered now, or a stored file. */
export type DocSource = { kind: 'render'; name: string; render: () => Promise<Buffer> } | { kind: 'stored'; file: ArchiveFileRecord };

/** A document planned into the extract; its file (path, checksum, size) is filled in while the zip is written. */
export interface PlannedDocument extends Omit<N5Document, 'file'> {
  source: DocSource;
  file?: N5File;
}

export interface PlannedRecord extends Omit<N5Record, 'documents'> {
  documents: PlannedDocument[];
}

export interface PlannedCase extends Omit<N5Case, 'records'> {
  records: PlannedRecord[];
}

/** What arkivuttrekk.xml says beyond the files: the extract's words, creator, system and period. */
export type ExtractInfo = Pick<AddmlExtract, 'description' | 'creator' | 'archive' | 'systemName' | 'periodStart' | 'periodEnd'>;

const NOARK5_DIR = join(repoRoot, 'server', 'src', 'archive', 'noark5');
/** arkivstruktur.xml's schemas (the main one first), then ADDML's for arkivuttrekk.xml. */
const STRUCTURE_SCHEMAS = ['arkivstruktur.xsd', 'metadatakatalog.xsd'] as const;
const ADDML_SCHEMA = 'addml.xsd';

/** The zip, piece by piece: each document (rendered or read one at a time), then the structure and the checksum list. */
export async function* zipChunks(
  archive: Omit<N5Archive, 'cases'>,
  cases: PlannedCase[],
  info: ExtractInfo,
  db: DataSource,
): AsyncGenerator<Buffer> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let done = false;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const take = (): Buffer => {
    if (failure) throw failure;
    const b = Buffer.concat(out);
    out.length = 0;
    return b;
  };
  const sums: string[] = [];
  const add = (path: string, data: Uint8Array, compress: boolean): string => {
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    zip.add(entry);
    entry.push(data, true);
    const sha256 = createHash('sha256').update(data).digest('hex');
    sums.push(`${sha256}  ${path}`);
    return sha256;
  };
  const addFile = (name: string, data: Uint8Array) => ({ name, sha256: add(name, data, true), size: data.length });
  try {
    let n = 0;
    for (const c of cases)
      for (const r of c.records)
        for (const d of r.documents) {
          n += 1;
          const data = d.source.kind === 'render' ? await d.source.render() : await readArchiveFileData(db.manager, d.source.file.id);
          if (!data) throw new Error(`The stored file ${d.source.kind === 'stored' ? d.source.file.id : ''} went away during the export`);
          const name = d.source.kind === 'render' ? d.source.name : d.source.file.filename;
          const contentType = d.source.kind === 'render' ? 'application/pdf' : d.source.file.content_type;
          const path = `dokumenter/${String(n).padStart(4, '0')}-${safeName(name)}`;
          const format = fileFormat(contentType, name);
          const sha256 = add(path, data, format === 'XML' || format === 'TXT');
          d.file = {
            systemId: stableId('dokumentobjekt', d.systemId),
            path,
            format,
            variant: format === 'PDF' ? 'Arkivformat' : 'Produksjonsformat',
            sha256,
            size: data.length,
            createdAt: d.createdAt,
            createdBy: d.createdBy,
          };
          const chunk = take();
          if (chunk.length) yield chunk;
        }
    const full: N5Archive = {
      ...archive,
      cases: cases.map((c) => ({
        ...c,
        records: c.records.map((r) => ({
          ...r,
          documents: r.documents.map(({ source: _source, file, ...d }) => {
            if (!file) throw new Error('a document was not written');
            return { ...d, file };
          }),
        })),
      })),
    };
    const structure = addFile('arkivstruktur.xml', Buffer.from(arkivstrukturXml(full), 'utf8'));
    const schemas = STRUCTURE_SCHEMAS.filter((name) => existsSync(join(NOARK5_DIR, name))).map((name) =>
      addFile(name, readFileSync(join(NOARK5_DIR, name))),
    );
    const records = full.cases.flatMap((c) => c.records);
    const uttrekk = arkivuttrekkXml({
      ...info,
      structure,
      schemas,
      folders: full.cases.length,
      records: records.length,
      documentFiles: n,
    });
    addFile('arkivuttrekk.xml', Buffer.from(uttrekk, 'utf8'));
    if (existsSync(join(NOARK5_DIR, ADDML_SCHEMA))) addFile(ADDML_SCHEMA, readFileSync(join(NOARK5_DIR, ADDML_SCHEMA)));
    const list = Buffer.from(sums.join('\n') + '\n', 'utf8');
    const entry = new ZipDeflate('sjekksummer.sha256', { level: 6 });
    zip.add(entry);
    entry.push(list, true);
    zip.end();
    done = true;
    yield take();
  } finally {
    if (!done) zip.terminate();
  }
}

/** Noark's format name of a file. */
function fileFormat(contentType: string, filename: string): string {
  if (contentType === 'application/pdf') return 'PDF';
  if (contentType.includes('wordprocessingml')) return 'DOCX';
  if (contentType === 'application/msword') return 'DOC';
  if (contentType.includes('xml')) return 'XML';
  if (contentType.startsWith('text/')) return 'TXT';
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1];
  return ext ? ext.toUpperCase() : 'BIN';
}

/** A file name safe in a zip on every system: ASCII letters, digits, dot, dash and underscore. */
export function safeName(name: string): string {
  const ascii = name
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[åÅ]/g, (c) => (c === 'å' ? 'aa' : 'AA'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const safe = ascii
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return safe.slice(0, 120) || 'dokument';
}
