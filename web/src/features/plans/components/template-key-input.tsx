import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { PathValue, RegisterOptions } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiForm } from '../../../lib/use-api-form';
import type { TemplateFormValues } from './template-draft';
import { TEMPLATE_LIMITS } from './template-rules';

type KeyPath = `sections.${number}.key` | `sections.${number}.fields.${number}.key`;

/**
 * A section's or field's key: written (spaces dropped as they are typed) while it is new, shown
 * read-only once saved, as plans written from the template keep their answers under it.
 */
export function TemplateKeyInput<P extends KeyPath>({
  id,
  form,
  path,
  rules,
  isNew,
  error,
  name,
}: {
  id: string;
  form: ApiForm<TemplateFormValues>;
  path: P;
  rules: RegisterOptions<TemplateFormValues, P>;
  isNew: boolean;
  error?: string;
  /** The field's name in its label ("felt 1 i del 2"); a section's key has none. */
  name?: string;
}) {
  const { t } = useTranslation();
  const label = name ? t('plans.templateEditor.fieldKey', { name }) : t('plans.templateEditor.key');
  if (!isNew) {
    return (
      <Paragraph data-size="sm" className="muted">
        {label}: <code>{form.getValues(path)}</code>
      </Paragraph>
    );
  }
  return (
    <Textfield
      id={id}
      label={label}
      description={t('plans.templateEditor.keyHint')}
      maxLength={TEMPLATE_LIMITS.key}
      error={error}
      {...form.register(path, {
        ...rules,
        onChange: (e: { target: { value: string } }) => {
          const key = e.target.value;
          if (key !== key.trim()) form.setValue(path, key.trim() as PathValue<TemplateFormValues, P>);
        },
      })}
    />
  );
}
