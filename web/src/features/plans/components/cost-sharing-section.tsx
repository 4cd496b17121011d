import { useState } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { PhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { CostSharing } from '../../../api/plan-types';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { useFormat } from '../../../lib/format';
import { formatKroner } from '../../../lib/money';
import { saveCostSharing } from '../api/save-cost-sharing';
import type { PlanWriter } from './use-plan-writer';

type Reason = NonNullable<CostSharing['reason']>;
type Refusal = 'COST_SHARING_NO_POPULATION' | 'COST_SHARING_NO_CONTRIBUTION';

/** Which refusal of the settings (422: the table cannot be made with them) an error is, if any. */
function refusalOf(error: unknown): Refusal | null {
  if (isApiError(error, 'COST_SHARING_NO_POPULATION')) return 'COST_SHARING_NO_POPULATION';
  if (isApiError(error, 'COST_SHARING_NO_CONTRIBUTION')) return 'COST_SHARING_NO_CONTRIBUTION';
  return null;
}

/**
 * How the kommuner share their direct contribution: a chosen share equally, the rest by population on
 * a date, for one budget year (or all). The table is the server's: whole kroner that add up exactly,
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
  const [percent, setPercent] = useState(String(settings.equalPercent));
  const [date, setDate] = useState(settings.populationDate ?? '');
  const [year, setYear] = useState(settings.year ? String(settings.year) : '');
  const [percentError, setPercentError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refusal = refusalOf(error);

  /** The reason the table cannot be made, in the reader's language. */
  function reasonText(reason: Reason): string {
    const { kommuner = [], populationDate = null, year = null } = reason.params;
    switch (reason.code) {
      case 'COST_SHARING_NO_KOMMUNER':
        return t('plans.costSharing.reasons.COST_SHARING_NO_KOMMUNER');
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

  async function save() {
    const value = Number(percent.trim());
    if (percent.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) {
      setPercentError(t('plans.costSharing.percentInvalid'));
      return;
    }
    setPercentError(null);
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      await write((version) =>
        saveCostSharing({
          projectId,
          phaseKey,
          body: { equalPercent: value, populationDate: date || null, year: year ? Number(year) : null, version },
        }),
      );
      setSaved(t('plans.costSharing.saved'));
    } catch (e) {
      setError(e);
      if (isApiError(e, 'VERSION_CONFLICT')) onConflict();
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="section cost-sharing">
      <Heading level={3} data-size="xs">
        {t('plans.costSharing.heading')}
      </Heading>
      <Paragraph>{t('plans.costSharing.intro', { total: kr(costSharing.total), equal, byPopulation })}</Paragraph>
      {editable && (
        <div className="form">
          <div className="form__row">
            <Textfield
              label={t('plans.costSharing.equalPercent')}
              description={t('plans.costSharing.equalPercentHint')}
              inputMode="numeric"
              suffix="%"
              value={percent}
              error={percentError}
              onChange={(e) => setPercent(e.target.value)}
            />
            <Textfield
              type="date"
              label={t('plans.costSharing.populationDate')}
              description={t('plans.costSharing.populationDateHint')}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={refusal === 'COST_SHARING_NO_POPULATION' ? t('plans.costSharing.refusedNoPopulation') : undefined}
            />
            <Field>
              <Label>{t('plans.costSharing.year')}</Label>
              <Field.Description>{t('plans.costSharing.yearHint')}</Field.Description>
              <Select
                value={year}
                onChange={(e) => setYear(e.target.value)}
                aria-invalid={refusal === 'COST_SHARING_NO_CONTRIBUTION' || undefined}
              >
                <Select.Option value="">{t('plans.costSharing.allYears')}</Select.Option>
                {years.map((y) => (
                  <Select.Option key={y} value={String(y)}>
                    {y}
                  </Select.Option>
                ))}
              </Select>
              {refusal === 'COST_SHARING_NO_CONTRIBUTION' && (
                <ValidationMessage>{t('plans.costSharing.refusedNoContribution', { year })}</ValidationMessage>
              )}
            </Field>
          </div>
          {error && !isApiError(error, 'VERSION_CONFLICT') && !refusal ? <ErrorAlert error={error} /> : null}
          <div className="form__actions">
            <Button type="button" variant="secondary" onClick={() => void save()} loading={saving} disabled={saving}>
              {t('plans.costSharing.save')}
            </Button>
          </div>
          <StatusMessage message={saved} />
        </div>
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
        <div className="table-scroll">
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
                  {settings.populationDate
                    ? t('plans.costSharing.populationOn', { date: format.date(settings.populationDate) })
                    : t('plans.costSharing.population')}
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
                  <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
                  <Table.Cell className="numeric">
                    {format.number(row.population)}
                    {!settings.populationDate && row.populationAsOf && (
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
        </div>
      )}
    </div>
  );
}
