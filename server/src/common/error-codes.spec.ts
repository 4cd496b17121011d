import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import '../app.module';
import { declaredErrorCodes } from './error-registry';

const SRC = join(__dirname, '..');
const LOCALES = join(__dirname, '../../../web/src/locales');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('error codes', () => {
  const declared = declaredErrorCodes();

  it('every code thrown anywhere is declared by a feature (so it has one HTTP status)', () => {
    const thrown = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/DomainError\(\s*'([A-Z_]+)'/g)) thrown.add(m[1]);
    }
    expect(thrown.size).toBeGreaterThan(30);
    expect([...thrown].filter((code) => !declared.has(code))).toEqual([]);
  });

  it.each(['nb', 'nn', 'en'])('every declared code has a message in the web app in %s', (lang) => {
    const { errors } = JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')) as { errors: Record<string, string> };
    expect([...declared.keys()].filter((code) => !errors[code])).toEqual([]);
  });
});
