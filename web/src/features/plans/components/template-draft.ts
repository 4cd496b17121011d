import type { FieldKind } from '@nvr/shared';
import type { FieldErrors } from 'react-hook-form';
import type { SaveTemplateBody, TemplateVersion } from '../../../api/plan-types';

/** A section's or field's key (TemplateFieldDto/TemplateSectionDto's KEY). */
export const KEY = /^[a-z][a-z0-9_]{0,59}$/;

/** One field of a section as the form edits it; `uid` names its inputs, `isNew` until the template is saved. */
export interface DraftField {
  uid: string;
  isNew: boolean;
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  help: string;
}

export interface DraftSection {
  uid: string;
  isNew: boolean;
  key: string;
  title: string;
  guidance: string;
  fields: DraftField[];
}

/** The template editor's form (SaveTemplateDto without basedOnVersion, which is the version shown). */
export interface TemplateFormValues {
  title: string;
  description: string;
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
  return {
    title: template.title,
    description: template.description,
    sections: template.sections.map((s) => ({
      uid: uid('section'),
      isNew: false,
      key: s.key,
      title: s.title,
      guidance: s.guidance,
      fields: s.fields.map((f) => ({
        uid: uid('field'),
        isNew: false,
        key: f.key,
        label: f.label,
        kind: f.kind,
        required: f.required,
        help: f.help ?? '',
      })),
    })),
  };
}

export function emptyField(): DraftField {
  return { uid: uid('field'), isNew: true, key: '', label: '', kind: 'longtext', required: false, help: '' };
}

/** A new section starts with one long-text field (a section needs at least one), labelled `fieldLabel`. */
export function emptySection(fieldLabel: string): DraftSection {
  return {
    uid: uid('section'),
    isNew: true,
    key: '',
    title: '',
    guidance: '',
    fields: [{ ...emptyField(), key: 'notes', label: fieldLabel }],
  };
}

/** The PUT body: texts trimmed, an empty description or help text left out (the server stores it empty), with the version edited. */
export function saveBody(values: TemplateFormValues, basedOnVersion: number): SaveTemplateBody {
  const description = values.description.trim();
  return {
    title: values.title.trim(),
    ...(description ? { description } : {}),
    basedOnVersion,
    sections: values.sections.map((s) => ({
      key: s.key,
      title: s.title.trim(),
      guidance: s.guidance.trim(),
      fields: s.fields.map((f) => ({
        key: f.key,
        label: f.label.trim(),
        kind: f.kind,
        required: f.required,
        ...(f.help.trim() ? { help: f.help.trim() } : {}),
      })),
    })),
  };
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
