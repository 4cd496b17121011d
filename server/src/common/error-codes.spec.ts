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

  describe('messages with the answer’s params ({{placeholder}}, filled from `params` by web/src/lib/error-message.ts)', () => {
    const messages = (lang: string) =>
      (JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')) as { errors: Record<string, string> }).errors;
    /** `{{sizeMb, number}}` is `sizeMb`. */
    const placeholders = (message: string) => [...message.matchAll(/\{\{-?\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
    const nb = messages('nb');

    it('some codes have them', () => {
      expect(Object.values(nb).filter((m) => placeholders(m).length > 0).length).toBeGreaterThan(5);
    });

    it.each(['nn', 'en'])('%s uses the same placeholders as nb in every message', (lang) => {
      const other = messages(lang);
      const differ = Object.keys(nb)
        .filter((key) => other[key] !== undefined && placeholders(other[key]).join() !== placeholders(nb[key]).join())
        .map((key) => `${key}: nb {${placeholders(nb[key]).join(', ')}}, ${lang} {${placeholders(other[key]).join(', ')}}`);
      expect(differ).toEqual([]);
    });

    it.each(['nb', 'nn', 'en'])(
      'in %s, a message with placeholders has a <CODE>_general without, for answers that lack a param',
      (lang) => {
        const errors = messages(lang);
        const keys = Object.keys(errors);
        const withoutGeneral = keys.filter(
          (key) => placeholders(errors[key]).length > 0 && !key.endsWith('_general') && !errors[`${key}_general`],
        );
        const generalWithPlaceholders = keys.filter((key) => key.endsWith('_general') && placeholders(errors[key]).length > 0);
        const generalOfNothing = keys.filter((key) => key.endsWith('_general') && !errors[key.slice(0, -'_general'.length)]);
        expect({ withoutGeneral, generalWithPlaceholders, generalOfNothing }).toEqual({
          withoutGeneral: [],
          generalWithPlaceholders: [],
          generalOfNothing: [],
        });
      },
    );
  });
});
