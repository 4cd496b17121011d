import { Button, Input, Select, Table } from '@digdir/designsystemet-react';
import { TrashIcon } from '@navikt/aksel-icons';
import { budgetWord, COST_CATEGORIES, FINANCING_SOURCES, FINANCING_STATUSES, type Lang } from '@nvr/shared';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatKroner } from '../../../lib/money';
import {
  BUDGET_LIMITS,
  cellId,
  lineInput,
  type BudgetFormValues,
  type DraftLine,
  type LineColumn,
  type budgetLineRules,
} from './budget-lines';

/** What a line's row needs of the budget form. */
export interface BudgetRowForm {
  register: UseFormRegister<BudgetFormValues>;
  errors: FieldErrors<BudgetFormValues>;
  rules: ReturnType<typeof budgetLineRules>;
  /** The category changed: the line's cells are others now, so their old mistakes go. */
  onCategoryChange: (index: number) => void;
}

/** The budget's words come from the table the documents use too (BUDGET_WORDS in shared). */
function lang(resolved: string | undefined): Lang {
  return resolved === 'nn' || resolved === 'en' ? resolved : 'nb';
}

/** A line as a read-only row. */
export function BudgetLineView({ line }: { line: DraftLine }) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  const input = lineInput(line);
  return (
    <Table.Row>
      <Table.Cell>{budgetWord(line.category, lang(i18n.resolvedLanguage))}</Table.Cell>
      <Table.Cell>{line.year}</Table.Cell>
      <Table.Cell>{line.description}</Table.Cell>
      {line.kind === 'financing' && <Table.Cell>{line.status ? budgetWord(line.status, lang(i18n.resolvedLanguage)) : ''}</Table.Cell>}
      <Table.Cell>
        {line.category === 'own_work' && input.hours != null && input.rate != null
          ? t('plans.budget.hoursTimesRate', { hours: line.hours, rate: kr(input.rate) })
          : ''}
      </Table.Cell>
      <Table.Cell className="numeric">{kr(input.amount)}</Table.Cell>
    </Table.Row>
  );
}

/**
 * A line as a row of inputs, each named by column and line ("Beløp i kroner, kostnadslinje 1") and
 * marked invalid while it holds a mistake, with a button that removes the line.
 */
export function BudgetLineRow({
  line,
  index,
  name,
  form,
  onRemove,
}: {
  line: DraftLine;
  /** The line's place among all the budget's lines (the form's `lines.<index>`). */
  index: number;
  /** "kostnadslinje 1". */
  name: string;
  form: BudgetRowForm;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  const { register, errors, rules } = form;
  const kind = line.kind;
  const categories = kind === 'cost' ? COST_CATEGORIES : FINANCING_SOURCES;
  const label = (column: string) => t('plans.budget.cellLabel', { column, line: name });
  const invalid = (column: LineColumn) => (errors.lines?.[index]?.[column] ? true : undefined);
  /** A cell with a rule of BudgetLineDto; the rule sees the line as it is now. */
  const cell = (column: LineColumn, deps?: LineColumn) =>
    register(`lines.${index}.${column}`, {
      validate: (value, values) => rules[column](value, values.lines[index]),
      ...(deps ? { deps: `lines.${index}.${deps}` } : {}),
    });

  return (
    <Table.Row>
      <Table.Cell className="budget-table__category">
        <Select
          id={cellId(line.uid, 'category')}
          aria-label={label(t(kind === 'cost' ? 'plans.budget.category' : 'plans.budget.source'))}
          {...register(`lines.${index}.category`, { onChange: () => form.onCategoryChange(index) })}
        >
          {categories.map((c) => (
            <Select.Option key={c} value={c}>
              {budgetWord(c, lang(i18n.resolvedLanguage))}
            </Select.Option>
          ))}
        </Select>
      </Table.Cell>
      <Table.Cell>
        <Input
          id={cellId(line.uid, 'year')}
          inputMode="numeric"
          size={5}
          aria-label={label(t('plans.budget.year'))}
          aria-invalid={invalid('year')}
          {...cell('year')}
        />
      </Table.Cell>
      <Table.Cell className="budget-table__description">
        <Input
          aria-label={label(t('plans.budget.description'))}
          maxLength={BUDGET_LIMITS.descriptionLength}
          {...register(`lines.${index}.description`)}
        />
      </Table.Cell>
      {kind === 'financing' && (
        <Table.Cell className="budget-table__status">
          <Select aria-label={label(t('plans.budget.status'))} {...register(`lines.${index}.status`)}>
            <Select.Option value="">{t('plans.budget.statusNone')}</Select.Option>
            {FINANCING_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {budgetWord(s, lang(i18n.resolvedLanguage))}
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
              aria-label={label(t('plans.budget.hours'))}
              aria-invalid={invalid('hours')}
              {...cell('hours', 'rate')}
            />
            <span aria-hidden="true">×</span>
            <Input
              id={cellId(line.uid, 'rate')}
              inputMode="numeric"
              size={6}
              aria-label={label(t('plans.budget.rate'))}
              aria-invalid={invalid('rate')}
              {...cell('rate')}
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
          <output aria-label={label(t('plans.budget.amount'))}>{kr(lineInput(line).amount)}</output>
        ) : (
          <Input
            id={cellId(line.uid, 'amount')}
            inputMode="numeric"
            size={11}
            className="numeric"
            aria-label={label(t('plans.budget.amountKr'))}
            aria-invalid={invalid('amount')}
            {...cell('amount')}
          />
        )}
      </Table.Cell>
      <Table.Cell>
        <Button
          type="button"
          variant="tertiary"
          data-size="sm"
          aria-label={t('plans.budget.removeLine', { line: name })}
          onClick={onRemove}
        >
          <TrashIcon aria-hidden="true" />
        </Button>
      </Table.Cell>
    </Table.Row>
  );
}
