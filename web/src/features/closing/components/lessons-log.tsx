import { useEffect, useId, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { LESSON_CATEGORIES, PHASE_KEYS, type LessonCategory, type PhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { FormError } from '../../../components/form-error';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useApiForm, type ApiForm } from '../../../lib/use-api-form';
import { useAddLesson } from '../api/add-lesson';
import { useDeleteLesson } from '../api/delete-lesson';
import { useUpdateLesson } from '../api/update-lesson';
import type { Closing, Lesson } from '../api/types';
import { useClosingText } from './closing-text';

interface LessonValues {
  text: string;
  category: LessonCategory | '';
  phaseKey: PhaseKey;
}

const TEXT_MAX = 4000;

/** The start of a lesson, to name the buttons that act on it. */
const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text);

/** The fields of a lesson, in the add form and the edit dialog. */
function LessonFields({ form }: { form: ApiForm<LessonValues> }) {
  const { t } = useTranslation();
  const text = useClosingText();
  const catalogue = useCatalogue();
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <>
      <Textfield
        multiline
        rows={3}
        label={t('closing.lessons.text')}
        description={t('closing.lessons.textHint')}
        maxLength={TEXT_MAX}
        required
        {...register('text', {
          validate: (v) => v.trim() !== '' || t('closing.lessons.textRequired'),
          maxLength: { value: TEXT_MAX, message: t('closing.lessons.textTooLong', { max: TEXT_MAX }) },
        })}
        error={errors.text?.message}
      />
      <div className="form__row">
        <Field>
          <Label>{t('closing.lessons.category')}</Label>
          <Select
            aria-invalid={errors.category ? true : undefined}
            {...register('category', { required: t('closing.lessons.categoryRequired') })}
          >
            <Select.Option value="">{t('closing.lessons.chooseCategory')}</Select.Option>
            {LESSON_CATEGORIES.map((c) => (
              <Select.Option key={c} value={c}>
                {text.categoryTitle(c)}
              </Select.Option>
            ))}
          </Select>
          {errors.category && <ValidationMessage>{errors.category.message}</ValidationMessage>}
        </Field>
        <Field>
          <Label>{t('closing.lessons.phase')}</Label>
          <Select {...register('phaseKey')}>
            {PHASE_KEYS.map((p) => (
              <Select.Option key={p} value={p}>
                {catalogue.phaseTitle(p)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
    </>
  );
}

/** The lessons log: what others should know, each under a success factor (or other) and the phase it concerns. */
export function LessonsLog({ closing, onSaved }: { closing: Closing; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const text = useClosingText();
  const catalogue = useCatalogue();
  const format = useFormat();
  const [editing, setEditing] = useState<Lesson | null>(null);
  const [deleting, setDeleting] = useState<Lesson | null>(null);
  const remove = useDeleteLesson(closing.projectId);
  const editable = closing.permissions.editLessons;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('closing.lessons.heading')}
      </Heading>
      <Paragraph>{t('closing.lessons.intro')}</Paragraph>
      {editable && <AddLessonForm closing={closing} onSaved={onSaved} />}
      {closing.lessons.length === 0 ? (
        <Paragraph className="muted">{t('closing.lessons.none')}</Paragraph>
      ) : (
        <ul className="plain-list closing-lessons" aria-label={t('closing.lessons.listLabel')}>
          {closing.lessons.map((l) => (
            <li key={l.id} className="closing-lesson">
              <Paragraph className="prewrap">{l.text}</Paragraph>
              <Paragraph data-size="sm" className="muted">
                {t('closing.lessons.meta', {
                  category: text.categoryTitle(l.category),
                  phase: catalogue.phaseTitle(l.phaseKey),
                  name: l.createdBy?.name ?? '–',
                  date: format.date(l.createdAt.slice(0, 10)),
                })}
              </Paragraph>
              {editable && (
                <div className="row-actions">
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('closing.lessons.editNamed', { text: excerpt(l.text) })}
                    onClick={() => setEditing(l)}
                  >
                    {t('closing.lessons.edit')}
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    data-color="danger"
                    aria-label={t('closing.lessons.deleteNamed', { text: excerpt(l.text) })}
                    onClick={() => setDeleting(l)}
                  >
                    {t('closing.lessons.delete')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <EditLessonDialog closing={closing} lesson={editing} onClose={() => setEditing(null)} onSaved={onSaved} />
      <FormDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('closing.lessons.deleteTitle')}
        submitLabel={t('closing.lessons.delete')}
        submitColor="danger"
        pending={remove.isPending}
        formError={remove.error ? t('closing.lessons.deleteFailed') : undefined}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              onSaved(t('closing.lessons.deleted'));
            },
          })
        }
      >
        <Paragraph>{t('closing.lessons.deleteConfirm')}</Paragraph>
        <Paragraph className="prewrap">{deleting?.text}</Paragraph>
      </FormDialog>
    </section>
  );
}

function AddLessonForm({ closing, onSaved }: { closing: Closing; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const add = useAddLesson(closing.projectId);
  const empty: LessonValues = { text: '', category: '', phaseKey: 'hovedprosjekt' };
  const form = useApiForm<LessonValues>({ defaultValues: empty });

  const submit = form.handleSubmit(async (values) => {
    if (!values.category) return;
    try {
      await add.mutateAsync({ text: values.text.trim(), category: values.category, phaseKey: values.phaseKey });
      form.reset(empty);
      onSaved(t('closing.lessons.added'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('closing.lessons.addLabel')}>
      <LessonFields form={form} />
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={form.formState.isSubmitting} disabled={form.formState.isSubmitting}>
          {t('closing.lessons.add')}
        </Button>
      </div>
    </form>
  );
}

function EditLessonDialog({
  closing,
  lesson,
  onClose,
  onSaved,
}: {
  closing: Closing;
  lesson: Lesson | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateLesson(closing.projectId);
  const form = useApiForm<LessonValues>({ defaultValues: { text: '', category: '', phaseKey: 'hovedprosjekt' } });
  const { reset } = form;

  useEffect(() => {
    if (lesson) reset({ text: lesson.text, category: lesson.category, phaseKey: lesson.phaseKey });
  }, [lesson, reset]);

  const submit = form.handleSubmit(async (values) => {
    if (!lesson || !values.category) return;
    try {
      await update.mutateAsync({
        lessonId: lesson.id,
        body: { text: values.text.trim(), category: values.category, phaseKey: values.phaseKey, version: lesson.version },
      });
      onClose();
      onSaved(t('closing.lessons.saved'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <FormDialog
      open={lesson !== null}
      onClose={onClose}
      title={t('closing.lessons.editTitle')}
      onSubmit={(e) => void submit(e)}
      pending={form.formState.isSubmitting}
      formError={form.formError}
      formErrorCode={form.formErrorCode}
    >
      <LessonFields form={form} />
    </FormDialog>
  );
}
