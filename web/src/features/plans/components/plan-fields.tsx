import { useState, type ReactNode } from 'react';
import { Button, Fieldset, Input, List, Paragraph, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import type { FieldValue, KommuneResource, Milestone, PlanRole, SubGoal } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { TemplateField } from '../../../api/plan-types';
import { useFormat } from '../../../lib/format';
import { focusById } from './focus';

export interface KommuneOption {
  id: string;
  name: string;
}

interface EditorProps<T> {
  id: string;
  field: TemplateField;
  value: T | undefined;
  onChange: (value: T) => void;
}

/** The label of a plan field, with "Påkrevd" on the required ones. */
export function FieldLabel({ field }: { field: TemplateField }) {
  const { t } = useTranslation();
  return (
    <>
      {field.label}{' '}
      {field.required && (
        <Tag data-size="sm" data-color="neutral" className="plan-required">
          {t('plans.field.required')}
        </Tag>
      )}
    </>
  );
}

/** One input per field kind: text, long text, list, sub-goals with activities, kommune resources, milestones, roles. */
export function PlanFieldEditor({ id, field, value, onChange, kommuner }: EditorProps<FieldValue> & { kommuner: KommuneOption[] }) {
  switch (field.kind) {
    case 'text':
      return (
        <Textfield
          id={id}
          label={<FieldLabel field={field} />}
          description={field.help}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'longtext':
      return (
        <Textfield
          id={id}
          multiline
          rows={6}
          label={<FieldLabel field={field} />}
          description={field.help}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'list':
      return (
        <Fieldset id={id} className="plan-fieldset">
          <Fieldset.Legend>
            <FieldLabel field={field} />
          </Fieldset.Legend>
          {field.help && <Fieldset.Description>{field.help}</Fieldset.Description>}
          <TextList idPrefix={id} items={asStrings(value)} onChange={onChange} itemLabel={(n) => `${field.label} ${n}`} />
        </Fieldset>
      );
    case 'subgoals':
      return <SubGoalsEditor id={id} field={field} value={value as SubGoal[] | undefined} onChange={onChange} />;
    case 'kommune_resources':
      return (
        <KommuneResourcesEditor
          id={id}
          field={field}
          value={value as KommuneResource[] | undefined}
          onChange={onChange}
          kommuner={kommuner}
        />
      );
    case 'milestones':
      return <MilestonesEditor id={id} field={field} value={value as Milestone[] | undefined} onChange={onChange} />;
    case 'roles':
      return <RolesEditor id={id} field={field} value={value as PlanRole[] | undefined} onChange={onChange} />;
  }
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function asObjects<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter((v) => v !== null && typeof v === 'object') as T[]) : [];
}

/**
 * Editing a list of rows whose first inputs have the ids `${idPrefix}-${i}` and whose add button is
 * `${idPrefix}-add`. Adding focuses the new row's first input; removing focuses the row before (or add).
 */
function rowList<T>(idPrefix: string, items: T[], onChange: (items: T[]) => void) {
  return {
    set: (i: number, item: T) => onChange(items.map((x, j) => (j === i ? item : x))),
    remove: (i: number) => {
      onChange(items.filter((_, j) => j !== i));
      focusById(i > 0 ? `${idPrefix}-${i - 1}` : `${idPrefix}-add`, { afterRender: true });
    },
    add: (blank: T) => {
      onChange([...items, blank]);
      focusById(`${idPrefix}-${items.length}`, { afterRender: true });
    },
  };
}

/** Add and remove buttons move focus sensibly: to the new row's first input, or to the row before. */
function RowButtons({ removeLabel, onRemove }: { removeLabel: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="button" variant="tertiary" data-size="sm" aria-label={removeLabel} onClick={onRemove} className="plan-row__remove">
      <TrashIcon aria-hidden="true" />
      {t('plans.field.remove')}
    </Button>
  );
}

function AddButton({ id, label, onAdd }: { id: string; label: string; onAdd: () => void }) {
  return (
    <div>
      <Button id={id} type="button" variant="secondary" data-size="sm" onClick={onAdd}>
        <PlusIcon aria-hidden="true" />
        {label}
      </Button>
    </div>
  );
}

/** A list of short texts (benefit areas, activities): one input each, add and remove. */
function TextList({
  idPrefix,
  items,
  onChange,
  itemLabel,
  addLabel,
}: {
  idPrefix: string;
  items: string[];
  onChange: (items: string[]) => void;
  itemLabel: (n: number) => string;
  addLabel?: string;
}) {
  const { t } = useTranslation();
  const rows = rowList(idPrefix, items, onChange);
  return (
    <div className="plan-rows">
      {items.map((item, i) => (
        <div className="plan-row" key={i}>
          <Textfield
            id={`${idPrefix}-${i}`}
            label={itemLabel(i + 1)}
            value={item}
            onChange={(e) => rows.set(i, e.target.value)}
            className="plan-row__grow"
          />
          <RowButtons removeLabel={t('plans.field.removeNamed', { name: itemLabel(i + 1) })} onRemove={() => rows.remove(i)} />
        </div>
      ))}
      <AddButton id={`${idPrefix}-add`} label={addLabel ?? t('plans.field.addItem')} onAdd={() => rows.add('')} />
    </div>
  );
}

function SubGoalsEditor({ id, field, value, onChange }: EditorProps<SubGoal[]>) {
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
    </Fieldset>
  );
}

/**
 * Each participating kommune's dedicated resource in % of a position. The rows are the project's
 * kommuner (and any kommune the plan names that has left the project); an empty cell leaves it out.
 */
function KommuneResourcesEditor({ id, field, value, onChange, kommuner }: EditorProps<KommuneResource[]> & { kommuner: KommuneOption[] }) {
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
        <div className="table-scroll">
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
        </div>
      )}
    </Fieldset>
  );
}

