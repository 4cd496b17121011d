import type { TFunction } from 'i18next';
import nb from '../locales/nb.json';
import { ApiError } from './api-error';

type ErrorCode = keyof typeof nb.errors;

function isKnownCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(nb.errors, code);
}

/**
 * A readable message for any error a query or mutation threw: a known server code through
 * i18n (errors.<CODE>), otherwise the server's own message; network failures get a generic text.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (isKnownCode(error.code)) return t(`errors.${error.code}`);
    if (error.message) return error.message;
    if ([502, 503, 504].includes(error.status)) return t('errors.NETWORK');
    return t(error.status >= 500 ? 'errors.INTERNAL_ERROR' : 'errors.UNKNOWN');
  }
  if (error instanceof TypeError) return t('errors.NETWORK');
  return t('errors.UNKNOWN');
}
