import { useId } from 'react';
import { Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { Closing } from '../api/types';

/** Where the closing stands: the state of the hovedprosjekt, and what the owner's decision still waits for. */
export function ClosingOverview({ closing }: { closing: Closing }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const d = closing.decision;

  const state = (() => {
    switch (closing.phaseProblem) {
      case 'not_in_hovedprosjekt':
        return t('closing.overview.notYet');
      case 'at_gate':
        return t('closing.overview.atGate');
      case 'project_ended':
        return d
          ? t('closing.overview.decided', { date: format.date(d.meetingDate), caseNumber: d.caseNumber })
          : t('closing.overview.ended');
      default:
        return t('closing.overview.underWay');
    }
  })();

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('closing.overview.heading')}
      </Heading>
      <Paragraph>{state}</Paragraph>
      {closing.phaseProblem === null && (
        <List.Ordered>
          <List.Item>{t('closing.overview.step1')}</List.Item>
          <List.Item>{t('closing.overview.step2')}</List.Item>
          <List.Item>{t('closing.overview.step3')}</List.Item>
        </List.Ordered>
      )}
      {!d && closing.phaseProblem !== 'not_in_hovedprosjekt' && (
        <>
          <Heading level={3} data-size="xs">
            {t('closing.readiness.heading')}
          </Heading>
          <ul className="plain-list closing-checklist">
            {closing.readiness.checks.map((c) => (
              <li key={c.key}>
                <Tag data-color={c.ok ? 'success' : 'warning'} data-size="sm">
                  {c.ok ? t('closing.readiness.ok') : t('closing.readiness.missing')}
                </Tag>{' '}
                {t(`closing.readiness.${c.key}`)}
                {!c.ok && (
                  <span className="muted">
                    {' '}
                    {c.key === 'final_report'
                      ? closing.report
                        ? t('closing.readiness.sectionsMissing', { count: c.missing.length })
                        : t('closing.readiness.notStarted')
                      : t('closing.readiness.factorsMissing', { count: c.missing.length })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
