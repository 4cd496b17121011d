import type { ReactNode } from 'react';
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { FieldValue, PlanContent } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { TemplateSection } from '../../../api/plan-types';
import { planFieldId } from './focus';
import { FieldLabel, type KommuneOption } from './plan-field-rows';
import { FieldValueView, PlanFieldEditor } from './plan-fields';

/** The template section whose place the budget editor takes. */
export const BUDGET_SECTION = 'budget';

/** One template section: heading, its guidance beside the fields, and the fields (inputs, or text when read-only). */
export function PlanSection({
  section,
  content,
  editable,
  kommuner,
  onChange,
  children,
}: {
  section: TemplateSection;
  content: PlanContent;
  editable: boolean;
  kommuner: KommuneOption[];
  onChange: (section: string, field: string, value: FieldValue) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `plan-section-${section.key}`;
  return (
    <section aria-labelledby={headingId} className="plan-section">
      <Heading level={2} data-size="md" id={headingId} tabIndex={-1}>
        {section.title}
      </Heading>
      <div className="plan-section__body">
        {section.guidance && (
          <Card data-color="neutral" variant="tinted" className="plan-guidance">
            <Heading level={3} data-size="2xs">
              {t('plans.editor.guidance')}
            </Heading>
            <Paragraph data-size="sm">{section.guidance}</Paragraph>
          </Card>
        )}
        <div className="plan-section__fields">
          {section.fields.map((field) => {
            const id = planFieldId(section.key, field.key);
            const value = content[section.key]?.[field.key];
            if (editable) {
              return (
                <PlanFieldEditor
                  key={field.key}
                  id={id}
                  field={field}
                  value={value}
                  kommuner={kommuner}
                  onChange={(v) => onChange(section.key, field.key, v)}
                />
              );
            }
            return (
              <div key={field.key} className="plan-field-view" id={id}>
                <Heading level={3} data-size="2xs">
                  <FieldLabel field={field} />
                </Heading>
                <FieldValueView value={value} />
              </div>
            );
          })}
        </div>
      </div>
      {children && <div className="plan-section__wide">{children}</div>}
    </section>
  );
}