function MilestonesEditor({ id, field, value, onChange }: EditorProps<Milestone[]>) {
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
    </Fieldset>
  );
}

function RolesEditor({ id, field, value, onChange }: EditorProps<PlanRole[]>) {
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
    </Fieldset>
  );
}

/**
 * A field's value as text, for read-only plans and comparisons. Reads the value's shape, so it also
 * shows values of fields a newer template has renamed or dropped.
 */
export function FieldValueView({ value }: { value: FieldValue | null | undefined }): ReactNode {
  const { t } = useTranslation();
  const format = useFormat();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Paragraph className="muted">{t('plans.field.empty')}</Paragraph>;
  }
  if (typeof value === 'string') return <Paragraph className="prewrap">{value}</Paragraph>;
  const items = value as unknown[];
  if (items.every((v) => typeof v === 'string')) {
    return (
      <List.Unordered>
        {(items as string[]).map((v, i) => (
          <List.Item key={i}>{v}</List.Item>
        ))}
      </List.Unordered>
    );
  }
  return (
    <List.Unordered>
      {items.map((item, i) => {
        const o = (item ?? {}) as Record<string, unknown>;
        if (typeof o.title === 'string' && Array.isArray(o.activities)) {
          return (
            <List.Item key={i}>
              {o.title}
              {o.activities.length > 0 && (
                <List.Unordered>
                  {(o.activities as string[]).map((a, j) => (
                    <List.Item key={j}>{a}</List.Item>
                  ))}
                </List.Unordered>
              )}
            </List.Item>
          );
        }
        if (typeof o.kommuneName === 'string') {
          return <List.Item key={i}>{t('plans.resources.view', { kommune: o.kommuneName, percent: o.percent })}</List.Item>;
        }
        if (typeof o.title === 'string' && typeof o.date === 'string') {
          return (
            <List.Item key={i}>{o.date ? t('plans.milestones.view', { title: o.title, date: format.date(o.date) }) : o.title}</List.Item>
          );
        }
        if (typeof o.role === 'string') {
          return <List.Item key={i}>{t('plans.roles.view', { role: o.role, name: o.name })}</List.Item>;
        }
        return <List.Item key={i}>{JSON.stringify(item)}</List.Item>;
      })}
    </List.Unordered>
  );
}
