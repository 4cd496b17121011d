import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { DomainError } from '../common/domain-error';
import './file.errors'; // declares this feature's error codes

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const ALLOWED_FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

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

/**
 * Accepts PDF and Word (DOCX) files up to 10 MB, judged by their structure, not by the name, the
 * browser's word or the first bytes: a PDF must open in a PDF library and have pages, a DOCX must be a
 * zip archive holding `[Content_Types].xml` and `word/document.xml`. The name is cleaned for use in a
 * download header.
 */
export async function checkUpload(file: UploadedFileLike | undefined): Promise<CheckedFile> {
  if (!file || file.size === 0)
    throw new DomainError('VALIDATION_FAILED', 'Choose a file to upload (field "file").', [
      { field: 'file', messages: ['file is required'] },
    ]);
  if (file.size > MAX_FILE_BYTES)
    throw new DomainError('FILE_TOO_LARGE', `The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  const b = file.buffer;
  const ext = await detectType(b);
  return {
    filename: cleanFilename(utf8Filename(file.originalname), ext),
    contentType: ALLOWED_FILE_TYPES[ext],
    size: file.size,
    sha256: createHash('sha256').update(b).digest('hex'),
    data: b,
  };
}

type FileKind = keyof typeof ALLOWED_FILE_TYPES;

async function detectType(b: Buffer): Promise<FileKind> {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') {
    if (await isReadablePdf(b)) return 'pdf';
    throw new DomainError(
      'FILE_TYPE_NOT_ALLOWED',
      'The file starts like a PDF but is not a PDF document that can be opened (it may be damaged or something else renamed). Save or export it again as PDF and upload that.',
    );
  }
  if (b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    if (isWordDocument(b)) return 'docx';
    throw new DomainError(
      'FILE_TYPE_NOT_ALLOWED',
      'The file is a zip archive but not a Word document (.docx): it lacks [Content_Types].xml or word/document.xml. Save it from Word as .docx and upload that.',
    );
  }
  throw new DomainError('FILE_TYPE_NOT_ALLOWED', 'Only PDF and Word (.docx) files can be uploaded.');
}

/** A PDF that pdf-lib can open, with a document catalogue and at least one page. Encrypted PDFs are fine. */
export async function isReadablePdf(b: Uint8Array): Promise<boolean> {
  try {
    const doc = await PDFDocument.load(b, { ignoreEncryption: true, updateMetadata: false });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

/** A zip archive (read without unpacking its parts) with the two parts every Word document has. */
export function isWordDocument(b: Uint8Array): boolean {
  try {
    const names = new Set<string>();
    unzipSync(b, {
      filter: (entry) => {
        names.add(entry.name);
        return false;
      },
    });
    return names.has('[Content_Types].xml') && names.has('word/document.xml');
  } catch {
    return false;
  }
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
