import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocModel } from './document-model';

const para = (text: string, opts: { bold?: boolean; italic?: boolean; right?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: text.split('\n').map((line, i) => new TextRun({ text: line, bold: opts.bold, italics: opts.italic, break: i > 0 ? 1 : 0 })),
  });

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } })];
    case 'paragraph':
      return [para(b.text, { italic: b.italic })];
    case 'list':
      return b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'table': {
      const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
      const borders = { top: border, bottom: border, left: border, right: border };
      const row = (cells: string[], head: boolean) =>
        new TableRow({
          tableHeader: head,
          children: cells.map((c, i) => new TableCell({ borders, children: [para(c, { bold: head, right: b.alignRight?.includes(i) })] })),
        });
      return [
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(b.head, true), ...b.rows.map((r) => row(r, false))] }),
        new Paragraph({ text: '' }),
      ];
    }
  }
}

export async function renderDocx(doc: DocModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    ...(doc.subtitle ? [new Paragraph({ text: doc.subtitle, heading: HeadingLevel.HEADING_1 })] : []),
    ...doc.meta.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })),
    ...doc.blocks.flatMap(block),
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
