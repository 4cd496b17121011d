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
    expect((await refusal(noDocument)).message).toMatch(/lacks \[Content_Types\]\.xml or word\/document\.xml/);
    // The names appear in the bytes, but not as parts of the archive.
    const namesInContent = docx({ 'readme.txt': 'word/document.xml [Content_Types].xml' });
    expect((await refusal(namesInContent)).code).toBe('FILE_TYPE_NOT_ALLOWED');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml [Content_Types].xml')]);
    expect((await refusal(brokenZip)).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses anything else', async () => {
    expect((await refusal(Buffer.from('<html></html>'))).message).toBe('Only PDF and Word (.docx) files can be uploaded.');
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
