import { Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { NEED_CATEGORIES, type NeedCategory } from '@nvr/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { useEvidenceSources } from '../api/get-evidence-sources';
import { useCreateRecommendation, useUpdateRecommendation } from '../api/save-recommendation';
import type { EvidenceRef, Recommendation, RecommendationBody } from '../api/types';

interface RecommendationFormValues {
  title: string;
  reasoning: string;
  evidence: string;
  /** "survey:<id>" or "conversation:<id>" */
  sources: string[];
  modelsCompared: string;
  needs: NeedCategory[];
}

const sourceKey = (r: EvidenceRef) => (r.kind === 'survey' ? `survey:${r.surveyId}` : `conversation:${r.conversationId}`);

function valuesOf(r: Recommendation | null): RecommendationFormValues {
  return {
    title: r?.title ?? '',
    reasoning: r?.reasoning ?? '',
    evidence: r?.evidence ?? '',
    sources: r ? r.evidenceRefs.map(sourceKey) : [],
    modelsCompared: r?.modelsCompared ?? '',
    needs: r ? [...r.needs] : [],
  };
}

/** The references to keep: the ones ticked, with a question a survey reference already named kept as it was. */
function refsOf(sources: string[], before: Recommendation | null): EvidenceRef[] {
  return sources.map((key): EvidenceRef => {
    const kept = before?.evidenceRefs.find((r) => sourceKey(r) === key);
    if (kept)
      return kept.kind === 'survey'
        ? { kind: 'survey', surveyId: kept.surveyId, ...(kept.questionKey ? { questionKey: kept.questionKey } : {}) }
        : { kind: 'conversation', conversationId: kept.conversationId };
    const [kind, id] = key.split(':');
    return kind === 'survey' ? { kind: 'survey', surveyId: id } : { kind: 'conversation', conversationId: id };
  });
}

/** Writes a new recommendation (anbefaling) or edits a proposed one: reasoning, evidence and its sources, models compared, needs. */
export function RecommendationDialog({
  projectId,
  open,
  onClose,
  recommendation,
  onSaved,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
  recommendation: Recommendation | null;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const sources = useEvidenceSources(projectId, { enabled: open });
  const create = useCreateRecommendation(projectId);
  const update = useUpdateRecommendation(projectId);
  const form = useApiForm<RecommendationFormValues>({ defaultValues: valuesOf(recommendation) });
  const { register, reset, formState } = form;
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    if (open) reset(valuesOf(recommendation));
  }, [open, recommendation, reset]);

  const submit = form.handleSubmit(async (values) => {
    const body: RecommendationBody & { title: string } = {
      title: values.title.trim(),
      reasoning: values.reasoning.trim(),
      evidence: values.evidence.trim(),
      evidenceRefs: refsOf(values.sources, recommendation),
      modelsCompared: values.modelsCompared.trim(),
      needs: values.needs,
    };
    try {
      if (recommendation) {
        await update.mutateAsync({ id: recommendation.id, body: { ...body, version: recommendation.version } });
        onSaved(t('recommendations.saved'));
      } else {
        await create.mutateAsync(body);
        onSaved(t('recommendations.created'));
      }
      onClose();
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  // A source that was referred to but has since been deleted stays listed, so it can be unticked.
  const listed = [
    ...(sources.data ?? []).map((s) => ({ key: `${s.kind}:${s.id}`, kind: s.kind, title: s.title })),
    ...(recommendation?.evidenceRefs ?? [])
      .filter((r) => !(sources.data ?? []).some((s) => `${s.kind}:${s.id}` === sourceKey(r)))
      .map((r) => ({ key: sourceKey(r), kind: r.kind, title: r.label ?? t('recommendations.evidenceDeleted') })),
  ];

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={recommendation ? t('recommendations.editTitle') : t('recommendations.addTitle')}
      onSubmit={(e) => void submit(e)}
      pending={isSubmitting}
      formError={form.formError}
      formErrorCode={form.formErrorCode}
    >
      <Textfield
        multiline
        rows={2}
        label={t('recommendations.fields.title')}
        description={t('recommendations.fields.titleHint')}
        required
        maxLength={1000}
        {...register('title', { validate: (v) => v.trim() !== '' || t('recommendations.fields.titleRequired') })}
        error={errors.title?.message}
      />
      <Textfield
        multiline
        rows={4}
        label={t('recommendations.fields.reasoning')}
        description={t('recommendations.fields.reasoningHint')}
        maxLength={20000}
        {...register('reasoning')}
        error={errors.reasoning?.message}
      />
      <Textfield
        multiline
        rows={3}
        label={t('recommendations.fields.evidence')}
        description={t('recommendations.fields.evidenceHint')}
        maxLength={20000}
        {...register('evidence')}
        error={errors.evidence?.message}
      />
      <Fieldset>
        <Fieldset.Legend>{t('recommendations.fields.evidenceRefs')}</Fieldset.Legend>
        <Fieldset.Description>{t('recommendations.fields.evidenceRefsHint')}</Fieldset.Description>
        {listed.length === 0 && !sources.isPending && <Paragraph data-size="sm">{t('recommendations.fields.noSources')}</Paragraph>}
        {listed.map((s) => (
          <Checkbox
            key={s.key}
            value={s.key}
            label={
              s.kind === 'survey'
                ? t('recommendations.evidenceSurvey', { title: s.title })
                : t('recommendations.evidenceConversation', { title: s.title })
            }
            {...register('sources')}
          />
        ))}
      </Fieldset>
      <Textfield
        multiline
        rows={3}
        label={t('recommendations.fields.modelsCompared')}
        description={t('recommendations.fields.modelsComparedHint')}
        maxLength={20000}
        {...register('modelsCompared')}
        error={errors.modelsCompared?.message}
      />
      <Fieldset>
        <Fieldset.Legend>{t('recommendations.fields.needs')}</Fieldset.Legend>
        {NEED_CATEGORIES.map((n) => (
          <Checkbox key={n} value={n} label={t(`needs.categories.${n}`)} {...register('needs')} />
        ))}
      </Fieldset>
    </FormDialog>
  );
}
