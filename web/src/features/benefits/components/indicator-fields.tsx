import { Textfield } from '@digdir/designsystemet-react';
import type { FieldErrors, Path, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { hasAtMostFourDecimals, parseDecimal } from './benefit-text';

/** An indicator's fields as a form holds them (text, turned into numbers on submit), under `indicator`. */
export interface IndicatorFormValues {
  name: string;
  unit: string;
  startValue: string;
  startDate: string;
  targetValue: string;
  targetDate: string;
}

/** A form with an indicator's fields in it. */
export interface WithIndicator {
  indicator: IndicatorFormValues;
}

export const EMPTY_INDICATOR: IndicatorFormValues = { name: '', unit: '', startValue: '', startDate: '', targetValue: '', targetDate: '' };

/** The indicator's fields as the API takes them (the form's rules have checked the numbers). */
export function indicatorBody(v: IndicatorFormValues) {
  return {
    name: v.name.trim(),
    unit: v.unit.trim(),
    startValue: parseDecimal(v.startValue) ?? 0,
    startDate: v.startDate,
    targetValue: parseDecimal(v.targetValue) ?? 0,
    targetDate: v.targetDate,
  };
}

/** Where the server's refusals of an indicator's rules belong in a form with `indicator` fields. */
export const INDICATOR_CODE_FIELDS = {
  BENEFIT_TARGET_EQUALS_START: 'indicator.targetValue',
  BENEFIT_TARGET_DATE_NOT_AFTER_START: 'indicator.targetDate',
  BENEFIT_MEASUREMENT_BEFORE_START: 'indicator.startDate',
} as const;

/**
 * The fields of an indicator (name, unit, start value and date, target value and date), with the server's
 * rules checked before sending: numbers with at most four decimals, a target that differs from the start,
 * a target date after the start date.
 */
export function IndicatorFields<T extends WithIndicator>({
  register,
  errors,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<IndicatorFormValues> | undefined;
}) {
  const { t } = useTranslation();
  const name = (field: keyof IndicatorFormValues) => `indicator.${field}` as Path<T>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const required = (message: string) => ({ validate: (v: unknown) => text(v).trim() !== '' || message });
  const numberProblem = (v: unknown): string | true => {
    const n = parseDecimal(text(v));
    if (n === null) return t('benefits.fields.numberInvalid');
    return hasAtMostFourDecimals(n) || t('benefits.fields.numberDecimals');
  };

  return (
    <>
      <Textfield
        label={t('benefits.fields.indicatorName')}
        description={t('benefits.fields.indicatorNameHint')}
        required
        maxLength={300}
        autoComplete="off"
        {...register(name('name'), required(t('benefits.fields.indicatorNameRequired')))}
        error={errors?.name?.message}
      />
      <Textfield
        label={t('benefits.fields.unit')}
        description={t('benefits.fields.unitHint')}
        required
        maxLength={50}
        autoComplete="off"
        {...register(name('unit'), required(t('benefits.fields.unitRequired')))}
        error={errors?.unit?.message}
      />
      <div className="benefit-form__pair">
        <Textfield
          label={t('benefits.fields.startValue')}
          inputMode="decimal"
          required
          autoComplete="off"
          {...register(name('startValue'), { validate: numberProblem })}
          error={errors?.startValue?.message}
        />
        <Textfield
          type="date"
          label={t('benefits.fields.startDate')}
          required
          {...register(name('startDate'), required(t('benefits.fields.dateRequired')))}
          error={errors?.startDate?.message}
        />
      </div>
      <div className="benefit-form__pair">
        <Textfield
          label={t('benefits.fields.targetValue')}
          description={t('benefits.fields.targetValueHint')}
          inputMode="decimal"
          required
          autoComplete="off"
          {...register(name('targetValue'), {
            validate: (v: unknown, all: T) => {
              const problem = numberProblem(v);
              if (problem !== true) return problem;
              return parseDecimal(text(v)) !== parseDecimal(all.indicator.startValue) || t('errors.BENEFIT_TARGET_EQUALS_START');
            },
          })}
          error={errors?.targetValue?.message}
        />
        <Textfield
          type="date"
          label={t('benefits.fields.targetDate')}
          required
          {...register(name('targetDate'), {
            validate: (v: unknown, all: T) => {
              const date = text(v);
              if (date === '') return t('benefits.fields.dateRequired');
              const start = all.indicator.startDate;
              return !start || date > start || t('errors.BENEFIT_TARGET_DATE_NOT_AFTER_START');
            },
          })}
          error={errors?.targetDate?.message}
        />
      </div>
    </>
  );
}
