import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import {
  REGION_FIELDS,
  regionFieldId,
  validateRegionFields,
  type RegionFieldErrors,
  type RegionFieldName,
  type RegionFieldValues,
} from './region-fields';

/**
 * State for the region form: values, client-side errors, and the server's field errors from the
 * last failed submit (shown next to the field they name; others are listed by the caller).
 */
export function useRegionForm(idPrefix: string, initial: RegionFieldValues, serverError: unknown) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<RegionFieldErrors>({});

  const errors: RegionFieldErrors = {};
  for (const field of REGION_FIELDS) {
    const server = isApiError(serverError) ? serverError.messageFor(field) : undefined;
    const message = clientErrors[field] ?? server;
    if (message) errors[field] = message;
  }
  if (isApiError(serverError, 'REGION_NAME_TAKEN') && !errors.name) {
    errors.name = t('errors.REGION_NAME_TAKEN');
  }

  /** Server field errors that name no field of this form. */
  const otherFieldErrors = isApiError(serverError)
    ? serverError.fieldErrors.filter((e) => !(REGION_FIELDS as readonly string[]).includes(e.field))
    : [];

  function change(field: RegionFieldName, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (clientErrors[field]) setClientErrors(({ [field]: _removed, ...rest }) => rest);
  }

  /** Runs the client checks; on failure shows them and moves focus to the first invalid field. */
  function validate(): boolean {
    const found = validateRegionFields(values, t);
    setClientErrors(found);
    const first = REGION_FIELDS.find((field) => found[field]);
    if (first) {
      document.getElementById(regionFieldId(idPrefix, first))?.focus();
      return false;
    }
    return true;
  }

  function reset(next: RegionFieldValues) {
    setValues(next);
    setClientErrors({});
  }

  return { idPrefix, values, errors, otherFieldErrors, change, validate, reset };
}
