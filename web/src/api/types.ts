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
export type UpdateMemberBody = JsonOf<NonNullable<paths['/api/regions/{id}/members/{membershipId}']['patch']['requestBody']>>;

// Accounts and access
export type Me = JsonOf<paths['/api/auth/me']['get']['responses'][200]>;
export type SessionUser = Me['user'];
export type RoleAssignment = Me['roles'][number];
export type LoginBody = JsonOf<NonNullable<paths['/api/auth/login']['post']['requestBody']>>;
export type ChangePasswordBody = JsonOf<NonNullable<paths['/api/auth/password']['post']['requestBody']>>;
export type User = JsonOf<paths['/api/users']['get']['responses'][200]>[number];
export type CreateUserBody = JsonOf<NonNullable<paths['/api/users']['post']['requestBody']>>;
export type UpdateUserBody = JsonOf<NonNullable<paths['/api/users/{id}']['patch']['requestBody']>>;
export type RoleInput = JsonOf<NonNullable<paths['/api/users/{id}/roles']['put']['requestBody']>>['roles'][number];

// Projects and the PLP journey
export type ProjectSummary = JsonOf<paths['/api/projects']['get']['responses'][200]>[number];
export type Project = JsonOf<paths['/api/projects/{id}']['get']['responses'][200]>;
export type Phase = Project['phases'][number];
export type DeliverableSummary = Phase['deliverables'][number];
export type Readiness = NonNullable<Phase['readiness']>;
export type ReadinessItem = Readiness['items'][number];
export type NextAction = Project['nextActions'][number];
export type Person = Project['members'][number];
export type CreateProjectBody = JsonOf<NonNullable<paths['/api/projects']['post']['requestBody']>>;
export type UpdateProjectBody = JsonOf<NonNullable<paths['/api/projects/{id}']['patch']['requestBody']>>;
export type SetTeamBody = JsonOf<NonNullable<paths['/api/projects/{id}/team']['put']['requestBody']>>;
export type UpdatePhaseBody = JsonOf<NonNullable<paths['/api/projects/{id}/phases/{phaseKey}']['patch']['requestBody']>>;
export type HistoryEvent = JsonOf<paths['/api/projects/{id}/history']['get']['responses'][200]>[number];

export type Deliverable = JsonOf<paths['/api/projects/{id}/deliverables/{deliverableId}']['get']['responses'][200]>;
export type FileInfo = Deliverable['files'][number];
export type UpdateDeliverableBody = JsonOf<NonNullable<paths['/api/projects/{id}/deliverables/{deliverableId}']['patch']['requestBody']>>;
export type ReviewDeliverableBody = JsonOf<
  NonNullable<paths['/api/projects/{id}/deliverables/{deliverableId}/review']['post']['requestBody']>
>;

export type Gate = JsonOf<paths['/api/projects/{id}/phases/{phaseKey}/gate']['get']['responses'][200]>;
export type Checkpoint = Gate['checkpoints'][number];
export type Submission = Gate['submissions'][number];
export type Decision = NonNullable<Submission['decision']>;
export type SetCheckpointBody = JsonOf<
  NonNullable<paths['/api/projects/{id}/phases/{phaseKey}/gate/checkpoints/{checkpointKey}']['put']['requestBody']>
>;
export type RecordDecisionBody = JsonOf<NonNullable<paths['/api/projects/{id}/phases/{phaseKey}/gate/decision']['post']['requestBody']>>;

// Invitations and sign-in providers
export type Invitation = JsonOf<paths['/api/invitations']['get']['responses'][200]>[number];
export type CreateInvitationBody = JsonOf<NonNullable<paths['/api/invitations']['post']['requestBody']>>;
export type InvitationPreview = JsonOf<paths['/api/invitations/lookup']['post']['responses'][200]>;
export type AcceptInvitationBody = JsonOf<NonNullable<paths['/api/invitations/accept']['post']['requestBody']>>;
export type SignInOptions = JsonOf<paths['/api/auth/providers']['get']['responses'][200]>;
