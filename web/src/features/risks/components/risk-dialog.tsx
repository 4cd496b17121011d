import { useEffect, useMemo } from 'react';
import { Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import {
  quarterOf,
  RISK_SCALE,
  RISK_STATUSES,
  RISK_STRATEGIES,
  riskAssessmentProblems,
  shiftQuarter,
  todayInOslo,
  type RiskAssessmentProblem,
  type RiskStatus,
  type RiskStrategy,
} from '@nvr/shared';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { useRiskOwners } from '../api/get-risk-owners';
import { useCreateRisk, useUpdateRisk } from '../api/save-risk';
import type { CreateRiskBody, Risk } from '../api/types';
import { useRiskText } from './risk-text';

/** The form's values: the selects hold text ('' for none), turned into numbers and nulls on submit. */
interface RiskFormValues {
  description: string;
  cause: string;
  consequence: string;
  probabilityBefore: string;
  consequenceBefore: string;
  measures: string;
  probabilityAfter: string;
  consequenceAfter: string;
  strategy: RiskStrategy | '';
  ownerId: string;
  proximity: string;
  status: RiskStatus;
}

const text = (n: number | null | undefined) => (n == null ? '' : String(n));
const score = (v: string) => (v === '' ? null : Number(v));

function valuesOf(r: Risk | null): RiskFormValues {
  return {
    description: r?.description ?? '',
    cause: r?.cause ?? '',
    consequence: r?.consequence ?? '',
    probabilityBefore: text(r?.probabilityBefore),
    consequenceBefore: text(r?.consequenceBefore),
    measures: r?.measures ?? '',
    probabilityAfter: text(r?.probabilityAfter),
    consequenceAfter: text(r?.consequenceAfter),
    strategy: r?.strategy ?? '',
    ownerId: r?.owner?.id ?? '',
    proximity: r?.proximity ?? '',
    status: r?.status ?? 'open',
  };
}

/** The shared rule of an assessment, on the form's values (a score not chosen yet counts as none). */
function problemsOf(values: RiskFormValues) {
  return riskAssessmentProblems({
    probabilityBefore: Number(values.probabilityBefore || 5),
    consequenceBefore: Number(values.consequenceBefore || 5),
    probabilityAfter: score(values.probabilityAfter),
    consequenceAfter: score(values.consequenceAfter),
    measures: values.measures,
  });
}

const ASSESSED: readonly FieldPath<RiskFormValues>[] = ['probabilityAfter', 'consequenceAfter', 'measures'];

/**
 * Adds a risk or changes one: what may happen, its cause and consequence, probability and consequence
 * before and after measures, the measures, strategy, owner, the quarter it may occur in, and (on change)
 * its status. The same rules as the server's are checked before sending (shared riskAssessmentProblems).
 */
export function RiskDialog({
  projectId,
  open,
  onClose,
  risk,
  onSaved,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
  risk: Risk | null;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const words = useRiskText();
  const owners = useRiskOwners(projectId, { enabled: open });
  const create = useCreateRisk(projectId);
  const update = useUpdateRisk(projectId);
  const form = useApiForm<RiskFormValues>({ defaultValues: valuesOf(risk), codeFields: { RISK_OWNER_NOT_ELIGIBLE: 'ownerId' } });
  const { register, reset, formState } = form;
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    if (open) reset(valuesOf(risk));
  }, [open, risk, reset]);

  // Quarters from half a year back to three years ahead, and the risk's own if it lies outside.
  const quarters = useMemo(() => {
    const now = quarterOf(todayInOslo());
    const list = Array.from({ length: 14 }, (_, i) => shiftQuarter(now, i - 2));
    if (risk?.proximity && !list.includes(risk.proximity)) list.push(risk.proximity);
    return list.sort();
  }, [risk]);

  const problemMessage = (p: RiskAssessmentProblem) => t(`risks.problems.${p}`);
  const assessed = (field: 'probabilityAfter' | 'consequenceAfter' | 'measures') => ({
    validate: (_: string, values: RiskFormValues) => {
      const problem = problemsOf(values).find((p) => p.field === field);
      return problem ? problemMessage(problem.problem) : true;
    },
    deps: ASSESSED.filter((f) => f !== field),
  });
  const required = (message: string) => ({ validate: (v: string) => v.trim() !== '' || message });

  const submit = form.handleSubmit(async (values) => {
    const body: CreateRiskBody = {
      description: values.description.trim(),
      cause: values.cause.trim(),
      consequence: values.consequence.trim(),
      probabilityBefore: Number(values.probabilityBefore),
      consequenceBefore: Number(values.consequenceBefore),
      probabilityAfter: score(values.probabilityAfter),
      consequenceAfter: score(values.consequenceAfter),
      measures: values.measures.trim(),
      strategy: values.strategy as RiskStrategy,
      ownerId: values.ownerId,
      proximity: values.proximity || null,
      status: values.status,
    };
    try {
      if (risk) {
        const saved = await update.mutateAsync({ id: risk.id, body: { ...body, version: risk.version } });
        onSaved(t('risks.saved', { n: saved.number }));
      } else {
        const saved = await create.mutateAsync(body);
        onSaved(t('risks.created', { n: saved.number }));
      }
      onClose();
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  const scaleSelect = (
    name: 'probabilityBefore' | 'consequenceBefore' | 'probabilityAfter' | 'consequenceAfter',
    label: string,
    scale: 'probabilityScale' | 'consequenceScale',
    after: boolean,
  ) => (
    <Field>
      <Label>{label}</Label>
      <Select
        {...register(name, after ? assessed(name as 'probabilityAfter' | 'consequenceAfter') : required(t('risks.fields.scoreRequired')))}
        aria-invalid={errors[name] ? true : undefined}
      >
        <Select.Option value="">{after ? t('risks.fields.notAssessed') : t('risks.fields.choose')}</Select.Option>
        {RISK_SCALE.map((n) => (
          <Select.Option key={n} value={String(n)}>
            {t(`risks.${scale}.${n}`)}
          </Select.Option>
        ))}
      </Select>
      {errors[name]?.message && <ValidationMessage>{errors[name]?.message}</ValidationMessage>}
    </Field>
  );

  // An owner who has since left the project stays listed while it is the risk's owner.
  const ownerOptions = [
    ...(owners.data ?? []),
    ...(risk?.owner && !(owners.data ?? []).some((o) => o.id === risk.owner?.id) ? [risk.owner] : []),
  ];

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={risk ? t('risks.editTitle', { n: risk.number }) : t('risks.addTitle')}
      onSubmit={(e) => void submit(e)}
      pending={isSubmitting}
      formError={form.formError}
      formErrorCode={form.formErrorCode}
    >
      <Textfield
        multiline
        rows={2}
        label={t('risks.fields.description')}
        description={t('risks.fields.descriptionHint')}
        required
        maxLength={2000}
        {...register('description', required(t('risks.fields.descriptionRequired')))}
        error={errors.description?.message}
      />
      <Textfield
        multiline
        rows={2}
        label={t('risks.fields.cause')}
        description={t('risks.fields.causeHint')}
        maxLength={4000}
        {...register('cause')}
        error={errors.cause?.message}
      />
      <Textfield
        multiline
        rows={2}
        label={t('risks.fields.consequence')}
        description={t('risks.fields.consequenceHint')}
        maxLength={4000}
        {...register('consequence')}
        error={errors.consequence?.message}
      />
      <Fieldset>
        <Fieldset.Legend>{t('risks.fields.before')}</Fieldset.Legend>
        <div className="risk-form__pair">
          {scaleSelect('probabilityBefore', t('risks.fields.probability'), 'probabilityScale', false)}
          {scaleSelect('consequenceBefore', t('risks.fields.consequenceScore'), 'consequenceScale', false)}
        </div>
      </Fieldset>
      <Textfield
        multiline
        rows={3}
        label={t('risks.fields.measures')}
        description={t('risks.fields.measuresHint')}
        maxLength={4000}
        {...register('measures', assessed('measures'))}
        error={errors.measures?.message}
      />
      <Fieldset>
        <Fieldset.Legend>{t('risks.fields.after')}</Fieldset.Legend>
        <Fieldset.Description>{t('risks.fields.afterHint')}</Fieldset.Description>
        <div className="risk-form__pair">
          {scaleSelect('probabilityAfter', t('risks.fields.probability'), 'probabilityScale', true)}
          {scaleSelect('consequenceAfter', t('risks.fields.consequenceScore'), 'consequenceScale', true)}
        </div>
      </Fieldset>
      <Field>
        <Label>{t('risks.fields.strategy')}</Label>
        <Select {...register('strategy', required(t('risks.fields.strategyRequired')))} aria-invalid={errors.strategy ? true : undefined}>
          <Select.Option value="">{t('risks.fields.choose')}</Select.Option>
          {RISK_STRATEGIES.map((s) => (
            <Select.Option key={s} value={s}>
              {`${t(`risks.strategies.${s}`)} – ${t(`risks.strategyHints.${s}`)}`}
            </Select.Option>
          ))}
        </Select>
        {errors.strategy?.message && <ValidationMessage>{errors.strategy.message}</ValidationMessage>}
      </Field>
      <Field>
        <Label>{t('risks.fields.owner')}</Label>
        <Field.Description>{t('risks.fields.ownerHint')}</Field.Description>
        <Select {...register('ownerId', required(t('risks.fields.ownerRequired')))} aria-invalid={errors.ownerId ? true : undefined}>
          <Select.Option value="">{t('risks.fields.choose')}</Select.Option>
          {ownerOptions.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.name}
            </Select.Option>
          ))}
        </Select>
        {errors.ownerId?.message && <ValidationMessage>{errors.ownerId.message}</ValidationMessage>}
      </Field>
      <Field>
        <Label>{t('risks.fields.proximity')}</Label>
        <Field.Description>{t('risks.fields.proximityHint')}</Field.Description>
        <Select {...register('proximity')}>
          <Select.Option value="">{t('risks.noProximity')}</Select.Option>
          {quarters.map((q) => (
            <Select.Option key={q} value={q}>
              {words.quarter(q)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {risk && (
        <Field>
          <Label>{t('risks.fields.status')}</Label>
          <Select {...register('status')}>
            {RISK_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`risks.statuses.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}
