import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describeFinding, localeFindings, ROOT, templateFiles, wordFileFindings, wordFiles } from './support/word-sources';

/**
 * Every user-visible word in bokmål, nynorsk and English: the web app's locale files and the word lists of
 * shared/ and server/ (documents, exports, mails, notifications, the PLP method's texts). Each key exists in
 * all three languages, no text is empty, and the glossary holds (shared/src/glossary.ts): the PLP terms stay
 * Norwegian in English, proper names are never translated. A finding names the file and the key.
 */
describe('words in three languages', () => {
  it('names the file and key of a missing key, an empty text and a broken glossary rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'words-'));
    const write = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value));
    write('x.nb.json', { x: { a: 'Hovedprosjekt', b: 'Til regionrådet' } });
    write('x.nn.json', { x: { a: 'Hovudprosjekt', b: 'Til Innovasjon Noreg' } });
    write('x.en.json', { x: { a: 'The main project', c: '' } });
    write('y.nb.json', {});
    const words = join(dir, 'words.ts');
    writeFileSync(
      words,
      [
        'type Words = readonly [nb: string, nn: string, en: string];',
        "export const W = { a: ['Kommune', 'Kommune', 'Municipality'] } as const satisfies Record<string, Words>;",
        "export const T = { nb: { b: 'Ja', c: 'Nei' }, nn: { b: 'Ja' }, en: { b: 'Yes', c: 'No' } };",
        "export const M = { nb: 'Ja', en: 'Yes' };",
        "export const P = t('Hovedprosjekt', 'Hovedprosjekt', 'Main project');",
      ].join('\n'),
    );
    const rel = (f: string) => relative(ROOT, join(dir, f));
    expect(localeFindings(dir).map(describeFinding).sort()).toEqual(
      [
        `${rel('x.en.json')} x.a: en: "main project" — use "hovedprosjekt" ("The main project")`,
        `${rel('x.en.json')} x.c: en: empty text`,
        `${rel('x.nn.json')} x.b: nn: "Innovasjon Noreg" — use "Innovasjon Norge" ("Til Innovasjon Noreg")`,
        `${rel('x.{nb,nn,en}.json')} x.b: missing in en`,
        `${rel('x.{nb,nn,en}.json')} x.c: missing in nb`,
        `${rel('x.{nb,nn,en}.json')} x.c: missing in nn`,
        `${rel('y.en.json')} *: file missing`,
        `${rel('y.nn.json')} *: file missing`,
      ].sort(),
    );
    expect(wordFileFindings([words]).map(describeFinding)).toEqual([
      `${rel('words.ts')} W.a: en: "Municipality" — use "kommune" ("Municipality")`,
      `${rel('words.ts')} T.c: missing in nn`,
      `${rel('words.ts')} M: missing in nn`,
      `${rel('words.ts')} P: nn: "Hovedprosjekt" — use "hovudprosjekt" ("Hovedprosjekt")`,
      `${rel('words.ts')} P: en: "Main project" — use "hovedprosjekt" ("Main project")`,
    ]);
  });

  it('finds the word lists of shared and server', () => {
    const files = wordFiles().map((f) => f.replace(/\\/g, '/'));
    for (const expected of [
      'shared/src/words.ts',
      'shared/src/notification-texts.ts',
      'shared/src/plp.ts',
      'shared/src/budget.ts',
      'server/src/documents/labels.ts',
      'server/src/invitations/invitation-mail.ts',
      'server/src/archive/archive-words.ts',
    ]) {
      expect(files.some((f) => f.endsWith(expected))).toBe(true);
    }
  });

  it('has every key of the locale files in all three languages, none empty, the glossary kept', () => {
    expect(localeFindings().map(describeFinding)).toEqual([]);
  });

  it('has every text of the word lists in all three languages, none empty, the glossary kept', () => {
    expect(wordFileFindings().map(describeFinding)).toEqual([]);
  });

  it('has every text of the default templates in all three languages, none empty, the glossary kept', () => {
    expect(wordFileFindings(templateFiles()).map(describeFinding)).toEqual([]);
  });
});
