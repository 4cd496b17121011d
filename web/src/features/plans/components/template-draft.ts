import type { FieldKind } from '@nvr/shared';
import type { TemplateVersion } from '../../../api/plan-types';

export const KEY = /^[a-z][a-z0-9_]{0,59}$/;

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

export function fromTemplate(template: TemplateVersion): DraftSection[] {
  return template.sections.map((s) => ({
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
  }));
}

export interface Problem {
  id: string;
  message: string;
}
