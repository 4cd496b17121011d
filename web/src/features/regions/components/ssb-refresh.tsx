import { useId, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { errorMessage } from '../../../lib/error-message';
import { useRefreshSsbPopulation, type getSsbPopulationTable } from '../api/ssb-population';

type SsbTable = Awaited<ReturnType<typeof getSsbPopulationTable>>;

/** Years as "2017–2024" when they run without a gap, else listed. */
export function yearsText(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length > 2 && sorted[sorted.length - 1] - sorted[0] === sorted.length - 1) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return sorted.join(', ');
}

/**
 * For administrators: whether this server may fetch new population figures from SSB (SSB_API_URL), when it last
 * did and for which years, beside the years of the shipped table; and a button that asks SSB for the years from
 * the newest one held up to this year. The outcome (new years, changed figures, or why SSB could not be reached)
 * is announced in a live region.
 */
export function SsbRefresh({ table }: { table: SsbTable }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const refresh = useRefreshSsbPopulation();
  const [heldBefore, setHeldBefore] = useState<number[]>([]);
  const held = [...table.years, ...table.refreshedYears];
  const from = held.length ? Math.max(...held) : new Date().getFullYear();
  const years = Array.from({ length: Math.max(new Date().getFullYear() - from, 0) + 1 }, (_, i) => from + i);
  const result = refresh.data;
  const newYears = result ? result.years.filter((y) => !heldBefore.includes(y)) : [];

  const run = () => {
    setHeldBefore(held);
    refresh.mutate(years);
  };

  return (
    <section aria-labelledby={headingId} className="ssb-refresh">
      <Heading level={4} data-size="xs" id={headingId}>
        {t('regions.population.ssb.refresh.heading')}
      </Heading>
      <Paragraph>
        {t('regions.population.ssb.refresh.snapshot', { years: yearsText(table.years), date: format.dateTime(table.fetchedAt) })}
      </Paragraph>
      <Paragraph>
        {table.refreshEnabled ? t('regions.population.ssb.refresh.on') : t('regions.population.ssb.refresh.off')}{' '}
        {table.lastRefreshAt
          ? t('regions.population.ssb.refresh.last', { date: format.dateTime(table.lastRefreshAt), years: yearsText(table.refreshedYears) })
          : t('regions.population.ssb.refresh.never')}
      </Paragraph>
      {table.refreshEnabled && (
        <div className="form__actions">
          <Button variant="secondary" onClick={run} loading={refresh.isPending} disabled={refresh.isPending}>
            {t('regions.population.ssb.refresh.button')}
          </Button>
        </div>
      )}
      <div aria-live="polite" aria-atomic="true">
        {result && !refresh.isPending && (
          <Alert data-color="success">
            <Paragraph>
              {t('regions.population.ssb.refresh.done', {
                years: yearsText(result.years),
                newYears: newYears.length
                  ? t('regions.population.ssb.refresh.newYears', { years: yearsText(newYears) })
                  : t('regions.population.ssb.refresh.noNewYears'),
                recorded: format.number(result.recorded),
                corrected: format.number(result.corrected),
                unchanged: format.number(result.unchanged),
              })}
              {result.notAvailable.length > 0 &&
                ` ${t('regions.population.ssb.refresh.notAvailable', { years: yearsText(result.notAvailable) })}`}
            </Paragraph>
          </Alert>
        )}
        {refresh.isError && (
          <Alert data-color="danger">
            <Paragraph>
              {t('regions.population.ssb.refresh.error')} {errorMessage(refresh.error, t)}
            </Paragraph>
          </Alert>
        )}
      </div>
    </section>
  );
}
