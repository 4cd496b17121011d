import type { Block, DocModel } from './document-model';

export interface PdfOptions {
  /** Compress the page streams (default true); tests turn it off to read the text back. */
  compress?: boolean;
}

const MARGIN = 56;

/**
 * A4 PDF with the built-in Helvetica (covers æ, ø and å), paginated tables with repeated headers. pdfkit is
 * loaded on the first document, not when the app starts.
 */
export async function renderPdf(doc: DocModel, options: PdfOptions = {}): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      info: { Title: doc.title, Creator: 'Næringsvennlig region' },
      lang: 'nb-NO',
      displayTitle: true,
      compress: options.compress ?? true,
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const width = pdf.page.width - 2 * MARGIN;
    const bottom = () => pdf.page.height - MARGIN;
    const usable = pdf.page.height - 2 * MARGIN;
    type TableBlock = Extract<Block, { type: 'table' }>;

    /** Column widths and x positions of a table. */
    const columns = (b: TableBlock) => {
      const weights = b.widths && b.widths.length === b.head.length ? b.widths : b.head.map(() => 1);
      const sum = weights.reduce((s, w) => s + w, 0);
      const colWidths = weights.map((w) => (width * w) / sum);
      const xs = colWidths.map((_, i) => MARGIN + colWidths.slice(0, i).reduce((s, w) => s + w, 0));
      return { colWidths, xs };
    };
    // A table of label/value pairs has its labels in bold.
    const cellFont = (b: TableBlock, bold: boolean, i: number) =>
      pdf.font(bold || (b.noHead && i === 0) ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const rowHeight = (b: TableBlock, cells: string[], bold: boolean) => {
      const { colWidths } = columns(b);
      return Math.max(...cells.map((c, i) => cellFont(b, bold, i).heightOfString(c || ' ', { width: colWidths[i] - 8 }))) + 8;
    };
    /** The height a table takes, its heading row included. */
    const tableHeight = (b: TableBlock, headerRow: boolean) => {
      const firstTotal = b.rows.length - (b.totalRows ?? 0);
      return (headerRow ? rowHeight(b, b.head, true) : 0) + b.rows.reduce((s, r, i) => s + rowHeight(b, r, i >= firstTotal), 0);
    };
    /** The height of a heading or paragraph, with the space around it. */
    const textHeight = (b: Block): number => {
      switch (b.type) {
        case 'heading':
          pdf.font('Helvetica-Bold').fontSize(13);
          return pdf.heightOfString(b.text, { width }) + pdf.currentLineHeight() * 0.8;
        case 'subheading':
          pdf.font('Helvetica-Bold').fontSize(11);
          return pdf.heightOfString(b.text, { width }) + pdf.currentLineHeight() * 0.5;
        case 'paragraph':
          pdf.font(b.bold ? 'Helvetica-Bold' : b.italic ? 'Helvetica-Oblique' : 'Helvetica').fontSize(10);
          return pdf.heightOfString(b.text, { width }) + pdf.currentLineHeight() * 0.4;
        default:
          return 0;
      }
    };

    /**
     * A table whose columns share the page width; rows never run past the bottom margin. A table that
     * fits on a page is kept on one page, its total rows with the rest; a longer one repeats its heading
     * row on each page.
     */
    const table = (b: TableBlock, opts: { headerRow?: boolean } = {}) => {
      const headerRow = opts.headerRow !== false;
      const { colWidths, xs } = columns(b);
      const firstTotal = b.rows.length - (b.totalRows ?? 0);
      const height = tableHeight(b, headerRow);
      if (height <= usable && pdf.y + height > bottom()) pdf.addPage();
      const drawRow = (cells: string[], bold: boolean, fill: string | null) => {
        const h = rowHeight(b, cells, bold);
        if (pdf.y + h > bottom()) {
          pdf.addPage();
          if (headerRow && cells !== b.head) drawRow(b.head, true, '#eeeeee');
        }
        const y = pdf.y;
        cells.forEach((c, i) => {
          if (fill) pdf.rect(xs[i], y, colWidths[i], h).fill(fill);
          pdf.rect(xs[i], y, colWidths[i], h).strokeColor('#999999').stroke();
          cellFont(b, bold, i)
            .fillColor('black')
            .text(c, xs[i] + 4, y + 4, { width: colWidths[i] - 8, align: b.alignRight?.includes(i) ? 'right' : 'left' });
        });
        pdf.x = MARGIN;
        pdf.y = y + h;
      };
      if (headerRow) drawRow(b.head, true, '#eeeeee');
      b.rows.forEach((r, i) => drawRow(r, i >= firstTotal, null));
      pdf.x = MARGIN;
      pdf.moveDown();
    };

    /**
     * A heading, or a short paragraph that introduces a table ("Kostnader"), stays on the page of what
     * follows it: the run of such blocks up to the next table or text, the table too if it fits on one
     * page (else its heading row and first row), or the text's first lines.
     */
    const keepWithNext = (from: number) => {
      let height = 0;
      for (let j = from; j < doc.blocks.length; j++) {
        const b = doc.blocks[j];
        if (b.type === 'table') {
          const whole = tableHeight(b, !b.noHead);
          height += whole <= usable ? whole : rowHeight(b, b.head, true) + (b.rows[0] ? rowHeight(b, b.rows[0], false) : 0);
          break;
        }
        if (b.type === 'list') {
          pdf.font('Helvetica').fontSize(10);
          height += pdf.currentLineHeight() * 2;
          break;
        }
        const h = textHeight(b);
        if (b.type === 'paragraph' && doc.blocks[j + 1]?.type !== 'table') {
          // Running text may break: its first lines are enough.
          height += Math.min(h, pdf.currentLineHeight() * 3);
          break;
        }
        height += h;
      }
      if (height <= usable && pdf.y + height > bottom()) pdf.addPage();
    };

    if (doc.kind) pdf.font('Helvetica-Bold').fontSize(11).fillColor('#333333').text(doc.kind.toUpperCase(), { width }).fillColor('black');
    if (doc.header?.length) {
      pdf.moveDown(0.3);
      table({ type: 'table', head: ['', ''], rows: doc.header, widths: [1, 2], noHead: true }, { headerRow: false });
    }
    pdf
      .font('Helvetica-Bold')
      .fontSize(doc.header ? 16 : 20)
      .text(doc.title, { width });
    if (doc.subtitle) pdf.font('Helvetica').fontSize(13).fillColor('#333333').text(doc.subtitle, { width }).fillColor('black');
    pdf.moveDown(0.5);
    for (const [k, v] of doc.meta)
      pdf.font('Helvetica-Bold').fontSize(10).text(`${k}: `, { continued: true, width }).font('Helvetica').text(v);
    pdf.moveDown();

    doc.blocks.forEach((b, i) => {
      if (b.type === 'heading' || b.type === 'subheading' || (b.type === 'paragraph' && doc.blocks[i + 1]?.type === 'table'))
        keepWithNext(i);
      switch (b.type) {
        case 'heading':
          pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(b.text, { width }).moveDown(0.3);
          break;
        case 'subheading':
          pdf.moveDown(0.3).font('Helvetica-Bold').fontSize(11).text(b.text, { width }).moveDown(0.2);
          break;
        case 'paragraph':
          pdf
            .font(b.bold ? 'Helvetica-Bold' : b.italic ? 'Helvetica-Oblique' : 'Helvetica')
            .fontSize(10)
            .text(b.text, { width })
            .moveDown(0.4);
          break;
        case 'list':
          if (b.items.length)
            pdf
              .font('Helvetica')
              .fontSize(10)
              .list(b.items, { width: width - 12, bulletRadius: 2 })
              .moveDown(0.4);
          break;
        case 'table':
          table(b, { headerRow: !b.noHead });
          break;
      }
    });
    pdf.moveDown().font('Helvetica-Oblique').fontSize(8).fillColor('#555555').text(doc.footer, MARGIN, undefined, { width });
    pdf.end();
  });
}
