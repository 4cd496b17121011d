import { strFromU8, unzipSync, unzlibSync } from 'fflate';

/**
 * The text of rendered documents, for tests that read them back: the paragraphs of a DOCX, and the
 * strings a PDF's pages show.
 */

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The paragraphs of a DOCX's body (word/document.xml), one per line; table cells are paragraphs too. */
export function docxText(data: Uint8Array): string {
  const xml = strFromU8(unzipSync(data, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[1] ?? '\n').replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]))
        .join(''),
    )
    .filter((line) => line.length > 0)
    .join('\n');
}

/** WinAnsiEncoding bytes 0x80–0x9F that differ from Latin-1 (pdfkit's standard fonts use it). */
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x8b: '‹',
  0x9b: '›',
};

function decode(bytes: number[]): string {
  return bytes.map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');
}

function hexBytes(hex: string): number[] {
  const h = hex.replace(/\s+/g, '');
  const out: number[] = [];
  for (let i = 0; i < h.length; i += 2) out.push(parseInt(h.slice(i, i + 2).padEnd(2, '0'), 16));
  return out;
}

function literalBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const n = s[++i];
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in simple) out.push(simple[n]);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1])) oct += s[++i];
      out.push(parseInt(oct, 8));
    }
  }
  return out;
}

/**
 * The text a PDF written with pdfkit's standard fonts shows, one line per text-showing operator
 * (Tj/TJ), in page order. Compressed (FlateDecode) page streams are inflated first.
 */
export function pdfText(data: Uint8Array): string {
  return pdfPages(data).join('\n');
}

/**
 * The text of each content stream that shows text, in order: pdfkit writes one per page, so this is
 * the text page by page (for tests of what stays together on a page).
 */
export function pdfPages(data: Uint8Array): string[] {
  const raw = Buffer.from(data).toString('latin1');
  const pages: string[] = [];
  const streamRe = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let body = Buffer.from(raw.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(m[1])) {
      try {
        body = Buffer.from(unzlibSync(new Uint8Array(body)));
      } catch {
        continue;
      }
    }
    const content = body.toString('latin1');
    const lines: string[] = [];
    for (const op of content.matchAll(
      /\[((?:<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|[^\]])*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g,
    )) {
      if (op[1] !== undefined) {
        const parts = [...op[1].matchAll(/<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)/g)].map((p) =>
          decode(p[1] !== undefined ? hexBytes(p[1]) : literalBytes(p[2])),
        );
        lines.push(parts.join(''));
      } else if (op[2] !== undefined) lines.push(decode(hexBytes(op[2])));
      else lines.push(decode(literalBytes(op[3])));
    }
    if (lines.length) pages.push(lines.join('\n'));
    streamRe.lastIndex = end;
  }
  return pages;
}

/** Text with every run of white space (including no-break spaces) made one plain space, for `toContain` checks. */
export function flat(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}
