import { Button, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiForm } from '../../../lib/use-api-form';
import { focusById } from './focus';
import { emptyField, keyFromTitle, type TemplateFormValues } from './template-draft';
import { TemplateTranslations } from './template-translations';
import { TemplateFieldRow } from './template-field-row';
import { TemplateKeyInput } from './template-key-input';
import { TEMPLATE_LIMITS, type TemplateSchema } from './template-rules';

/** One section of the template being edited: title, key, guidance, its fields (add, remove), and move or remove it. */
export function TemplateSectionFieldset({
  form,
  schema,
  sectionUid,
  isNew,
  index: i,
  count,
  recheck,
  onMove,
  onRemove,
}: {
  form: ApiForm<TemplateFormValues>;
  schema: TemplateSchema;
  /** Names the section's inputs (and the targets of the problem summary's links). */
  sectionUid: string;
  /** Not saved yet: its key can be written, and follows its title. */
  isNew: boolean;
  index: number;
  count: number;
  /** Checks the form again after a change of order, once a save has been tried. */
  recheck: () => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { control, register, setValue, trigger, formState } = form;
  const { errors, isSubmitted } = formState;
  const fields = useFieldArray({ control, name: `sections.${i}.fields`, rules: schema.fields(i) });
  const title = useWatch({ control, name: `sections.${i}.title` });
  const keyPath = `sections.${i}.key` as const;
  const otherKeys = Array.from({ length: count }, (_, k) => `sections.${k}.key` as const).filter((path) => path !== keyPath);
  const sectionErrors = errors.sections?.[i];

  return (
    <Fieldset className="template-editor__section">
      <Fieldset.Legend>
        {t('plans.templateEditor.sectionLegend', { n: i + 1, title: title || t('plans.templateEditor.untitled') })}
      </Fieldset.Legend>
      <Textfield
        id={`${sectionUid}-title`}
        label={t('plans.templateEditor.sectionTitle')}
        maxLength={TEMPLATE_LIMITS.sectionTitle}
        error={sectionErrors?.title?.message}
        {...register(`sections.${i}.title`, {
          ...schema.sectionTitle(i),
          onChange: (e: { target: { value: string } }) => {
            if (!isNew) return;
            setValue(keyPath, keyFromTitle(e.target.value));
            if (isSubmitted) void trigger([keyPath, ...otherKeys]);
          },
        })}
      />
      <TemplateTranslations
        form={form}
        idPrefix={`${sectionUid}-title`}
        what={t('plans.templateEditor.sectionTitle')}
        nn={`sections.${i}.titleNn`}
        en={`sections.${i}.titleEn`}
        maxLength={TEMPLATE_LIMITS.sectionTitle}
      />
      <TemplateKeyInput
        id={`${sectionUid}-key`}
        form={form}
        path={keyPath}
        rules={schema.sectionKey(i, otherKeys)}
        isNew={isNew}
        error={sectionErrors?.key?.message}
      />
      <Textfield
        id={`${sectionUid}-guidance`}
        multiline
        rows={3}
        label={t('plans.templateEditor.guidance')}
        description={t('plans.templateEditor.guidanceHint')}
        maxLength={TEMPLATE_LIMITS.guidance}
        error={sectionErrors?.guidance?.message}
        {...register(`sections.${i}.guidance`)}
      />
      <TemplateTranslations
        form={form}
        idPrefix={`${sectionUid}-guidance`}
        what={t('plans.templateEditor.guidance')}
        nn={`sections.${i}.guidanceNn`}
        en={`sections.${i}.guidanceEn`}
        maxLength={TEMPLATE_LIMITS.guidance}
        multiline
      />
      <Fieldset>
        <Fieldset.Legend>{t('plans.templateEditor.fieldsLegend', { n: i + 1 })}</Fieldset.Legend>
        {fields.fields.map((field, j) => (
          <TemplateFieldRow
            key={field.id}
            form={form}
            schema={schema}
            fieldUid={field.uid}
            isNew={field.isNew}
            sectionIndex={i}
            index={j}
            count={fields.fields.length}
            onRemove={() => {
              fields.remove(j);
              focusById(`${sectionUid}-add-field`, { afterRender: true });
              recheck();
            }}
          />
        ))}
        <div>
          <Button
            id={`${sectionUid}-add-field`}
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => {
              const field = emptyField();
              fields.append(field, { shouldFocus: false });
              focusById(`${field.uid}-label`, { afterRender: true });
            }}
          >
            <PlusIcon aria-hidden="true" />
            {t('plans.templateEditor.addField', { n: i + 1 })}
          </Button>
        </div>
      </Fieldset>
      <div className="row-actions">
        <Button id={`${sectionUid}-up`} type="button" variant="tertiary" data-size="sm" disabled={i === 0} onClick={() => onMove(-1)}>
          <ArrowUpIcon aria-hidden="true" />
          {t('plans.templateEditor.moveUp', { n: i + 1 })}
        </Button>
        <Button
          id={`${sectionUid}-down`}
          type="button"
          variant="tertiary"
          data-size="sm"
          disabled={i === count - 1}
          onClick={() => onMove(1)}
        >
          <ArrowDownIcon aria-hidden="true" />
          {t('plans.templateEditor.moveDown', { n: i + 1 })}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={onRemove}>
          <TrashIcon aria-hidden="true" />
          {t('plans.templateEditor.removeSection', { n: i + 1 })}
        </Button>
      </div>
    </Fieldset>
  );
}
