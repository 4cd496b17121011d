import { createHash } from 'node:crypto';
import { DomainError } from '../common/domain-error';

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
 * Accepts PDF and Word (DOCX) files up to 10 MB, judged by their content (magic bytes), not by the
 * name or the browser's word. The name is cleaned for use in a download header.
 */
export function checkUpload(file: UploadedFileLike | undefined): CheckedFile {
  if (!file || file.size === 0)
    throw new DomainError('VALIDATION_FAILED', 'Choose a file to upload (field "file").', [
      { field: 'file', messages: ['file is required'] },
    ]);
  if (file.size > MAX_FILE_BYTES)
    throw new DomainError('FILE_TOO_LARGE', `The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  const b = file.buffer;
  const isPdf = b.subarray(0, 5).toString('latin1') === '%PDF-';
  const isZip = b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  const isDocx = isZip && b.includes('word/') && b.includes('[Content_Types].xml');
  if (!isPdf && !isDocx) throw new DomainError('FILE_TYPE_NOT_ALLOWED', 'Only PDF and Word (.docx) files can be uploaded.');
  const ext = isPdf ? 'pdf' : 'docx';
  return {
    filename: cleanFilename(utf8Filename(file.originalname), ext),
    contentType: ALLOWED_FILE_TYPES[ext],
    size: file.size,
    sha256: createHash('sha256').update(b).digest('hex'),
    data: b,
  };
}

export function cleanFilename(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
    .trim()
    .slice(0, 150);
  const withoutExt = base.replace(/\.[^.]*$/, '') || 'dokument';
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
