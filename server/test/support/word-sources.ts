import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { glossaryViolations, type Lang } from '@nvr/shared';

/**
 * Reads every place user-visible words live — the web app's locale files, the [nb, nn, en] word lists
 * and { nb, nn, en } texts of shared/ and server/ — and reports where a language lacks a key, a text is
 * empty, or a text breaks the glossary (shared/src/glossary.ts). Used by test/words.e2e-spec.ts.
 */
export const ROOT = join(__dirname, '..', '..', '..');
const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

export interface Finding {
  file: string;
  key: string;
  problem: string;
}

interface Leaf {
  key: string;
  lang: Lang;
  text: string;
  /** A text of its own (a key's value), not a piece of a template or a function. */
  whole: boolean;
}

function checkLeaves(file: string, leaves: readonly Leaf[]): Finding[] {
  const findings: Finding[] = [];
  for (const { key, lang, text, whole } of leaves) {
    if (whole && text.trim() === '') findings.push({ file, key, problem: `${lang}: empty text` });
    for (const v of glossaryViolations(text, lang)) {
      findings.push({ file, key, problem: `${lang}: "${v.found}" — use "${v.use}" (${JSON.stringify(text)})` });
    }
  }
  return findings;
}

function missingKeys(file: string, shapes: Partial<Record<Lang, ReadonlySet<string>>>, at = ''): Finding[] {
  const all = new Set(Object.values(shapes).flatMap((s) => [...s]));
  const findings: Finding[] = [];
  for (const key of all) {
    for (const lang of LANGS) {
      const shape = shapes[lang];
      if (shape && !shape.has(key)) findings.push({ file, key: at + key, problem: `missing in ${lang}` });
    }
  }
  return findings;
}

// ---- web/src/locales/*.{nb,nn,en}.json --------------------------------------------------------------

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, String(value));
}

export function localeFindings(dir = join(ROOT, 'web', 'src', 'locales')): Finding[] {
  const groups = new Map<string, Partial<Record<Lang, string>>>();
  for (const name of readdirSync(dir)) {
    const m = /^(.*?)(nb|nn|en)\.json$/.exec(name);
    if (!m) continue;
    const group = groups.get(m[1]) ?? {};
    group[m[2] as Lang] = join(dir, name);
    groups.set(m[1], group);
  }
  const findings: Finding[] = [];
  for (const [prefix, files] of groups) {
    const flat: Partial<Record<Lang, Map<string, string>>> = {};
    for (const lang of LANGS) {
      const path = files[lang];
      if (!path) {
        findings.push({ file: relative(ROOT, join(dir, `${prefix}${lang}.json`)), key: '*', problem: 'file missing' });
        continue;
      }
      const words = new Map<string, string>();
      flatten(JSON.parse(readFileSync(path, 'utf8')), '', words);
      flat[lang] = words;
      const file = relative(ROOT, path);
      findings.push(
        ...checkLeaves(
          file,
          [...words].map(([key, text]) => ({ key, lang, text, whole: true })),
        ),
      );
    }
    const shapes = Object.fromEntries(Object.entries(flat).map(([lang, words]) => [lang, new Set(words.keys())]));
    findings.push(...missingKeys(relative(ROOT, join(dir, `${prefix}{nb,nn,en}.json`)), shapes));
  }
  return findings;
}

// ---- TypeScript word lists: [nb, nn, en] tuples and { nb, nn, en } texts ------------------------------

const TUPLE_TYPE = /\[\s*nb: string, nn: string, en: string\s*\]/;

function stringOf(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `{…}${s.literal.text}`).join('');
  return null;
}

function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n)) n = n.expression;
  return n;
}

function nameOf(node: ts.ObjectLiteralElementLike): string | null {
  const name = node.name;
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return name.getText();
}

class WordFile {
  private readonly source: ts.SourceFile;
  private readonly consts = new Map<string, ts.Expression>();
  private readonly tuples: boolean;
  readonly findings: Finding[] = [];

