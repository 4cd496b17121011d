import { useId } from 'react';
import { Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { PhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanComparison } from '../../../api/plan-types';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useFormat } from '../../../lib/format';
import { formatKroner } from '../../../lib/money';
import { usePlanComparison, type PlanSide } from '../api/compare-plan-versions';
import { FieldValueView } from './plan-fields';
import './plans.css';
import { TableScroll } from '../../../components/table-scroll';
import { useTemplateText } from '../../../lib/template-text';

/**
 * What changed between two versions of a plan (or a version and the plan as it is now): each changed
 * field with its value before and after, and the budget's totals before and after.
 */
export function PlanCompare({
  projectId,
  phaseKey,
  plan,
  from,
  to,
  onChange,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  plan: Plan;
  from: PlanSide;
  to: PlanSide;
  onChange: (from: PlanSide, to: PlanSide) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const same = from === to;
  const comparison = usePlanComparison(projectId, phaseKey, from, to, { enabled: !same && plan.snapshots.length > 0 });
  const sideName = (side: PlanSide) => (side === 'current' ? t('plans.compare.current') : t('plans.versions.name', { number: side }));
  const options = [
    { value: 'current', label: t('plans.compare.current') },
    ...plan.snapshots.map((s) => ({
      value: String(s.number),
      label: [
        t('plans.versions.name', { number: s.number }),
        s.reason === 'approved' ? t('plans.versions.approved') : null,
        s.label,
        format.dateTime(s.createdAt),
      ]
        .filter(Boolean)
        .join(' – '),
    })),
  ];
  const parse = (value: string): PlanSide => (value === 'current' ? 'current' : Number(value));

  if (plan.snapshots.length === 0) {
    return <Paragraph>{t('plans.compare.noVersions')}</Paragraph>;
  }

  return (
    <>
      <div className="form__row">
        <Field>
          <Label>{t('plans.compare.from')}</Label>
          <Select value={String(from)} onChange={(e) => onChange(parse(e.target.value), to)}>
            {options.map((o) => (
              <Select.Option key={o.value} value={o.value}>
                {o.label}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('plans.compare.to')}</Label>
          <Select value={String(to)} onChange={(e) => onChange(from, parse(e.target.value))}>
            {options.map((o) => (
              <Select.Option key={o.value} value={o.value}>
                {o.label}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div aria-live="polite" aria-busy={comparison.isFetching}>
        {same ? (
          <Paragraph>{t('plans.compare.same')}</Paragraph>
        ) : comparison.isPending ? (
          <Loading label={t('plans.compare.loading')} />
        ) : comparison.isError ? (
          <ErrorAlert error={comparison.error} title={t('plans.compare.loadError')} />
        ) : (
          <ComparisonResult comparison={comparison.data} fromName={sideName(from)} toName={sideName(to)} />
        )}
      </div>
    </>
  );
}

function ComparisonResult({ comparison, fromName, toName }: { comparison: PlanComparison; fromName: string; toName: string }) {
  const { t, i18n } = useTranslation();
  const { tt } = useTemplateText();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  const headingId = useId();
  const budgetId = useId();
  const { budgetBefore: before, budgetAfter: after } = comparison;
  const budgetChanged = before.costs !== after.costs || before.financing !== after.financing;
  return (
    <div className="section">
      <section aria-labelledby={headingId} className="section">
        <Heading level={2} data-size="md" id={headingId}>
          {t('plans.compare.changesHeading', { count: comparison.changes.length })}
        </Heading>
        <Paragraph>{t('plans.compare.summary', { from: fromName, to: toName, count: comparison.changes.length })}</Paragraph>
        {comparison.changes.map((change) => (
          <article key={`${change.section}.${change.field}`} className="plan-compare__change">
            <Heading level={3} data-size="xs">
              {t('plans.compare.changeTitle', { section: tt(change.sectionTitle), field: tt(change.label) })}
            </Heading>
            <div className="plan-compare__sides">
              <div className="plan-compare__side plan-compare__side--before">
                <Heading level={4} data-size="2xs">
                  {t('plans.compare.before', { name: fromName })}
                </Heading>
                <FieldValueView value={change.before} />
              </div>
              <div className="plan-compare__side plan-compare__side--after">
                <Heading level={4} data-size="2xs">
                  {t('plans.compare.after', { name: toName })}
                </Heading>
                <FieldValueView value={change.after} />
              </div>
            </div>
          </article>
        ))}
      </section>
      <section aria-labelledby={budgetId} className="section">
        <Heading level={2} data-size="md" id={budgetId}>
          {t('plans.compare.budgetHeading')}
        </Heading>
        <Paragraph>{budgetChanged ? t('plans.compare.budgetChanged') : t('plans.compare.budgetSame')}</Paragraph>
        <TableScroll>
          <Table border zebra data-size="sm" className="plan-table--narrow">
            <caption>{t('plans.compare.budgetCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">
                  <span className="visually-hidden">{t('plans.compare.budgetItem')}</span>
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {fromName}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {toName}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {(
                [
                  ['costs', before.costs, after.costs],
                  ['financing', before.financing, after.financing],
                  ['difference', before.difference, after.difference],
                ] as const
              ).map(([key, a, b]) => (
                <Table.Row key={key}>
                  <Table.HeaderCell scope="row">{t(`plans.budget.${key}`)}</Table.HeaderCell>
                  <Table.Cell className="numeric">{kr(a)}</Table.Cell>
                  <Table.Cell className="numeric">{kr(b)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('plans.compare.balanced')}</Table.HeaderCell>
                <Table.Cell className="numeric">{before.balanced ? t('plans.compare.yes') : t('plans.compare.no')}</Table.Cell>
                <Table.Cell className="numeric">{after.balanced ? t('plans.compare.yes') : t('plans.compare.no')}</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </TableScroll>
      </section>
    </div>
  );
}
