import { useEffect } from 'react';
import { Checkbox } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { useAddIndicator, useUpdateIndicator } from '../api/save-benefit';
import type { Benefit, Indicator } from '../api/types';
import { useBenefitFormat } from './benefit-text';
import { EMPTY_INDICATOR, IndicatorFields, indicatorBody, INDICATOR_CODE_FIELDS, type WithIndicator } from './indicator-fields';

interface IndicatorDialogValues extends WithIndicator {
  closed: boolean;
}

/** Adds an indicator to a benefit, or changes one (and closes it when it is no longer followed up). */
export function IndicatorDialog({
  projectId,
  benefit,
  indicator,
  open,
  onClose,
  onSaved,
}: {
  projectId: string;
  benefit: Benefit;
  indicator: Indicator | null;
  open: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const f = useBenefitFormat();
  const add = useAddIndicator(projectId);
  const update = useUpdateIndicator(projectId);
  const valuesOf = (i: Indicator | null): IndicatorDialogValues => ({
    indicator: i
      ? {
          name: i.name,
          unit: i.unit,
          startValue: f.input(i.startValue),
          startDate: i.startDate,
          targetValue: f.input(i.targetValue),
          targetDate: i.targetDate,
        }
      : EMPTY_INDICATOR,
    closed: i?.closed ?? false,
  });
  const form = useApiForm<IndicatorDialogValues>({ defaultValues: valuesOf(indicator), codeFields: INDICATOR_CODE_FIELDS });
  const { register, reset, formState } = form;
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    if (open) reset(valuesOf(indicator));
    // valuesOf follows the language's decimal sign only; reset when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, indicator, reset]);

  const submit = form.handleSubmit(async (values) => {
    try {
      if (indicator) {
        await update.mutateAsync({
          benefitId: benefit.id,
          indicatorId: indicator.id,
          body: { ...indicatorBody(values.indicator), closed: values.closed, version: indicator.version },
        });
      } else {
        await add.mutateAsync({ benefitId: benefit.id, body: indicatorBody(values.indicator) });
      }
      onSaved(t('benefits.indicator.saved', { name: values.indicator.name.trim() }));
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
        indicator ? t('benefits.indicator.editTitle', { name: indicator.name }) : t('benefits.indicator.addTitle', { n: benefit.number })
      }
      onSubmit={(e) => void submit(e)}
      pending={isSubmitting}
      formError={form.formError}
      formErrorCode={form.formErrorCode}
    >
      <IndicatorFields register={register} errors={errors.indicator} />
      {indicator && <Checkbox label={t('benefits.fields.closed')} description={t('benefits.fields.closedHint')} {...register('closed')} />}
    </FormDialog>
  );
}
