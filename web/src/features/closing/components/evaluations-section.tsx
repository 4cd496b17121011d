import { useEffect, useId } from 'react';
import { Button, Fieldset, Heading, Paragraph, Radio, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { SUCCESS_FACTORS, type EvaluationPerspective, type SuccessFactor } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useFormat } from '../../../lib/format';
import { applyServerErrors, useApiForm } from '../../../lib/use-api-form';
import { useSaveEvaluation } from '../api/save-evaluation';
import type { Closing, Evaluation } from '../api/types';
import { useClosingText } from './closing-text';
import { TableScroll } from '../../../components/table-scroll';

/** The evaluations of the ten success factors, the leader's and the owner's side by side, and the forms to write one's own. */
export function EvaluationsSection({ closing, onSaved }: { closing: Closing; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const text = useClosingText();
  const { leader, owner } = closing.evaluations;
  const cell = (e: Evaluation | null, factor: SuccessFactor) => {
    const s = e?.scores.find((x) => x.factor === factor);
    return (
      <span className="cell-stack">
        <span>
          {s?.score ? t('closing.evaluation.score', { score: s.score }) : <span className="muted">{t('closing.evaluation.noScore')}</span>}
        </span>
        {s?.comment ? <span className="cell-note">{s.comment}</span> : null}
      </span>
    );
  };

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('closing.evaluation.heading')}
      </Heading>
      <Paragraph>{t('closing.evaluation.intro')}</Paragraph>
      <TableScroll>
        <Table zebra border>
          <caption>{t('closing.evaluation.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('closing.evaluation.factor')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('closing.evaluation.leader')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('closing.evaluation.owner')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {closing.comparison.map((row) => (
              <Table.Row key={row.factor}>
                <Table.HeaderCell scope="row">
                  <span className="cell-stack">
                    <span>{text.factorTitle(row.factor)}</span>
                    {row.gap && (
                      <Tag data-color="warning" data-size="sm">
                        {t('closing.evaluation.gap')}
                      </Tag>
                    )}
                  </span>
                </Table.HeaderCell>
                <Table.Cell>{cell(leader, row.factor)}</Table.Cell>
                <Table.Cell>{cell(owner, row.factor)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {[leader, owner].map(
        (e) =>
          e?.summary.trim() && (
            <div key={e.perspective}>
              <Heading level={3} data-size="xs">
                {t(`closing.evaluation.summaryOf.${e.perspective}`)}
              </Heading>
              <Paragraph className="prewrap">{e.summary}</Paragraph>
            </div>
          ),
      )}
      {closing.permissions.evaluateAsLeader && <EvaluationForm closing={closing} perspective="leader" onSaved={onSaved} />}
      {closing.permissions.evaluateAsOwner && <EvaluationForm closing={closing} perspective="owner" onSaved={onSaved} />}
    </section>
  );
}

interface EvaluationValues {
  scores: Record<SuccessFactor, { score: string; comment: string }>;
  summary: string;
}

function valuesOf(e: Evaluation | null): EvaluationValues {
  return {
    scores: Object.fromEntries(
      SUCCESS_FACTORS.map((factor) => {
        const s = e?.scores.find((x) => x.factor === factor);
        return [factor, { score: s?.score ? String(s.score) : '', comment: s?.comment ?? '' }];
      }),
    ) as EvaluationValues['scores'],
    summary: e?.summary ?? '',
  };
}

/** One's own evaluation: each factor scored 1–5 (or not yet) with a comment, and an overall comment. */
function EvaluationForm({
  closing,
  perspective,
  onSaved,
}: {
  closing: Closing;
  perspective: EvaluationPerspective;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useClosingText();
  const headingId = useId();
  const evaluation = closing.evaluations[perspective];
  const save = useSaveEvaluation(closing.projectId, perspective);
  const form = useApiForm<EvaluationValues>({ defaultValues: valuesOf(evaluation) });
  const { register, reset, formState } = form;
  const { isSubmitting, isDirty, errors } = formState;

  useEffect(() => {
    if (!isDirty) reset(valuesOf(evaluation));
  }, [evaluation, isDirty, reset]);

  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync({
        scores: SUCCESS_FACTORS.map((factor) => ({
          factor,
          score: values.scores[factor].score ? Number(values.scores[factor].score) : null,
          comment: values.scores[factor].comment.trim(),
        })),
        summary: values.summary.trim(),
        version: evaluation?.version ?? 0,
      });
      reset(values);
      onSaved(t(`closing.evaluation.saved.${perspective}`));
    } catch (error) {
      applyServerErrors(error, form.setError, { t, fields: ['summary'] });
    }
  });

  return (
    <section aria-labelledby={headingId} className="section panel">
      <Heading level={3} data-size="sm" id={headingId}>
        {t(`closing.evaluation.formHeading.${perspective}`)}
      </Heading>
      <Paragraph data-size="sm">{t('closing.evaluation.formIntro')}</Paragraph>
      {evaluation && (
        <Paragraph data-size="sm" className="muted">
          {t('closing.evaluation.lastSaved', { date: format.dateTime(evaluation.updatedAt), name: evaluation.updatedBy?.name ?? '–' })}
        </Paragraph>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {SUCCESS_FACTORS.map((factor) => (
          <Fieldset key={factor} className="closing-factor">
            <Fieldset.Legend>{text.factorTitle(factor)}</Fieldset.Legend>
            <Fieldset.Description>{text.factorQuestion(factor)}</Fieldset.Description>
            <div className="closing-scale">
              {(['1', '2', '3', '4', '5'] as const).map((score) => (
                <Radio key={score} value={score} label={t(`closing.evaluation.scale.${score}`)} {...register(`scores.${factor}.score`)} />
              ))}
              <Radio value="" label={t('closing.evaluation.scale.none')} {...register(`scores.${factor}.score`)} />
            </div>
            <Textfield
              multiline
              rows={2}
              label={t('closing.evaluation.comment')}
              maxLength={2000}
              {...register(`scores.${factor}.comment`, { maxLength: { value: 2000, message: t('closing.evaluation.commentTooLong') } })}
              error={errors.scores?.[factor]?.comment?.message}
            />
          </Fieldset>
        ))}
        <Textfield
          multiline
          rows={4}
          label={t('closing.evaluation.summary')}
          description={t('closing.evaluation.summaryHint')}
          maxLength={4000}
          {...register('summary')}
          error={errors.summary?.message}
        />
        <FormError message={form.formError} />
        <div className="form__actions">
          <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
            {t(`closing.evaluation.save.${perspective}`)}
          </Button>
        </div>
      </form>
    </section>
  );
}
