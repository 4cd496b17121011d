import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { commonPopulationDate, type PhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { CostSharing } from '../../../api/plan-types';
import { useFormat } from '../../../lib/format';
import { formatKroner } from '../../../lib/money';
import { CostSharingForm } from './cost-sharing-form';
import type { PlanWriter } from './use-plan-writer';
import { TableScroll } from '../../../components/table-scroll';

type Reason = NonNullable<CostSharing['reason']>;

/**
 * How the kommuner share their direct contribution: a chosen share equally, the rest by population on
 * a date, for one budget year (or all). With a date, the parties are the members of then under the numbers
 * and names valid then (today's name beside a changed one), and the kommuner left out are listed. The table is the server's: whole kroner that add up exactly,
 * laid out like Kongsbergregionen's plan (Kommune | Innbyggere | X % likt | Y % etter innbyggertall | Totalt).
 */
export function CostSharingSection({
  projectId,
  phaseKey,
  costSharing,
  budgetYears,
  editable,
  write,
  onConflict,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  costSharing: CostSharing;
  budgetYears: number[];
  editable: boolean;
  write: PlanWriter;
  onConflict: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  const { settings } = costSharing;

  /** The reason the table cannot be made, in the reader's language. */
  function reasonText(reason: Reason): string {
    const { kommuner = [], populationDate = null, year = null } = reason.params;
    switch (reason.code) {
      case 'COST_SHARING_NO_KOMMUNER':
        return populationDate
          ? t('plans.costSharing.reasons.COST_SHARING_NO_KOMMUNER_DATE', { date: format.date(populationDate) })
          : t('plans.costSharing.reasons.COST_SHARING_NO_KOMMUNER');
      case 'COST_SHARING_NO_POPULATION':
        return populationDate
          ? t('plans.costSharing.reasons.COST_SHARING_NO_POPULATION_DATE', {
              date: format.date(populationDate),
              kommuner: kommuner.join(', '),
            })
          : t('plans.costSharing.reasons.COST_SHARING_NO_POPULATION', { kommuner: kommuner.join(', ') });
      case 'COST_SHARING_NO_CONTRIBUTION':
        return year
          ? t('plans.costSharing.reasons.COST_SHARING_NO_CONTRIBUTION_YEAR', { year })
          : t('plans.costSharing.reasons.COST_SHARING_NO_CONTRIBUTION');
    }
  }

  const equal = settings.equalPercent;
  const byPopulation = 100 - equal;
  const years = [...new Set([...budgetYears, ...(settings.year ? [settings.year] : [])])].sort((a, b) => a - b);
  // The date of the figures actually used (each kommune's newest on or before the chosen date), as the
  // plan document heads its column; figures from different dates say their own date in each row.
  const asOf = commonPopulationDate(costSharing.rows);

  return (
    <div className="section cost-sharing">
      <Heading level={3} data-size="xs">
        {t('plans.costSharing.heading')}
      </Heading>
      <Paragraph>{t('plans.costSharing.intro', { total: kr(costSharing.total), equal, byPopulation })}</Paragraph>
      {editable && (
        <CostSharingForm
          projectId={projectId}
          phaseKey={phaseKey}
          settings={settings}
          years={years}
          write={write}
          onConflict={onConflict}
        />
      )}
      {costSharing.reason ? (
        <Alert data-color="warning">
          <Paragraph>
            {t('plans.costSharing.problem')} {reasonText(costSharing.reason)}
          </Paragraph>
        </Alert>
      ) : costSharing.rows.length === 0 ? (
        <Paragraph>{t('plans.costSharing.empty')}</Paragraph>
      ) : (
        <TableScroll>
          <Table border zebra data-size="sm" className="plan-table cost-sharing__table">
            <caption>
              {settings.year
                ? t('plans.costSharing.captionYear', { total: kr(costSharing.total), year: settings.year })
                : t('plans.costSharing.caption', { total: kr(costSharing.total) })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('plans.costSharing.kommune')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {asOf ? t('plans.costSharing.populationOn', { date: format.date(asOf) }) : t('plans.costSharing.population')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('plans.costSharing.equalPart', { percent: equal })}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('plans.costSharing.populationPart', { percent: byPopulation })}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('plans.costSharing.amount')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {costSharing.rows.map((row) => (
                <Table.Row key={row.id}>
                  <Table.HeaderCell scope="row">
                    {row.numbers.length
                      ? t('plans.costSharing.kommuneThen', { name: row.name, numbers: row.numbers.join(', ') })
                      : row.name}
                    {row.currentName !== row.name && (
                      <span className="cell-note">{t('plans.costSharing.todayName', { name: row.currentName })}</span>
                    )}
                  </Table.HeaderCell>
                  <Table.Cell className="numeric">
                    {format.number(row.population)}
                    {!asOf && row.populationAsOf && (
                      <span className="cell-note">{t('plans.costSharing.asOf', { date: format.date(row.populationAsOf) })}</span>
                    )}
                  </Table.Cell>
                  <Table.Cell className="numeric">{kr(row.equalPart)}</Table.Cell>
                  <Table.Cell className="numeric">{kr(row.populationPart)}</Table.Cell>
                  <Table.Cell className="numeric">{kr(row.amount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row">{t('plans.costSharing.total')}</Table.HeaderCell>
                <Table.Cell className="numeric">{format.number(costSharing.totalPopulation)}</Table.Cell>
                <Table.Cell className="numeric">{kr(costSharing.equalTotal)}</Table.Cell>
                <Table.Cell className="numeric">{kr(costSharing.populationTotal)}</Table.Cell>
                <Table.Cell className="numeric">{kr(costSharing.total)}</Table.Cell>
              </Table.Row>
            </Table.Foot>
          </Table>
        </TableScroll>
      )}
      {settings.populationDate && costSharing.excluded.length > 0 && (
        <Paragraph data-size="sm">
          {t('plans.costSharing.excluded', { date: format.date(settings.populationDate) })}{' '}
          {costSharing.excluded.map((k) => `${k.name} (${t(`plans.costSharing.excludedReasons.${k.reason}`)})`).join(', ')}
        </Paragraph>
      )}
    </div>
  );
}
