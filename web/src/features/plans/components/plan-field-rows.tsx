import { Button, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import type { ShownField } from '../../../api/plan-types';
import { focusById } from './focus';

/** Building blocks of the plan's fields: their label, and rows that can be added and removed with focus kept in place. */

export interface KommuneOption {
  id: string;
  name: string;
}

export interface EditorProps<T> {
  id: string;
  field: ShownField;
  value: T | undefined;
  onChange: (value: T) => void;
  /** The server's refusal of this field's last save, if any. */
  error?: string;
}

/** The longest text a plan field takes (fieldValueProblem in shared/plan.ts). */
export const PLAN_TEXT_MAX = 50_000;

/** A structured field's refusal, at the end of its fieldset. */
export function FieldError({ error }: { error: string | undefined }) {
  return error ? <ValidationMessage>{error}</ValidationMessage> : null;
}

/** The label of a plan field, with "Påkrevd" on the required ones. */
export function FieldLabel({ field }: { field: ShownField }) {
  const { t } = useTranslation();
  return (
    <>
      {field.label}{' '}
      {field.required && (
        <Tag data-size="sm" data-color="neutral" className="plan-required">
          {t('plans.field.required')}
        </Tag>
      )}
    </>
  );
}

export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function asObjects<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter((v) => v !== null && typeof v === 'object') as T[]) : [];
}

/**
 * Editing a list of rows whose first inputs have the ids `${idPrefix}-${i}` and whose add button is
 * `${idPrefix}-add`. Adding focuses the new row's first input; removing focuses the row before (or add).
 */
export function rowList<T>(idPrefix: string, items: T[], onChange: (items: T[]) => void) {
  return {
    set: (i: number, item: T) => onChange(items.map((x, j) => (j === i ? item : x))),
    remove: (i: number) => {
      onChange(items.filter((_, j) => j !== i));
      focusById(i > 0 ? `${idPrefix}-${i - 1}` : `${idPrefix}-add`, { afterRender: true });
    },
    add: (blank: T) => {
      onChange([...items, blank]);
      focusById(`${idPrefix}-${items.length}`, { afterRender: true });
    },
  };
}

/** Add and remove buttons move focus sensibly: to the new row's first input, or to the row before. */
export function RowButtons({ removeLabel, onRemove }: { removeLabel: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="button" variant="tertiary" data-size="sm" aria-label={removeLabel} onClick={onRemove} className="plan-row__remove">
      <TrashIcon aria-hidden="true" />
      {t('plans.field.remove')}
    </Button>
  );
}

export function AddButton({ id, label, onAdd }: { id: string; label: string; onAdd: () => void }) {
  return (
    <div>
      <Button id={id} type="button" variant="secondary" data-size="sm" onClick={onAdd}>
        <PlusIcon aria-hidden="true" />
        {label}
      </Button>
    </div>
  );
}

/** A list of short texts (benefit areas, activities): one input each, add and remove. */
export function TextList({
  idPrefix,
  items,
  onChange,
  itemLabel,
  addLabel,
}: {
  idPrefix: string;
  items: string[];
  onChange: (items: string[]) => void;
  itemLabel: (n: number) => string;
  addLabel?: string;
}) {
  const { t } = useTranslation();
  const rows = rowList(idPrefix, items, onChange);
  return (
    <div className="plan-rows">
      {items.map((item, i) => (
        <div className="plan-row" key={i}>
          <Textfield
            id={`${idPrefix}-${i}`}
            label={itemLabel(i + 1)}
            value={item}
            onChange={(e) => rows.set(i, e.target.value)}
            className="plan-row__grow"
          />
          <RowButtons removeLabel={t('plans.field.removeNamed', { name: itemLabel(i + 1) })} onRemove={() => rows.remove(i)} />
        </div>
      ))}
      <AddButton id={`${idPrefix}-add`} label={addLabel ?? t('plans.field.addItem')} onAdd={() => rows.add('')} />
    </div>
  );
}
