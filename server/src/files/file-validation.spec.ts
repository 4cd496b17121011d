import { strToU8, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { DomainError } from '../common/domain-error';
import { checkUpload, cleanFilename, zipPartNames } from './file-validation';

async function realPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Sluttrapport');
  return Buffer.from(await doc.save());
}

function docx(parts: Record<string, string>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)]))));
}

const upload = (buffer: Buffer, originalname = 'rapport.pdf') => ({ originalname, size: buffer.length, buffer });

async function refusal(buffer: Buffer): Promise<DomainError> {
  const error = await checkUpload(upload(buffer)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('checkUpload', () => {
  it('takes a PDF that opens, judged by its structure', async () => {
    const pdf = await realPdf();
    const checked = await checkUpload(upload(pdf, 'Sluttrapport.docx'));
    expect(checked).toMatchObject({ filename: 'Sluttrapport.pdf', contentType: 'application/pdf', size: pdf.length });
  });

  it('refuses what only starts like a PDF: HTML, a bare header, a truncated file', async () => {
    const pdf = await realPdf();
    for (const fake of [
      Buffer.from('%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>'),
      Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      pdf.subarray(0, 200),
    ]) {
      const e = await refusal(fake);
      expect(e.code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(e.status).toBe(422);
      expect(e.message).toMatch(/not a PDF document that can be opened/);
    }
  });

  it('takes a DOCX with its content types and document part, and refuses other zip archives', async () => {
    const word = docx({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(await checkUpload(upload(word, 'Plan.docx'))).toMatchObject({
      filename: 'Plan.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const noDocument = docx({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<w:styles/>' });
    expect((await refusal(noDocument)).message).toMatch(/not a Word document \(\.docx\), an Excel workbook \(\.xlsx\) or a PowerPoint/);
    // The names appear in the bytes, but not as parts of the archive.
    const namesInContent = docx({ 'readme.txt': 'word/document.xml [Content_Types].xml' });
    expect((await refusal(namesInContent)).code).toBe('FILE_TYPE_NOT_ALLOWED');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml [Content_Types].xml')]);
    expect((await refusal(brokenZip)).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('takes a spreadsheet export (XLSX or CSV) on a deliverable, and CSV only as text and only there', async () => {
    const workbook = docx({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect(await checkUpload(upload(workbook, 'Questback-eksport.xlsx'), 'deliverable')).toMatchObject({
      filename: 'Questback-eksport.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const csv = Buffer.from('Rolle;Ansatte\r\nDaglig leder;4–10\r\n', 'utf8');
    expect(await checkUpload(upload(csv, 'svar.csv'), 'deliverable')).toMatchObject({
      filename: 'svar.csv',
      contentType: 'text/csv',
    });
    // Norwegian Excel's own code page, and UTF-16 with its byte-order mark.
    expect((await checkUpload(upload(Buffer.from('R\xe5d;\xc6re\n', 'latin1'), 'a.csv'), 'deliverable')).filename).toBe('a.csv');
    expect((await checkUpload(upload(Buffer.from('\ufeffA;B\n', 'utf16le'), 'b.csv'), 'deliverable')).filename).toBe('b.csv');
    // Minutes and conditions take no CSV.
    const minutes = await checkUpload(upload(csv, 'svar.csv')).catch((e: unknown) => e);
    expect(minutes).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: 'Only PDF, Word (.docx), Excel (.xlsx) and PowerPoint (.pptx) files can be uploaded here.',
    });
    // Binary content named .csv is not text.
    const binary = await checkUpload(upload(Buffer.from([0x41, 0x00, 0x42, 0x01]), 'x.csv'), 'deliverable').catch((e: unknown) => e);
    expect(binary).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
  });

  it('takes Excel and PowerPoint files anywhere, judged by their parts, not their names', async () => {
    const workbook = docx({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<x/>' });
    const slides = docx({
      '[Content_Types].xml': '<Types/>',
      'ppt/presentation.xml': '<p:presentation/>',
      'ppt/slides/slide1.xml': '<s/>',
    });
    for (const purpose of ['document', 'deliverable'] as const) {
      expect(await checkUpload(upload(workbook, 'Spørreundersøkelse.xlsx'), purpose)).toMatchObject({
        filename: 'Spørreundersøkelse.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      expect(await checkUpload(upload(slides, 'Presentasjon for regionrådet.pptx'), purpose)).toMatchObject({
        filename: 'Presentasjon for regionrådet.pptx',
        contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      });
    }
    // The content decides, not the name: a presentation named .docx is stored as what it is.
    expect((await checkUpload(upload(slides, 'Lysark.docx'))).filename).toBe('Lysark.pptx');
    // Part names compare without case, as in the Office formats.
    const upper = docx({ '[CONTENT_TYPES].XML': '<Types/>', 'PPT/Presentation.xml': '<p/>' });
    expect((await checkUpload(upload(upper, 'a.pptx'))).contentType).toContain('presentationml');
  });

  it('refuses macro-enabled Office files whatever they are named, and zips that are anything else', async () => {
    const macros: Record<string, string>[] = [
      { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/vbaProject.bin': 'VBA' },
      { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'VBA' },
      { '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>', 'ppt/vbaProject.bin': 'VBA' },
      // Excel 4.0 macro sheets need no VBA project.
      { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/macrosheets/sheet1.xml': '<xm/>' },
    ];
    for (const parts of macros) {
      const e = await refusal(docx(parts));
      expect(e.code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(e.message).toContain('contains macros');
    }
    const others: Record<string, string>[] = [
      // An OpenDocument text, a plain archive, an Office file without its content types, two main parts.
      { mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' },
      { 'rapport.pdf': '%PDF-1.7', 'bilde.png': 'png' },
      { 'xl/workbook.xml': '<workbook/>' },
      { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'word/document.xml': '<w:document/>' },
    ];
    for (const parts of others) expect((await refusal(docx(parts))).message).toMatch(/zip archive but not a Word document/);
  });

  it('reads only the central directory: a huge entry is not unpacked, an impossible directory is refused', async () => {
    const workbook = docx({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect([...zipPartNames(workbook)].sort()).toEqual(['[content_types].xml', 'xl/workbook.xml']);
    // A part that claims 4 GB unpacked over bytes that are no deflate stream: unpacking would fail or exhaust memory.
    const bomb = Buffer.from(workbook);
    for (
      let at = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at - 1)
    ) {
      bomb.writeUInt16LE(8, at + 10); // deflated
      bomb.writeUInt32LE(0xfffffffe, at + 24); // uncompressed size
    }
    expect((await checkUpload(upload(bomb, 'x.xlsx'))).contentType).toContain('spreadsheetml');
    // An end record that claims 65 534 entries in a directory of two: refused, not walked.
    const lying = Buffer.from(workbook);
    const end = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    lying.writeUInt16LE(0xfffe, end + 8);
    lying.writeUInt16LE(0xfffe, end + 10);
    expect(zipPartNames(lying).size).toBe(0);
    expect((await refusal(lying)).code).toBe('FILE_TYPE_NOT_ALLOWED');
    // A directory that points past the end of the file.
    const pastEnd = Buffer.from(workbook);
    pastEnd.writeUInt32LE(pastEnd.length, end + 16);
    expect(zipPartNames(pastEnd).size).toBe(0);
  });

  it('refuses anything else', async () => {
    expect((await refusal(Buffer.from('<html></html>'))).message).toBe(
      'Only PDF, Word (.docx), Excel (.xlsx) and PowerPoint (.pptx) files can be uploaded here.',
    );
    const onDeliverable = await checkUpload(upload(Buffer.from('<html></html>'), 'side.html'), 'deliverable').catch((e: unknown) => e);
    expect(onDeliverable).toMatchObject({
      message: 'Only PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) and CSV files can be uploaded here.',
    });
  });
});

describe('cleanFilename', () => {
  it('removes bidirectional and other control characters', () => {
    expect(cleanFilename('faktura\u202Efdp.exe', 'pdf')).toBe('fakturafdp.pdf');
    expect(cleanFilename('\u2066a\u2069\u200Eb\u200F\u061Cc\u202A\u202B\u202C\u202D\u2067\u2068.pdf', 'pdf')).toBe('abc.pdf');
    expect(cleanFilename('linje\nskift\t\u0085\u2028.docx', 'docx')).toBe('linjeskift.docx');
    expect(cleanFilename('C:\\Users\\x\\Møtereferat «styret» rådet.pdf', 'pdf')).toBe('Møtereferat «styret» rådet.pdf');
    expect(cleanFilename('\u202E.pdf', 'pdf')).toBe('dokument.pdf');
  });
});
