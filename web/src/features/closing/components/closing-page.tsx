import { useState } from 'react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { StatusMessage } from '../../../components/status-message';
import { getClosingQueryOptions } from '../api/get-closing';
import { ClosingOverview } from './closing-overview';
import { DecisionSection } from './decision-section';
import { EvaluationsSection } from './evaluations-section';
import { FinalReportSection } from './final-report-section';
import { LessonsLog } from './lessons-log';
import './closing.css';

/**
 * The "Avslutning" of a hovedprosjekt: where it stands, the final report, the two evaluations of the
 * success factors side by side, the lessons log and the owner's closing decision.
 */
export function ClosingPage({ projectId }: { projectId: string }) {
  const { data: closing } = useSuspenseQuery(getClosingQueryOptions(projectId));
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <StatusMessage message={message} />
      <ClosingOverview closing={closing} />
      <FinalReportSection closing={closing} onSaved={setMessage} />
      <EvaluationsSection closing={closing} onSaved={setMessage} />
      <LessonsLog closing={closing} onSaved={setMessage} />
      <DecisionSection closing={closing} onDecided={setMessage} />
    </>
  );
}
