import { strToU8, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';

/** A real one-page PDF, as an upload must be (the server opens every PDF it is given). */
export async function samplePdf(title = 'Protokoll'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.addPage([200, 200]);
  return Buffer.from(await doc.save());
}

/** The smallest zip that Word and the server take as a .docx: content types and the document part. */
export function sampleDocx(text = 'Notat'): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    }),
  );
}

/** An Office Open XML package: `[Content_Types].xml` and the given parts (names as in the zip). */
export function sampleOfficeFile(parts: Record<string, string>): Buffer {
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
  return Buffer.from(
    zipSync(Object.fromEntries(Object.entries({ '[Content_Types].xml': types, ...parts }).map(([n, t]) => [n, strToU8(t)]))),
  );
}

/** The smallest workbook the server takes as an .xlsx (a survey export). */
export const sampleXlsx = () => sampleOfficeFile({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' });

/** The smallest presentation the server takes as a .pptx. */
export const samplePptx = () => sampleOfficeFile({ 'ppt/presentation.xml': '<p:presentation/>', 'ppt/slides/slide1.xml': '<p:sld/>' });
