import type { TFunction } from 'i18next';
import type { Path, RegisterOptions, UseFieldArrayProps } from 'react-hook-form';
import { KEY, type TemplateFormValues } from './template-draft';

type V = TemplateFormValues;
type SectionPath<K extends string> = `sections.${number}.${K}`;
type FieldPath<K extends string> = `sections.${number}.fields.${number}.${K}`;

/** SaveTemplateDto's limits; the texts' lengths are kept by the inputs' maxLength. */
export const TEMPLATE_LIMITS = {
  title: 200,
  description: 4000,
  sections: 60,
  sectionTitle: 200,
  guidance: 8000,
  fields: 50,
  key: 60,
  label: 200,
  help: 2000,
} as const;

/** Whether the key at `index` repeats another's: a new key repeats an earlier key or one already saved. */
function repeatsKey(items: readonly { key: string; isNew: boolean }[], index: number, key: string): boolean {
  return items.some((other, k) => k !== index && other.key === key && (k < index || !other.isNew));
}

/**
 * The rules of the template editor's fields, mirroring SaveTemplateDto, TemplateSectionDto and
 * TemplateFieldDto (a title and labels that are not blank; keys of lower-case letters, digits and _,
 * unique within their list; 1–60 sections of 1–50 fields), with translated messages naming the section
 * or field, as the summary above the form lists them without their context.
 */
export function templateSchema(t: TFunction) {
  const filled = (message: string) => (v: string) => v.trim() !== '' || message;
  const key = (name: string) => (v: string) => KEY.test(v) || t('plans.templateEditor.invalid.key', { name });
  const unique = (v: string, repeats: boolean) => !repeats || t('plans.templateEditor.invalid.duplicateKey', { key: v });
  const sectionName = (i: number) => t('plans.templateEditor.sectionN', { n: i + 1 });

  return {
    title: { validate: filled(t('plans.templateEditor.invalid.title')) } satisfies RegisterOptions<V, 'title'>,
    sections: {
      // `required` is how react-hook-form checks that a list is not empty (minLength skips an empty one).
      required: t('plans.templateEditor.invalid.noSections'),
      maxLength: {
        value: TEMPLATE_LIMITS.sections,
        message: t('plans.templateEditor.invalid.tooManySections', { max: TEMPLATE_LIMITS.sections }),
      },
    } satisfies UseFieldArrayProps<V, 'sections'>['rules'],
    sectionTitle: (i: number): RegisterOptions<V, SectionPath<'title'>> => ({
      validate: filled(t('plans.templateEditor.invalid.sectionTitle', { n: i + 1 })),
    }),
    /** A new section's key; `deps` are the other sections' keys, checked again for repeats when it changes. */
    sectionKey: (i: number, deps: Path<V>[]): RegisterOptions<V, SectionPath<'key'>> => ({
      validate: {
        key: key(sectionName(i)),
        unique: (v, all) => unique(v, repeatsKey(all.sections, i, v)),
      },
      deps,
    }),
    fields: (i: number): UseFieldArrayProps<V, `sections.${number}.fields`>['rules'] => ({
      required: t('plans.templateEditor.invalid.noFields', { n: i + 1 }),
      maxLength: {
        value: TEMPLATE_LIMITS.fields,
        message: t('plans.templateEditor.invalid.tooManyFields', { n: i + 1, max: TEMPLATE_LIMITS.fields }),
      },
    }),
    fieldLabel: (name: string): RegisterOptions<V, FieldPath<'label'>> => ({
      validate: filled(t('plans.templateEditor.invalid.label', { name })),
    }),
    /** A new field's key; unique within its section. */
    fieldKey: (i: number, j: number, name: string, deps: Path<V>[]): RegisterOptions<V, FieldPath<'key'>> => ({
      validate: {
        key: key(name),
        unique: (v, all) => unique(v, repeatsKey(all.sections[i]?.fields ?? [], j, v)),
      },
      deps,
    }),
  };
}

export type TemplateSchema = ReturnType<typeof templateSchema>;
