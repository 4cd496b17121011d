// Named types for the conversation and needs routes, derived from the generated `paths` (like
// src/api/types.ts) so they follow the server's OpenAPI document.
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

type ConversationsPath = paths['/api/projects/{id}/conversations'];
type ConversationPath = paths['/api/projects/{id}/conversations/{conversationId}'];

/** An interview, meeting or workshop, with notes per guide section and the needs that came up. */
export type Conversation = JsonOf<ConversationsPath['get']['responses'][200]>[number];

export type CreateConversationBody = JsonOf<ConversationsPath['post']['requestBody']>;
/** PATCH: the fields to change, with the version the user started from. */
export type UpdateConversationBody = JsonOf<ConversationPath['patch']['requestBody']>;

/** Each category of need: respondents in the project's surveys, and conversations that raised it. */
export type NeedsOverview = JsonOf<paths['/api/projects/{id}/needs']['get']['responses'][200]>;
export type NeedCount = NeedsOverview['needs'][number];

// The two below are the screens' own shapes, read out of the project and the template library
// (see get-context.ts), not bodies of the API.

/** A guide template (kind 'guide') with its sections, to write notes under. */
export interface Guide {
  key: string;
  title: string;
  sections: { key: string; title: string; guidance: string }[];
}

/** What the conversation screens need of the project. */
export interface ProjectContext {
  active: boolean;
  canEdit: boolean;
  kommuner: { id: string; name: string }[];
}
