import { useId } from 'react';
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Decision, Gate, Project, Submission } from '../../../api/types';
import { FileUploadField } from '../../../components/file-upload-field';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useAttachMinutes } from '../api/attach-minutes';
import { minutesUrl } from '../api/get-gate';
import { DecisionOutcomeTag } from './state-tags';

/** Earlier submissions of the phase and the regionråd's decisions on them, newest first. */
export function SubmissionsList({ project, gate, onChanged }: { project: Project; gate: Gate; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gates.submissions.heading')}
      </Heading>
      {gate.submissions.length === 0 ? (
        <Paragraph>{t('gates.submissions.none')}</Paragraph>
      ) : (
        <ol className="plain-list submissions">
          {gate.submissions.map((s) => (
            <li key={s.id}>
              <SubmissionCard project={project} gate={gate} submission={s} onChanged={onChanged} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SubmissionCard({
  project,
  gate,
  submission,
  onChanged,
}: {
  project: Project;
  gate: Gate;
  submission: Submission;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card asChild>
      <article>
        <Heading level={3} data-size="xs">
          {t('gates.submissions.submitted', {
            date: format.dateTime(submission.submittedAt),
            name: submission.submittedBy ?? t('common.unknown'),
          })}
        </Heading>
        {submission.note && (
          <Paragraph className="prewrap">
            <strong>{t('gates.submissions.note')}</strong> {submission.note}
          </Paragraph>
        )}
        {submission.decision ? (
          <DecisionDetails project={project} gate={gate} decision={submission.decision} onChanged={onChanged} />
        ) : (
          <Paragraph>{t('gates.submissions.awaiting')}</Paragraph>
        )}
      </article>
    </Card>
  );
}

function DecisionDetails({
  project,
  gate,
  decision,
  onChanged,
}: {
  project: Project;
  gate: Gate;
  decision: Decision;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogue = useCatalogue();
  const attach = useAttachMinutes(project.id, gate.phaseKey);
  const reopenedText = (r: NonNullable<Decision['reopened']>) => {
    const deliverables = project.phases.flatMap((p) => p.deliverables);
    const parts = r.deliverableIds.map((id) => {
      const d = deliverables.find((x) => x.id === id);
      return d ? catalogue.deliverableTitle(d) : id;
    });
    if (r.planSections.length > 0) parts.push(t('gate.decisionFacts.reopenedSections', { count: r.planSections.length }));
    if (r.budget) parts.push(t('gate.decisionFacts.reopenedBudget'));
    return parts.join(', ');
  };
  // Minutes are attached by the regionråd while the project runs (the server refuses on ended projects).
  const canAttach = project.permissions.decide;

  return (
    <div className="decision">
      <div className="decision__title">
        <Heading level={4} data-size="2xs">
          {t('gates.submissions.decision')}
        </Heading>
        <DecisionOutcomeTag outcome={decision.outcome} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('gates.decision.meetingDate')}</dt>
          <dd>{format.date(decision.meetingDate)}</dd>
        </div>
        <div>
          <dt>{t('gates.decision.caseNumber')}</dt>
          <dd>{decision.caseNumber}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t('gates.decision.decisionText')}</dt>
          <dd className="prewrap">{decision.decisionText}</dd>
        </div>
        {decision.bodyName && (
          <div>
            <dt>{t('gate.decisionFacts.body')}</dt>
            <dd>{decision.bodyName}</dd>
          </div>
        )}
        {decision.conditionItems.length > 0 ? (
          <div className="facts__wide">
            <dt>{t('gates.decision.conditions')}</dt>
            <dd>
              <ol className="decision__conditions">
                {decision.conditionItems.map((c, i) => (
                  <li key={i} className="prewrap">
                    {c.text}
                    {c.dueDate && <span className="cell-note">{t('gate.decisionFacts.due', { date: format.date(c.dueDate) })}</span>}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
        ) : (
          decision.conditions && (
            <div className="facts__wide">
              <dt>{t('gates.decision.conditions')}</dt>
              <dd className="prewrap">{decision.conditions}</dd>
            </div>
          )
        )}
        {decision.reopened && (
          <div className="facts__wide">
            <dt>{t('gate.decisionFacts.reopened')}</dt>
            <dd>{reopenedText(decision.reopened)}</dd>
          </div>
        )}
        <div>
          <dt>{t('gates.submissions.recordedBy')}</dt>
          <dd>
            {t('gates.submissions.recordedByValue', {
              name: decision.decidedBy ?? t('common.unknown'),
              date: format.dateTime(decision.decidedAt),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('gates.submissions.minutes')}</dt>
          <dd>
            {decision.minutesFile ? (
              <Link href={minutesUrl(project.id, gate.phaseKey, decision.id)} download={decision.minutesFile.filename}>
                {decision.minutesFile.filename}
              </Link>
            ) : (
              <span className="muted">{t('gates.submissions.noMinutes')}</span>
            )}
          </dd>
        </div>
      </dl>
      {canAttach && (
        <FileUploadField
          label={decision.minutesFile ? t('gates.minutes.replace') : t('gates.minutes.choose')}
          description={t('files.hint')}
          submitLabel={t('gates.minutes.upload')}
          pending={attach.isPending}
          error={attach.error}
          onUpload={(file) =>
            attach.mutateAsync({ decisionId: decision.id, file }).then(() => onChanged(t('gates.minutes.uploaded', { name: file.name })))
          }
        />
      )}
    </div>
  );
}
