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
  const open = useOpenSurvey(projectId, survey.id);
  const close = useCloseSurvey(projectId, survey.id);
  const closes = survey.closedAt ?? survey.closesAt;

  return (
    <div className="survey-opening">
      <Paragraph>
        {survey.opensAt ? t('surveys.opening.opensAt', { when: format.dateTime(survey.opensAt) }) : t('surveys.opening.notOpened')}{' '}
        {closes ? t(survey.closedAt ? 'surveys.opening.closedAt' : 'surveys.opening.closesAt', { when: format.dateTime(closes) }) : null}
      </Paragraph>
      <Paragraph>{t('surveys.opening.answers', { count: survey.responseCount })}</Paragraph>
      {mayEdit && (survey.status === 'draft' || survey.status === 'scheduled') && (
        <Button
          type="button"
          loading={open.isPending}
          disabled={open.isPending || survey.questions.length === 0}
          onClick={() => open.mutate({})}
        >
          {t('surveys.opening.open')}
        </Button>
      )}
      {mayEdit && survey.status === 'open' && (
        <Button type="button" variant="secondary" loading={close.isPending} disabled={close.isPending} onClick={() => close.mutate()}>
          {t('surveys.opening.close')}
        </Button>
      )}
      <div aria-live="polite">
        {open.isSuccess && (
          <Alert data-color="success">
            <Paragraph>{t('surveys.opening.opened')}</Paragraph>
          </Alert>
        )}
        {close.isSuccess && (
          <Alert data-color="success">
            <Paragraph>{t('surveys.opening.closed')}</Paragraph>
          </Alert>
        )}
      </div>
      {open.error ? <ErrorAlert error={open.error} /> : null}
      {close.error ? <ErrorAlert error={close.error} /> : null}
    </div>
  );
}
