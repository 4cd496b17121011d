// The parts of the gate as it really runs (issue 11): its case route, each kommunestyre's case, the
// conditions followed up, the package and what a send-back reopened. Named from the generated schema.
import type { paths } from '../../../api/schema';
import type { Decision, Gate, Submission } from '../../../api/types';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type GatePath = '/api/projects/{id}/phases/{phaseKey}/gate';

export type CaseStep = Gate['caseRoute'][number];
export type KommuneCases = NonNullable<Gate['kommuneCases']>;
export type KommuneCase = KommuneCases['cases'][number];
export type GateCondition = Gate['conditions'][number];
export type PackageChange = Gate['changesSinceLast'][number];
export type GatePackage = NonNullable<Submission['package']>;
export type Reopened = NonNullable<Decision['reopened']>;

export type HandleStepBody = JsonOf<NonNullable<paths[`${GatePath}/steps/{stepId}`]['post']['requestBody']>>;
export type KommuneCaseBody = JsonOf<NonNullable<paths[`${GatePath}/kommune-cases/{caseId}`]['put']['requestBody']>>;
export type ConditionResolution = JsonOf<NonNullable<paths[`${GatePath}/conditions/{conditionId}`]['put']['requestBody']>>;
