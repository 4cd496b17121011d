import { benefitTrend, indicatorTrend, isPlanBenefitArea, mayRecordMeasurement, type BenefitProject } from '@nvr/shared';
import type { Principal } from '../auth/principal';
import type { BenefitDto, IndicatorDto } from './benefit.dto';
import type { BenefitRecords, IndicatorRow, MeasurementRow } from './benefit.queries';

/** Who reads: their id and roles decide what they may do with each benefit. */
export type Reader = Pick<Principal, 'userId' | 'roles'>;

/**
 * The benefits of one project from the records of several, with their trends and what the reader may do.
 * `areas`: the project's plan areas, to tell whether each benefit's area is still in the plan; null when
 * not read (the region's view), which counts every area as in the plan.
 */
export function mapBenefits(
  records: BenefitRecords,
  project: BenefitProject,
  reader: Reader,
  areas: readonly string[] | null,
): BenefitDto[] {
  return records.benefits
    .filter((b) => b.project_id === project.id)
    .map((b) => {
      const indicators = records.indicators.filter((i) => i.benefit_id === b.id).map((i) => mapIndicator(i, records.measurements));
      return {
        id: b.id,
        projectId: b.project_id,
        number: b.number,
        title: b.title,
        description: b.description,
        benefitArea: b.benefit_area,
        benefitAreaInPlan: b.benefit_area === null || areas === null || isPlanBenefitArea(areas, b.benefit_area),
        owner: b.owner_id ? { id: b.owner_id, name: b.owner_name ?? '' } : null,
        handedOverAt: b.handed_over_at ? b.handed_over_at.toISOString() : null,
        trend: benefitTrend(indicators),
        mayRecord: mayRecordMeasurement(reader.roles, project, { ownerUserId: b.owner_id }, reader.userId),
        indicators,
        version: b.version,
      };
    });
}

function mapIndicator(i: IndicatorRow, all: readonly MeasurementRow[]): IndicatorDto {
  const measurements = all.filter((m) => m.indicator_id === i.id);
  const target = { startValue: i.start_value, startDate: i.start_date, targetValue: i.target_value, targetDate: i.target_date };
  const result = indicatorTrend(
    target,
    measurements.map((m) => ({ date: m.measured_on, value: m.value })),
  );
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    ...target,
    closed: i.closed,
    trend: result.trend,
    share: result.share,
    expected: result.expected,
    latest: result.latest,
    measurements: measurements.map((m) => ({
      id: m.id,
      measuredOn: m.measured_on,
      value: m.value,
      comment: m.comment,
      recordedBy: m.recorded_by ? { id: m.recorded_by, name: m.recorded_by_name ?? '' } : null,
      recordedAt: m.recorded_at.toISOString(),
      version: m.version,
    })),
    version: i.version,
  };
}
