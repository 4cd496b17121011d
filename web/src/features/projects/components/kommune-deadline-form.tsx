import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useSetKommuneDeadline } from '../api/record-kommune-case';

/** The secretariat sets the date by which the kommunestyrer still to decide must have handled the case. */
export function KommuneDeadlineForm({
  project,
  gate,
  current,
  onSaved,
}: {
  project: Project;
  gate: Gate;
  current: string | null;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useApiForm<{ deadline: string }>({ defaultValues: { deadline: current ?? '' }, codeFields: { INVALID_PERIOD: 'deadline' } });
  const { errors, isSubmitting } = form.formState;
  const save = useSetKommuneDeadline(project.id, gate.phaseKey);

  const submit = form.handleSubmit(async ({ deadline }) => {
    try {
      await save.mutateAsync(deadline);
      onSaved(t('gate.deadline.saved', { date: format.date(deadline) }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
      <Textfield
        type="date"
        label={t('gate.deadline.label')}
        description={t('gate.deadline.hint')}
        {...form.register('deadline', { required: t('gate.deadline.required') })}
        error={errors.deadline?.message}
        required
      />
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" variant="secondary" loading={isSubmitting} disabled={isSubmitting}>
          {t('gate.deadline.submit')}
        </Button>
      </div>
    </form>
  );
}
