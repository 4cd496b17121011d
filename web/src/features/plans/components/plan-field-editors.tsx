import { useState } from 'react';
import { Fieldset, Input, Paragraph, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { KommuneResource, Milestone, PlanRole, SubGoal } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import {
  AddButton,
  asObjects,
  asStrings,
  FieldError,
  FieldLabel,
  RowButtons,
  rowList,
  TextList,
  type EditorProps,
  type KommuneOption,
} from './plan-field-rows';
import { TableScroll } from '../../../components/table-scroll';
import { SubGoalScheduleInputs } from './subgoal-schedule';

/** The editors of the plan's structured fields: sub-goals, kommune resources, milestones and roles. */

export function SubGoalsEditor({ id, field, value, onChange, error }: EditorProps<SubGoal[]>) {
  const { t } = useTranslation();
  const goals = asObjects<SubGoal>(value);
  const rows = rowList(id, goals, onChange);
  return (
    <Fieldset id={id} className="plan-fieldset">
      <Fieldset.Legend>
        <FieldLabel field={field} />
      </Fieldset.Legend>
      {field.help && <Fieldset.Description>{field.help}</Fieldset.Description>}
      <ol className="plan-subgoals">
        {goals.map((goal, i) => (
          <li key={i} className="plan-subgoal">
            <Fieldset>
              <Fieldset.Legend>{t('plans.subgoals.legend', { n: i + 1 })}</Fieldset.Legend>
              <Textfield
                id={`${id}-${i}`}
                label={t('plans.subgoals.title', { n: i + 1 })}
                value={goal.title ?? ''}
                onChange={(e) => rows.set(i, { ...goal, title: e.target.value })}
              />
              <SubGoalScheduleInputs id={`${id}-${i}`} n={i + 1} goal={goal} onChange={(g) => rows.set(i, g)} />
              <Fieldset className="plan-activities">
                <Fieldset.Legend>{t('plans.subgoals.activities', { n: i + 1 })}</Fieldset.Legend>
                <TextList
                  idPrefix={`${id}-${i}-activity`}
                  items={asStrings(goal.activities)}
                  onChange={(activities) => rows.set(i, { ...goal, activities })}
                  itemLabel={(n) => t('plans.subgoals.activity', { goal: i + 1, n })}
                  addLabel={t('plans.subgoals.addActivity', { n: i + 1 })}
                />
              </Fieldset>
              <RowButtons removeLabel={t('plans.subgoals.remove', { n: i + 1 })} onRemove={() => rows.remove(i)} />
            </Fieldset>
          </li>
        ))}
      </ol>
      <AddButton id={`${id}-add`} label={t('plans.subgoals.add')} onAdd={() => rows.add({ title: '', activities: [] })} />
      <FieldError error={error} />
    </Fieldset>
  );
}

/**
 * Each participating kommune's dedicated resource in % of a position. The rows are the project's
 * kommuner (and any kommune the plan names that has left the project); an empty cell leaves it out.
 */
export function KommuneResourcesEditor({
  id,
  field,
  value,
  onChange,
  error,
  kommuner,
}: EditorProps<KommuneResource[]> & { kommuner: KommuneOption[] }) {
  const { t } = useTranslation();
  const resources = asObjects<KommuneResource>(value);
  const [raw, setRaw] = useState<Record<string, string>>({});
  const rows = [
    ...kommuner.map((k) => ({ id: k.id, name: k.name })),
    ...resources.filter((r) => !kommuner.some((k) => k.id === r.kommuneId)).map((r) => ({ id: r.kommuneId, name: r.kommuneName })),
  ];

  function update(kommune: { id: string; name: string }, text: string) {
    setRaw((r) => ({ ...r, [kommune.id]: text }));
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') {
      onChange(resources.filter((r) => r.kommuneId !== kommune.id));
      return;
    }
    const percent = Number(trimmed);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) return;
    const next = rows
      .map((row) => {
        if (row.id === kommune.id) return { kommuneId: row.id, kommuneName: row.name, percent };
        return resources.find((r) => r.kommuneId === row.id);
      })
      .filter((r): r is KommuneResource => r !== undefined);
    onChange(next);
  }

  return (
    <Fieldset id={id} className="plan-fieldset">
      <Fieldset.Legend>
        <FieldLabel field={field} />
      </Fieldset.Legend>
      <Fieldset.Description>{field.help ?? t('plans.resources.hint')}</Fieldset.Description>
      {rows.length === 0 ? (
        <Paragraph>{t('plans.resources.noKommuner')}</Paragraph>
      ) : (
        <TableScroll>
          <Table border data-size="sm" className="plan-table plan-table--narrow">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('plans.resources.kommune')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plans.resources.percent')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row, i) => {
                const saved = resources.find((r) => r.kommuneId === row.id);
                const text = raw[row.id] ?? (saved ? String(saved.percent) : '');
                const trimmed = text.trim().replace(',', '.');
                const invalid = trimmed !== '' && (!Number.isFinite(Number(trimmed)) || Number(trimmed) < 0 || Number(trimmed) > 100);
                const errorId = `${id}-${i}-error`;
                return (
                  <Table.Row key={row.id}>
                    <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
                    <Table.Cell>
                      <div className="plan-percent">
                        <Input
                          inputMode="decimal"
                          size={5}
                          aria-label={t('plans.resources.percentFor', { kommune: row.name })}
                          aria-invalid={invalid || undefined}
                          aria-describedby={invalid ? errorId : undefined}
                          value={text}
                          onChange={(e) => update(row, e.target.value)}
                        />
                        <span aria-hidden="true">%</span>
                      </div>
                      {invalid && <ValidationMessage id={errorId}>{t('plans.resources.invalid')}</ValidationMessage>}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <FieldError error={error} />
    </Fieldset>
  );
}

export function MilestonesEditor({ id, field, value, onChange, error }: EditorProps<Milestone[]>) {
  const { t } = useTranslation();
  const items = asObjects<Milestone>(value);
  const rows = rowList(id, items, onChange);
  return (
    <Fieldset id={id} className="plan-fieldset">
      <Fieldset.Legend>
        <FieldLabel field={field} />
      </Fieldset.Legend>
      {field.help && <Fieldset.Description>{field.help}</Fieldset.Description>}
      <div className="plan-rows">
        {items.map((m, i) => (
          <div className="plan-row" key={i}>
            <Textfield
              id={`${id}-${i}`}
              label={t('plans.milestones.title', { n: i + 1 })}
              value={m.title ?? ''}
              onChange={(e) => rows.set(i, { ...m, title: e.target.value })}
              className="plan-row__grow"
            />
            <Textfield
              type="date"
              label={t('plans.milestones.date', { n: i + 1 })}
              value={m.date ?? ''}
              onChange={(e) => rows.set(i, { ...m, date: e.target.value })}
            />
            <RowButtons removeLabel={t('plans.milestones.remove', { n: i + 1 })} onRemove={() => rows.remove(i)} />
          </div>
        ))}
        <AddButton id={`${id}-add`} label={t('plans.milestones.add')} onAdd={() => rows.add({ title: '', date: '' })} />
      </div>
      <FieldError error={error} />
    </Fieldset>
  );
}

export function RolesEditor({ id, field, value, onChange, error }: EditorProps<PlanRole[]>) {
  const { t } = useTranslation();
  const items = asObjects<PlanRole>(value);
  const rows = rowList(id, items, onChange);
  return (
    <Fieldset id={id} className="plan-fieldset">
      <Fieldset.Legend>
        <FieldLabel field={field} />
      </Fieldset.Legend>
      <Fieldset.Description>{field.help ?? t('plans.roles.hint')}</Fieldset.Description>
      <div className="plan-rows">
        {items.map((r, i) => (
          <div className="plan-row" key={i}>
            <Textfield
              id={`${id}-${i}`}
              label={t('plans.roles.role', { n: i + 1 })}
              value={r.role ?? ''}
              onChange={(e) => rows.set(i, { ...r, role: e.target.value })}
            />
            <Textfield
              label={t('plans.roles.name', { n: i + 1 })}
              value={r.name ?? ''}
              onChange={(e) => rows.set(i, { ...r, name: e.target.value })}
              className="plan-row__grow"
            />
            <RowButtons removeLabel={t('plans.roles.remove', { n: i + 1 })} onRemove={() => rows.remove(i)} />
          </div>
        ))}
        <AddButton id={`${id}-add`} label={t('plans.roles.add')} onAdd={() => rows.add({ role: '', name: '' })} />
      </div>
      <FieldError error={error} />
    </Fieldset>
  );
}
