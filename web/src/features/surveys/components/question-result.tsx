import { useId } from 'react';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { formatShare, surveyText, type Lang, type SurveyQuestion } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { QuestionResult } from '../api/types';
import { formatDecimal, optionLabel } from './result-labels';
import { TextAnswers } from './text-answers';
import { TableScroll } from '../../../components/table-scroll';

/**
 * One question's results: a table (the accessible source: each option's share and count) with a bar
 * chart beside it that only repeats the table for the eye (aria-hidden); scale questions add the mean,
 * number questions mean/median/min/max, text questions the answers.
 */
export function QuestionResultView({
  projectId,
  surveyId,
  index,
  question,
  result,
  mayEdit,
}: {
  projectId: string;
  surveyId: string;
  index: number;
  question: SurveyQuestion | undefined;
  result: QuestionResult;
  mayEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'nb') as Lang;
  const headingId = useId();
  const title = question ? surveyText(question.text, lang) : result.key;
  const decimal = (value: number | undefined) => (value === undefined ? '–' : formatDecimal(value, lang));

  return (
    <section aria-labelledby={headingId} className="survey-result">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('surveys.results.questionHeading', { n: index + 1, text: title })}
      </Heading>
      <Paragraph data-size="sm">
        {t('surveys.results.answered', { count: result.answered, replace: { count: formatNumber(result.answered, lang) } })}
        {result.kind === 'multiple' ? ` ${t('surveys.results.multipleNote')}` : ''}
      </Paragraph>
      {result.options && result.options.length > 0 && (
        <div className="survey-result__body">
          <TableScroll>
            <Table border data-size="sm">
              <caption className="visually-hidden">{t('surveys.results.tableCaption', { text: title })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('surveys.results.columns.option')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t('surveys.results.columns.share')}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.options.map((o) => (
                  <Table.Row key={o.key}>
                    <Table.HeaderCell scope="row">{optionLabel(question, o.key, lang)}</Table.HeaderCell>
                    <Table.Cell className="numeric">{formatShare(o.share, o.count, lang)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          <div className="survey-bars" aria-hidden="true">
            {result.options.map((o) => (
              <div key={o.key} className="survey-bars__row">
                <span className="survey-bars__label">{optionLabel(question, o.key, lang)}</span>
                <span className="survey-bars__track">
                  <span className="survey-bars__bar" style={{ width: `${Math.max(0, Math.min(1, o.share)) * 100}%` }} />
                </span>
                <span className="survey-bars__value">{formatShare(o.share, o.count, lang)}</span>
              </div>
            ))}
          </div>
        </div>
      )}
      {result.kind === 'scale' && result.mean !== undefined && (
        <Paragraph>{t('surveys.results.mean', { value: decimal(result.mean) })}</Paragraph>
      )}
      {result.kind === 'number' && (
        <dl className="survey-result__stats">
          <dt>{t('surveys.results.stats.mean')}</dt>
          <dd>{decimal(result.mean)}</dd>
          <dt>{t('surveys.results.stats.median')}</dt>
          <dd>{decimal(result.median)}</dd>
          <dt>{t('surveys.results.stats.min')}</dt>
          <dd>{decimal(result.min)}</dd>
          <dt>{t('surveys.results.stats.max')}</dt>
          <dd>{decimal(result.max)}</dd>
        </dl>
      )}
      {result.kind === 'text' && (
        <TextAnswers
          projectId={projectId}
          surveyId={surveyId}
          questionKey={result.key}
          questionText={title}
          result={result}
          mayEdit={mayEdit}
        />
      )}
    </section>
  );
}
