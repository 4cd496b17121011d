import type { ReactNode } from 'react';
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { FieldValue } from '@nvr/shared';
import { Controller, useWatch, type Control, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ShownField, TemplateSection } from '../../../api/plan-types';
import { useTemplateText } from '../../../lib/template-text';
import { planFieldId } from './focus';
import { FieldLabel, type KommuneOption } from './plan-field-rows';
import { FieldValueView, PlanFieldEditor } from './plan-fields';
import { planFieldName, type PlanFormValues } from './plan-form';

/** The template section whose place the budget editor takes. */
export const BUDGET_SECTION = 'budget';

/** One template section: heading, its guidance beside the fields, and the fields (inputs of the plan's form, or text when read-only). */
export function PlanSection({
  section,
  control,
  editable,
  kommuner,
  children,
}: {
  section: TemplateSection;
  control: Control<PlanFormValues>;
  editable: boolean;
  kommuner: KommuneOption[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { tt } = useTemplateText();
  const headingId = `plan-section-${section.key}`;
  const title = tt(section.title);
  const guidance = tt(section.guidance);
  const fields: ShownField[] = section.fields.map((f) => ({
    ...f,
    label: tt(f.label),
    help: f.help ? tt(f.help) || undefined : undefined,
  }));
  return (
    <section aria-labelledby={headingId} className="plan-section">
      <Heading level={2} data-size="md" id={headingId} tabIndex={-1}>
        {title}
      </Heading>
      <div className="plan-section__body">
        {guidance && (
          <Card data-color="neutral" variant="tinted" className="plan-guidance">
            <Heading level={3} data-size="2xs">
              {t('plans.editor.guidance')}
            </Heading>
            <Paragraph data-size="sm">{guidance}</Paragraph>
          </Card>
        )}
        <div className="plan-section__fields">
          {fields.map((field) => {
            const id = planFieldId(section.key, field.key);
            const name = planFieldName(section.key, field.key) as FieldPath<PlanFormValues>;
            if (editable) {
              return (
                <Controller
                  key={field.key}
                  control={control}
                  name={name}
                  render={({ field: input, fieldState }) => (
                    <PlanFieldEditor
                      id={id}
                      field={field}
                      value={input.value as FieldValue | undefined}
                      onChange={input.onChange}
                      inputRef={input.ref}
                      error={fieldState.error?.message}
                      kommuner={kommuner}
                    />
                  )}
                />
              );
            }
            return <PlanFieldView key={field.key} id={id} field={field} control={control} name={name} />;
          })}
        </div>
      </div>
      {children && <div className="plan-section__wide">{children}</div>}
    </section>
  );
}

/** A field's answer as text (a plan that cannot be edited, or after a conflict: what is in the form). */
function PlanFieldView({
  id,
  field,
  control,
  name,
}: {
  id: string;
  field: ShownField;
  control: Control<PlanFormValues>;
  name: FieldPath<PlanFormValues>;
}) {
  const value = useWatch({ control, name }) as FieldValue | undefined;
  return (
    <div className="plan-field-view" id={id}>
      <Heading level={3} data-size="2xs">
        <FieldLabel field={field} />
      </Heading>
      <FieldValueView value={value} />
    </div>
  );
}
