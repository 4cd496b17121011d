/** A document laid out for a regionråd meeting, independent of format; rendered to DOCX and PDF. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; italic?: boolean }
  | { type: 'list'; items: string[] }
  | { type: 'table'; head: string[]; rows: string[][]; alignRight?: number[] };

export interface DocModel {
  title: string;
  subtitle?: string;
  /** Label/value pairs shown under the title (region, phase, case number…). */
  meta: [string, string][];
  blocks: Block[];
  footer: string;
}
