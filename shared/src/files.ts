/**
 * What may be uploaded, for both sides: the server judges a file by its structure, the web chooses and
 * pre-checks by name. Minutes, condition evidence and case documents are documents: PDF and the Office
 * formats (a survey export in Excel, a presentation in PowerPoint); a deliverable may also carry a CSV
 * (a Questback or Nettskjema export). Macro-enabled Office files (.docm, .xlsm, .pptm) are never taken.
 */
export const FILE_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv',
} as const;

export type FileKind = keyof typeof FILE_CONTENT_TYPES;

export const UPLOAD_KINDS = {
  document: ['pdf', 'docx', 'xlsx', 'pptx'],
  deliverable: ['pdf', 'docx', 'xlsx', 'pptx', 'csv'],
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

/** The file chooser's filter for a purpose: each allowed kind's extension and content type. */
export function uploadAccept(purpose: UploadPurpose): string {
  return (UPLOAD_KINDS[purpose] as readonly FileKind[]).flatMap((kind) => [`.${kind}`, FILE_CONTENT_TYPES[kind]]).join(',');
}
