import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocModel } from './document-model';

const para = (text: string, opts: { bold?: boolean; italic?: boolean; right?: boolean; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    keepNext: opts.keepNext,
    keepLines: opts.keepNext,
    children: text.split('\n').map((line, i) => new TextRun({ text: line, bold: opts.bold, italics: opts.italic, break: i > 0 ? 1 : 0 })),
  });

/** The text width of an A4 page with the default margins, in twentieths of a point. */
const PAGE_WIDTH = 9026;

function table(b: Extract<Block, { type: 'table' }>, opts: { headerRow?: boolean } = {}): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const weights = b.widths && b.widths.length === b.head.length ? b.widths : b.head.map(() => 1);
  const sum = weights.reduce((s, w) => s + w, 0);
  const columnWidths = weights.map((w) => Math.floor((PAGE_WIDTH * w) / sum));
  const firstTotal = b.rows.length - (b.totalRows ?? 0);
  // Every row but the last keeps with the next, so Word keeps a table that fits on a page on one page
  // (totals with their rows); a longer one breaks between rows and repeats its heading row.
  const row = (cells: string[], head: boolean, bold: boolean, keepNext = true) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            borders,
            width: { size: columnWidths[i], type: WidthType.DXA },
            shading: head ? { fill: 'EEEEEE' } : undefined,
            children: [para(c, { bold: bold || (b.noHead === true && i === 0), right: b.alignRight?.includes(i), keepNext })],
          }),
      ),
    });
  return new Table({
    width: { size: PAGE_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [
      ...(opts.headerRow === false ? [] : [row(b.head, true, true, b.rows.length > 0)]),
      ...b.rows.map((r, i) => row(r, false, i >= firstTotal, i < b.rows.length - 1)),
    ],
  });
}

/** A block; headings, and a paragraph that introduces a table, keep with what follows. */
function block(b: Block, next: Block | undefined): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, keepNext: true })];
    case 'subheading':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_3, spacing: { before: 160, after: 80 }, keepNext: true })];
    case 'paragraph':
      return [para(b.text, { italic: b.italic, bold: b.bold, keepNext: next?.type === 'table' })];
    case 'list':
      return b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'table':
      return [table(b, { headerRow: !b.noHead }), new Paragraph({ text: '' })];
  }
}

export async function renderDocx(doc: DocModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...(doc.kind ? [new Paragraph({ children: [new TextRun({ text: doc.kind.toUpperCase(), bold: true, color: '333333' })] })] : []),
    ...(doc.header?.length
      ? [
          table({ type: 'table', head: ['', ''], rows: doc.header, widths: [1, 2], noHead: true }, { headerRow: false }),
          new Paragraph({ text: '' }),
        ]
      : []),
    new Paragraph({ text: doc.title, heading: doc.header ? HeadingLevel.HEADING_1 : HeadingLevel.TITLE }),
    ...(doc.subtitle ? [new Paragraph({ text: doc.subtitle, heading: HeadingLevel.HEADING_1 })] : []),
    ...doc.meta.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })),
    ...doc.blocks.flatMap((b, i) => block(b, doc.blocks[i + 1])),
    new Paragraph({ children: [new TextRun({ text: doc.footer, italics: true, size: 18 })], spacing: { before: 360 } }),
  ];
  const file = new Document({
    creator: 'Næringsvennlig region',
    title: doc.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(file);
}
