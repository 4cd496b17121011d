import { useEffect } from 'react';
import { Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { useBenefitOwners } from '../api/get-benefit-owners';
import { useCreateBenefit, useUpdateBenefit } from '../api/save-benefit';
import type { Benefit } from '../api/types';
import { EMPTY_INDICATOR, IndicatorFields, indicatorBody, INDICATOR_CODE_FIELDS, type WithIndicator } from './indicator-fields';

interface BenefitFormValues extends WithIndicator {
  title: string;
  description: string;
  /** '' for a benefit that stands alone. */
  benefitArea: string;
  ownerUserId: string;
}

function valuesOf(b: Benefit | null): BenefitFormValues {
  return {
    title: b?.title ?? '',
    description: b?.description ?? '',
    benefitArea: b?.benefitArea ?? '',
    ownerUserId: b?.owner?.id ?? '',
    indicator: EMPTY_INDICATOR,
  };
}

/**
 * Adds a benefit with its first indicator, or changes one: what it is, the plan's benefit area it serves
 * (or none), and its owner. Further indicators are added on the benefit itself.
 */
export function BenefitDialog({
  projectId,
  areas,
  open,
  onClose,
  benefit,
  onSaved,
}: {
  projectId: string;
  /** The plans' benefit areas. */
  areas: readonly string[];
  open: boolean;
  onClose: () => void;
  benefit: Benefit | null;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const owners = useBenefitOwners(projectId, { enabled: open });
  const create = useCreateBenefit(projectId);
  const update = useUpdateBenefit(projectId);
  const form = useApiForm<BenefitFormValues>({
    defaultValues: valuesOf(benefit),
    codeFields: { ...INDICATOR_CODE_FIELDS, BENEFIT_AREA_NOT_IN_PLAN: 'benefitArea', BENEFIT_OWNER_NOT_ALLOWED: 'ownerUserId' },
  });
  const { register, reset, formState } = form;
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    if (open) reset(valuesOf(benefit));
  }, [open, benefit, reset]);

  const submit = form.handleSubmit(async (values) => {
    const fields = {
      title: values.title.trim(),
      description: values.description.trim(),
      benefitArea: values.benefitArea || null,
      ownerUserId: values.ownerUserId,
    };
    try {
      if (benefit) {
        const saved = await update.mutateAsync({ benefitId: benefit.id, body: { ...fields, version: benefit.version } });
        onSaved(t('benefits.saved', { n: saved.number }));
      } else {
        const saved = await create.mutateAsync({ ...fields, indicators: [indicatorBody(values.indicator)] });
        onSaved(t('benefits.created', { n: saved.number }));
      }
      onClose();
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  // An owner or area that is no longer among the choices stays listed while the benefit has it.
  const ownerOptions = [
    ...(owners.data ?? []),
    ...(benefit?.owner && !(owners.data ?? []).some((o) => o.id === benefit.owner?.id) ? [{ ...benefit.owner, email: '' }] : []),
  ];
  const areaOptions = [...areas, ...(benefit?.benefitArea && !areas.includes(benefit.benefitArea) ? [benefit.benefitArea] : [])];

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={benefit ? t('benefits.editTitle', { n: benefit.number }) : t('benefits.addTitle')}
      onSubmit={(e) => void submit(e)}
      pending={isSubmitting}
      formError={form.formError}
      formErrorCode={form.formErrorCode}
    >
      <Textfield
        multiline
        rows={2}
        label={t('benefits.fields.title')}
        description={t('benefits.fields.titleHint')}
        required
        maxLength={500}
        {...register('title', { validate: (v) => v.trim() !== '' || t('benefits.fields.titleRequired') })}
        error={errors.title?.message}
      />
      <Textfield
        multiline
        rows={3}
        label={t('benefits.fields.description')}
        maxLength={4000}
        {...register('description')}
        error={errors.description?.message}
      />
      <Field>
        <Label>{t('benefits.fields.area')}</Label>
        <Field.Description>{areas.length ? t('benefits.fields.areaHint') : t('benefits.fields.noAreas')}</Field.Description>
        <Select {...register('benefitArea')} aria-invalid={errors.benefitArea ? true : undefined}>
          <Select.Option value="">{t('benefits.fields.noArea')}</Select.Option>
          {areaOptions.map((a) => (
            <Select.Option key={a} value={a}>
              {a}
            </Select.Option>
          ))}
        </Select>
        {errors.benefitArea?.message && <ValidationMessage>{errors.benefitArea.message}</ValidationMessage>}
      </Field>
      <Field>
        <Label>{t('benefits.fields.owner')}</Label>
        <Field.Description>{t('benefits.fields.ownerHint')}</Field.Description>
        <Select
          {...register('ownerUserId', { validate: (v) => v !== '' || t('benefits.fields.ownerRequired') })}
          aria-invalid={errors.ownerUserId ? true : undefined}
        >
          <Select.Option value="">{t('benefits.fields.choose')}</Select.Option>
          {ownerOptions.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </Select>
        {errors.ownerUserId?.message && <ValidationMessage>{errors.ownerUserId.message}</ValidationMessage>}
      </Field>
      {!benefit && (
        <Fieldset>
          <Fieldset.Legend>{t('benefits.fields.firstIndicator')}</Fieldset.Legend>
          <Fieldset.Description>{t('benefits.fields.firstIndicatorHint')}</Fieldset.Description>
          <IndicatorFields register={register} errors={errors.indicator} />
        </Fieldset>
      )}
    </FormDialog>
  );
}
