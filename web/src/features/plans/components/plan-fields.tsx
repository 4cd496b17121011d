import type { ReactNode, Ref } from 'react';
import { Fieldset, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { FieldValue, KommuneResource, Milestone, PlanRole, SubGoal } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { asStrings, FieldError, FieldLabel, PLAN_TEXT_MAX, TextList, type EditorProps, type KommuneOption } from './plan-field-rows';
import { KommuneResourcesEditor, MilestonesEditor, RolesEditor, SubGoalsEditor } from './plan-field-editors';
import { useSubGoalScheduleText } from './subgoal-schedule';

/**
 * One input per field kind: text, long text, list, sub-goals with activities, kommune resources,
 * milestones, roles. `value` and `onChange` are the plan form's field; `error` its refusal by the server.
 */
export function PlanFieldEditor({
  id,
  field,
  value,
  onChange,
  error,
  inputRef,
  kommuner,
}: EditorProps<FieldValue> & { kommuner: KommuneOption[]; inputRef?: Ref<HTMLInputElement | HTMLTextAreaElement> }) {
  const props = { id, field, onChange, error };
  switch (field.kind) {
    case 'text':
      return (
        <Textfield
          id={id}
          ref={inputRef as Ref<HTMLInputElement>}
          label={<FieldLabel field={field} />}
          description={field.help}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          maxLength={PLAN_TEXT_MAX}
          error={error}
        />
      );
    case 'longtext':
      return (
        <Textfield
          id={id}
          ref={inputRef as Ref<HTMLTextAreaElement>}
          multiline
          rows={6}
          label={<FieldLabel field={field} />}
          description={field.help}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          maxLength={PLAN_TEXT_MAX}
          error={error}
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
          <FieldError error={error} />
        </Fieldset>
      );
    case 'subgoals':
      return <SubGoalsEditor {...props} value={value as SubGoal[] | undefined} />;
    case 'kommune_resources':
      return <KommuneResourcesEditor {...props} value={value as KommuneResource[] | undefined} kommuner={kommuner} />;
    case 'milestones':
      return <MilestonesEditor {...props} value={value as Milestone[] | undefined} />;
    case 'roles':
      return <RolesEditor {...props} value={value as PlanRole[] | undefined} />;
  }
}

/**
 * A field's value as text, for read-only plans and comparisons. Reads the value's shape, so it also
 * shows values of fields a newer template has renamed or dropped.
 */
export function FieldValueView({ value }: { value: FieldValue | null | undefined }): ReactNode {
  const { t } = useTranslation();
  const format = useFormat();
  const scheduleText = useSubGoalScheduleText();
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
          const when = scheduleText(o);
          return (
            <List.Item key={i}>
              {o.title}
              {when && <span className="plan-subgoal__when">{when}</span>}
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
