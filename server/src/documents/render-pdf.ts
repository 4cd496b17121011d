import PDFDocument from 'pdfkit';
import type { DocModel } from './document-model';

/** A4 PDF with the built-in Helvetica (covers æ, ø and å), paginated tables with repeated headers. */
export function renderPdf(doc: DocModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      info: { Title: doc.title, Creator: 'Næringsvennlig region' },
      lang: 'nb-NO',
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const width = pdf.page.width - 112;

    pdf.font('Helvetica-Bold').fontSize(20).text(doc.title);
    if (doc.subtitle) pdf.font('Helvetica').fontSize(13).fillColor('#333333').text(doc.subtitle).fillColor('black');
    pdf.moveDown(0.5);
    for (const [k, v] of doc.meta) pdf.font('Helvetica-Bold').fontSize(10).text(`${k}: `, { continued: true }).font('Helvetica').text(v);
    pdf.moveDown();

    for (const b of doc.blocks) {
      switch (b.type) {
        case 'heading':
          if (pdf.y > pdf.page.height - 120) pdf.addPage();
          pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(b.text).moveDown(0.3);
          break;
        case 'paragraph':
          pdf
            .font(b.italic ? 'Helvetica-Oblique' : 'Helvetica')
            .fontSize(10)
            .text(b.text, { width })
            .moveDown(0.4);
          break;
        case 'list':
          pdf.font('Helvetica').fontSize(10).list(b.items, { width, bulletRadius: 2 }).moveDown(0.4);
          break;
        case 'table': {
          const cols = b.head.length;
          const colWidth = width / cols;
          const drawRow = (cells: string[], bold: boolean) => {
            pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
            const heights = cells.map((c) => pdf.heightOfString(c, { width: colWidth - 8 }));
            const h = Math.max(...heights) + 8;
            if (pdf.y + h > pdf.page.height - 56) {
              pdf.addPage();
              if (!bold) drawRow(b.head, true);
              pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
            }
            const y = pdf.y;
            cells.forEach((c, i) => {
              const x = 56 + i * colWidth;
              pdf.rect(x, y, colWidth, h).strokeColor('#999999').stroke();
              pdf.fillColor('black').text(c, x + 4, y + 4, { width: colWidth - 8, align: b.alignRight?.includes(i) ? 'right' : 'left' });
            });
            pdf.x = 56;
            pdf.y = y + h;
          };
          drawRow(b.head, true);
          for (const r of b.rows) drawRow(r, false);
          pdf.moveDown();
          break;
        }
      }
    }
    pdf.moveDown().font('Helvetica-Oblique').fontSize(8).fillColor('#555555').text(doc.footer, { width });
    pdf.end();
  });
}
