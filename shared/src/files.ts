/**
 * What may be uploaded, for both sides: the server judges a file by its structure, the web chooses and
 * pre-checks by name. Minutes and condition evidence are documents; a deliverable may also carry a
 * spreadsheet (a Questback or Nettskjema export, a table of figures).
 */
export const FILE_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

export type FileKind = keyof typeof FILE_CONTENT_TYPES;

export const UPLOAD_KINDS = {
  document: ['pdf', 'docx'],
  deliverable: ['pdf', 'docx', 'xlsx', 'csv'],
} as const satisfies Record<string, readonly FileKind[]>;

export type UploadPurpose = keyof typeof UPLOAD_KINDS;

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The kind a file name claims (the server checks the content; the web only pre-checks). */
export function fileKindOfName(name: string): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext && ext in FILE_CONTENT_TYPES ? (ext as FileKind) : null;
}

/** Whether an upload for this purpose may be of this kind. */
export function uploadAllows(purpose: UploadPurpose, kind: FileKind | null): boolean {
  return kind !== null && (UPLOAD_KINDS[purpose] as readonly FileKind[]).includes(kind);
}
