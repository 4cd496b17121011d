import PDFDocument from 'pdfkit';
import type { Block, DocModel } from './document-model';

export interface PdfOptions {
  /** Compress the page streams (default true); tests turn it off to read the text back. */
  compress?: boolean;
}

const MARGIN = 56;

/** A4 PDF with the built-in Helvetica (covers æ, ø and å), paginated tables with repeated headers. */
export function renderPdf(doc: DocModel, options: PdfOptions = {}): Promise<Buffer> {
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

    /** A table whose columns share the page width; rows never run past the bottom margin. */
    const table = (b: Extract<Block, { type: 'table' }>, opts: { headerRow?: boolean } = {}) => {
      const weights = b.widths && b.widths.length === b.head.length ? b.widths : b.head.map(() => 1);
      const sum = weights.reduce((s, w) => s + w, 0);
      const colWidths = weights.map((w) => (width * w) / sum);
      const xs = colWidths.map((_, i) => MARGIN + colWidths.slice(0, i).reduce((s, w) => s + w, 0));
      const firstTotal = b.rows.length - (b.totalRows ?? 0);
      // A table of label/value pairs has its labels in bold.
      const font = (bold: boolean, i: number) => pdf.font(bold || (b.noHead && i === 0) ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      const drawRow = (cells: string[], bold: boolean, fill: string | null) => {
        const heights = cells.map((c, i) => font(bold, i).heightOfString(c || ' ', { width: colWidths[i] - 8 }));
        const h = Math.max(...heights) + 8;
        if (pdf.y + h > pdf.page.height - MARGIN) {
          pdf.addPage();
          if (opts.headerRow !== false && cells !== b.head) drawRow(b.head, true, '#eeeeee');
        }
        const y = pdf.y;
        cells.forEach((c, i) => {
          if (fill) pdf.rect(xs[i], y, colWidths[i], h).fill(fill);
          pdf.rect(xs[i], y, colWidths[i], h).strokeColor('#999999').stroke();
          font(bold, i)
            .fillColor('black')
            .text(c, xs[i] + 4, y + 4, { width: colWidths[i] - 8, align: b.alignRight?.includes(i) ? 'right' : 'left' });
        });
        pdf.x = MARGIN;
        pdf.y = y + h;
      };
      if (opts.headerRow !== false) drawRow(b.head, true, '#eeeeee');
      b.rows.forEach((r, i) => drawRow(r, i >= firstTotal, null));
      pdf.x = MARGIN;
      pdf.moveDown();
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

    for (const b of doc.blocks) {
      switch (b.type) {
        case 'heading':
          if (pdf.y > pdf.page.height - 120) pdf.addPage();
          pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(b.text, { width }).moveDown(0.3);
          break;
        case 'subheading':
          if (pdf.y > pdf.page.height - 100) pdf.addPage();
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
    }
    pdf.moveDown().font('Helvetica-Oblique').fontSize(8).fillColor('#555555').text(doc.footer, MARGIN, undefined, { width });
    pdf.end();
  });
}
