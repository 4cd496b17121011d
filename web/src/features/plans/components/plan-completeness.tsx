import { useId } from 'react';
import { Card, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import type { planCompleteness } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { focusById, planFieldId } from './focus';
import { BUDGET_SECTION } from './plan-section';
import { useTemplateText } from '../../../lib/template-text';

/** What is missing before submission: "3 av 9 påkrevde felt mangler", each linked to its field, and the budget's balance. */
export function CompletenessPanel({
  completeness,
  balanced,
  empty,
  hasBudgetSection,
}: {
  completeness: ReturnType<typeof planCompleteness>;
  balanced: boolean;
  empty: boolean;
  hasBudgetSection: boolean;
}) {
  const { t } = useTranslation();
  const { tt } = useTemplateText();
  const headingId = useId();
  const missing = completeness.missing.length;
  const budgetOk = balanced && !empty;
  return (
    <Card
      data-color={missing === 0 && budgetOk ? 'success' : 'warning'}
      variant="tinted"
      className="plan-completeness"
      aria-labelledby={headingId}
      asChild
    >
      <section>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('plans.completeness.heading')}
        </Heading>
        <Paragraph>
          {missing === 0
            ? t('plans.completeness.complete', { count: completeness.required })
            : t('plans.completeness.missing', { count: missing, required: completeness.required })}
        </Paragraph>
        {missing > 0 && (
          <List.Unordered>
            {completeness.missing.map((m) => (
              <List.Item key={`${m.section}.${m.field}`}>
                <Link
                  href={`#${planFieldId(m.section, m.field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusById(planFieldId(m.section, m.field));
                  }}
                >
                  {t('plans.completeness.item', { section: tt(m.sectionTitle), field: tt(m.label) })}
                </Link>
              </List.Item>
            ))}
          </List.Unordered>
        )}
        <Paragraph>
          {budgetOk
            ? t('plans.completeness.budgetBalanced')
            : empty
              ? t('plans.completeness.budgetEmpty')
              : t('plans.completeness.budgetNotBalanced')}{' '}
          {!budgetOk && (
            <Link
              href={hasBudgetSection ? `#plan-section-${BUDGET_SECTION}` : '#plan-budget-heading'}
              onClick={(e) => {
                e.preventDefault();
                focusById(hasBudgetSection ? `plan-section-${BUDGET_SECTION}` : 'plan-budget-heading');
              }}
            >
              {t('plans.completeness.toBudget')}
            </Link>
          )}
        </Paragraph>
      </section>
    </Card>
  );
}
