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
  leaderId: string;
}

/** An end before the start is refused (INVALID_PERIOD on the server). */
export function periodRule(t: TFunction) {
  return (end: string, values: { plannedStart: string }) =>
    !values.plannedStart || !end || end >= values.plannedStart || t('errors.INVALID_PERIOD');
}

/** Mirrors the DTOs: a region, a name (at most 200 characters, kept by maxLength), at least one kommune, a period that ends after it starts. */
export function projectFormSchema(t: TFunction) {
  return {
    regionId: { required: t('projects.form.regionRequired') },
    name: { validate: (v: string) => v.trim() !== '' || t('projects.form.nameRequired') },
    plannedEnd: { validate: periodRule(t) },
  };
}
