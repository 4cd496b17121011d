import { useId } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { nextPhaseKey, todayInOslo } from '@nvr/shared';
import { useCatalogue } from '../../../lib/catalogue';
import { useApiForm } from '../../../lib/use-api-form';
import { useSubmitGate } from '../api/submit-gate';

/** "Send til beslutning": the project leader sends a ready phase to the regionråd, with an optional note. */
export function SubmitGateForm({ project, gate, onSubmitted }: { project: Project; gate: Gate; onSubmitted: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const headingId = useId();
  // SubmitGateDto: an optional note of at most 4000 characters (kept by maxLength), and the kommunestyrer's
  // deadline (after today; six weeks by default on the server).
  const form = useApiForm<{ note: string; kommuneDeadline: string }>({
    defaultValues: { note: '', kommuneDeadline: '' },
    codeFields: { INVALID_PERIOD: 'kommuneDeadline' },
  });
  const today = todayInOslo();
  const next = nextPhaseKey(gate.phaseKey);
  const { errors, isSubmitting } = form.formState;
  const phase = catalogue.phaseTitle(gate.phaseKey);
  const submit = useSubmitGate(project.id, gate.phaseKey);

  const send = form.handleSubmit(async ({ note, kommuneDeadline }) => {
    try {
      await submit.mutateAsync({ note: note.trim() || null, kommuneDeadline: kommuneDeadline || undefined });
      onSubmitted(t('gates.submit.done', { phase, council: project.councilName }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <section aria-labelledby={headingId} className="section panel">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gates.submit.heading')}
      </Heading>
      {gate.readiness.ready ? (
        <form className="form" onSubmit={(e) => void send(e)} noValidate>
          <Paragraph>{t('gate.submit.intro', { phase })}</Paragraph>
          <Textfield
            multiline
            rows={4}
            label={t('gates.submit.note')}
            description={t('gates.submit.noteHint')}
            {...form.register('note')}
            error={errors.note?.message}
            maxLength={4000}
          />
          {next && (
            <Textfield
              type="date"
              label={t('gate.submit.kommuneDeadline')}
              description={t('gate.submit.kommuneDeadlineHint')}
              min={today}
              {...form.register('kommuneDeadline', {
                validate: (v) => !v || v > today || t('gate.submit.kommuneDeadlinePast'),
              })}
              error={errors.kommuneDeadline?.message}
            />
          )}
          <FormError message={form.formError} />
          <div className="form__actions">
            <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
              {t('gates.submit.submit')}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph>{t('gates.submit.notReady')}</Paragraph>
      )}
    </section>
  );
}
