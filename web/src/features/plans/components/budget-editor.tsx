import { useEffect, useId, useMemo, useState } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { budgetTotals, type BudgetLine as SharedBudgetLine, type PhaseKey } from '@nvr/shared';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Budget } from '../../../api/plan-types';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { formatKroner } from '../../../lib/money';
import { errorMessage } from '../../../lib/error-message';
import { FORM_ERROR, useApiForm } from '../../../lib/use-api-form';
import { saveBudget } from '../api/save-budget';
import type { BudgetRowForm } from './budget-line-row';
import { BudgetLineTable, type BudgetRow } from './budget-line-table';
import {
  budgetLineRules,
  cellId,
  cellOfServerField,
  columnsOf,
  lineInput,
  newLine,
  toDraft,
  type BudgetFormValues,
  type Kind,
} from './budget-lines';
import { BudgetProblems } from './budget-problems';
import { BalanceMessage, BudgetTotalsTable } from './budget-totals';
import { focusById } from './focus';
import type { PlanWriter } from './use-plan-writer';

/**
 * The phase's cost and financing budget (PLP plan section 7): lines per category or source and year,
 * own work as hours × rate, totals per year and overall, and whether it balances. Saved as a whole
 * (PUT) with the plan's version, explicitly (no autosave). The cells follow BudgetLineDto's rules; a save
 * with mistakes lists them above the button instead, as links to the cells.
 */
export function BudgetEditor({
  projectId,
  phaseKey,
  budget,
  ownWorkRate,
  editable,
  write,
  onConflict,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  budget: Budget;
  /** Kroner per hour a line becoming own work starts with (the server's OWN_WORK_HOURLY_RATE); editable per line. */
  ownWorkRate: number;
  editable: boolean;
  write: PlanWriter;
  onConflict: () => void;
}) {
  const { t, i18n } = useTranslation();
  // The lines as the server has them, once (the form keeps what is typed from then on).
  const defaultValues = useMemo<BudgetFormValues>(() => ({ lines: budget.lines.map(toDraft) }), [budget]);
  // The list of mistakes gets focus, not the first wrong cell.
  const form = useApiForm<BudgetFormValues>({ defaultValues, shouldFocusError: false });
  const { control, register, watch, formState, clearErrors, setError, setValue, getValues } = form;
  const rows = useFieldArray({ control, name: 'lines' });
  const lines = watch('lines');
  const [saved, setSaved] = useState<string | null>(null);
  const problemsId = useId();
  const rules = budgetLineRules(t);
  const totals = budgetTotals(lines.map((l) => lineInput(l) as SharedBudgetLine));

  // Any edit takes back "saved".
  useEffect(() => {
    const subscription = watch((_, { type }) => {
      if (type) setSaved(null);
    });
    return () => subscription.unsubscribe();
  }, [watch]);

  const { isDirty, isSubmitting } = formState;

  function add(kind: Kind) {
    const line = newLine(kind, lines);
    rows.append(line, { shouldFocus: false });
    setSaved(null);
    focusById(cellId(line.uid, 'category'), { afterRender: true });
  }

  function remove({ index, line }: BudgetRow) {
    const same = lines.filter((l) => l.kind === line.kind);
    const at = same.indexOf(line);
    const neighbour = same[at + 1] ?? same[at - 1];
    rows.remove(index);
    setSaved(null);
    focusById(neighbour ? cellId(neighbour.uid, 'category') : `budget-add-${line.kind}`, { afterRender: true });
  }

  /** The server's field errors for cells go to those cells (and the list); the rest is said above the button. */
  function showServerErrors(error: unknown) {
    if (isApiError(error, 'VALIDATION_FAILED') && error.fieldErrors.length > 0) {
      const rest: string[] = [];
      let atCells = false;
      for (const { field, messages } of error.fieldErrors) {
        const cell = cellOfServerField(field);
        const line = cell ? lines[cell.index] : undefined;
        if (cell && line && columnsOf(line).includes(cell.column)) {
          setError(`lines.${cell.index}.${cell.column}`, { type: 'server', message: messages.join(' ') });
          atCells = true;
        } else rest.push(...messages);
      }
      if (rest.length > 0 || !atCells) setError(FORM_ERROR, { type: error.code, message: [errorMessage(error, t), ...rest].join(' ') });
      if (atCells) focusById(problemsId, { afterRender: true });
      return;
    }
    form.applyServerErrors(error);
    if (isApiError(error, 'VERSION_CONFLICT')) onConflict();
  }

  const submit = form.handleSubmit(
    async (values) => {
      try {
        await write((version) => saveBudget({ projectId, phaseKey, body: { lines: values.lines.map(lineInput), version } }));
        // What was saved is the new starting point: not unsaved, and checked again only at the next save.
        form.reset(values, { keepValues: true });
        setSaved(t('plans.budget.saved'));
      } catch (error) {
        showServerErrors(error);
      }
    },
    () => focusById(problemsId, { afterRender: true }),
  );

  const rowForm: BudgetRowForm | null = editable
    ? {
        register,
        errors: formState.errors,
        rules,
        // The category decides the cells: mistakes of cells the line no longer has go. A line that becomes
        // own work without a rate starts with the default rate.
        onCategoryChange: (index) => {
          clearErrors([`lines.${index}.amount`, `lines.${index}.hours`, `lines.${index}.rate`]);
          const line = getValues(`lines.${index}`);
          if (line.category === 'own_work' && line.rate.trim() === '') setValue(`lines.${index}.rate`, String(ownWorkRate));
        },
      }
    : null;
  const tableRows: BudgetRow[] = rows.fields.flatMap((field, index) =>
    lines[index] ? [{ key: field.id, index, line: lines[index] }] : [],
  );

  return (
    <div className="section budget">
      <Heading level={3} data-size="xs">
        {t('plans.budget.heading')}
      </Heading>
      {editable && (
        <Paragraph className="muted">
          {t('plans.budget.defaultRate', { rate: formatKroner(ownWorkRate, i18n.resolvedLanguage ?? 'nb') })}
        </Paragraph>
      )}
      {(['cost', 'financing'] as const).map((kind) => (
        <BudgetLineTable key={kind} kind={kind} rows={tableRows} totals={totals} form={rowForm} onAdd={add} onRemove={remove} />
      ))}
      <BudgetTotalsTable totals={totals} caption={t('plans.budget.perYear')} />
      <BalanceMessage totals={totals} />
      {editable && (
        <>
          <BudgetProblems id={problemsId} lines={lines} errors={formState.errors} />
          {form.formErrorCode !== 'VERSION_CONFLICT' && <FormError message={form.formError} />}
          <div className="form__actions budget__actions">
            <Button type="button" onClick={() => void submit()} loading={isSubmitting} disabled={isSubmitting}>
              {t('plans.budget.save')}
            </Button>
            {isDirty && <Paragraph className="muted">{t('plans.budget.unsaved')}</Paragraph>}
          </div>
          <StatusMessage message={saved} />
        </>
      )}
    </div>
  );
}
