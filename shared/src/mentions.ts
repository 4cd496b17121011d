import { canOnProject, ROLES, type Role, type RoleAssignment } from './access';
import { mentionSpans } from './comments';

/**
 * Who can be mentioned on a project, and the words around a mention while it is typed. The grammar of a
 * mention itself (`@e-mail` or `@user-id`) is in comments.ts.
 */

/**
 * The roles through which a person may read the project, in the order of ROLES; empty when none. The
 * administrator role is left out: administrators may read every project but follow none, so they are
 * only offered for mentions where they also hold a role of the region or the project.
 */
export function mentionRoles(assignments: readonly RoleAssignment[], project: { id: string; regionId: string }): Role[] {
  const roles = new Set<Role>();
  for (const a of assignments) if (a.role !== 'admin' && canOnProject([a], project, 'read')) roles.add(a.role);
  return ROLES.filter((r) => roles.has(r));
}

/** `@` at the start of a word, then a letter or digit and what an address may hold, up to the caret. */
const TYPING = /(^|[^\w@.+-])@([\p{L}\p{N}][\p{L}\p{N}._%+@-]*)$/u;

/**
 * The mention being typed at the caret, if any: `@` at the start of a word followed by at least one
 * letter or digit ("Hei @ma" → `{ start: 4, query: 'ma' }`). `start` is where the `@` stands.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const m = TYPING.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: m.index + m[1].length, query: m[2] };
}

const AT_WORD = /(^|[^\w@.+-])@([\p{L}\p{N}][^\s]*)/gu;
const TRAILING = /[.,;:!?)\]}»"'’]+$/u;

/**
 * Words that look like a mention but are none, as written ("@Pia", "@kari@kommune"): they notify
 * nobody, so the web app tells the writer. `except`: the start of a word still being typed, left out.
 */
export function looseMentions(text: string, except?: number): string[] {
  const real = new Set(mentionSpans(text).map((s) => s.start));
  const loose = new Set<string>();
  for (const m of text.matchAll(AT_WORD)) {
    const start = (m.index ?? 0) + m[1].length;
    if (real.has(start) || start === except) continue;
    const word = m[2].replace(TRAILING, '');
    if (word) loose.add(`@${word}`);
  }
  return [...loose];
}
