import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/format';
import { useCloseSurvey } from '../api/close-survey';
import { useOpenSurvey } from '../api/open-survey';
import type { Survey } from '../api/types';

/** Where the survey stands (open from, closes) and the buttons to open it now or close it. */
export function SurveyOpening({ projectId, survey, mayEdit }: { projectId: string; survey: Survey; mayEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const baseId = useId();
  const open = useOpenSurvey(projectId, survey.id);
  const close = useCloseSurvey(projectId, survey.id);
  /** The outcome of the last open or close: one message, never both. */
  const [done, setDone] = useState<'opened' | 'closed' | null>(null);
  /** The element to focus once the page shows the outcome (see the effect below). */
  const focusId = useRef<string | null>(null);
  const closes = survey.closedAt ?? survey.closesAt;
  const messageId = `${baseId}-message`;
  const openId = `${baseId}-open`;
  const closeId = `${baseId}-close`;

  // The button pressed is disabled while its request runs (which takes focus from it) and then replaced
  // ("Åpne for svar nå" by "Steng nå"; "Steng nå" by nothing): focus goes to the message saying what
  // happened, or back to the button after an error, once it is enabled again.
  // Runs after every render; a request waits while a request to the server runs.
  const busy = open.isPending || close.isPending;
  useEffect(() => {
    if (!focusId.current || busy) return;
    document.getElementById(focusId.current)?.focus();
    focusId.current = null;
  });

  function openNow() {
    close.reset();
    setDone(null);
    open.mutate(
      {},
      {
        onSuccess: () => {
          setDone('opened');
          focusId.current = messageId;
        },
        onError: () => {
          focusId.current = openId;
        },
      },
    );
  }

  function closeNow() {
    open.reset();
    setDone(null);
    close.mutate(undefined, {
      onSuccess: () => {
        setDone('closed');
        focusId.current = messageId;
      },
      onError: () => {
        focusId.current = closeId;
      },
    });
  }

  return (
    <div className="survey-opening">
      <Paragraph>
        {survey.opensAt ? t('surveys.opening.opensAt', { when: format.dateTime(survey.opensAt) }) : t('surveys.opening.notOpened')}{' '}
        {closes ? t(survey.closedAt ? 'surveys.opening.closedAt' : 'surveys.opening.closesAt', { when: format.dateTime(closes) }) : null}
      </Paragraph>
      <Paragraph>
        {t('surveys.opening.answers', { count: survey.responseCount, replace: { count: format.number(survey.responseCount) } })}
      </Paragraph>
      {mayEdit && (survey.status === 'draft' || survey.status === 'scheduled') && (
        <Button
          id={openId}
          type="button"
          loading={open.isPending}
          disabled={open.isPending || survey.questions.length === 0}
          onClick={openNow}
        >
          {t('surveys.opening.open')}
        </Button>
      )}
      {mayEdit && survey.status === 'open' && (
        <Button id={closeId} type="button" variant="secondary" loading={close.isPending} disabled={close.isPending} onClick={closeNow}>
          {t('surveys.opening.close')}
        </Button>
      )}
      {/* Not a live region: it takes focus when it appears, which is what makes screen readers read it. */}
      {done && (
        <Alert data-color="success" id={messageId} tabIndex={-1}>
          <Paragraph>{t(done === 'opened' ? 'surveys.opening.opened' : 'surveys.opening.closed')}</Paragraph>
        </Alert>
      )}
      {open.error ? <ErrorAlert error={open.error} /> : null}
      {close.error ? <ErrorAlert error={close.error} /> : null}
    </div>
  );
}
