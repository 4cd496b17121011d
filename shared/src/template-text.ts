/**
 * Reading templates in the reader's language. Template versions written before templates had
 * languages hold plain (bokmål) strings; newer ones hold a Text per language. Both read the same way.
 */
import type { FieldValue, PlanContent, TemplateDefault, TemplateField, TemplateSection, TemplateText } from './plan';
import type { Lang, Text } from './plp';

const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

export function isText(value: unknown): value is Text {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as Record<string, unknown>).nb === 'string';
}

/** The text in `lang`; an empty or missing translation falls back to bokmål. */
export function templateText(value: TemplateText | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const own = value[lang];
  return typeof own === 'string' && own.trim() ? own : (value.nb ?? '');
}

/** A template text as a Text: an old plain string becomes bokmål with the translations still to write. */
export function toText(value: TemplateText | null | undefined): Text {
  if (value === null || value === undefined) return { nb: '', nn: '', en: '' };
  if (typeof value === 'string') return { nb: value, nn: '', en: '' };
  return { nb: value.nb ?? '', nn: value.nn ?? '', en: value.en ?? '' };
}

export interface LocalizedField extends Omit<TemplateField, 'label' | 'help'> {
  label: string;
  help?: string;
}
export interface LocalizedSection extends Omit<TemplateSection, 'title' | 'guidance' | 'fields'> {
  title: string;
  guidance: string;
  fields: LocalizedField[];
}

/** A template's sections with every text in `lang` (for documents and screens that only read). */
export function localizeSections(sections: readonly TemplateSection[], lang: Lang): LocalizedSection[] {
  return sections.map((s) => ({
    ...s,
    title: templateText(s.title, lang),
    guidance: templateText(s.guidance, lang),
    fields: s.fields.map((f) => {
      const help = templateText(f.help, lang);
      const { help: _omit, ...rest } = f;
      return { ...rest, label: templateText(f.label, lang), ...(help ? { help } : {}) };
    }),
  }));
}

export interface MissingTranslation {
  /** Where the text is: "title", "description", "sections[2].guidance", "sections[2].fields[0].label". */
  path: string;
  lang: Lang;
}

/**
 * The texts that have bokmål but no translation in nn or en (an old plain string counts as missing
 * both). Readers of those languages see bokmål there.
 */
export function missingTranslations(template: {
  title: TemplateText;
  description?: TemplateText | null;
  sections: readonly TemplateSection[];
}): MissingTranslation[] {
  const out: MissingTranslation[] = [];
  const check = (path: string, value: TemplateText | null | undefined) => {
    const text = toText(value);
    if (!text.nb.trim()) return;
    for (const lang of LANGS) if (lang !== 'nb' && !text[lang].trim()) out.push({ path, lang });
  };
  check('title', template.title);
  check('description', template.description);
  template.sections.forEach((s, i) => {
    check(`sections[${i}].title`, s.title);
    check(`sections[${i}].guidance`, s.guidance);
    s.fields.forEach((f, j) => {
      check(`sections[${i}].fields[${j}].label`, f.label);
      check(`sections[${i}].fields[${j}].help`, f.help);
    });
  });
  return out;
}

/** A field's default value in `lang` (a copy), or undefined when it has none. */
export function defaultFor(value: TemplateDefault | undefined, lang: Lang): FieldValue | undefined {
  if (value === undefined || value === null) return undefined;
  const chosen = typeof value === 'object' && !Array.isArray(value) ? (value[lang] ?? value.nb) : value;
  return chosen === undefined ? undefined : (JSON.parse(JSON.stringify(chosen)) as FieldValue);
}

/** The content a new plan starts with: each field's default value in `lang`, where the template gives one. */
export function templateDefaults(sections: readonly TemplateSection[], lang: Lang): PlanContent {
  const content: PlanContent = {};
  for (const s of sections) {
    const values = s.fields.map((f) => [f.key, defaultFor(f.defaultValue, lang)] as const).filter(([, v]) => v !== undefined);
    if (values.length) content[s.key] = Object.fromEntries(values);
  }
  return content;
}

/** A template's sections with every text as a Text (old plain strings become bokmål), as the API gives them. */
export function textSections(sections: readonly TemplateSection[]): TextSection[] {
  return sections.map((s) => ({
    ...s,
    title: toText(s.title),
    guidance: toText(s.guidance),
    fields: s.fields.map((f) => {
      const { help, ...rest } = f;
      return { ...rest, label: toText(f.label), ...(help !== undefined && help !== '' ? { help: toText(help) } : {}) };
    }),
  }));
}

export interface TextField extends Omit<TemplateField, 'label' | 'help'> {
  label: Text;
  help?: Text;
}
export interface TextSection extends Omit<TemplateSection, 'title' | 'guidance' | 'fields'> {
  title: Text;
  guidance: Text;
  fields: TextField[];
}
