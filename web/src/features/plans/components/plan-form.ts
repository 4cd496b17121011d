import { useMemo } from 'react';
import type { FieldValue, PlanContent } from '@nvr/shared';
import type { FieldPath, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Plan, TemplateSection } from '../../../api/plan-types';
import { applyServerErrors, FORM_ERROR, useApiForm, type ApiForm } from '../../../lib/use-api-form';

/**
 * The plan editor's one form: the answers as UpdatePlanDto has them, `content.<section>.<field>`, so a
 * 400 answer's field errors (`content.goals.main_goal`) name the form's own fields.
 */
export interface PlanFormValues {
  content: PlanContent;
}

export type PlanFieldName = `content.${string}.${string}`;

export type PlanForm = ApiForm<PlanFormValues>;

/** A changed answer, as the autosave sends it. */
export interface FieldChange {
  section: string;
  field: string;
  value: FieldValue;
}

/** What the autosave needs of the form: what differs from the last save, and what to do after a save. */
export interface ChangeSource {
  /** Calls `listener` on every change the person makes to a field (not on the form's own updates); answers how to stop. */
  onChange(listener: () => void): () => void;
  /** The fields whose value differs from what was last saved (the form's dirty fields), with their values now. */
  unsaved(): FieldChange[];
  /** These values are saved: they become their fields' starting point (edits made meanwhile stay unsaved). */
  saved(changes: readonly FieldChange[]): void;
  /** A save was refused or failed: field errors go to their fields, the rest to the form (no focus is moved while typing). */
  failed(error: unknown): void;
}

export function planFieldName(section: string, field: string): PlanFieldName {
  return `content.${section}.${field}`;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The form of a plan's answers, starting from what the server has. Its dirty fields are what the
 * autosave sends; a save makes the sent values the fields' new defaults.
 */
export function usePlanForm(plan: Plan): { form: PlanForm; changes: ChangeSource } {
  const { t } = useTranslation();
  const form = useApiForm<PlanFormValues>({ defaultValues: { content: plan.content } });
  const sections: readonly TemplateSection[] = plan.template.sections;
  const { watch, getFieldState, getValues, resetField, setValue, setError, clearErrors } = form;

  const changes = useMemo<ChangeSource>(() => {
    const fields = sections.flatMap((s) => s.fields.map((f) => ({ section: s.key, field: f.key, name: planFieldName(s.key, f.key) })));
    const names = fields.map((f) => f.name);
    // Refusals arrive while the person may be typing elsewhere: they are shown, focus stays where it is.
    const setErrorInPlace: UseFormSetError<PlanFormValues> = (name, error) => setError(name, error);
    return {
      onChange(listener) {
        const subscription = watch((_, { type }) => {
          if (type === 'change') listener();
        });
        return () => subscription.unsubscribe();
      },
      unsaved() {
        const out: FieldChange[] = [];
        for (const { section, field, name } of fields) {
          const value = getValues(name as FieldPath<PlanFormValues>) as FieldValue | undefined;
          if (getFieldState(name as FieldPath<PlanFormValues>).isDirty && value !== undefined)
            out.push({ section, field, value: structuredClone(value) });
        }
        return out;
      },
      saved(saved) {
        for (const { section, field, value } of saved) {
          const name = planFieldName(section, field) as FieldPath<PlanFormValues>;
          const now = getValues(name) as FieldValue | undefined;
          resetField(name, { defaultValue: value as never });
          if (!sameValue(now, value)) setValue(name, now as never, { shouldDirty: true });
        }
        clearErrors(FORM_ERROR);
      },
      failed(error) {
        clearErrors(FORM_ERROR);
        applyServerErrors(error, setErrorInPlace, { t, fields: names });
      },
    };
  }, [sections, watch, getFieldState, getValues, resetField, setValue, setError, clearErrors, t]);

  return { form, changes };
}
