import { useCallback } from 'react';
import {
  useForm,
  type FieldPath,
  type FieldValues,
  type RegisterOptions,
  type UseFormProps,
  type UseFormReturn,
  type UseFormSetError,
} from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-error';
import { errorMessage } from './error-message';

/**
 * The rules of a form's fields, written to mirror the server's DTO (required, lengths, patterns), with
 * translated messages. A function of `t` so the messages follow the chosen language.
 */
export type FormSchema<T extends FieldValues> = { [K in FieldPath<T>]?: RegisterOptions<T, K> };

/** Where the form-level error of a form lives (`formState.errors.root.server`). */
export const FORM_ERROR = 'root.server' as const;

export interface ServerErrorOptions<T extends FieldValues> {
  t: TFunction;
  /** The form's fields: a 400 field error for one of these is shown at the field, others at form level. */
  fields: readonly string[];
  /** Refusal codes (409/422) that belong to one field, e.g. `{ EMAIL_TAKEN: 'email' }`. */
  codeFields?: Partial<Record<string, FieldPath<T>>>;
  /** A feature's own translation of its codes; errorMessage (errors.<CODE>) when not given. */
  message?: (error: unknown, t: TFunction) => string;
}

/**
 * Puts a failed request's answer onto a react-hook-form form: a 400 VALIDATION_FAILED answer's
 * `errors[{ field, messages }]` onto those fields, a code listed in `codeFields` onto its field (both
 * translated through errors.<CODE> when known), and everything else (409/422 codes, 5xx, network) as
 * one translated form-level error. The first field with an error gets focus.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, options: ServerErrorOptions<T>) {
  const { t, fields, codeFields = {}, message: messageOf = errorMessage } = options;
  let focused = false;
  const atField = (name: FieldPath<T>, type: string, message: string) => {
    setError(name, { type, message }, { shouldFocus: !focused });
    focused = true;
  };

  if (error instanceof ApiError) {
    const codeField = codeFields[error.code];
    if (codeField) {
      atField(codeField, error.code, messageOf(error, t));
      return;
    }
    const elsewhere: string[] = [];
    for (const { field, messages } of error.fieldErrors) {
      if (fields.includes(field)) atField(field as FieldPath<T>, 'server', messages.join(' '));
      else elsewhere.push(...messages);
    }
    if (error.fieldErrors.length > 0 && elsewhere.length === 0) return;
    const message = [messageOf(error, t), ...elsewhere].join(' ');
    setError(FORM_ERROR as FieldPath<T>, { type: error.code, message });
    return;
  }
  setError(FORM_ERROR as FieldPath<T>, { type: 'unknown', message: messageOf(error, t) });
}

export type ApiForm<T extends FieldValues> = UseFormReturn<T> & {
  /** Puts a failed request's answer onto the form (see applyServerErrors). */
  applyServerErrors: (error: unknown) => void;
  /** The translated form-level error, if any (a refusal that belongs to no field). */
  formError: string | undefined;
  /** The form-level error's code (e.g. 'VERSION_CONFLICT'), to offer more than a message. */
  formErrorCode: string | undefined;
};

/**
 * react-hook-form with this app's defaults (validate on submit, then as the person corrects, focus the
 * first invalid field) and one way of showing the server's refusals.
 */
export function useApiForm<T extends FieldValues>({
  codeFields,
  message,
  ...props
}: UseFormProps<T> & Pick<ServerErrorOptions<T>, 'codeFields' | 'message'> = {}): ApiForm<T> {
  const { t } = useTranslation();
  const form = useForm<T>({ mode: 'onSubmit', reValidateMode: 'onChange', shouldFocusError: true, ...props });
  const { setError, getValues } = form;
  const apply = useCallback(
    (error: unknown) => applyServerErrors(error, setError, { t, fields: Object.keys(getValues() ?? {}), codeFields, message }),
    [setError, getValues, t, codeFields, message],
  );
  const root = form.formState.errors.root?.server;
  return { ...form, applyServerErrors: apply, formError: root?.message, formErrorCode: root?.type as string | undefined };
}