  constructor(
    path: string,
    private readonly file = relative(ROOT, path),
  ) {
    const text = readFileSync(path, 'utf8');
    this.tuples = TUPLE_TYPE.test(text);
    this.source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    for (const statement of this.source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) this.consts.set(d.name.text, unwrap(d.initializer));
      }
    }
    this.visit(this.source, '');
  }

  private resolve(node: ts.Expression): ts.Expression {
    const n = unwrap(node);
    return ts.isIdentifier(n) ? (this.consts.get(n.text) ?? n) : n;
  }

  /**
   * [nb, nn, en] (in a file that declares that tuple), t(nb, nn, en), and { nb, nn, en }. Inside a function,
   * `{ nb: '', … }` and three strings in a row are code, not word lists: no empty check, no tuples.
   */
  private visit(node: ts.Node, key: string, inFunction = false): void {
    if (ts.isObjectLiteralExpression(node) && this.langObject(node, key, !inFunction)) return;
    const triple =
      (this.tuples && ts.isArrayLiteralExpression(node) && node.elements) ||
      // The templates' helper: t(nb, nn, en) (migrations/templates-*/text.ts).
      (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't' && node.arguments);
    if (triple && !inFunction && triple.length === 3) {
      const texts = triple.map(stringOf);
      if (texts.every((t): t is string => t !== null)) {
        this.findings.push(
          ...checkLeaves(
            this.file,
            // All three empty is "no text" (a section without guidance); one empty is a missing translation.
            texts.map((text, i) => ({ key, lang: LANGS[i], text, whole: texts.some((x) => x.trim() !== '') })),
          ),
        );
        return;
      }
    }
    let next = key;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) next = node.name.text;
    if (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node)) next = key ? `${key}.${nameOf(node)}` : (nameOf(node) ?? '');
    const fn = inFunction || ts.isFunctionLike(node);
    ts.forEachChild(node, (child) => this.visit(child, next, fn));
  }

  /** { nb, nn, en }: every language there, the same keys below, each text checked in its language. */
  private langObject(node: ts.ObjectLiteralExpression, key: string, whole: boolean): boolean {
    const props = new Map<string, ts.Expression>();
    for (const p of node.properties) {
      if (ts.isPropertyAssignment(p)) props.set(nameOf(p) ?? '', p.initializer);
      else if (ts.isShorthandPropertyAssignment(p)) props.set(p.name.text, p.name);
    }
    if (LANGS.filter((l) => props.has(l)).length < 2) return false;
    const shapes: Partial<Record<Lang, Set<string>>> = {};
    for (const lang of LANGS) {
      const value = props.get(lang);
      if (!value) {
        this.findings.push({ file: this.file, key, problem: `missing in ${lang}` });
        continue;
      }
      const leaves: Leaf[] = [];
      const shape = new Set<string>();
      this.collect(this.resolve(value), key, '', lang, leaves, shape, whole);
      shapes[lang] = shape;
      this.findings.push(...checkLeaves(this.file, leaves));
    }
    this.findings.push(...missingKeys(this.file, shapes, key ? `${key}.` : ''));
    return true;
  }

  private collect(node: ts.Node, key: string, at: string, lang: Lang, leaves: Leaf[], shape: Set<string>, whole: boolean): void {
    const text = stringOf(node);
    if (text !== null) {
      leaves.push({ key: at ? `${key}.${at}` : key, lang, text, whole });
      return;
    }
    if (ts.isObjectLiteralExpression(node) && whole) {
      for (const p of node.properties) {
        const name = nameOf(p) ?? '?';
        const path = at ? `${at}.${name}` : name;
        if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(unwrap(p.initializer))) {
          this.collect(unwrap(p.initializer), key, path, lang, leaves, shape, true);
        } else {
          shape.add(path);
          if (ts.isPropertyAssignment(p)) this.collect(this.resolve(p.initializer), key, path, lang, leaves, shape, true);
          else this.collect(p, key, path, lang, leaves, shape, false);
        }
      }
      return;
    }
    ts.forEachChild(node, (child) => this.collect(child, key, at, lang, leaves, new Set(), false));
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every .ts file of shared/src and server/src with texts in the three languages. */
export function wordFiles(): string[] {
  return ['shared/src', 'server/src']
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .filter((path) => {
      if (path.endsWith('glossary.ts')) return false; // the rules themselves
      const text = readFileSync(path, 'utf8');
      return TUPLE_TYPE.test(text) || /\bnn:\s/.test(text);
    });
}

/**
 * The default templates' texts (helper migrations that write localized templates, { nb, nn, en } per
 * text): every migrations/templates-* folder.
 */
export function templateFiles(): string[] {
  const dir = join(ROOT, 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('templates-'))
    .flatMap((e) => sourceFiles(join(dir, e.name)));
}

export function wordFileFindings(paths: readonly string[] = wordFiles()): Finding[] {
  return paths.flatMap((path) => new WordFile(path).findings);
}

export function describeFinding(f: Finding): string {
  return `${f.file} ${f.key}: ${f.problem}`;
}
