import { useId } from 'react';
import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { isApiError } from '../../../lib/api-error';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import type { PopulationFigure, PopulationHistory } from '../api/get-kommune-population';
import { useSaveKommunePopulation } from '../api/save-kommune-population';

/** The largest figure a kommune may have (PopulationDto on the server). */
const MAX_COUNT = 10_000_000;

interface PopulationValues {
  asOf: string;
  count: string;
}

/** Records a figure on a date, or corrects the figure of a date that has one. */
export function PopulationForm({
  regionId,
  kommune,
  history,
  editing,
  onSaved,
  onCancel,
}: {
  regionId: string;
  kommune: { id: string; name: string };
  history: PopulationHistory;
  editing: PopulationFigure | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const range = { from: history.earliestAsOf, to: history.latestAsOf };
  const rangeText = { from: format.date(range.from), to: format.date(range.to) };
  const form = useApiForm<PopulationValues>({
    defaultValues: { asOf: editing?.asOf ?? '', count: editing ? String(editing.count) : '' },
  });
  const { errors, isSubmitting } = form.formState;
  const save = useSaveKommunePopulation(regionId, kommune.id);

  // The server's field messages are in English; the same rules are explained here in the person's language.
  const serverFieldMessages: Record<keyof PopulationValues, string> = {
    asOf: t('regions.population.asOfInvalid', rangeText),
    count: t('regions.population.countInvalid'),
  };

  const submit = form.handleSubmit(async ({ asOf, count }) => {
    try {
      const figure = await save.mutateAsync({ asOf, count: Number(count.trim()) });
      onSaved(
        t(editing ? 'regions.population.corrected' : 'regions.population.saved', {
          kommune: kommune.name,
          date: format.date(figure.asOf),
          count: format.number(figure.count),
        }),
      );
    } catch (error) {
      if (isApiError(error, 'VALIDATION_FAILED')) {
        const fields = (['asOf', 'count'] as const).filter((field) => error.messageFor(field));
        fields.forEach((field, i) =>
          form.setError(field, { type: 'server', message: serverFieldMessages[field] }, { shouldFocus: i === 0 }),
        );
        if (fields.length > 0) return;
      }
      form.applyServerErrors(error);
    }
  });

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {editing
          ? t('regions.population.formCorrectHeading', { kommune: kommune.name, date: format.date(editing.asOf) })
          : t('regions.population.formHeading', { kommune: kommune.name })}
      </Heading>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form__row">
          <Textfield
            type="date"
            label={t('regions.population.asOf')}
            description={t('regions.population.asOfHint', rangeText)}
            min={range.from}
            max={range.to}
            readOnly={editing !== null}
            {...form.register('asOf', {
              required: t('regions.population.asOfRequired'),
              validate: (v) => (v >= range.from && v <= range.to) || serverFieldMessages.asOf,
            })}
            error={errors.asOf?.message}
            required
          />
          <Textfield
            label={t('regions.population.count')}
            description={t('regions.population.countHint')}
            inputMode="numeric"
            {...form.register('count', {
              validate: (v) => {
                const value = Number(v.trim());
                return (v.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT) || serverFieldMessages.count;
              },
            })}
            error={errors.count?.message}
            required
            autoFocus={editing !== null}
          />
        </div>
        <FormError message={form.formError} />
        <div className="form__actions">
          <Button type="submit" variant="secondary" loading={isSubmitting} disabled={isSubmitting}>
            {editing ? t('regions.population.saveCorrection') : t('regions.population.save')}
          </Button>
          {editing && (
            <Button variant="tertiary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
