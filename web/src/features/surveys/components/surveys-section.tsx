import { useId } from 'react';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { getSurveysQueryOptions } from '../api/get-surveys';
import { NewSurveyDialog } from './new-survey-dialog';
import { SurveyStatusTag } from './survey-status-tag';
import './surveys.css';
import { TableScroll } from '../../../components/table-scroll';

/** The project's surveys (title, status, answers, dates) and, for editors, a way to start a new one. */
export function SurveysSection({ projectId, mayEdit }: { projectId: string; mayEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { data: surveys } = useSuspenseQuery(getSurveysQueryOptions(projectId));

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('surveys.list.heading')}
      </Heading>
      {surveys.length === 0 ? (
        <Paragraph>{t('surveys.list.none')}</Paragraph>
      ) : (
        <TableScroll>
          <Table zebra border>
            <caption className="visually-hidden">{t('surveys.list.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('surveys.list.columns.title')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('surveys.list.columns.status')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('surveys.list.columns.answers')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('surveys.list.columns.opens')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('surveys.list.columns.closes')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {surveys.map((survey) => (
                <Table.Row key={survey.id}>
                  <Table.HeaderCell scope="row">
                    <Link asChild>
                      <RouterLink to={`/prosjekter/${projectId}/kartlegging/undersokelser/${survey.id}`}>{survey.title}</RouterLink>
                    </Link>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <SurveyStatusTag status={survey.status} />
                  </Table.Cell>
                  <Table.Cell className="numeric">{format.number(survey.responseCount)}</Table.Cell>
                  <Table.Cell>{survey.opensAt ? format.dateTime(survey.opensAt) : t('surveys.list.notSet')}</Table.Cell>
                  <Table.Cell>
                    {survey.closedAt
                      ? format.dateTime(survey.closedAt)
                      : survey.closesAt
                        ? format.dateTime(survey.closesAt)
                        : t('surveys.list.notSet')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {mayEdit && <NewSurveyDialog projectId={projectId} surveys={surveys} />}
    </section>
  );
}
