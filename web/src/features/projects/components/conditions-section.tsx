import { useId } from 'react';
import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { ConditionState } from '@nvr/shared';
import { canOnProject, nextPhaseKey, todayInOslo } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { useAccess } from '../../../lib/auth';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { conditionFileUrl } from '../api/download-gate-documents';
import type { GateCondition } from '../api/gate-types';
import { ConditionDialog, type ConditionAction } from './condition-dialog';
import { TableScroll } from '../../../components/table-scroll';

const STATE_COLORS: Record<ConditionState, string> = { open: 'warning', met: 'success', waived: 'neutral' };

/**
 * The conditions of an approval. On the phase that follows them up: each with its owner, due date and
 * state, "mark as met" for the team and "waive"/"reopen" for the owner; the gate is not ready while one
 * is open. On the gate that set them: the same list, read only, pointing to where they are followed up.
 */
export function ConditionsSection({ project, gate, onChanged }: { project: Project; gate: Gate; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const headingId = useId();
  const next = nextPhaseKey(gate.phaseKey);
  // Conditions of the last gate have no next phase: they are followed up on the gate that set them.
  const followed = gate.conditions.filter((c) => c.phaseKey === gate.phaseKey && (c.decidedInPhase !== gate.phaseKey || next === null));
  const set = gate.conditions.filter((c) => c.decidedInPhase === gate.phaseKey && c.phaseKey !== gate.phaseKey);
  if (followed.length === 0 && set.length === 0) return null;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {followed.length > 0 ? t('gate.conditions.heading') : t('gate.conditions.headingSet')}
      </Heading>
      {followed.length > 0 && (
        <>
          <Paragraph>
            {t('gate.conditions.intro', {
              phase: catalogue.phaseTitle(followed[0].decidedInPhase),
              open: followed.filter((c) => c.state === 'open').length,
              count: followed.length,
            })}
          </Paragraph>
          <ConditionsTable
            project={project}
            gate={gate}
            conditions={followed}
            actions
            onChanged={onChanged}
            caption={t('gate.conditions.caption')}
          />
        </>
      )}
      {set.length > 0 && (
        <>
          {followed.length > 0 && (
            <Heading level={3} data-size="sm">
              {t('gate.conditions.headingSet')}
            </Heading>
          )}
          <Paragraph>
            {t('gate.conditions.introSet', { next: next ? catalogue.phaseTitle(next) : '' })}{' '}
            {next && (
              <Link asChild>
                <RouterLink to={`/prosjekter/${project.id}/faser/${next}/beslutning`}>
                  {t('gate.conditions.followUpLink', { phase: catalogue.phaseTitle(next) })}
                </RouterLink>
              </Link>
            )}
          </Paragraph>
          <ConditionsTable
            project={project}
            gate={gate}
            conditions={set}
            actions={false}
            onChanged={onChanged}
            caption={t('gate.conditions.captionSet')}
          />
        </>
      )}
    </section>
  );
}

function ConditionsTable({
  project,
  gate,
  conditions,
  actions,
  caption,
  onChanged,
}: {
  project: Project;
  gate: Gate;
  conditions: GateCondition[];
  actions: boolean;
  caption: string;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayInOslo();
  const { me, roles } = useAccess();
  const sorted = [...conditions].sort((a, b) => a.position - b.position);
  const showActions = actions && (gate.permissions.resolveConditions || gate.permissions.waiveConditions);
  // The team marks any condition met, its owner their own; all of it while the phase following it up is in progress.
  const canEdit = canOnProject(roles, project, 'edit');
  const followedUp = (c: GateCondition) => project.phases.find((p) => p.key === c.phaseKey)?.state === 'in_progress';
  const mayMarkMet = (c: GateCondition) => gate.permissions.resolveConditions && (canEdit || (me !== null && c.ownerUserId === me.user.id));

  return (
    <TableScroll>
      <Table zebra border>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('gate.conditions.columns.text')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('gate.conditions.columns.owner')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('gate.conditions.columns.due')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('gate.conditions.columns.state')}</Table.HeaderCell>
            {showActions && (
              <Table.HeaderCell scope="col">
                <span className="visually-hidden">{t('gate.conditions.columns.actions')}</span>
              </Table.HeaderCell>
            )}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sorted.map((c) => {
            const overdue = c.state === 'open' && c.dueDate !== null && c.dueDate < today;
            const available: ConditionAction[] = !followedUp(c)
              ? []
              : c.state === 'open'
                ? [...(mayMarkMet(c) ? (['met'] as const) : []), ...(gate.permissions.waiveConditions ? (['waived'] as const) : [])]
                : gate.permissions.waiveConditions
                  ? ['open']
                  : [];
            return (
              <Table.Row key={c.id}>
                <Table.HeaderCell scope="row" className="prewrap">
                  {c.text}
                </Table.HeaderCell>
                <Table.Cell>{c.ownerName ?? <span className="muted">{t('gate.conditions.noOwner')}</span>}</Table.Cell>
                <Table.Cell>
                  {c.dueDate ? format.date(c.dueDate) : '–'}
                  {overdue && <span className="cell-note cell-note--warning">{t('gate.conditions.overdue')}</span>}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={STATE_COLORS[c.state]} data-size="sm">
                    {t(`gate.conditions.state.${c.state}`)}
                  </Tag>
                  {c.resolutionNote && <span className="cell-note prewrap">{c.resolutionNote}</span>}
                  {c.file && (
                    <span className="cell-note">
                      <Link href={conditionFileUrl(project.id, c.phaseKey, c.id)} download={c.file.filename}>
                        {c.file.filename}
                      </Link>
                    </span>
                  )}
                  {c.resolvedAt && (
                    <span className="cell-note">
                      {t('gates.submissions.recordedByValue', {
                        name: c.resolvedBy ?? t('common.unknown'),
                        date: format.dateTime(c.resolvedAt),
                      })}
                    </span>
                  )}
                </Table.Cell>
                {showActions && (
                  <Table.Cell>
                    <div className="row-actions">
                      {available.map((action) => (
                        <ConditionDialog key={action} project={project} gate={gate} condition={c} action={action} onDone={onChanged} />
                      ))}
                    </div>
                  </Table.Cell>
                )}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
