import { useEffect, useId, useState } from 'react';
import { Alert, Button, Field, Heading, Label, List, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { PlusIcon } from '@navikt/aksel-icons';
import { GROUPING_KINDS, SURVEY_LIMITS, surveyText, type Lang } from '@nvr/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useFieldArray, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SaveFeedback } from '../../../components/save-feedback';
import { FormError } from '../../../components/form-error';
import { isApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { formatNumber } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { getSurveyQueryOptions } from '../api/get-survey';
import { useUpdateSurvey } from '../api/update-survey';
import type { Survey } from '../api/types';
import { QuestionFields } from './question-fields';
import {
  canFollow,
  draftFieldOf,
  emptyQuestion,
  SETTING_FIELDS,
  surveyFormValues,
  updateBody,
  type SurveyFormValues,
} from './survey-draft';

/** Focuses a form control by its name once the list has rendered its new order (or `fallback` when it is gone). */
function focusLater(name: string, fallback?: string) {
  window.setTimeout(() => {
    const target = document.getElementsByName(name)[0] ?? (fallback ? document.getElementById(fallback) : null);
    target?.focus();
  }, 0);
}

/** Opens the <details> a field sits in (the nynorsk and English texts), so its error shows and it can take focus. */
function reveal(name: string) {
  const details = document.getElementsByName(name)[0]?.closest('details');
  if (details) details.open = true;
}

/**
 * The survey's texts, settings and questions in one form. Questions can be added, removed, moved
 * (buttons, so the keyboard can do it) and edited while the survey has no answers; once it has
 * answers, they are shown read-only with the reason.
 */
export function SurveyEditor({ projectId, survey, onSaved }: { projectId: string; survey: Survey; onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'nb') as Lang;
  const queryClient = useQueryClient();
  const headingId = useId();
  const questionsHeadingId = useId();
  // The version the form was filled from and is saved against; `keepEdits` when it moved while the
  // person was editing (then only the fields they have not touched take the new values).
  const [{ survey: base, keepEdits }, setBase] = useState({ survey, keepEdits: false });
  const [reloaded, setReloaded] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const update = useUpdateSurvey(projectId, survey.id);
  const form = useApiForm<SurveyFormValues>({ defaultValues: surveyFormValues(survey) });
  const { control, register, watch, formState } = form;
  const { errors, isSubmitting, isDirty, dirtyFields } = formState;
  const questions = useFieldArray({ control, name: 'questions' });
  const groupingKey = watch('groupingKey');
  const singles = watch('questions').filter((q) => q.kind === 'single');

  // Opening, closing or a new link changes the survey's version but nothing edited here: follow it, also
  // while the person is editing, or their next save would answer VERSION_CONFLICT. A change to what they
  // are editing (someone else saved) is not followed, and the save answers the conflict (see canFollow).
  if (survey.version !== base.version && !isSubmitting && (!isDirty || canFollow(base, survey, dirtyFields))) {
    setBase({ survey, keepEdits: isDirty });
  }
  const { reset, resetField, getFieldState } = form;
  useEffect(() => {
    const values = surveyFormValues(base);
    if (!keepEdits) {
      reset(values);
      return;
    }
    for (const name of SETTING_FIELDS) {
      if (!getFieldState(name).isDirty) resetField(name, { defaultValue: values[name] });
    }
  }, [base, keepEdits, reset, resetField, getFieldState]);

  function move(index: number, delta: -1 | 1) {
    const to = index + delta;
    questions.move(index, to);
    setAnnouncement(t(delta < 0 ? 'surveys.editor.movedUp' : 'surveys.editor.movedDown', { n: to + 1 }));
    // Keep focus on the same button of the moved question (its position changed), or the other one at the edge.
    window.setTimeout(() => {
      const own = document.getElementById(`question-${to}-${delta < 0 ? 'up' : 'down'}`) as HTMLButtonElement | null;
      const other = document.getElementById(`question-${to}-${delta < 0 ? 'down' : 'up'}`);
      (own && !own.disabled ? own : other)?.focus();
    }, 0);
  }

  function remove(index: number) {
    const count = questions.fields.length;
    questions.remove(index);
    setAnnouncement(t('surveys.editor.removed', { n: index + 1 }));
    // Focus the question that took its place (its first field, under its legend), the one before when the
    // last went, or the questions' heading when none are left.
    const next = index < count - 1 ? index : index - 1;
    focusLater(`questions.${next}.kind`, questionsHeadingId);
  }

  async function reload() {
    try {
      const latest = await queryClient.fetchQuery({ ...getSurveyQueryOptions(projectId, survey.id), staleTime: 0 });
      setBase({ survey: latest, keepEdits: false });
      form.reset(surveyFormValues(latest));
      setReloaded(true);
    } catch {
      // The conflict message stays; the person can try again.
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setReloaded(false);
    const body = updateBody(values, base);
    if (Object.keys(body).length === 1) {
      onSaved(t('surveys.editor.nothingChanged'));
      return;
    }
    try {
      const saved = await update.mutateAsync(body);
      setBase({ survey: saved, keepEdits: false });
      form.reset(surveyFormValues(saved));
      onSaved(t('surveys.editor.saved'));
    } catch (error) {
      if (isApiError(error, 'SURVEY_DEFINITION_INVALID') && error.fieldErrors.length > 0) {
        let focused = false;
        const rest: string[] = [];
        for (const { field, messages } of error.fieldErrors) {
          const name = draftFieldOf(field);
          if (name) {
            reveal(name);
            form.setError(name as FieldPath<SurveyFormValues>, { type: 'server', message: messages.join(' ') }, { shouldFocus: !focused });
            focused = true;
          } else rest.push(...messages);
        }
        form.setError('root.server', { type: error.code, message: [errorMessage(error, t), ...rest].join(' ') });
        return;
      }
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form survey-editor" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {t('surveys.editor.heading')}
      </Heading>
      <Textfield
        label={t('surveys.editor.title')}
        maxLength={SURVEY_LIMITS.titleLength}
        autoComplete="off"
        error={errors.title?.message}
        {...register('title', { validate: (v) => v.trim() !== '' || t('surveys.editor.titleRequired') })}
      />
      <Textfield
        multiline
        rows={4}
        label={t('surveys.editor.intro')}
        description={t('surveys.editor.introHint')}
        maxLength={SURVEY_LIMITS.introLength}
        error={errors.intro?.message}
        {...register('intro')}
      />
      <Textfield
        multiline
        rows={4}
        label={t('surveys.editor.privacyNotice')}
        description={t('surveys.editor.privacyNoticeHint')}
        maxLength={SURVEY_LIMITS.introLength}
        error={errors.privacyNotice?.message}
        {...register('privacyNotice')}
      />
      <div className="form__row">
        <Textfield
          type="number"
          label={t('surveys.editor.minGroupSize')}
          description={t('surveys.editor.minGroupSizeHint', { min: SURVEY_LIMITS.minGroupSizeFloor })}
          min={SURVEY_LIMITS.minGroupSizeFloor}
          max={100}
          error={errors.minGroupSize?.message}
          {...register('minGroupSize', {
            validate: (v) =>
              (Number.isInteger(Number(v)) && Number(v) >= SURVEY_LIMITS.minGroupSizeFloor && Number(v) <= 100) ||
              t('surveys.editor.minGroupSizeInvalid', { min: SURVEY_LIMITS.minGroupSizeFloor }),
          })}
        />
        <Textfield
          type="date"
          label={t('surveys.editor.closesOn')}
          description={t('surveys.editor.closesOnHint')}
          error={errors.closesOn?.message}
          {...register('closesOn')}
        />
      </div>

      <Heading level={3} data-size="sm" id={questionsHeadingId} tabIndex={-1}>
        {t('surveys.editor.questionsHeading', {
          count: questions.fields.length,
          replace: { count: formatNumber(questions.fields.length, lang) },
        })}
      </Heading>
      {base.locked ? (
        <>
          <Alert data-color="info">
            <Paragraph>{t('surveys.editor.locked')}</Paragraph>
          </Alert>
          <List.Ordered className="survey-questions-readonly">
            {base.questions.map((q) => (
              <List.Item key={q.key}>
                {surveyText(q.text, lang)} <span className="cell-note">({t(`surveys.kinds.${q.kind}`)})</span>
              </List.Item>
            ))}
          </List.Ordered>
        </>
      ) : (
        <>
          <ol className="survey-questions">
            {questions.fields.map((field, index) => (
              <li key={field.id}>
                <QuestionFields
                  index={index}
                  count={questions.fields.length}
                  control={control}
                  register={register}
                  watch={watch}
                  errors={errors}
                  onMove={(delta) => move(index, delta)}
                  onRemove={() => remove(index)}
                  announce={setAnnouncement}
                />
              </li>
            ))}
          </ol>
          <div aria-live="polite" className="visually-hidden">
            {announcement}
          </div>
          <div>
            <Button
              type="button"
              variant="secondary"
              disabled={questions.fields.length >= SURVEY_LIMITS.questions}
              onClick={() => questions.append(emptyQuestion(form.getValues('questions').map((q) => q.key)), { shouldFocus: true })}
            >
              <PlusIcon aria-hidden="true" />
              {t('surveys.editor.addQuestion')}
            </Button>
          </div>
          <div className="form__row">
            <Field>
              <Label>{t('surveys.editor.grouping')}</Label>
              <Select {...register('groupingKey')}>
                <Select.Option value="">{t('surveys.editor.noGrouping')}</Select.Option>
                {singles.map((q) => (
                  <Select.Option key={q.key} value={q.key}>
                    {q.textNb || q.key}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {groupingKey && (
              <Field>
                <Label>{t('surveys.editor.groupingKind')}</Label>
                <Select {...register('groupingKind')}>
                  {GROUPING_KINDS.map((kind) => (
                    <Select.Option key={kind} value={kind}>
                      {t(`surveys.groupingKinds.${kind}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            )}
          </div>
        </>
      )}

      <SaveFeedback reloaded={reloaded} conflict={form.formErrorCode === 'VERSION_CONFLICT'} onReload={() => void reload()} error={null} />
      {form.formErrorCode !== 'VERSION_CONFLICT' && <FormError message={form.formError} />}
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('surveys.editor.save')}
        </Button>
      </div>
    </form>
  );
}
