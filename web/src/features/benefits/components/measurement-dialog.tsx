import { useEffect } from 'react';
import { Textfield } from '@digdir/designsystemet-react';
import { todayInOslo } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useRecordMeasurement, useUpdateMeasurement } from '../api/save-benefit';
import type { Benefit, Indicator, Measurement } from '../api/types';
import { hasAtMostFourDecimals, parseDecimal, useBenefitFormat } from './benefit-text';

interface MeasurementFormValues {
  measuredOn: string;
  value: string;
  comment: string;
}

/**
 * Records a measurement of an indicator, or corrects one: the date (from the indicator's start date up to
 * today), the value in the indicator's unit, and a comment (where the figure comes from).
 */
export function MeasurementDialog({
  projectId,
  benefit,
  indicator,
  measurement,
  open,
  onClose,
  onSaved,
}: {
  projectId: string;
  benefit: Benefit;
  indicator: Indicator;
  measurement: Measurement | null;
  open: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const f = useBenefitFormat();
  const format = useFormat();
  const record = useRecordMeasurement(projectId);
  const update = useUpdateMeasurement(projectId);
  const valuesOf = (m: Measurement | null): MeasurementFormValues => ({
    measuredOn: m?.measuredOn ?? todayInOslo(),
    value: m ? f.input(m.value) : '',
    comment: m?.comment ?? '',
  });
  const form = useApiForm<MeasurementFormValues>({
    defaultValues: valuesOf(measurement),
    codeFields: {
      BENEFIT_MEASUREMENT_BEFORE_START: 'measuredOn',
      BENEFIT_MEASUREMENT_IN_FUTURE: 'measuredOn',
      BENEFIT_MEASUREMENT_DATE_TAKEN: 'measuredOn',
    },
  });
  const { register, reset, formState } = form;
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    if (open) reset(valuesOf(measurement));
    // valuesOf follows the language's decimal sign only; reset when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, measurement, reset]);

  const submit = form.handleSubmit(async (values) => {
    const body = { measuredOn: values.measuredOn, value: parseDecimal(values.value) ?? 0, comment: values.comment.trim() };
    try {
      if (measurement) {
        await update.mutateAsync({
          benefitId: benefit.id,
          indicatorId: indicator.id,
          measurementId: measurement.id,
          body: { ...body, version: measurement.version },
        });
      } else {
        await record.mutateAsync({ benefitId: benefit.id, indicatorId: indicator.id, body });
      }
      onSaved(t('benefits.measurements.saved', { indicator: indicator.name }));
      onClose();
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={
        measurement
          ? t('benefits.measurements.editTitle', { indicator: indicator.name })
          : t('benefits.measurements.addTitle', { indicator: indicator.name })
      }
      onSubmit={(e) => void submit(e)}
      pending={isSubmitting}
      formError={form.formError}
      formErrorCode={form.formErrorCode}
    >
      <Textfield
        type="date"
        label={t('benefits.measurements.date')}
        description={t('benefits.measurements.dateHint', { date: format.date(indicator.startDate) })}
        required
        min={indicator.startDate}
        max={todayInOslo()}
        {...register('measuredOn', {
          validate: (v) => {
            if (!v) return t('benefits.fields.dateRequired');
            if (v < indicator.startDate) return t('errors.BENEFIT_MEASUREMENT_BEFORE_START');
            return v <= todayInOslo() || t('errors.BENEFIT_MEASUREMENT_IN_FUTURE');
          },
        })}
        error={errors.measuredOn?.message}
      />
      <Textfield
        label={t('benefits.measurements.value', { unit: indicator.unit })}
        inputMode="decimal"
        required
        autoComplete="off"
        {...register('value', {
          validate: (v) => {
            const n = parseDecimal(v);
            if (n === null) return t('benefits.fields.numberInvalid');
            return hasAtMostFourDecimals(n) || t('benefits.fields.numberDecimals');
          },
        })}
        error={errors.value?.message}
      />
      <Textfield
        multiline
        rows={3}
        label={t('benefits.measurements.comment')}
        description={t('benefits.measurements.commentHint')}
        maxLength={2000}
        {...register('comment')}
        error={errors.comment?.message}
      />
    </FormDialog>
  );
}
