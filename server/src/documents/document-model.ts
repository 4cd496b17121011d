/** A document laid out for a regionråd meeting, independent of format; rendered to DOCX and PDF. */
export type Block =
  | { type: 'heading'; text: string }
  /** A heading one level below `heading`. */
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; text: string; italic?: boolean; bold?: boolean }
  | { type: 'list'; items: string[] }
  | {
      type: 'table';
      head: string[];
      rows: string[][];
      alignRight?: number[];
      /** Relative column widths (default: equal); long text columns get more room, amounts less. */
      widths?: number[];
      /** How many rows at the end are totals (printed bold). */
      totalRows?: number;
      /** A table of label/value pairs: no heading row. */
      noHead?: boolean;
    };

export interface DocModel {
  /** What kind of document this is ("Saksframlegg", "Protokollutdrag"), printed above the header block. */
  kind?: string;
  /**
   * The header block of a municipal case document (body, case number, meeting date, case officer,
   * date), printed as a framed table before the title.
   */
  header?: [string, string][];
  title: string;
  subtitle?: string;
  /** Label/value pairs shown under the title (region, phase, case number…). */
  meta: [string, string][];
  blocks: Block[];
  footer: string;
}
