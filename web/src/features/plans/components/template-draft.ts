import { missingTranslations, type FieldKind, type Text } from '@nvr/shared';
import type { FieldErrors } from 'react-hook-form';
import type { SaveTemplateBody, TemplateField, TemplateVersion } from '../../../api/plan-types';

/** A section's or field's key (TemplateFieldDto/TemplateSectionDto's KEY). */
export const KEY = /^[a-z][a-z0-9_]{0,59}$/;

/** One field of a section as the form edits it; `uid` names its inputs, `isNew` until the template is saved. */
export interface DraftField {
  uid: string;
  isNew: boolean;
  key: string;
  label: string;
  labelNn: string;
  labelEn: string;
  kind: FieldKind;
  required: boolean;
  help: string;
  helpNn: string;
  helpEn: string;
  /** What a new plan starts with in the field (e.g. the roles rows): kept as it is. */
  defaultValue?: TemplateField['defaultValue'];
}

export interface DraftSection {
  uid: string;
  isNew: boolean;
  key: string;
  title: string;
  titleNn: string;
  titleEn: string;
  guidance: string;
  guidanceNn: string;
  guidanceEn: string;
  fields: DraftField[];
}

/** The template editor's form (SaveTemplateDto without basedOnVersion, which is the version shown). */
export interface TemplateFormValues {
  title: string;
  titleNn: string;
  titleEn: string;
  description: string;
  descriptionNn: string;
  descriptionEn: string;
  sections: DraftSection[];
}

let counter = 0;
export const uid = (prefix: string) => `${prefix}-${++counter}`;

/** A key from a title: "2 Mål og aktiviteter" → "mal_og_aktiviteter". */
export function keyFromTitle(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 60);
  return base || 'del';
}

export function templateFormValues(template: TemplateVersion): TemplateFormValues {
  const help = (f: TemplateField) => f.help ?? { nb: '', nn: '', en: '' };
  return {
    title: template.title.nb,
    titleNn: template.title.nn,
    titleEn: template.title.en,
    description: template.description.nb,
    descriptionNn: template.description.nn,
    descriptionEn: template.description.en,
    sections: template.sections.map((s) => ({
      uid: uid('section'),
      isNew: false,
      key: s.key,
      title: s.title.nb,
      titleNn: s.title.nn,
      titleEn: s.title.en,
      guidance: s.guidance.nb,
      guidanceNn: s.guidance.nn,
      guidanceEn: s.guidance.en,
      fields: s.fields.map((f) => ({
        uid: uid('field'),
        isNew: false,
        key: f.key,
        label: f.label.nb,
        labelNn: f.label.nn,
        labelEn: f.label.en,
        kind: f.kind,
        required: f.required,
        help: help(f).nb,
        helpNn: help(f).nn,
        helpEn: help(f).en,
        ...(f.defaultValue !== undefined ? { defaultValue: f.defaultValue } : {}),
      })),
    })),
  };
}

export function emptyField(): DraftField {
  return {
    uid: uid('field'),
    isNew: true,
    key: '',
    label: '',
    labelNn: '',
    labelEn: '',
    kind: 'longtext',
    required: false,
    help: '',
    helpNn: '',
    helpEn: '',
  };
}

/** A new section starts with one long-text field (a section needs at least one), labelled `fieldLabel`. */
export function emptySection(fieldLabel: string): DraftSection {
  return {
    uid: uid('section'),
    isNew: true,
    key: '',
    title: '',
    titleNn: '',
    titleEn: '',
    guidance: '',
    guidanceNn: '',
    guidanceEn: '',
    fields: [{ ...emptyField(), key: 'notes', label: fieldLabel }],
  };
}

const text = (nb: string, nn: string, en: string): Text => ({ nb: nb.trim(), nn: nn.trim(), en: en.trim() });

