import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FieldPath } from 'react-hook-form';
import type { ApiForm } from '../../../lib/use-api-form';
import type { TemplateFormValues } from './template-draft';

type TextPath = Extract<FieldPath<TemplateFormValues>, `${string}Nn` | `${string}En` | 'titleNn' | 'titleEn'>;

/**
 * The nynorsk and English of one template text, folded under the bokmål input. Left empty, readers
 * of that language see the bokmål (the editor warns about it above the form).
 */
export function TemplateTranslations({
  form,
  idPrefix,
  what,
  nn,
  en,
  maxLength,
  multiline = false,
}: {
  form: ApiForm<TemplateFormValues>;
  idPrefix: string;
  /** The text's name in the sentence "Nynorsk og engelsk: …". */
  what: string;
  nn: TextPath;
  en: TextPath;
  maxLength: number;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const nnValue = form.watch(nn) as string | undefined;
  const enValue = form.watch(en) as string | undefined;
  const missing = !nnValue?.trim() || !enValue?.trim();
  return (
    <details className="template-editor__translations">
      <summary>
        {t('plans.templateEditor.translations', { name: what })}
        {missing ? ` (${t('plans.templateEditor.translationMissing')})` : ''}
      </summary>
      <Textfield
        id={`${idPrefix}-nn`}
        label={t('plans.templateEditor.langNn')}
        maxLength={maxLength}
        multiline={multiline}
        rows={multiline ? 3 : undefined}
        {...form.register(nn)}
      />
      <Textfield
        id={`${idPrefix}-en`}
        label={t('plans.templateEditor.langEn')}
        maxLength={maxLength}
        multiline={multiline}
        rows={multiline ? 3 : undefined}
        {...form.register(en)}
      />
    </details>
  );
}
