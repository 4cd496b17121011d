import { strToU8, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { DomainError } from '../common/domain-error';
import { checkUpload, cleanFilename } from './file-validation';

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
    expect((await refusal(noDocument)).message).toMatch(/neither a Word document \(\.docx\) nor an Excel workbook/);
    // The names appear in the bytes, but not as parts of the archive.
    const namesInContent = docx({ 'readme.txt': 'word/document.xml [Content_Types].xml' });
    expect((await refusal(namesInContent)).code).toBe('FILE_TYPE_NOT_ALLOWED');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml [Content_Types].xml')]);
    expect((await refusal(brokenZip)).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('takes a spreadsheet (XLSX or CSV) on a deliverable only, and CSV only as text', async () => {
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
    // Minutes and conditions take documents only.
    const minutes = await checkUpload(upload(workbook, 'x.xlsx')).catch((e: unknown) => e);
    expect(minutes).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', message: 'Only PDF and Word (.docx) files can be uploaded here.' });
    // Binary content named .csv is not text.
    const binary = await checkUpload(upload(Buffer.from([0x41, 0x00, 0x42, 0x01]), 'x.csv'), 'deliverable').catch((e: unknown) => e);
    expect(binary).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
  });

  it('refuses anything else', async () => {
    expect((await refusal(Buffer.from('<html></html>'))).message).toBe('Only PDF and Word (.docx) files can be uploaded here.');
    const onDeliverable = await checkUpload(upload(Buffer.from('<html></html>'), 'side.html'), 'deliverable').catch((e: unknown) => e);
    expect(onDeliverable).toMatchObject({ message: 'Only PDF, Word (.docx), Excel (.xlsx) and CSV files can be uploaded here.' });
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
