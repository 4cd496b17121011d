// Named types for the API's bodies, derived from the generated `paths` (not from component
// names, which the server's OpenAPI generator may spell differently).
import type { paths } from './schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type RegionSummary = JsonOf<paths['/api/regions']['get']['responses'][200]>[number];
export type Region = JsonOf<paths['/api/regions/{id}']['get']['responses'][200]>;
export type Membership = Region['members'][number];
export type Kommune = Membership['kommune'];
export type Population = NonNullable<Kommune['population']>;

export type CreateRegionBody = JsonOf<NonNullable<paths['/api/regions']['post']['requestBody']>>;
export type UpdateRegionBody = JsonOf<NonNullable<paths['/api/regions/{id}']['patch']['requestBody']>>;
export type AddMemberBody = JsonOf<NonNullable<paths['/api/regions/{id}/members']['post']['requestBody']>>;
export type UpdateMemberBody = JsonOf<
  NonNullable<paths['/api/regions/{id}/members/{membershipId}']['patch']['requestBody']>
>;
