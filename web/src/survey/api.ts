import { ANSWER_PROBLEMS, type AnswerProblem, type AnswerProblemCode } from '../../../shared/src/survey';
// Types only (erased at build): the form's bundle stays free of the API client.
import type { paths } from '../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type SurveyRoute = paths['/api/public/surveys/{token}']['get'];
type ResponsesRoute = paths['/api/public/surveys/{token}/responses']['post'];

/** GET /api/public/surveys/:token. Its questions have the shape of SurveyQuestion (@nvr/shared). */
export type PublicSurvey = JsonOf<SurveyRoute['responses'][200]>;
/** POST /api/public/surveys/:token/responses: the answers, the definition version read, and the honeypot. */
export type SubmitBody = JsonOf<ResponsesRoute['requestBody']>;

export type LoadResult =
  { kind: 'ok'; survey: PublicSurvey } | { kind: 'not_found' } | { kind: 'closed' } | { kind: 'not_open' } | { kind: 'failed' };

export type SubmitResult =
  | { kind: 'received' }
  | { kind: 'invalid'; problems: AnswerProblem[] }
  | { kind: 'changed' }
  | { kind: 'not_open' }
  | { kind: 'closed' }
  | { kind: 'not_found' }
  | { kind: 'rate_limited' }
  | { kind: 'network' }
  | { kind: 'failed' };

/** The server's error answer (ErrorResponseDto), each field unchecked until read. */
type ErrorBody = Partial<Record<keyof JsonOf<ResponsesRoute['responses'][422]>, unknown>>;

/** No cookies go either way: the respondent is anonymous and the form never signs anyone in. */
const base: RequestInit = { credentials: 'omit', cache: 'no-store', headers: { Accept: 'application/json' } };

function surveyUrl(token: string): string {
  return `/api/public/surveys/${encodeURIComponent(token)}`;
}

async function errorBody(response: Response): Promise<ErrorBody> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as ErrorBody) : {};
  } catch {
    return {};
  }
}

export async function loadSurvey(token: string): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetch(surveyUrl(token), base);
  } catch {
    return { kind: 'failed' };
  }
  if (response.ok) {
    try {
      return { kind: 'ok', survey: (await response.json()) as PublicSurvey };
    } catch {
      return { kind: 'failed' };
    }
  }
  if (response.status === 404) return { kind: 'not_found' };
  if (response.status === 410) return { kind: 'closed' };
  if (response.status === 409) return { kind: 'not_open' };
  return { kind: 'failed' };
}

/** The server's 422 `errors: [{field: 'answers.<key>', messages: [code]}]` as problems per question. */
export function problemsFromErrors(errors: unknown): AnswerProblem[] {
  if (!Array.isArray(errors)) return [];
  const problems: AnswerProblem[] = [];
  for (const item of errors as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, messages } = item as { field?: unknown; messages?: unknown };
    if (typeof field !== 'string' || !field.startsWith('answers.')) continue;
    const first = Array.isArray(messages) ? (messages as unknown[])[0] : undefined;
    const code: AnswerProblemCode = (ANSWER_PROBLEMS as readonly unknown[]).includes(first) ? (first as AnswerProblemCode) : 'wrong_type';
    problems.push({ question: field.slice('answers.'.length), code });
  }
  return problems;
}

export async function submitAnswers(token: string, body: SubmitBody): Promise<SubmitResult> {
  let response: Response;
  try {
    response = await fetch(`${surveyUrl(token)}/responses`, {
      ...base,
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.ok) return { kind: 'received' };
  const error = await errorBody(response);
  switch (response.status) {
    case 404:
      return { kind: 'not_found' };
    case 409:
      return error.code === 'SURVEY_NOT_OPEN' ? { kind: 'not_open' } : { kind: 'changed' };
    case 410:
      return { kind: 'closed' };
    case 429:
      return { kind: 'rate_limited' };
    case 422: {
      const problems = problemsFromErrors(error.errors);
      return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'failed' };
    }
    default:
      return { kind: 'failed' };
  }
}
