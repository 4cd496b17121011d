import { Button, Table } from '@digdir/designsystemet-react';
import { PlusIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import type { BudgetTotals } from '../../../api/plan-types';
import { formatKroner } from '../../../lib/money';
import { BudgetLineRow, BudgetLineView, type BudgetRowForm } from './budget-line-row';
import type { DraftLine, Kind } from './budget-lines';
import { TableScroll } from '../../../components/table-scroll';

/** A line of the budget form with the key of its row and its place among all lines. */
export interface BudgetRow {
  key: string;
  index: number;
  line: DraftLine;
}

/**
 * One table of the budget: the cost lines or the financing lines, read-only or with an input per cell
 * (each named by column and line), a remove button per line, the sum, and "add a line".
 */
export function BudgetLineTable({
  kind,
  rows,
  totals,
  form,
  onAdd,
  onRemove,
}: {
  kind: Kind;
  /** Every line of the budget (the table shows those of its kind). */
  rows: BudgetRow[];
  totals: Pick<BudgetTotals, 'costs' | 'financing'>;
  /** The budget form, when the budget can be edited. */
  form: BudgetRowForm | null;
  onAdd: (kind: Kind) => void;
  onRemove: (row: BudgetRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  const editable = form !== null;
  const ofKind = rows.filter((r) => r.line.kind === kind);
  const sum = kind === 'cost' ? totals.costs : totals.financing;
  const lineName = (n: number) => t(kind === 'cost' ? 'plans.budget.costLine' : 'plans.budget.financingLine', { n });
  return (
    <div className="section">
      <TableScroll>
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
            {ofKind.map((row, i) =>
              form ? (
                <BudgetLineRow
                  key={row.key}
                  line={row.line}
                  index={row.index}
                  name={lineName(i + 1)}
                  form={form}
                  onRemove={() => onRemove(row)}
                />
              ) : (
                <BudgetLineView key={row.key} line={row.line} />
              ),
            )}
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
      </TableScroll>
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
