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

/** Where a mention stands in a text: `start`..`end` covers `@handle` (trailing dots not included). */
export interface MentionSpan {
  start: number;
  end: number;
  /** The handle as written, without the `@`: an e-mail address or a user id. */
  handle: string;
}

/** The mentions of a text in order, with their places (the web app highlights them). */
export function mentionSpans(text: string): MentionSpan[] {
  return [...text.matchAll(MENTION)].map((m) => {
    const handle = m[2].replace(/[.]+$/, '');
    const start = (m.index ?? 0) + m[1].length;
    return { start, end: start + 1 + handle.length, handle };
  });
}

/** Finds the people a text mentions. A mention starts a word; trailing punctuation is not part of it. */
export function extractMentions(text: string): Mentions {
  const emails = new Set<string>();
  const userIds = new Set<string>();
  for (const { handle: written } of mentionSpans(text)) {
    const handle = written.toLowerCase();
    if (UUID.test(handle)) userIds.add(handle);
    else emails.add(handle);
  }
  return { emails: [...emails], userIds: [...userIds] };
}
