/**
 * Error codes are declared by the feature that owns them, not in one central list. A feature writes
 *
 *     export const GATE_ERRORS = defineErrors({ tags: ['gates'] }, { GATE_NOT_READY: 422, … });
 *     declare module '../common/error-registry' {
 *       interface ErrorCatalogue extends CodesOf<typeof GATE_ERRORS> {}
 *     }
 *
 * and its module imports that file. The type ErrorCode is then every declared code (DomainError only
 * takes those), each code has exactly one HTTP status, and the OpenAPI document lists, per operation
 * and status, the codes of the features that operation's tag belongs to.
 */

/** The statuses a refusal can have. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;

/** Every declared code; features add theirs by declaration merging (see above). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ErrorCatalogue {}

export type ErrorCode = Extract<keyof ErrorCatalogue, string>;

export interface ErrorGroup<C extends Record<string, ErrorStatus>> {
  /** The OpenAPI tags of the operations that can answer these codes; '*' for every operation. */
  tags: readonly string[];
  codes: C;
}

export type CodesOf<G> = G extends ErrorGroup<infer C> ? { [K in keyof C]: C[K] } : never;

const groups: ErrorGroup<Record<string, ErrorStatus>>[] = [];
const statusOf = new Map<string, ErrorStatus>();

export function defineErrors<const C extends Record<string, ErrorStatus>>(options: { tags: readonly string[] }, codes: C): ErrorGroup<C> {
  for (const [code, status] of Object.entries(codes)) {
    const known = statusOf.get(code);
    if (known !== undefined && known !== status) throw new Error(`Error code ${code} is declared twice, with ${known} and ${status}`);
    statusOf.set(code, status);
  }
  const group = { tags: options.tags, codes };
  groups.push(group);
  return group;
}

/** The HTTP status of a declared code; a code whose feature file was never loaded is a programming error. */
export function statusOfCode(code: ErrorCode): ErrorStatus {
  const status = statusOf.get(code);
  if (status === undefined) throw new Error(`Error code ${code} is not declared: import its feature's errors file in its module`);
  return status;
}

export function declaredErrorCodes(): ReadonlyMap<string, ErrorStatus> {
  return statusOf;
}

/** The codes an operation with these OpenAPI tags can answer with this status, sorted. */
export function codesFor(tags: readonly string[], status: number): string[] {
  const codes = new Set<string>();
  for (const g of groups) {
    if (!g.tags.includes('*') && !g.tags.some((t) => tags.includes(t))) continue;
    for (const [code, s] of Object.entries(g.codes)) if (s === status) codes.add(code);
  }
  return [...codes].sort();
}