/** The form's texts as the server keeps them: one per language, trimmed. */
export function formTexts(values: TemplateFormValues) {
  return {
    title: text(values.title, values.titleNn, values.titleEn),
    description: text(values.description, values.descriptionNn, values.descriptionEn),
    sections: values.sections.map((s) => ({
      key: s.key,
      title: text(s.title, s.titleNn, s.titleEn),
      guidance: text(s.guidance, s.guidanceNn, s.guidanceEn),
      fields: s.fields.map((f) => ({
        key: f.key,
        label: text(f.label, f.labelNn, f.labelEn),
        kind: f.kind,
        required: f.required,
        help: text(f.help, f.helpNn, f.helpEn),
        defaultValue: f.defaultValue,
      })),
    })),
  };
}

/**
 * The PUT body: texts trimmed in nb, nn and en (an empty translation is shown in bokmål), an empty
 * description or help text left out, each field's default value kept, with the version edited.
 */
export function saveBody(values: TemplateFormValues, basedOnVersion: number): SaveTemplateBody {
  const texts = formTexts(values);
  return {
    title: texts.title,
    ...(texts.description.nb ? { description: texts.description } : {}),
    basedOnVersion,
    sections: texts.sections.map((s) => ({
      ...s,
      fields: s.fields.map(({ help, defaultValue, ...f }) => ({
        ...f,
        ...(help.nb ? { help } : {}),
        ...(defaultValue !== undefined ? { defaultValue } : {}),
      })),
    })),
  };
}

/** How many texts have bokmål but no nynorsk or English (those readers see bokmål there). */
export function missingTranslationCount(values: TemplateFormValues): number {
  const texts = formTexts(values);
  return missingTranslations({
    title: texts.title,
    description: texts.description,
    sections: texts.sections.map((s) => ({ ...s, fields: s.fields.map(({ defaultValue: _d, ...f }) => f) })),
  }).length;
}

/**
 * Every input's path as the server names it in a 400 answer (`sections[0].fields[1].key`), which
 * react-hook-form reads as the same path as `sections.0.fields.1.key`. A saved key has no input (an
 * error there would outlive the next check), so its errors are shown with the form's.
 */
export function serverFieldsOf(values: TemplateFormValues): string[] {
  const withKey = (isNew: boolean, names: string[]) => (isNew ? ['key', ...names] : names);
  return [
    'title',
    'description',
    ...values.sections.flatMap((s, i) => [
      ...withKey(s.isNew, ['title', 'guidance']).map((name) => `sections[${i}].${name}`),
      ...s.fields.flatMap((f, j) =>
        withKey(f.isNew, ['label', 'kind', 'required', 'help']).map((name) => `sections[${i}].fields[${j}].${name}`),
      ),
    ]),
  ];
}

/** A problem in the summary above the form: its message and the id of the control it links to. */
export interface Problem {
  id: string;
  message: string;
}

/** The form's errors in reading order, each with the id of its control (or of the button that fixes it). */
export function problemsOf(values: TemplateFormValues, errors: FieldErrors<TemplateFormValues>): Problem[] {
  const found: Problem[] = [];
  const add = (id: string, message: string | undefined) => {
    if (message) found.push({ id, message });
  };
  add('template-title', errors.title?.message);
  add('template-description', errors.description?.message);
  values.sections.forEach((s, i) => {
    const se = errors.sections?.[i];
    add(`${s.uid}-title`, se?.title?.message);
    add(`${s.uid}-key`, se?.key?.message);
    add(`${s.uid}-guidance`, se?.guidance?.message);
    add(`${s.uid}-add-field`, se?.fields?.root?.message ?? se?.fields?.message);
    s.fields.forEach((f, j) => {
      const fe = se?.fields?.[j];
      add(`${f.uid}-label`, fe?.label?.message);
      add(`${f.uid}-kind`, fe?.kind?.message);
      add(`${f.uid}-key`, fe?.key?.message);
      add(`${f.uid}-help`, fe?.help?.message);
      add(`${f.uid}-required`, fe?.required?.message);
    });
  });
  add('template-add-section', errors.sections?.root?.message ?? errors.sections?.message);
  return found;
}
