import { useId } from 'react';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { getResultsQueryOptions } from '../api/get-results';
import { getSurveyQueryOptions } from '../api/get-survey';
import { CrossTabSection } from './cross-tab-section';
import { ImportDialog } from './import-dialog';
import { QuestionResultView } from './question-result';
import { SurveyExports } from './survey-exports';
import { SurveyStatusTag } from './survey-status-tag';
import './surveys.css';

/** A survey's results: the total, each question's table and bars, the cross-tabulation, exports and (for editors) import. */
export function SurveyResultsPage({
  projectId,
  surveyId,
  mayEdit,
  kommuner,
}: {
  projectId: string;
  surveyId: string;
  mayEdit: boolean;
  kommuner: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { data: survey } = useSuspenseQuery(getSurveyQueryOptions(projectId, surveyId));
  const { data: results } = useSuspenseQuery(getResultsQueryOptions(projectId, surveyId));
  const { belowMinimum, minGroupSize } = results;

  return (
    <>
      <div className="survey-page__title">
        <Heading level={1} data-size="lg">
          {t('surveys.results.heading', { title: survey.title })}
        </Heading>
        <SurveyStatusTag status={survey.status} />
      </div>
      <Paragraph className="survey-results__total">
        {t('surveys.results.total', { count: results.total, formatted: format.number(results.total) })}
      </Paragraph>
      {results.frozen && (
        <Alert data-color="info">
          <Paragraph>{t('surveys.results.frozen')}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/prosjekter/${projectId}/kartlegging/undersokelser/${surveyId}`}>{t('surveys.results.toSurvey')}</RouterLink>
        </Link>
      </Paragraph>
      {mayEdit && !results.frozen && <ImportDialog projectId={projectId} surveyId={surveyId} questions={survey.questions} />}
      <SurveyExports projectId={projectId} surveyId={surveyId} mayEdit={mayEdit} rawDeleted={results.frozen} />
      <section aria-labelledby={headingId} className="section">
        <Heading level={2} data-size="md" id={headingId}>
          {t('surveys.results.perQuestion')}
        </Heading>
        {results.total === 0 ? (
          <Paragraph>{t('surveys.results.none')}</Paragraph>
        ) : belowMinimum ? (
          <Paragraph>{t('surveys.results.belowMinimum', { min: minGroupSize ?? survey.minGroupSize })}</Paragraph>
        ) : (
          results.questions.map((result, i) => (
            <QuestionResultView
              key={result.key}
              projectId={projectId}
              surveyId={surveyId}
              index={i}
              question={survey.questions.find((q) => q.key === result.key)}
              result={result}
              mayEdit={mayEdit}
            />
          ))
        )}
      </section>
      {results.total > 0 && !belowMinimum && (
        <CrossTabSection projectId={projectId} surveyId={surveyId} questions={survey.questions} kommuner={kommuner} />
      )}
    </>
  );
}
