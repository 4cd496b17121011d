import { Tag } from '@digdir/designsystemet-react';
import type { SurveyStatus } from '@nvr/shared';
import { useTranslation } from 'react-i18next';

const COLORS: Record<SurveyStatus, string> = { draft: 'neutral', scheduled: 'info', open: 'success', closed: 'warning' };

/** A survey's status as a Tag with text (never colour alone). */
export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLORS[status]} data-size="sm">
      {t(`surveys.status.${status}`)}
    </Tag>
  );
}
