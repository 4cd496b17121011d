// Named types for the benefits routes, derived from the generated `paths` (like src/api/types.ts), so they
// follow the server's OpenAPI document.
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

type RegisterPath = paths['/api/projects/{id}/benefits'];
type BenefitPath = paths['/api/projects/{id}/benefits/{benefitId}'];
type IndicatorsPath = paths['/api/projects/{id}/benefits/{benefitId}/indicators'];
type IndicatorPath = paths['/api/projects/{id}/benefits/{benefitId}/indicators/{indicatorId}'];
type MeasurementsPath = paths['/api/projects/{id}/benefits/{benefitId}/indicators/{indicatorId}/measurements'];
type MeasurementPath = paths['/api/projects/{id}/benefits/{benefitId}/indicators/{indicatorId}/measurements/{measurementId}'];

export type BenefitRegister = JsonOf<RegisterPath['get']['responses'][200]>;
export type Benefit = BenefitRegister['benefits'][number];
export type Indicator = Benefit['indicators'][number];
export type Measurement = Indicator['measurements'][number];
export type RegionBenefits = JsonOf<paths['/api/regions/{id}/benefits']['get']['responses'][200]>;
export type BenefitOwner = JsonOf<paths['/api/projects/{id}/benefits/owners']['get']['responses'][200]>[number];

export type CreateBenefitBody = JsonOf<RegisterPath['post']['requestBody']>;
export type UpdateBenefitBody = JsonOf<BenefitPath['patch']['requestBody']>;
export type CreateIndicatorBody = JsonOf<IndicatorsPath['post']['requestBody']>;
export type UpdateIndicatorBody = JsonOf<IndicatorPath['patch']['requestBody']>;
export type CreateMeasurementBody = JsonOf<MeasurementsPath['post']['requestBody']>;
export type UpdateMeasurementBody = JsonOf<MeasurementPath['patch']['requestBody']>;
