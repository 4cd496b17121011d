import { Button, Input, Select, Table } from '@digdir/designsystemet-react';
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { COST_CATEGORIES, FINANCING_SOURCES, FINANCING_STATUSES } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { BudgetLineInput, BudgetTotals } from '../../../api/plan-types';
import { formatKroner } from '../../../lib/money';
import { cellId, type DraftLine, type Kind, type LineProblem } from './budget-lines';

/**
 * One table of the budget: the cost lines or the financing lines, read-only or with an input per cell
 * (each named by column and line), a remove button per line, the sum, and "add a line".
 */
export function BudgetLineTable({
  kind,
  lines,
  parsed,
  totals,
  editable,
  problemFor,
  onUpdate,
  onAdd,
  onRemove,
}: {
  kind: Kind;
  lines: DraftLine[];
  parsed: { line: DraftLine; input: BudgetLineInput }[];
  totals: Pick<BudgetTotals, 'costs' | 'financing'>;
  editable: boolean;
  problemFor: (line: DraftLine, column: LineProblem['column']) => LineProblem | undefined;
  onUpdate: (uid: string, patch: Partial<DraftLine>) => void;
  onAdd: (kind: Kind) => void;
  onRemove: (line: DraftLine) => void;
}) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  const ofKind = lines.filter((l) => l.kind === kind);
  const sum = kind === 'cost' ? totals.costs : totals.financing;
  const lineName = (n: number) => t(kind === 'cost' ? 'plans.budget.costLine' : 'plans.budget.financingLine', { n });
  return (
    <div key={kind} className="section">
      <div className="table-scroll">
        <Table border data-size="sm" className="plan-table budget-table">
          <caption>{t(kind === 'cost' ? 'plans.budget.costs' : 'plans.budget.financing')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t(kind === 'cost' ? 'plans.budget.category' : 'plans.budget.source')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('plans.budget.year')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('plans.budget.description')}</Table.HeaderCell>
              {kind === 'financing' && <Table.HeaderCell scope="col">{t('plans.budget.status')}</Table.HeaderCell>}
              <Table.HeaderCell scope="col">{t('plans.budget.ownWork')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('plans.budget.amount')}
              </Table.HeaderCell>
              {editable && (
                <Table.HeaderCell scope="col">
                  <span className="visually-hidden">{t('plans.budget.actions')}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {ofKind.length === 0 && (
              <Table.Row>
                <Table.Cell colSpan={editable ? (kind === 'cost' ? 6 : 7) : kind === 'cost' ? 5 : 6}>
                  <span className="muted">{t('plans.budget.noLines')}</span>
                </Table.Cell>
              </Table.Row>
            )}
            {ofKind.map((line, i) => {
              const name = lineName(i + 1);
              const p = parsed.find((x) => x.line.uid === line.uid);
              const amount = p?.input.amount ?? 0;
              const categories = kind === 'cost' ? COST_CATEGORIES : FINANCING_SOURCES;
              const categoryLabel = t(`plans.budget.categories.${line.category}`);
              if (!editable) {
                return (
                  <Table.Row key={line.uid}>
                    <Table.Cell>{categoryLabel}</Table.Cell>
                    <Table.Cell>{line.year}</Table.Cell>
                    <Table.Cell>{line.description}</Table.Cell>
                    {kind === 'financing' && <Table.Cell>{line.status ? t(`plans.budget.statuses.${line.status}`) : ''}</Table.Cell>}
                    <Table.Cell>
                      {line.category === 'own_work' && p?.input.hours != null && p.input.rate != null
                        ? t('plans.budget.hoursTimesRate', { hours: line.hours, rate: kr(p.input.rate) })
                        : ''}
                    </Table.Cell>
                    <Table.Cell className="numeric">{kr(amount)}</Table.Cell>
                  </Table.Row>
                );
              }
              const yearProblem = problemFor(line, 'year');
              const amountProblem = problemFor(line, 'amount');
              const hoursProblem = problemFor(line, 'hours');
              const rateProblem = problemFor(line, 'rate');
              return (
                <Table.Row key={line.uid}>
                  <Table.Cell className="budget-table__category">
                    <Select
                      id={cellId(line.uid, 'category')}
                      aria-label={t('plans.budget.cellLabel', {
                        column: t(kind === 'cost' ? 'plans.budget.category' : 'plans.budget.source'),
                        line: name,
                      })}
                      value={line.category}
                      onChange={(e) => onUpdate(line.uid, { category: e.target.value as DraftLine['category'] })}
                    >
                      {categories.map((c) => (
                        <Select.Option key={c} value={c}>
                          {t(`plans.budget.categories.${c}`)}
                        </Select.Option>
                      ))}
                    </Select>
                  </Table.Cell>
                  <Table.Cell>
                    <Input
                      id={cellId(line.uid, 'year')}
                      inputMode="numeric"
                      size={5}
                      aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.year'), line: name })}
                      aria-invalid={yearProblem ? true : undefined}
                      value={line.year}
                      onChange={(e) => onUpdate(line.uid, { year: e.target.value })}
                    />
                  </Table.Cell>
                  <Table.Cell className="budget-table__description">
                    <Input
                      aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.description'), line: name })}
                      value={line.description}
                      onChange={(e) => onUpdate(line.uid, { description: e.target.value })}
                    />
                  </Table.Cell>
                  {kind === 'financing' && (
                    <Table.Cell className="budget-table__status">
                      <Select
                        aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.status'), line: name })}
                        value={line.status}
                        onChange={(e) => onUpdate(line.uid, { status: e.target.value as DraftLine['status'] })}
                      >
                        <Select.Option value="">{t('plans.budget.statusNone')}</Select.Option>
                        {FINANCING_STATUSES.map((s) => (
                          <Select.Option key={s} value={s}>
                            {t(`plans.budget.statuses.${s}`)}
                          </Select.Option>
                        ))}
                      </Select>
                    </Table.Cell>
                  )}
                  <Table.Cell>
                    {line.category === 'own_work' ? (
                      <div className="budget-own-work">
                        <Input
                          id={cellId(line.uid, 'hours')}
                          inputMode="decimal"
                          size={6}
                          aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.hours'), line: name })}
                          aria-invalid={hoursProblem ? true : undefined}
                          value={line.hours}
                          onChange={(e) => onUpdate(line.uid, { hours: e.target.value })}
                        />
                        <span aria-hidden="true">×</span>
                        <Input
                          id={cellId(line.uid, 'rate')}
                          inputMode="numeric"
                          size={6}
                          aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.rate'), line: name })}
                          aria-invalid={rateProblem ? true : undefined}
                          value={line.rate}
                          onChange={(e) => onUpdate(line.uid, { rate: e.target.value })}
                        />
                      </div>
                    ) : (
                      <span className="muted">
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t('plans.budget.notOwnWork')}</span>
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell className="numeric">
                    {line.category === 'own_work' ? (
                      <output aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.amount'), line: name })}>
                        {kr(amount)}
                      </output>
                    ) : (
                      <Input
                        id={cellId(line.uid, 'amount')}
                        inputMode="numeric"
                        size={11}
                        className="numeric"
                        aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.amountKr'), line: name })}
                        aria-invalid={amountProblem ? true : undefined}
                        value={line.amount}
                        onChange={(e) => onUpdate(line.uid, { amount: e.target.value })}
                      />
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('plans.budget.removeLine', { line: name })}
                      onClick={() => onRemove(line)}
                    >
                      <TrashIcon aria-hidden="true" />
                    </Button>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
          <Table.Foot>
            <Table.Row>
              <Table.HeaderCell scope="row" colSpan={kind === 'cost' ? 4 : 5}>
                {t(kind === 'cost' ? 'plans.budget.sumCosts' : 'plans.budget.sumFinancing')}
              </Table.HeaderCell>
              <Table.Cell className="numeric">{kr(sum)}</Table.Cell>
              {editable && <Table.Cell />}
            </Table.Row>
          </Table.Foot>
        </Table>
      </div>
      {editable && (
        <div>
          <Button id={`budget-add-${kind}`} type="button" variant="secondary" data-size="sm" onClick={() => onAdd(kind)}>
            <PlusIcon aria-hidden="true" />
            {t(kind === 'cost' ? 'plans.budget.addCost' : 'plans.budget.addFinancing')}
          </Button>
        </div>
      )}
    </div>
  );
}
