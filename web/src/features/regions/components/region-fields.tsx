import { Textfield } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FormSchema } from '../../../lib/use-api-form';

export interface RegionFieldValues {
  name: string;
  councilName: string;
  description: string;
}

/** Mirrors CreateRegionDto/UpdateRegionDto: name and regionråd are required, lengths are kept by maxLength. */
export function regionFormSchema(t: TFunction): FormSchema<RegionFieldValues> {
  return {
    name: { validate: (v) => v.trim() !== '' || t('regions.form.nameRequired') },
    councilName: { validate: (v) => v.trim() !== '' || t('regions.form.councilNameRequired') },
  };
}

/** REGION_NAME_TAKEN belongs to the name field. */
export const REGION_CODE_FIELDS = { REGION_NAME_TAKEN: 'name' } as const;

/** The values as sent: trimmed. */
export function trimmedRegionValues(values: RegionFieldValues): RegionFieldValues {
  return { name: values.name.trim(), councilName: values.councilName.trim(), description: values.description.trim() };
}

/** The name, regionråd and description fields shared by the create and edit forms. */
export function RegionFields({
  register,
  errors,
}: {
  register: UseFormRegister<RegionFieldValues>;
  /** Client checks and the server's field errors, already translated. */
  errors: FieldErrors<RegionFieldValues>;
}) {
  const { t } = useTranslation();
  const schema = regionFormSchema(t);
  return (
    <>
      <Textfield
        label={t('regions.form.name')}
        description={t('regions.form.nameHint')}
        {...register('name', schema.name)}
        error={errors.name?.message}
        required
        autoComplete="off"
        maxLength={120}
      />
      <Textfield
        label={t('regions.form.councilName')}
        description={t('regions.form.councilNameHint')}
        {...register('councilName', schema.councilName)}
        error={errors.councilName?.message}
        required
        autoComplete="off"
        maxLength={160}
      />
      <Textfield
        multiline
        rows={4}
        label={t('regions.form.description')}
        description={t('regions.form.descriptionHint')}
        {...register('description')}
        error={errors.description?.message}
        maxLength={2000}
      />
    </>
  );
}
