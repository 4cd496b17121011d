import { useMemo, useState } from 'react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { PlusIcon } from '@navikt/aksel-icons';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TemplateVersion } from '../../../api/plan-types';
import { FormError } from '../../../components/form-error';
import { applyServerErrors, useApiForm } from '../../../lib/use-api-form';
import { useSaveTemplate } from '../api/save-template';
import { focusById } from './focus';
import {
  emptySection,
  missingTranslationCount,
  problemsOf,
  saveBody,
  serverFieldsOf,
  templateFormValues,
  type TemplateFormValues,
} from './template-draft';
import { TemplateProblems } from './template-problems';
import { TEMPLATE_LIMITS, templateSchema } from './template-rules';
import { TemplateSectionFieldset } from './template-section-fieldset';
import { TemplateTranslations } from './template-translations';
import './plans.css';

/**
 * Administrators edit a template and save it as its next version (PUT with the version edited;
 * 409 when someone saved a newer one). Keys of existing sections and fields stay, so plans written
 * from older versions keep their answers.
 */
export function TemplateEditor({
  template,
  onSaved,
  onReload,
}: {
  template: TemplateVersion;
  onSaved: (saved: TemplateVersion) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const schema = useMemo(() => templateSchema(t), [t]);
  // The summary above the form takes focus when the checks stop a save, not the first field.
  const defaultValues = useMemo(() => templateFormValues(template), [template]);
  const form = useApiForm<TemplateFormValues>({ defaultValues, shouldFocusError: false });
  const { control, register, formState, getValues, setError, trigger } = form;
  const { errors, isSubmitting, isSubmitted } = formState;
  // Every change re-renders the form's fields anyway; the count follows the values shown.
  const watched = useWatch({ control }) as TemplateFormValues;
  const untranslated = missingTranslationCount({ ...getValues(), ...watched });
  const sections = useFieldArray({ control, name: 'sections', rules: schema.sections });
  const [summaryFocus, setSummaryFocus] = useState(0);
  const save = useSaveTemplate(template.key, { onSuccess: onSaved });

  /** After a save was tried, moving or removing renumbers the sections: check again once they have rendered. */
  function recheck() {
    if (isSubmitted) window.setTimeout(() => void trigger('sections'), 0);
  }

  function moveSection(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= sections.fields.length) return;
    sections.swap(index, target);
    // Focus stays on the button pressed, unless the section reached an end and that button is now disabled.
    const atEnd = target === 0 || target === sections.fields.length - 1;
    const button = atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down';
    focusById(`${sections.fields[index].uid}-${button}`, { afterRender: true });
    recheck();
  }

  const submit = form.handleSubmit(
    async (values) => {
      try {
        await save.mutateAsync(saveBody(values, template.version));
      } catch (error) {
        applyServerErrors(error, setError, { t, fields: serverFieldsOf(values) });
      }
    },
    () => setSummaryFocus((n) => n + 1),
  );

  const conflict = form.formErrorCode === 'VERSION_CONFLICT';
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <TemplateProblems problems={problemsOf(getValues(), errors)} focusRequest={summaryFocus} />
      {untranslated > 0 && (
        <Alert data-color="warning">
          <Paragraph>{t('plans.templateEditor.missingTranslations', { count: untranslated })}</Paragraph>
        </Alert>
      )}
      <Textfield
        id="template-title"
        label={t('plans.templateEditor.title')}
        maxLength={TEMPLATE_LIMITS.title}
        error={errors.title?.message}
        {...register('title', schema.title)}
      />
      <TemplateTranslations
        form={form}
        idPrefix="template-title"
        what={t('plans.templateEditor.title')}
        nn="titleNn"
        en="titleEn"
        maxLength={TEMPLATE_LIMITS.title}
      />
      <Textfield
        id="template-description"
        multiline
        rows={3}
        label={t('plans.templateEditor.description')}
        maxLength={TEMPLATE_LIMITS.description}
        error={errors.description?.message}
        {...register('description')}
      />
      <TemplateTranslations
        form={form}
        idPrefix="template-description"
        what={t('plans.templateEditor.description')}
        nn="descriptionNn"
        en="descriptionEn"
        maxLength={TEMPLATE_LIMITS.description}
        multiline
      />

      {sections.fields.map((section, i) => (
        <TemplateSectionFieldset
          key={section.id}
          form={form}
          schema={schema}
          sectionUid={section.uid}
          isNew={section.isNew}
          index={i}
          count={sections.fields.length}
          recheck={recheck}
          onMove={(delta) => moveSection(i, delta)}
          onRemove={() => {
            sections.remove(i);
            focusById('template-add-section', { afterRender: true });
            recheck();
          }}
        />
      ))}
      <div>
        <Button
          id="template-add-section"
          type="button"
          variant="secondary"
          onClick={() => {
            const section = emptySection(t('plans.templateEditor.defaultFieldLabel'));
            sections.append(section, { shouldFocus: false });
            focusById(`${section.uid}-title`, { afterRender: true });
          }}
        >
          <PlusIcon aria-hidden="true" />
          {t('plans.templateEditor.addSection')}
        </Button>
      </div>

      {conflict ? (
        <Alert data-color="danger" role="alert">
          <Heading level={2} data-size="xs">
            {t('plans.templateEditor.conflictTitle')}
          </Heading>
          <Paragraph>{t('plans.templateEditor.conflictBody')}</Paragraph>
          <Button type="button" variant="secondary" onClick={() => void onReload()}>
            {t('plans.templateEditor.reload')}
          </Button>
        </Alert>
      ) : (
        <FormError message={form.formError} />
      )}
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('plans.templateEditor.save', { version: template.version + 1 })}
        </Button>
      </div>
    </form>
  );
}
