import { FILE_CONTENT_TYPES, fileKindOfName, MAX_UPLOAD_BYTES, uploadAllows, type FileKind, type UploadPurpose } from '@nvr/shared';
import { createHash } from 'node:crypto';
import { DomainError } from '../common/domain-error';
import './file.errors'; // declares this feature's error codes

export const MAX_FILE_BYTES = MAX_UPLOAD_BYTES;

export interface UploadedFileLike {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface CheckedFile {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

const KIND_WORDS: Record<FileKind, string> = {
  pdf: 'PDF',
  docx: 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
  pptx: 'PowerPoint (.pptx)',
  csv: 'CSV',
};

/** Each Office kind by its main part: an Office Open XML package holds `[Content_Types].xml` and one of these. */
const OFFICE_MAIN_PARTS: readonly (readonly [FileKind, string])[] = [
  ['docx', 'word/document.xml'],
  ['xlsx', 'xl/workbook.xml'],
  ['pptx', 'ppt/presentation.xml'],
];

/**
 * Accepts the kinds the purpose allows (shared/src/files.ts) up to 10 MB, judged by their structure,
 * not by the browser's word, the name or the first bytes: a PDF must open in a PDF library and have
 * pages; a DOCX, XLSX or PPTX must be a zip archive holding `[Content_Types].xml` and exactly one of
 * `word/document.xml`, `xl/workbook.xml`, `ppt/presentation.xml`, and no macros (see officeKind); a
 * CSV must be named .csv and be text (no NUL or other control characters). The name is cleaned for use
 * in a download header.
 */
export async function checkUpload(file: UploadedFileLike | undefined, purpose: UploadPurpose = 'document'): Promise<CheckedFile> {
  if (!file || file.size === 0)
    throw new DomainError('VALIDATION_FAILED', 'Choose a file to upload (field "file").', [
      { field: 'file', messages: ['file is required'] },
    ]);
  if (file.size > MAX_FILE_BYTES)
    throw new DomainError('FILE_TOO_LARGE', `The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  const b = file.buffer;
  const name = utf8Filename(file.originalname);
  const ext = await detectType(b, name);
  if (!ext || !uploadAllows(purpose, ext)) throw notAllowed(purpose);
  return {
    filename: cleanFilename(name, ext),
    contentType: FILE_CONTENT_TYPES[ext],
    size: file.size,
    sha256: createHash('sha256').update(b).digest('hex'),
    data: b,
  };
}

function notAllowed(purpose: UploadPurpose): DomainError {
  const kinds = (Object.keys(KIND_WORDS) as FileKind[]).filter((k) => uploadAllows(purpose, k)).map((k) => KIND_WORDS[k]);
  return new DomainError(
    'FILE_TYPE_NOT_ALLOWED',
    `Only ${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]} files can be uploaded here.`,
  );
}

/** The kind the content shows, null when it is none of them; refuses what only pretends to be a PDF or Office file. */
async function detectType(b: Buffer, name: string): Promise<FileKind | null> {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') {
    if (await isReadablePdf(b)) return 'pdf';
    throw new DomainError(
      'FILE_TYPE_NOT_ALLOWED',
      'The file starts like a PDF but is not a PDF document that can be opened (it may be damaged or something else renamed). Save or export it again as PDF and upload that.',
    );
  }
  if (b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return officeKind(zipPartNames(b));
  return fileKindOfName(name) === 'csv' && isText(b) ? 'csv' : null;
}

/**
 * Text as spreadsheet programs export it: UTF-16 with its byte-order mark, or bytes without NUL and
 * without control characters other than tab, line feed, form feed and carriage return (UTF-8 and the
 * Windows code page Norwegian Excel uses both pass).
 */
export function isText(b: Uint8Array): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return b.length % 2 === 0;
  for (const byte of b) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
  return true;
}

/**
 * A PDF that pdf-lib can open, with a document catalogue and at least one page. Encrypted PDFs are fine.
 * pdf-lib is loaded on the first upload, not when the app starts.
 */
export async function isReadablePdf(b: Uint8Array): Promise<boolean> {
  const { PDFDocument } = await import('pdf-lib');
  try {
    const doc = await PDFDocument.load(b, { ignoreEncryption: true, updateMetadata: false });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

/**
 * The Office kind of a zip archive by its part names: `[Content_Types].xml` and exactly one main part
 * (OFFICE_MAIN_PARTS). Refuses a zip that is anything else (an OpenDocument file, a plain archive, two
 * main parts) and a macro-enabled package (.docm, .xlsm, .pptm and their templates: a VBA project,
 * or Excel 4.0 macro sheets), whatever it is named. Part names compare without case, as OPC says.
 */
export function officeKind(parts: ReadonlySet<string>): FileKind {
  const main = parts.has('[content_types].xml') ? OFFICE_MAIN_PARTS.filter(([, part]) => parts.has(part)) : [];
  if (main.length !== 1)
    throw new DomainError(
      'FILE_TYPE_NOT_ALLOWED',
      'The file is a zip archive but not a Word document (.docx), an Excel workbook (.xlsx) or a PowerPoint presentation (.pptx). Save it from Word, Excel or PowerPoint in that format and upload that.',
    );
  if ([...parts].some((p) => /(^|\/)vbaproject\.bin$/.test(p) || p.startsWith('xl/macrosheets/')))
    throw new DomainError(
      'FILE_TYPE_NOT_ALLOWED',
      'The file contains macros (a macro-enabled Office file such as .docm, .xlsm or .pptm). Save it without macros as .docx, .xlsx or .pptx and upload that.',
    );
  return main[0][0];
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
/** The fixed part of a central directory entry; the name, extra field and comment follow. */
const CENTRAL_ENTRY_BYTES = 46;

/**
 * The part names of a zip archive in lower case, read from its central directory only: nothing is
 * unpacked, so a zip bomb costs nothing, and every count and offset is checked against the bytes there
 * are (an archive that claims four billion entries in a few bytes is refused, not walked). Empty when it
 * is not a readable zip.
 */
export function zipPartNames(b: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  // The end-of-central-directory record is the last 22 bytes, before a comment of at most 65 535.
  let end = -1;
  for (let at = b.length - 22; at >= 0 && at >= b.length - 22 - 0xffff; at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return names;
  let count = u16(end + 10);
  let size = u32(end + 12);
  let offset = u32(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    if (end < 20 || u32(end - 20) !== ZIP64_LOCATOR) return names;
    const at = u64(end - 12);
    if (at + 56 > b.length || u32(at) !== ZIP64_EOCD) return names;
    count = u64(at + 32);
    size = u64(at + 40);
    offset = u64(at + 48);
  }
  const stop = offset + size;
  if (stop > b.length || count > size / CENTRAL_ENTRY_BYTES) return names;
  const decoder = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_ENTRY_BYTES > stop || u32(at) !== CENTRAL_ENTRY) {
      names.clear();
      return names;
    }
    const nameLength = u16(at + 28);
    const next = at + CENTRAL_ENTRY_BYTES + nameLength + u16(at + 30) + u16(at + 32);
    if (next > stop) {
      names.clear();
      return names;
    }
    names.add(decoder.decode(b.subarray(at + CENTRAL_ENTRY_BYTES, at + CENTRAL_ENTRY_BYTES + nameLength)).toLowerCase());
    at = next;
  }
  return names;
}

/**
 * Characters that change how text is shown rather than what it says: bidirectional controls (a
 * right-to-left override makes "rapport\u202Efdp.exe" look like "rapportexe.pdf"), and U+2028/U+2029.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const INVISIBLE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/g;

export function cleanFilename(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(/["<>:|?*]/g, '')
    .trim()
    .slice(0, 150);
  const withoutExt = base.replace(/\.[^.]*$/, '').trim() || 'dokument';
  return `${withoutExt}.${ext}`;
}

/** A Content-Disposition header that keeps Norwegian letters (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Browsers send the file name as raw UTF-8 bytes, which the multipart parser reads as Latin-1
 * ("rÃ¥det"); decode it again unless that would break it.
 */
export function utf8Filename(name: string): string {
  const codes = [...name].map((c) => c.codePointAt(0) ?? 0);
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? name : decoded;
}
