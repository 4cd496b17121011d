import { Textfield } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export interface RegionFieldValues {
  name: string;
  councilName: string;
  description: string;
}

export type RegionFieldName = keyof RegionFieldValues;
export type RegionFieldErrors = Partial<Record<RegionFieldName, string>>;

export const REGION_FIELDS: readonly RegionFieldName[] = ['name', 'councilName', 'description'];

/** Client-side checks before anything is sent: name and regionråd are required. */
export function validateRegionFields(values: RegionFieldValues, t: TFunction): RegionFieldErrors {
  const errors: RegionFieldErrors = {};
  if (!values.name.trim()) errors.name = t('regions.form.nameRequired');
  if (!values.councilName.trim()) errors.councilName = t('regions.form.councilNameRequired');
  return errors;
}

/** The DOM id of a field, so a form can move focus to the first invalid one. */
export function regionFieldId(idPrefix: string, field: RegionFieldName): string {
  return `${idPrefix}-${field}`;
}

/** The name, regionråd and description fields shared by the create and edit forms. */
export function RegionFields({
  idPrefix,
  values,
  errors,
  onChange,
}: {
  idPrefix: string;
  values: RegionFieldValues;
  /** Already translated messages per field (client checks or the server's field errors). */
  errors: RegionFieldErrors;
  onChange: (field: RegionFieldName, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield
        id={regionFieldId(idPrefix, 'name')}
        label={t('regions.form.name')}
        description={t('regions.form.nameHint')}
        value={values.name}
        onChange={(event) => onChange('name', event.target.value)}
        error={errors.name}
        required
        autoComplete="off"
        maxLength={120}
      />
      <Textfield
        id={regionFieldId(idPrefix, 'councilName')}
        label={t('regions.form.councilName')}
        description={t('regions.form.councilNameHint')}
        value={values.councilName}
        onChange={(event) => onChange('councilName', event.target.value)}
        error={errors.councilName}
        required
        autoComplete="off"
        maxLength={160}
      />
      <Textfield
        id={regionFieldId(idPrefix, 'description')}
        multiline
        rows={4}
        label={t('regions.form.description')}
        description={t('regions.form.descriptionHint')}
        value={values.description}
        onChange={(event) => onChange('description', event.target.value)}
        error={errors.description}
        maxLength={2000}
      />
    </>
  );
}
