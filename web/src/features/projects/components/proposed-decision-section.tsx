import { useId } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useApiForm } from '../../../lib/use-api-form';
import { useSetProposedDecision } from '../api/set-proposed-decision';

/**
 * "Forslag til vedtak": drafted from the package when the phase was submitted; the secretariat edits it
 * before the meeting, and it goes into the saksframlegg and the decision form.
 */
export function ProposedDecisionSection({ project, gate, onSaved }: { project: Project; gate: Gate; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const editable = gate.permissions.editProposedDecision && gate.pendingSubmissionId !== null;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gate.proposed.heading')}
      </Heading>
      {editable ? (
        <ProposedDecisionForm key={gate.proposedDecision ?? ''} project={project} gate={gate} onSaved={onSaved} />
      ) : gate.proposedDecision ? (
        <blockquote className="proposed-decision prewrap">{gate.proposedDecision}</blockquote>
      ) : (
        <Paragraph className="muted">{t('gate.proposed.none')}</Paragraph>
      )}
    </section>
  );
}

function ProposedDecisionForm({ project, gate, onSaved }: { project: Project; gate: Gate; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const form = useApiForm<{ text: string }>({ defaultValues: { text: gate.proposedDecision ?? '' } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const save = useSetProposedDecision(project.id, gate.phaseKey);

  const submit = form.handleSubmit(async ({ text }) => {
    if (!gate.pendingSubmissionId) return;
    try {
      await save.mutateAsync({ submissionId: gate.pendingSubmissionId, text: text.trim() });
      onSaved(t('gate.proposed.saved'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Textfield
        multiline
        rows={6}
        label={t('gate.proposed.label')}
        description={t('gate.proposed.hint')}
        {...form.register('text', { validate: (v) => v.trim() !== '' || t('gate.proposed.required') })}
        error={errors.text?.message}
        required
        maxLength={20000}
      />
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" variant={isDirty ? 'primary' : 'secondary'} loading={isSubmitting} disabled={isSubmitting}>
          {t('gate.proposed.save')}
        </Button>
      </div>
    </form>
  );
}
