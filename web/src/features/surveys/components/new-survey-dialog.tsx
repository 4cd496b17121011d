import { useState } from 'react';
import { Button, Field, Fieldset, Label, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { PlusIcon } from '@navikt/aksel-icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { SURVEY_LIMITS } from '@nvr/shared';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateSurvey } from '../api/create-survey';
import { useSurveyTemplates } from '../api/get-survey-templates';
import type { CreateSurveyBody, SurveySummary } from '../api/types';
import { useTemplateText } from '../../../lib/template-text';

interface NewSurveyValues {
  source: 'template' | 'copy';
  templateKey: string;
  copyOf: string;
  title: string;
}

/** "Ny spørreundersøkelse": from one of the library's survey templates, or as a copy of one of the project's surveys. */
export function NewSurveyDialog({
  projectId,
  surveys,
  copyOf,
  label,
}: {
  projectId: string;
  surveys: Pick<SurveySummary, 'id' | 'title'>[];
  /** Start as a copy of this survey (the "copy to a new survey" button on a locked survey). */
  copyOf?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const { tt } = useTemplateText();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const templates = useSurveyTemplates({ enabled: open });
  const create = useCreateSurvey(projectId, {
    onSuccess: (survey) =>
      void navigate(`/prosjekter/${projectId}/kartlegging/undersokelser/${survey.id}`, { state: { message: t('surveys.create.created') } }),
  });
  const defaults: NewSurveyValues = { source: copyOf ? 'copy' : 'template', templateKey: '', copyOf: copyOf ?? '', title: '' };
  const form = useApiForm<NewSurveyValues>({ defaultValues: defaults, codeFields: { TEMPLATE_NOT_FOUND: 'templateKey' } });
  const { errors, isSubmitting } = form.formState;
  const source = form.watch('source');

  const submit = form.handleSubmit(async (values) => {
    const body: CreateSurveyBody = values.source === 'template' ? { templateKey: values.templateKey } : { copyOf: values.copyOf };
    if (values.title.trim()) body.title = values.title.trim();
    try {
      await create.mutateAsync(body);
      setOpen(false);
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      <Button
        variant={copyOf ? 'secondary' : 'primary'}
        onClick={() => {
          form.reset(defaults);
          setOpen(true);
        }}
      >
        {!copyOf && <PlusIcon aria-hidden="true" />}
        {label ?? t('surveys.create.open')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('surveys.create.title')}
        onSubmit={(e) => void submit(e)}
        pending={isSubmitting}
        submitLabel={t('surveys.create.submit')}
        formError={form.formError}
      >
        {surveys.length > 0 && (
          <Fieldset>
            <Fieldset.Legend>{t('surveys.create.source')}</Fieldset.Legend>
            <Radio value="template" label={t('surveys.create.fromTemplate')} {...form.register('source')} />
            <Radio value="copy" label={t('surveys.create.fromCopy')} {...form.register('source')} />
          </Fieldset>
        )}
        {source === 'template' ? (
          <Field>
            <Label>{t('surveys.create.template')}</Label>
            <Select
              aria-invalid={errors.templateKey ? true : undefined}
              {...form.register('templateKey', {
                validate: (v) => source !== 'template' || v !== '' || t('surveys.create.templateRequired'),
              })}
            >
              <Select.Option value="">{templates.isPending ? t('common.loading') : t('surveys.create.choose')}</Select.Option>
              {(templates.data ?? []).map((template) => (
                <Select.Option key={template.key} value={template.key}>
                  {tt(template.title)}
                </Select.Option>
              ))}
            </Select>
            {errors.templateKey && <ValidationMessage>{errors.templateKey.message}</ValidationMessage>}
          </Field>
        ) : (
          <Field>
            <Label>{t('surveys.create.copyOf')}</Label>
            <Select
              aria-invalid={errors.copyOf ? true : undefined}
              {...form.register('copyOf', { validate: (v) => source !== 'copy' || v !== '' || t('surveys.create.copyRequired') })}
            >
              <Select.Option value="">{t('surveys.create.choose')}</Select.Option>
              {surveys.map((survey) => (
                <Select.Option key={survey.id} value={survey.id}>
                  {survey.title}
                </Select.Option>
              ))}
            </Select>
            {errors.copyOf && <ValidationMessage>{errors.copyOf.message}</ValidationMessage>}
          </Field>
        )}
        <Textfield
          label={t('surveys.create.surveyTitle')}
          description={t('surveys.create.surveyTitleHint')}
          maxLength={SURVEY_LIMITS.titleLength}
          autoComplete="off"
          error={errors.title?.message}
          {...form.register('title')}
        />
      </FormDialog>
    </>
  );
}
