/**
 * The fixed terms of Næringsvennlig region and how each language writes them. The PLP method's Norwegian
 * terms stay Norwegian in English (explained once, e.g. "forstudie (pre-study)"), and the proper names
 * never change in any language. A test (server/test/words.e2e-spec.ts) holds every word file to this list.
 */
import type { Lang } from './plp';

export interface GlossaryTerm {
  /** The term as bokmål, nynorsk and English write it. */
  forms: Record<Lang, string>;
  /** Plural forms, where the texts use them. */
  plural?: Partial<Record<Lang, string>>;
  /** English's short explanation for the first use: "forstudie (pre-study)". */
  explanation?: string;
  /** What English must not write instead (standing alone, outside the explanation). */
  notInEnglish: readonly string[];
  /** The other written standard's forms, which bokmål or nynorsk must not use; `*` at the end: any inflection. */
  notInNorwegian?: Partial<Record<'nb' | 'nn', readonly string[]>>;
}

export const GLOSSARY = {
  forstudie: {
    forms: { nb: 'forstudie', nn: 'forstudie', en: 'forstudie' },
    explanation: 'pre-study',
    notInEnglish: ['pre-study', 'feasibility study'],
  },
  forprosjekt: {
    forms: { nb: 'forprosjekt', nn: 'forprosjekt', en: 'forprosjekt' },
    explanation: 'pre-project',
    notInEnglish: ['pre-project'],
  },
  hovedprosjekt: {
    forms: { nb: 'hovedprosjekt', nn: 'hovudprosjekt', en: 'hovedprosjekt' },
    explanation: 'main project',
    notInEnglish: ['main project'],
    notInNorwegian: { nb: ['hovudprosjekt*'], nn: ['hovedprosjekt*'] },
  },
  regionråd: {
    forms: { nb: 'regionråd', nn: 'regionråd', en: 'regionråd' },
    explanation: 'regional council',
    notInEnglish: ['regional council', 'regional councils', 'regional board'],
  },
  kommune: {
    forms: { nb: 'kommune', nn: 'kommune', en: 'kommune' },
    plural: { nb: 'kommuner', nn: 'kommunar', en: 'kommuner' },
    explanation: 'municipality',
    notInEnglish: ['municipality', 'municipalities'],
    notInNorwegian: { nb: ['kommunar', 'kommunane*'], nn: ['kommuner', 'kommunene*'] },
  },
  vedtak: {
    forms: { nb: 'vedtak', nn: 'vedtak', en: 'vedtak' },
    explanation: 'formal decision',
    // "decision" is also an everyday English word (a gate's decision), so it is not forbidden.
    notInEnglish: [],
  },
  kommunestyre: {
    forms: { nb: 'kommunestyre', nn: 'kommunestyre', en: 'kommunestyre' },
    plural: { nb: 'kommunestyrer', nn: 'kommunestyre', en: 'kommunestyrer' },
    explanation: 'municipal council',
    notInEnglish: ['municipal council', 'municipal councils', 'local council'],
  },
  fylkeskommune: {
    forms: { nb: 'fylkeskommune', nn: 'fylkeskommune', en: 'fylkeskommune' },
    explanation: 'county authority',
    notInEnglish: ['county municipality', 'county council', 'county authority'],
  },
  PLP: {
    forms: { nb: 'PLP', nn: 'PLP', en: 'PLP' },
    explanation: 'Innovasjon Norge’s project method',
    notInEnglish: [],
  },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryKey = keyof typeof GLOSSARY;

/** Proper names: the same in every language, never translated. */
export const PROPER_NAMES = ['Innovasjon Norge', 'Næringsvennlig region'] as const;

/** Translations of the proper names that no language may use. */
export const FORBIDDEN_PROPER_NAMES: readonly string[] = [
  'Innovasjon Noreg',
  'Næringsvennleg region',
  'Innovation Norway',
  'Business-friendly region',
];

/** The term in a language; `plural` for the plural where the glossary has one. */
export function term(key: GlossaryKey, lang: Lang, plural = false): string {
  const entry: GlossaryTerm = GLOSSARY[key];
  return (plural ? entry.plural?.[lang] : undefined) ?? entry.forms[lang];
}

/** English's first use of a term, with its explanation: "forstudie (pre-study)". */
export function explained(key: GlossaryKey): string {
  const entry: GlossaryTerm = GLOSSARY[key];
  return entry.explanation ? `${entry.forms.en} (${entry.explanation})` : entry.forms.en;
}

export interface GlossaryViolation {
  /** The forbidden wording found. */
  found: string;
  /** The glossary term to use instead, or the proper name. */
  use: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-\s]+/g, '[-\\s]*');
}

/** Whole words or phrases, any case, hyphen, space or none alike ("pre-study", "Pre study", "prestudy"). */
function phrase(s: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'giu');
}

/** A whole word, or with `*` at its end the word and its inflections: "hovedprosjekt*" finds "hovedprosjektet". */
function word(s: string): RegExp {
  if (!s.endsWith('*')) return phrase(s);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(s.slice(0, -1))}\\p{L}*`, 'giu');
}

/** Any singular or plural form followed by its explanation in brackets: "Kommuner (municipalities)". */
function explanations(entry: GlossaryTerm): RegExp[] {
  if (!entry.explanation) return [];
  const forms = [entry.forms.en, entry.plural?.en].filter((f): f is string => !!f);
  const explainedAs = [entry.explanation, ...entry.notInEnglish];
  return forms.map((f) => new RegExp(`${escape(f)}\\p{L}*\\s*\\((?:${explainedAs.map(escape).join('|')})\\)`, 'giu'));
}

/**
 * Where a text breaks the glossary in its language: a translated proper name (any language); in English,
 * a translated term standing alone ("forstudie (pre-study)" is allowed: it explains the term); in bokmål
 * or nynorsk, the other standard's form of a term ("hovedprosjektet" in nynorsk).
 */
export function glossaryViolations(words: string, lang: Lang): GlossaryViolation[] {
  const text = words.replace(/\{+[^{}]*\}+/g, ' '); // placeholders ({{kommuner}}, {name}) are names, not words
  const found: GlossaryViolation[] = [];
  for (const name of FORBIDDEN_PROPER_NAMES) {
    const use = /^Innova/i.test(name) ? 'Innovasjon Norge' : 'Næringsvennlig region';
    for (const m of text.matchAll(phrase(name))) found.push({ found: m[0], use });
  }
  for (const [key, entry] of Object.entries(GLOSSARY) as [GlossaryKey, GlossaryTerm][]) {
    if (lang !== 'en') {
      for (const wrong of entry.notInNorwegian?.[lang] ?? []) {
        for (const m of text.matchAll(word(wrong))) found.push({ found: m[0], use: term(key, lang) });
      }
      continue;
    }
    const rest = explanations(entry).reduce((t, re) => t.replace(re, ' '), text);
    for (const wrong of entry.notInEnglish) {
      const plural = /s$/i.test(wrong) && entry.plural?.en !== undefined;
      for (const m of rest.matchAll(phrase(wrong))) found.push({ found: m[0], use: term(key, 'en', plural) });
    }
  }
  return found;
}
