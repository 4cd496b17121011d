import { useId, useState } from 'react';
import { Button, Checkbox, Details, Fieldset, Heading, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useFormat } from '../../../lib/format';
import { useImportSsbPopulation, useSsbPopulationTable } from '../api/ssb-population';
import { SsbRefresh } from './ssb-refresh';

/**
 * For administrators: population on 1 January from SSB table 07459 (the snapshot shipped with the app),
 * imported for the chosen years onto today's kommuner. Hand-typed figures are kept and flagged where SSB
 * says otherwise; numbers split between several of today's kommuner are listed, not guessed. Below, fetching
 * new figures from SSB itself (SsbRefresh).
 */
export function SsbImport() {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const table = useSsbPopulationTable(true);
  const importYears = useImportSsbPopulation();
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [missing, setMissing] = useState(false);
  const years = table.data?.years ?? [];
  const selected = chosen ?? years.slice(-1);
  const result = importYears.data;

  const toggle = (year: number, on: boolean) => {
    setMissing(false);
    setChosen(on ? [...selected, year].sort() : selected.filter((y) => y !== year));
  };
  const submit = () => {
    if (selected.length === 0) return setMissing(true);
    importYears.mutate(selected);
  };

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('regions.population.ssb.heading')}
      </Heading>
      {table.isPending ? (
        <Loading label={t('common.loading')} />
      ) : table.isError ? (
        <ErrorAlert error={table.error} title={t('regions.population.ssb.loadError')} />
      ) : (
        <>
          <Paragraph>{t('regions.population.ssb.intro', { table: table.data.table })}</Paragraph>
          <Fieldset>
            <Fieldset.Legend>{t('regions.population.ssb.years')}</Fieldset.Legend>
            {years.map((year) => (
              <Checkbox
                key={year}
                label={t('regions.population.ssb.year', { year })}
                value={String(year)}
                checked={selected.includes(year)}
                aria-invalid={missing || undefined}
                onChange={(e) => toggle(year, e.target.checked)}
              />
            ))}
            {missing && <ValidationMessage>{t('regions.population.ssb.noYears')}</ValidationMessage>}
          </Fieldset>
          <div className="form__actions">
            <Button onClick={submit} loading={importYears.isPending}>
              {t('regions.population.ssb.import')}
            </Button>
          </div>
          <SsbRefresh table={table.data} />
        </>
      )}
      {importYears.isError && <ErrorAlert error={importYears.error} title={t('regions.population.ssb.importError')} />}
      <StatusMessage
        message={
          result
            ? t('regions.population.ssb.done', {
                years: result.years.join(', '),
                recorded: format.number(result.recorded),
                corrected: format.number(result.corrected),
                unchanged: format.number(result.unchanged),
                kept: format.number(result.keptManual),
                differing: format.number(result.differing),
              })
            : null
        }
      />
      {result && result.unmapped.length > 0 && (
        <Details>
          <Details.Summary>{t('regions.population.ssb.unmapped', { count: result.unmapped.length })}</Details.Summary>
          <Details.Content>
            <ul>
              {result.unmapped.map((u) => (
                <li key={`${u.year}-${u.number}`}>
                  {t('regions.population.ssb.unmappedItem', { year: u.year, number: u.number, current: u.currentNumbers.join(', ') })}
                </li>
              ))}
            </ul>
          </Details.Content>
        </Details>
      )}
    </section>
  );
}
