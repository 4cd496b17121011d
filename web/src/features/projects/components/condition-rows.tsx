import { todayInOslo } from '@nvr/shared';
import { Button, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Person, Project } from '../../../api/types';

export interface ConditionRow {
  text: string;
  ownerUserId: string;
  dueDate: string;
}

export const MAX_CONDITIONS = 20;

/** The project's people who may follow up a condition: the leader first, then the group. */
export function conditionOwners(project: Project): Person[] {
  const people = [...(project.leader ? [project.leader] : []), ...project.members];
  return people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
}

/**
 * The conditions of an approval, one row each: what must be done, who follows it up (from the project
 * team) and by when. Rows are added and removed with buttons; each row is a group named by its number.
 */
export function ConditionRows<T extends { conditionItems: ConditionRow[] }>({
  project,
  form,
}: {
  project: Project;
  form: UseFormReturn<T>;
}) {
  const { t } = useTranslation();
  // The form's values hold conditionItems; narrowed here to that part.
  const f = form as unknown as UseFormReturn<{ conditionItems: ConditionRow[] }>;
  const { fields, append, remove } = useFieldArray({ control: f.control, name: 'conditionItems' });
  const owners = conditionOwners(project);
  const errors = f.formState.errors.conditionItems;
  const today = todayInOslo();

  return (
    <Fieldset>
      <Fieldset.Legend>{t('gate.conditions.formLegend')}</Fieldset.Legend>
      <Fieldset.Description>{t('gate.conditions.formHint')}</Fieldset.Description>
      <ol className="condition-rows">
        {fields.map((field, i) => (
          <li key={field.id}>
            <Fieldset className="condition-row">
              <Fieldset.Legend>{t('gate.conditions.rowLegend', { number: i + 1 })}</Fieldset.Legend>
              <Textfield
                multiline
                rows={2}
                label={t('gate.conditions.text')}
                {...f.register(`conditionItems.${i}.text`, {
                  // Only while the rows are shown (approving with conditions); the values stay if the outcome changes.
                  validate: (v, all) =>
                    (all as { outcome?: string }).outcome !== 'approved_with_conditions' ||
                    v.trim() !== '' ||
                    t('gate.conditions.textRequired'),
                })}
                error={errors?.[i]?.text?.message}
                required
                maxLength={2000}
              />
              <div className="form__row">
                <Field>
                  <Label>{t('gate.conditions.owner')}</Label>
                  <Select {...f.register(`conditionItems.${i}.ownerUserId`)} aria-invalid={errors?.[i]?.ownerUserId ? true : undefined}>
                    <Select.Option value="">{t('gate.conditions.noOwner')}</Select.Option>
                    {owners.map((p) => (
                      <Select.Option key={p.id} value={p.id}>
                        {p.name}
                      </Select.Option>
                    ))}
                  </Select>
                  {errors?.[i]?.ownerUserId && <ValidationMessage>{errors[i]?.ownerUserId?.message}</ValidationMessage>}
                </Field>
                <Textfield
                  type="date"
                  label={t('gate.conditions.dueDate')}
                  min={today}
                  {...f.register(`conditionItems.${i}.dueDate`)}
                  error={errors?.[i]?.dueDate?.message}
                />
              </div>
              {fields.length > 1 && (
                <div className="form__actions">
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => remove(i)}>
                    <TrashIcon aria-hidden="true" />
                    {t('gate.conditions.remove', { number: i + 1 })}
                  </Button>
                </div>
              )}
            </Fieldset>
          </li>
        ))}
      </ol>
      {fields.length < MAX_CONDITIONS && (
        <div className="form__actions">
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => append({ text: '', ownerUserId: project.leader?.id ?? '', dueDate: '' }, { shouldFocus: true })}
          >
            <PlusIcon aria-hidden="true" />
            {t('gate.conditions.add')}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}
