import { useRef, useState } from 'react';
import { Button, Details, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Deliverable } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useMarkNotRequired } from '../api/mark-not-required';

/** The project leader marks a deliverable as not needed here; the reason goes to the regionråd with the gate. */
export function NotRequiredForm({ deliverable, onMarked }: { deliverable: Deliverable; onMarked: (message: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement | HTMLInputElement>(null);
  const mark = useMarkNotRequired(deliverable.projectId, deliverable.id, {
    onSuccess: () => onMarked(t('deliverables.notRequired.marked')),
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('deliverables.notRequired.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setError(null);
    mark.mutate(reason.trim());
  }

  return (
    <Details>
      <Details.Summary>{t('deliverables.notRequired.summary')}</Details.Summary>
      <Details.Content>
        <form className="form" onSubmit={submit} noValidate>
          <Paragraph>{t('deliverables.notRequired.intro')}</Paragraph>
          <Textfield
            ref={reasonRef}
            multiline
            rows={3}
            label={t('deliverables.notRequired.reason')}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            error={error ?? undefined}
            maxLength={2000}
            required
          />
          {mark.isError && <ErrorAlert error={mark.error} />}
          <div className="form__actions">
            <Button type="submit" variant="secondary" loading={mark.isPending} disabled={mark.isPending}>
              {t('deliverables.notRequired.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
