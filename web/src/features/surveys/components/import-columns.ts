/** The column headers of a CSV file's first line (semicolon, comma or tab separated; quotes and a BOM removed). */
export function csvHeaders(firstLine: string): string[] {
  const line = firstLine.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: line.split(d).length }));
  const delimiter = counts.sort((a, b) => b.n - a.n)[0].d;
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out.filter((h) => h !== '');
}

/** The first line of a text file (reads only the start of the file). */
export async function firstLineOf(file: File): Promise<string> {
  const start = await file.slice(0, 64 * 1024).text();
  return start.split('\n')[0] ?? '';
}

export const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';
