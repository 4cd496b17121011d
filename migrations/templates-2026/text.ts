/** Helpers for the template texts written by migration 1796410000000 (data, frozen with it). */
export type Text = { nb: string; nn: string; en: string };

export const t = (nb: string, nn: string, en: string): Text => ({ nb, nn, en });

export interface FieldData {
  key: string;
  label: Text;
  kind: string;
  required: boolean;
  help?: Text;
  defaultValue?: unknown;
}
export interface SectionData {
  key: string;
  title: Text;
  guidance: Text;
  fields: FieldData[];
}
export interface TemplateData {
  key: string;
  title: Text;
  description: Text;
  sections: SectionData[];
}

export const f = (key: string, label: Text, kind: string, required: boolean, help?: Text, defaultValue?: unknown): FieldData => ({
  key,
  label,
  kind,
  required,
  ...(help ? { help } : {}),
  ...(defaultValue !== undefined ? { defaultValue } : {}),
});

export const s = (key: string, title: Text, guidance: Text, fields: FieldData[]): SectionData => ({ key, title, guidance, fields });

/** Numbers the sections' titles by their place in the template ("1 Bakgrunn"). */
export const numbered = (sections: SectionData[]): SectionData[] =>
  sections.map((x, i) => ({ ...x, title: t(`${i + 1} ${x.title.nb}`, `${i + 1} ${x.title.nn}`, `${i + 1} ${x.title.en}`) }));

/** A roles field's default: one row per role, in each language, with the person's name still to fill in. */
export const roleRows = (roles: Text[]) => ({
  nb: roles.map((r) => ({ role: r.nb, name: '' })),
  nn: roles.map((r) => ({ role: r.nn, name: '' })),
  en: roles.map((r) => ({ role: r.en, name: '' })),
});

export const NOTES = t('Notater', 'Notat', 'Notes');
