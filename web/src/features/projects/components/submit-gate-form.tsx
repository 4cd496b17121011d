import { useId, useState } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useCatalogue } from '../../../lib/catalogue';
import { useSubmitGate } from '../api/submit-gate';

/** "Send til beslutning": the project leader sends a ready phase to the regionråd, with an optional note. */
export function SubmitGateForm({ project, gate, onSubmitted }: { project: Project; gate: Gate; onSubmitted: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const headingId = useId();
  const [note, setNote] = useState('');
  const phase = catalogue.phaseTitle(gate.phaseKey);
  const submit = useSubmitGate(project.id, gate.phaseKey, {
    onSuccess: () => onSubmitted(t('gates.submit.done', { phase, council: project.councilName })),
  });

  function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit.mutate(note.trim() || null);
  }

  return (
    <section aria-labelledby={headingId} className="section panel">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gates.submit.heading')}
      </Heading>
      {gate.readiness.ready ? (
        <form className="form" onSubmit={send} noValidate>
          <Paragraph>{t('gates.submit.intro', { phase, council: project.councilName })}</Paragraph>
          <Textfield
            multiline
            rows={4}
            label={t('gates.submit.note')}
            description={t('gates.submit.noteHint')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={4000}
          />
          {submit.isError && <ErrorAlert error={submit.error} />}
          <div className="form__actions">
            <Button type="submit" loading={submit.isPending} disabled={submit.isPending}>
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
