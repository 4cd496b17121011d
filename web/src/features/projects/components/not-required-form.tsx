import { Button, Details, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Deliverable } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useApiForm } from '../../../lib/use-api-form';
import { useMarkNotRequired } from '../api/mark-not-required';

/** The project leader marks a deliverable as not needed here; the reason goes to the regionråd with the gate. */
export function NotRequiredForm({ deliverable, onMarked }: { deliverable: Deliverable; onMarked: (message: string) => void }) {
  const { t } = useTranslation();
  // MarkNotRequiredDto: a reason of at most 2000 characters (kept by maxLength).
  const form = useApiForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const mark = useMarkNotRequired(deliverable.projectId, deliverable.id);

  const submit = form.handleSubmit(async ({ reason }) => {
    try {
      await mark.mutateAsync(reason.trim());
      onMarked(t('deliverables.notRequired.marked'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <Details>
      <Details.Summary>{t('deliverables.notRequired.summary')}</Details.Summary>
      <Details.Content>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <Paragraph>{t('deliverables.notRequired.intro')}</Paragraph>
          <Textfield
            multiline
            rows={3}
            label={t('deliverables.notRequired.reason')}
            {...form.register('reason', { validate: (v) => v.trim() !== '' || t('deliverables.notRequired.reasonRequired') })}
            error={errors.reason?.message}
            maxLength={2000}
            required
          />
          <FormError message={form.formError} />
          <div className="form__actions">
            <Button type="submit" variant="secondary" loading={isSubmitting} disabled={isSubmitting}>
              {t('deliverables.notRequired.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
