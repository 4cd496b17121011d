import { todayInOslo } from '@nvr/shared';
import type { TFunction } from 'i18next';

/** The values of the project forms (CreateProjectDto and UpdateProjectDto on the server). */
export interface ProjectFormValues {
  regionId: string;
  name: string;
  description: string;
  /** null: every current member of the region (until someone unticks one). */
  kommuneIds: string[] | null;
  plannedStart: string;
  plannedEnd: string;
  /** When a forstudie already under way actually started; empty: it starts today. */
  forstudieStartedOn: string;
  leaderId: string;
}

/** The earliest actual start a phase may have (EARLIEST_PHASE_START on the server). */
export const EARLIEST_PHASE_START = '2000-01-01';

/** An end before the start is refused (INVALID_PERIOD on the server). */
export function periodRule(t: TFunction) {
  return (end: string, values: { plannedStart: string }) =>
    !values.plannedStart || !end || end >= values.plannedStart || t('errors.INVALID_PERIOD');
}

/**
 * An actual start: not in the future (Norwegian time) and not before `earliest` (2000-01-01, or the
 * day the previous phase ended). Empty passes unless `required`. Mirrors the server's DTO and order check.
 */
export function startRule(t: TFunction, options: { earliest?: string; required?: boolean; formatDate?: (iso: string) => string } = {}) {
  const earliest = options.earliest ?? EARLIEST_PHASE_START;
  return (value: string) => {
    if (!value) return !options.required || t('phases.start.required');
    if (value > todayInOslo()) return t('phases.start.future');
    if (value < earliest) return t('phases.start.tooEarly', { date: options.formatDate?.(earliest) ?? earliest });
    return true;
  };
}

/** Mirrors the DTOs: a region, a name (at most 200 characters, kept by maxLength), at least one kommune, a period that ends after it starts, a start not in the future. */
export function projectFormSchema(t: TFunction, formatDate?: (iso: string) => string) {
  return {
    regionId: { required: t('projects.form.regionRequired') },
    name: { validate: (v: string) => v.trim() !== '' || t('projects.form.nameRequired') },
    plannedEnd: { validate: periodRule(t) },
    forstudieStartedOn: { validate: startRule(t, { formatDate }) },
  };
}
