import { Button, Checkbox, Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { TrashIcon } from '@navikt/aksel-icons';
import { FIELD_KINDS } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { ApiForm } from '../../../lib/use-api-form';
import { keyFromTitle, type TemplateFormValues } from './template-draft';
import { TemplateKeyInput } from './template-key-input';
import { TemplateTranslations } from './template-translations';
import { TEMPLATE_LIMITS, type TemplateSchema } from './template-rules';

/** One field of a section: its label, type, key, help text and whether it is required, and a button that removes it. */
export function TemplateFieldRow({
  form,
  schema,
  fieldUid,
  isNew,
  sectionIndex: i,
  index: j,
  count,
  onRemove,
}: {
  form: ApiForm<TemplateFormValues>;
  schema: TemplateSchema;
  /** Names the field's inputs (and the targets of the problem summary's links). */
  fieldUid: string;
  /** Not saved yet: its key can be written, and follows its label. */
  isNew: boolean;
  sectionIndex: number;
  index: number;
  /** How many fields the section has (for the key's check against the others). */
  count: number;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { register, setValue, trigger, formState } = form;
  const { errors, isSubmitted } = formState;
  const name = t('plans.templateEditor.fieldN', { section: i + 1, n: j + 1 });
  const path = `sections.${i}.fields.${j}` as const;
  const keyPath = `${path}.key` as const;
  const otherKeys = Array.from({ length: count }, (_, k) => `sections.${i}.fields.${k}.key` as const).filter((p) => p !== keyPath);
  const fieldErrors = errors.sections?.[i]?.fields?.[j];

  return (
    <div className="template-editor__field">
      <Textfield
        id={`${fieldUid}-label`}
        label={t('plans.templateEditor.fieldLabel', { name })}
        maxLength={TEMPLATE_LIMITS.label}
        error={fieldErrors?.label?.message}
        {...register(`${path}.label`, {
          ...schema.fieldLabel(name),
          onChange: (e: { target: { value: string } }) => {
            if (!isNew) return;
            setValue(keyPath, keyFromTitle(e.target.value));
            if (isSubmitted) void trigger([keyPath, ...otherKeys]);
          },
        })}
      />
      <TemplateTranslations
        form={form}
        idPrefix={`${fieldUid}-label`}
        what={t('plans.templateEditor.fieldLabel', { name })}
        nn={`${path}.labelNn`}
        en={`${path}.labelEn`}
        maxLength={TEMPLATE_LIMITS.label}
      />
      <Field>
        <Label>{t('plans.templateEditor.fieldKind', { name })}</Label>
        <Select id={`${fieldUid}-kind`} {...register(`${path}.kind`)}>
          {FIELD_KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`plans.templates.fieldKinds.${k}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <TemplateKeyInput
        id={`${fieldUid}-key`}
        form={form}
        path={keyPath}
        rules={schema.fieldKey(i, j, name, otherKeys)}
        isNew={isNew}
        error={fieldErrors?.key?.message}
        name={name}
      />
      <Textfield
        id={`${fieldUid}-help`}
        label={t('plans.templateEditor.fieldHelp', { name })}
        maxLength={TEMPLATE_LIMITS.help}
        error={fieldErrors?.help?.message}
        {...register(`${path}.help`)}
      />
      <TemplateTranslations
        form={form}
        idPrefix={`${fieldUid}-help`}
        what={t('plans.templateEditor.fieldHelp', { name })}
        nn={`${path}.helpNn`}
        en={`${path}.helpEn`}
        maxLength={TEMPLATE_LIMITS.help}
      />
      <Checkbox id={`${fieldUid}-required`} label={t('plans.templateEditor.fieldRequired', { name })} {...register(`${path}.required`)} />
      <Button type="button" variant="tertiary" data-size="sm" onClick={onRemove}>
        <TrashIcon aria-hidden="true" />
        {t('plans.templateEditor.removeField', { name })}
      </Button>
    </div>
  );
}
