import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useFormat } from '../../../lib/format';
import { useNeedsOverview } from '../api/get-needs-overview';
import './conversations.css';
import { TableScroll } from '../../../components/table-scroll';

/** Each category of need: respondents in the project's surveys who expressed it, and conversations that raised it. */
export function NeedsOverview({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const overview = useNeedsOverview(projectId);

  let body;
  if (overview.isPending) body = <Loading label={t('needs.overview.loading')} />;
  else if (overview.isError) body = <ErrorAlert error={overview.error} />;
  else {
    const rows = overview.data.needs.filter((n) => n.surveyRespondents > 0 || n.conversations > 0);
    body =
      rows.length === 0 ? (
        <Paragraph>{t('needs.overview.empty')}</Paragraph>
      ) : (
        <TableScroll>
          <Table zebra border data-size="sm">
            <caption>
              {t('needs.overview.caption', {
                surveys: format.number(overview.data.surveys),
                conversations: format.number(overview.data.conversations),
              })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('needs.overview.need')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('needs.overview.surveyRespondents')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('needs.overview.conversations')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((n) => (
                <Table.Row key={n.need}>
                  <Table.HeaderCell scope="row">{t(`needs.categories.${n.need}`)}</Table.HeaderCell>
                  <Table.Cell className="numeric">{format.number(n.surveyRespondents)}</Table.Cell>
                  <Table.Cell className="numeric">{format.number(n.conversations)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      );
  }

  return (
    <section aria-labelledby={headingId} className="needs-overview">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('needs.overview.heading')}
      </Heading>
      <Paragraph>{t('needs.overview.intro')}</Paragraph>
      {body}
    </section>
  );
}
