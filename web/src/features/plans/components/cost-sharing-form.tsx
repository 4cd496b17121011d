import { useState } from 'react';
import { Button, Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { PhaseKey } from '@nvr/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CostSharing } from '../../../api/plan-types';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { useApiForm, type FormSchema } from '../../../lib/use-api-form';
import { saveCostSharing } from '../api/save-cost-sharing';
import type { PlanWriter } from './use-plan-writer';

/** The settings as typed (SaveCostSharingDto without the version, which the plan's writer adds). */
interface CostSharingValues {
  equalPercent: string;
  /** "" for each kommune's newest figure. */
  populationDate: string;
  /** "" for all years. */
  year: string;
}

function valuesOf(settings: CostSharing['settings']): CostSharingValues {
  return {
    equalPercent: String(settings.equalPercent),
    populationDate: settings.populationDate ?? '',
    year: settings.year ? String(settings.year) : '',
  };
}

/** Mirrors CostSharingSettingsDto: the equal share is a whole per cent from 0 to 100; the date and the year are chosen, not typed. */
function costSharingSchema(t: TFunction): FormSchema<CostSharingValues> {
  return {
    equalPercent: {
      validate: (v) => {
        const value = Number(v.trim());
        return (v.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 100) || t('plans.costSharing.percentInvalid');
      },
    },
  };
}

/** The 422 refusals of settings whose table cannot be made belong to the field to change. */
const REFUSAL_FIELDS = {
  COST_SHARING_NO_POPULATION: 'populationDate',
  COST_SHARING_NO_PARTIES: 'populationDate',
  COST_SHARING_NO_CONTRIBUTION: 'year',
} as const;

/** A refusal in the words of this form (what to change), anything else as the app says it. */
function refusalMessage(error: unknown, t: TFunction): string {
  if (isApiError(error, 'COST_SHARING_NO_POPULATION')) return t('plans.costSharing.refusedNoPopulation');
  if (isApiError(error, 'COST_SHARING_NO_PARTIES')) return t('plans.costSharing.refusedNoParties');
  if (isApiError(error, 'COST_SHARING_NO_CONTRIBUTION'))
    return t('plans.costSharing.refusedNoContribution', { year: error.params.year ?? '' });
  return errorMessage(error, t);
}

/**
 * The cost sharing's settings: the share split equally, the population date and the budget year, saved
 * explicitly with the plan's version. A refusal of the date or the year is shown at that field.
 */
export function CostSharingForm({
  projectId,
  phaseKey,
  settings,
  years,
  write,
  onConflict,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  settings: CostSharing['settings'];
  /** The budget years to choose from. */
  years: number[];
  write: PlanWriter;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useApiForm<CostSharingValues>({
    defaultValues: valuesOf(settings),
    codeFields: REFUSAL_FIELDS,
    message: refusalMessage,
  });
  const { register, formState } = form;
  const { errors, isSubmitting } = formState;
  const schema = costSharingSchema(t);

  const submit = form.handleSubmit(async ({ equalPercent, populationDate, year }) => {
    setSaved(null);
    try {
      await write((version) =>
        saveCostSharing({
          projectId,
          phaseKey,
          body: {
            equalPercent: Number(equalPercent.trim()),
            populationDate: populationDate || null,
            year: year ? Number(year) : null,
            version,
          },
        }),
      );
      setSaved(t('plans.costSharing.saved'));
    } catch (error) {
      form.applyServerErrors(error);
      if (isApiError(error, 'VERSION_CONFLICT')) onConflict();
    }
  });

  return (
    <div className="form">
      <div className="form__row">
        <Textfield
          label={t('plans.costSharing.equalPercent')}
          description={t('plans.costSharing.equalPercentHint')}
          inputMode="numeric"
          suffix="%"
          {...register('equalPercent', schema.equalPercent)}
          error={errors.equalPercent?.message}
        />
        <Textfield
          type="date"
          label={t('plans.costSharing.populationDate')}
          description={t('plans.costSharing.populationDateHint')}
          {...register('populationDate')}
          error={errors.populationDate?.message}
        />
        <Field>
          <Label>{t('plans.costSharing.year')}</Label>
          <Field.Description>{t('plans.costSharing.yearHint')}</Field.Description>
          <Select {...register('year')} aria-invalid={errors.year ? true : undefined}>
            <Select.Option value="">{t('plans.costSharing.allYears')}</Select.Option>
            {years.map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
          {errors.year?.message && <ValidationMessage>{errors.year.message}</ValidationMessage>}
        </Field>
      </div>
      {form.formErrorCode !== 'VERSION_CONFLICT' && <FormError message={form.formError} />}
      <div className="form__actions">
        <Button type="button" variant="secondary" onClick={() => void submit()} loading={isSubmitting} disabled={isSubmitting}>
          {t('plans.costSharing.save')}
        </Button>
      </div>
      <StatusMessage message={saved} />
    </div>
  );
}
