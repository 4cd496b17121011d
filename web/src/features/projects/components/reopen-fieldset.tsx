import { Checkbox, Fieldset, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { nextPhaseKey, type PhaseKey } from '@nvr/shared';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../api/types';
import { inCatalogueOrder, useCatalogue } from '../../../lib/catalogue';
import { useGatePlan } from '../api/get-gate-plan';
import { useTemplateText } from '../../../lib/template-text';

export interface ReopenValues {
  deliverableIds: string[];
  planSections: string[];
  budget: boolean;
}

/**
 * What a send-back reopens: the package's deliverables, the sections of the next phase's plan and its
 * budget. What is ticked goes back to draft with the decision text as the task.
 */
export function ReopenFieldset<T extends { reopen: ReopenValues }>({
  project,
  phaseKey,
  form,
  error,
}: {
  project: Project;
  phaseKey: PhaseKey;
  form: UseFormReturn<T>;
  error?: string;
}) {
  const { t } = useTranslation();
  const { tt } = useTemplateText();
  const catalogue = useCatalogue();
  const f = form as unknown as UseFormReturn<{ reopen: ReopenValues }>;
  const next = nextPhaseKey(phaseKey);
  const plan = useGatePlan(project.id, next);
  const phase = project.phases.find((p) => p.key === phaseKey);
  const deliverables = inCatalogueOrder(phaseKey, phase?.deliverables ?? []).filter((d) => d.state !== 'not_required');

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));

  return (
    <Fieldset aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{t('gate.reopen.legend')}</Fieldset.Legend>
      <Fieldset.Description>{t('gate.reopen.hint')}</Fieldset.Description>
      <Controller
        control={f.control}
        name="reopen.deliverableIds"
        render={({ field }) => (
          <Fieldset>
            <Fieldset.Legend>{t('gate.reopen.deliverables')}</Fieldset.Legend>
            {deliverables.map((d) => (
              <Checkbox
                key={d.id}
                label={catalogue.deliverableTitle(d)}
                value={d.id}
                checked={field.value.includes(d.id)}
                onChange={(e) => field.onChange(toggle(field.value, d.id, e.target.checked))}
              />
            ))}
          </Fieldset>
        )}
      />
      {next && (
        <Controller
          control={f.control}
          name="reopen.planSections"
          render={({ field }) => (
            <Fieldset>
              <Fieldset.Legend>{t('gate.reopen.planSections', { phase: catalogue.phaseTitle(next) })}</Fieldset.Legend>
              {plan.data ? (
                plan.data.sections.map((s) => (
                  <Checkbox
                    key={s.key}
                    label={tt(s.title)}
                    value={s.key}
                    checked={field.value.includes(s.key)}
                    onChange={(e) => field.onChange(toggle(field.value, s.key, e.target.checked))}
                  />
                ))
              ) : (
                <Paragraph className="muted">{plan.isError ? t('gate.reopen.planUnavailable') : t('common.loading')}</Paragraph>
              )}
            </Fieldset>
          )}
        />
      )}
      {next && <Checkbox label={t('gate.reopen.budget', { phase: catalogue.phaseTitle(next) })} {...f.register('reopen.budget')} />}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
