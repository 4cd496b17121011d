import type { TFunction } from 'i18next';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '@nvr/shared';
import type nb from '../locales/nb.json';
import { ApiError, type ErrorParams } from './api-error';
import { i18n } from './i18n';

type ErrorCode = keyof typeof nb.errors;

/** The message of an error code in the language shown (errors.* are core words: always loaded), if there is one. */
function messageOf(code: string): string | undefined {
  const message: unknown =
    i18n.getResource(i18n.language, 'translation', `errors.${code}`) ?? i18n.getResource('nb', 'translation', `errors.${code}`);
  return typeof message === 'string' ? message : undefined;
}

function isKnownCode(code: string): code is ErrorCode {
  return messageOf(code) !== undefined;
}

/** The names of a message's placeholders: `{{sizeMb, number}}` is `sizeMb`. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{\{-?\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1]);
}

function isRecommendationStatus(value: unknown): value is RecommendationStatus {
  return (RECOMMENDATION_STATUSES as readonly unknown[]).includes(value);
}

/** Params the server sends as keys (a status, not English words), in the reader's words. */
const PARAM_WORDS: Partial<Record<ErrorCode, (params: ErrorParams, t: TFunction) => ErrorParams>> = {
  RECOMMENDATION_STATUS_NOT_ALLOWED: ({ from, to, ...rest }, t) => ({
    ...rest,
    ...(isRecommendationStatus(from) ? { from: t(`recommendations.statuses.${from}`) } : {}),
    ...(isRecommendationStatus(to) ? { to: t(`recommendations.statuses.${to}`) } : {}),
  }),
};

/**
 * The message of a known code in the reader's language: errors.<CODE> with its {{placeholders}} filled
 * from the answer's params. When the answer lacks one of them (an older server, or a throw site without
 * the fact), errors.<CODE>_general says the same without the facts, so no "{{x}}" is ever shown. Every
 * message with placeholders has that sibling, in every language (server/src/common/error-codes.spec.ts).
 */
function codeMessage(error: ApiError, code: ErrorCode, t: TFunction): string {
  // A 429's Retry-After gives the minutes when the body does not.
  const given: ErrorParams = {
    ...(error.retryAfterSeconds ? { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) } : {}),
    ...error.params,
  };
  const params = PARAM_WORDS[code]?.(given, t) ?? given;
  if (placeholdersOf(messageOf(code) ?? '').every((name) => name in params)) return t(`errors.${code}`, params);
  const general = `${code}_general`;
  return isKnownCode(general) ? t(`errors.${general}`) : t(`errors.${code}`, params);
}

/**
 * A readable message for any error a query or mutation threw: a known server code through
 * i18n (errors.<CODE>, with the answer's params), otherwise the server's own message; network
 * failures get a generic text.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (isKnownCode(error.code)) return codeMessage(error, error.code, t);
    if (error.message) return error.message;
    if ([502, 503, 504].includes(error.status)) return t('errors.NETWORK');
    return t(error.status >= 500 ? 'errors.INTERNAL_ERROR' : 'errors.UNKNOWN');
  }
  if (error instanceof TypeError) return t('errors.NETWORK');
  return t('errors.UNKNOWN');
}
