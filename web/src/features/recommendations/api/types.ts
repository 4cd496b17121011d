// Named types for the recommendation routes, derived from the generated `paths` (like src/api/types.ts)
// so they follow the server's OpenAPI document.
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

type RecommendationsPath = paths['/api/projects/{id}/recommendations'];
type RecommendationPath = paths['/api/projects/{id}/recommendations/{recommendationId}'];

/** A recommendation as the generated client types it; the screens read it as Recommendation (see asRecommendation). */
export type RecommendationDto = JsonOf<RecommendationsPath['get']['responses'][200]>[number];

/** The fields a recommendation is written with (POST adds the required title, PATCH the version). */
export type RecommendationBody = Omit<JsonOf<RecommendationPath['patch']['requestBody']>, 'version'>;
export type StatusBody = JsonOf<paths['/api/projects/{id}/recommendations/{recommendationId}/status']['post']['requestBody']>;

type EvidenceRefDto = NonNullable<RecommendationBody['evidenceRefs']>[number];

/**
 * A survey or conversation the evidence points at. The generated EvidenceRefDto is one flat shape with
 * both ids optional; the server requires the id that goes with the kind (its ValidateIf rules), so the
 * screens read a reference as this union. It is assignable to EvidenceRefDto, so bodies need no cast.
 */
export type EvidenceRef =
  (Pick<EvidenceRefDto, 'questionKey'> & { kind: 'survey'; surveyId: string }) | { kind: 'conversation'; conversationId: string };

export type EvidenceRefView = EvidenceRef & Pick<RecommendationDto['evidenceRefs'][number], 'label'>;

/** RecommendationDto with its evidence references read as the union above. */
export type Recommendation = Omit<RecommendationDto, 'evidenceRefs'> & { evidenceRefs: EvidenceRefView[] };

// The two below are the screens' own shapes, not bodies of the API.

/** A survey or conversation of the project the evidence can point at. */
export interface EvidenceSource {
  kind: EvidenceRef['kind'];
  id: string;
  title: string;
}

/** Who may do what in the register. */
export interface RegisterPermissions {
  /** Project leader and members: write, order, put to the owner. */
  edit: boolean;
  /** The regionråd: the owner's outcomes. */
  decide: boolean;
  /** The project is active (a closed project's register is kept as it was). */
  active: boolean;
}
