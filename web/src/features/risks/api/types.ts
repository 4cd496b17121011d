// Named types for the risk routes, derived from the generated `paths` (like src/api/types.ts) so they
// follow the server's OpenAPI document.
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

type RisksPath = paths['/api/projects/{id}/risks'];
type RiskPath = paths['/api/projects/{id}/risks/{riskId}'];

/** A risk of the live register. */
export type Risk = JsonOf<RisksPath['get']['responses'][200]>[number];
/** The body that adds a risk. */
export type CreateRiskBody = JsonOf<RisksPath['post']['requestBody']>;
/** The body that changes a risk (fields left out keep their value; the version it was read at). */
export type UpdateRiskBody = JsonOf<RiskPath['patch']['requestBody']>;
export type RiskOwner = JsonOf<paths['/api/projects/{id}/risks/owners']['get']['responses'][200]>[number];

/** A status report's register (frozen, live or none) and what changed since the report before. */
export type ReportRisks = JsonOf<paths['/api/projects/{id}/status-reports/{reportId}/risks']['get']['responses'][200]>;
/** A risk as a report shows it (frozen or live). */
export type RiskView = ReportRisks['risks'][number];
export type RiskChange = NonNullable<ReportRisks['changes']>[number];

export type TopRisks = JsonOf<paths['/api/risks/top']['get']['responses'][200]>;
export type TopRisk = TopRisks['rows'][number];
