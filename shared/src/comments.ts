/** What a comment can be about: a phase's plan (target id: the phase's id), a deliverable, or a status report. */
export const COMMENT_TARGET_TYPES = ['phase_plan', 'deliverable', 'status_report'] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];

/**
 * @mentions in comments: `@kari@kommune.no` (an e-mail address) or `@<user id>` (a UUID). Both sides use
 * this: the server to notify the people named, the web app to highlight them.
 */
const MENTION =
  /(^|[^\w@.+-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/g;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface Mentions {
  /** Lower-cased e-mail addresses, each once. */
  emails: string[];
  /** Lower-cased user ids, each once. */
  userIds: string[];
}

/** Finds the people a text mentions. A mention starts a word; trailing punctuation is not part of it. */
export function extractMentions(text: string): Mentions {
  const emails = new Set<string>();
  const userIds = new Set<string>();
  for (const m of text.matchAll(MENTION)) {
    const handle = m[2].replace(/[.]+$/, '').toLowerCase();
    if (UUID.test(handle)) userIds.add(handle);
    else emails.add(handle);
  }
  return { emails: [...emails], userIds: [...userIds] };
}
