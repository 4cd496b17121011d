import { useId } from 'react';
import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FileUploadField } from '../../../components/file-upload-field';
import { useFormat } from '../../../lib/format';
import { stepMinutesUrl } from '../api/download-gate-documents';
import type { CaseStep } from '../api/gate-types';
import { useAttachStepMinutes } from '../api/handle-step';
import { HandleStepForm } from './handle-step-form';

/**
 * "Saksgangen": the bodies the case passes, in order, and where it is now. Each handled step shows its
 * meeting, case number, innstilling and minutes; the secretariat records the handling of the body that
 * holds the case (the deciding body's handling is the decision itself, further down).
 */
export function CaseRouteSection({ project, gate, onChanged }: { project: Project; gate: Gate; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const steps = [...gate.caseRoute].sort((a, b) => a.position - b.position);
  const current = steps.find((s) => s.current) ?? null;
  const deciding = steps.find((s) => s.decides) ?? null;
  const decided = steps.length > 0 && steps.every((s) => s.handledAt !== null);

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gate.route.heading')}
      </Heading>
      <Paragraph>
        {current
          ? t('gate.route.at', { body: current.bodyName })
          : decided && deciding
            ? t('gate.route.decidedBy', { body: deciding.bodyName })
            : steps.length > 0
              ? t('gate.route.planned', { body: deciding?.bodyName ?? project.councilName })
              : t('gate.route.none')}
      </Paragraph>
      {steps.length > 0 && (
        <ol className="case-route" aria-labelledby={headingId}>
          {steps.map((step, i) => (
            <li
              key={step.id}
              className={`case-route__step case-route__step--${stepStatus(step)}`}
              aria-current={step.current ? 'step' : undefined}
            >
              <CaseStepItem project={project} gate={gate} step={step} index={i} onChanged={onChanged} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type StepStatus = 'handled' | 'current' | 'waiting';

function stepStatus(step: CaseStep): StepStatus {
  return step.handledAt ? 'handled' : step.current ? 'current' : 'waiting';
}

const STATUS_COLORS: Record<StepStatus, string> = { handled: 'success', current: 'warning', waiting: 'neutral' };

function CaseStepItem({
  project,
  gate,
  step,
  index,
  onChanged,
}: {
  project: Project;
  gate: Gate;
  step: CaseStep;
  index: number;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const attach = useAttachStepMinutes(project.id, gate.phaseKey);
  const status = stepStatus(step);
  const canHandle = gate.permissions.handleStep && step.current && !step.decides && gate.phaseState === 'awaiting_decision';

  return (
    <div className="case-route__body">
      <div className="section-header">
        <Heading level={3} data-size="xs">
          {t('gate.route.stepTitle', { number: index + 1, body: step.bodyName })}
        </Heading>
        <Tag data-color={STATUS_COLORS[status]} data-size="sm">
          {t(`gate.route.status.${status}`)}
        </Tag>
        {step.decides && <span className="cell-note">{t('gate.route.decides')}</span>}
      </div>
      {step.handledAt && (
        <dl className="facts">
          <div>
            <dt>{t('gate.route.meetingDate')}</dt>
            <dd>{step.meetingDate ? format.date(step.meetingDate) : '–'}</dd>
          </div>
          <div>
            <dt>{t('gate.route.caseNumber')}</dt>
            <dd>{step.caseNumber ?? '–'}</dd>
          </div>
          {!step.decides && (
            <div>
              <dt>{t('gate.route.recommendedOutcome')}</dt>
              <dd>{step.recommendedOutcome ? t(`gates.outcome.${step.recommendedOutcome}`) : '–'}</dd>
            </div>
          )}
          {step.recommendation && (
            <div className="facts__wide">
              <dt>{t('gate.route.recommendation')}</dt>
              <dd className="prewrap">{step.recommendation}</dd>
            </div>
          )}
          <div>
            <dt>{t('gate.route.minutes')}</dt>
            <dd>
              {step.minutesFile ? (
                <Link href={stepMinutesUrl(project.id, gate.phaseKey, step.id)} download={step.minutesFile.filename}>
                  {step.minutesFile.filename}
                </Link>
              ) : (
                <span className="muted">{t('gate.route.noMinutes')}</span>
              )}
            </dd>
          </div>
          {step.handledBy && (
            <div>
              <dt>{t('gate.route.recordedBy')}</dt>
              <dd>{t('gates.submissions.recordedByValue', { name: step.handledBy, date: format.dateTime(step.handledAt) })}</dd>
            </div>
          )}
        </dl>
      )}
      {step.handledAt && gate.permissions.handleStep && (
        <FileUploadField
          label={
            step.minutesFile
              ? t('gate.route.replaceMinutes', { body: step.bodyName })
              : t('gate.route.chooseMinutes', { body: step.bodyName })
          }
          description={t('files.hint')}
          submitLabel={t('gates.minutes.upload')}
          pending={attach.isPending && attach.variables?.stepId === step.id}
          error={attach.variables?.stepId === step.id ? attach.error : null}
          onUpload={(file) =>
            attach.mutateAsync({ stepId: step.id, file }).then(() => onChanged(t('gates.minutes.uploaded', { name: file.name })))
          }
        />
      )}
      {canHandle && <HandleStepForm project={project} gate={gate} step={step} onHandled={onChanged} />}
    </div>
  );
}
