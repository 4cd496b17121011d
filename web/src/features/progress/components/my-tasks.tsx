import { useId } from 'react';
import { Card, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { nextPhaseKey, statusReportReminder, todayInOslo } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NextAction, Project } from '../../../api/types';
import type { AppNotification, StatusReportSummary } from '../../../api/progress-types';
import { useCatalogue } from '../../../lib/catalogue';
import { useNotificationTitle } from './notification-text';
import { usePeriod } from './progress-text';
import './progress.css';
import { describeNextAction } from '../../../lib/next-action';

interface Task {
  key: string;
  to: string | null;
  text: string;
}

/**
 * The project leader's start page: for each active project, what to do next (the server's next
 * actions, and last month's status report when it is due), with the unread notifications on top.
 */
export function MyTasks({
  projects,
  reportsByProject,
  unread,
}: {
  projects: Project[];
  /** Each project's status reports; undefined while loading. */
  reportsByProject: Record<string, StatusReportSummary[] | undefined>;
  unread: AppNotification[];
}) {
  const { t } = useTranslation();
  const notificationsId = useId();
  const title = useNotificationTitle();
  const tasksOf = useTasks();
  const active = projects.filter((p) => p.status === 'active');
  const closed = projects.filter((p) => p.status !== 'active');
  const withTasks = active.map((project) => ({ project, tasks: tasksOf(project, reportsByProject[project.id]) }));
  const total = withTasks.reduce((n, p) => n + p.tasks.filter((task) => task.to).length, 0);

  return (
    <>
      <Paragraph className="lead">
        {active.length === 0 ? t('progress.tasks.noActive') : t('progress.tasks.summary', { count: total, projects: active.length })}
      </Paragraph>
      {unread.length > 0 && (
        <Card data-color="accent" variant="tinted" asChild aria-labelledby={notificationsId}>
          <section className="next-actions">
            <Heading level={2} data-size="sm" id={notificationsId}>
              {t('progress.tasks.unreadHeading', { count: unread.length })}
            </Heading>
            <List.Unordered>
              {unread.slice(0, 5).map((n) => (
                <List.Item key={n.id}>
                  {n.link ? (
                    <Link asChild>
                      <RouterLink to={n.link}>{title(n)}</RouterLink>
                    </Link>
                  ) : (
                    title(n)
                  )}
                </List.Item>
              ))}
            </List.Unordered>
            <Paragraph>
              <Link asChild>
                <RouterLink to="/varsler">{t('progress.tasks.allNotifications')}</RouterLink>
              </Link>
            </Paragraph>
          </section>
        </Card>
      )}
      {withTasks.map(({ project, tasks }) => (
        <ProjectTasks key={project.id} project={project} tasks={tasks} />
      ))}
      {closed.length > 0 && (
        <section className="section" aria-labelledby="tasks-closed">
          <Heading level={2} data-size="sm" id="tasks-closed">
            {t('progress.tasks.closedHeading')}
          </Heading>
          <List.Unordered>
            {closed.map((p) => (
              <List.Item key={p.id}>
                <Link asChild>
                  <RouterLink to={`/prosjekter/${p.id}`}>{p.name}</RouterLink>
                </Link>{' '}
                ({t(`projects.status.${p.status}`)})
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      )}
    </>
  );
}

function ProjectTasks({ project, tasks }: { project: Project; tasks: Task[] }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const headingId = useId();
  const phase = project.currentPhaseKey;
  const next = phase ? nextPhaseKey(phase) : null;
  return (
    <section aria-labelledby={headingId} className="section panel task-project">
      <div className="page-header__title">
        <Heading level={2} data-size="sm" id={headingId}>
          <Link asChild>
            <RouterLink to={`/prosjekter/${project.id}`}>{project.name}</RouterLink>
          </Link>
        </Heading>
        {phase && (
          <Tag data-size="sm" data-color="info">
            {catalogue.phaseTitle(phase)}
          </Tag>
        )}
      </div>
      <Paragraph data-size="sm" className="muted">
        {project.regionName}
      </Paragraph>
      <Heading level={3} data-size="2xs">
        {t('projects.next.heading')}
      </Heading>
      <List.Unordered>
        {tasks.map((task) => (
          <List.Item key={task.key}>
            {task.to ? (
              <Link asChild>
                <RouterLink to={task.to}>{task.text}</RouterLink>
              </Link>
            ) : (
              task.text
            )}
          </List.Item>
        ))}
      </List.Unordered>
      <Paragraph data-size="sm" className="task-project__links">
        <Link asChild>
          <RouterLink to={`/prosjekter/${project.id}/statusrapporter`}>{t('progress.tasks.reportsLink')}</RouterLink>
        </Link>
        {phase && (
          <Link asChild>
            <RouterLink to={`/prosjekter/${project.id}/faser/${next ?? phase}/plan`}>
              {t('progress.tasks.planLink', { phase: t(`plans.phaseDefinite.${next ?? phase}`) })}
            </RouterLink>
          </Link>
        )}
      </Paragraph>
    </section>
  );
}

/** The next actions as links (like the project page's "Hva må gjøres nå?"), with the status report when due. */
function useTasks() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const period = usePeriod();
  const today = todayInOslo();

  return (project: Project, reports: StatusReportSummary[] | undefined): Task[] => {
    const tasks: Task[] = [];
    const base = `/prosjekter/${project.id}`;
    if (reports && project.permissions.submit) {
      const runningSince = project.phases.find((p) => p.actualStart)?.actualStart;
      const published = reports.filter((r) => r.state === 'published').map((r) => r.period);
      const due = runningSince ? statusReportReminder({ publishedPeriods: published, runningSince }, today) : null;
      if (due) {
        const draft = reports.find((r) => r.period === due.period && r.state === 'draft');
        tasks.push({
          key: `report-${due.period}`,
          to: draft ? `${base}/statusrapporter/${draft.id}` : `${base}/statusrapporter`,
          text: t(draft ? 'progress.tasks.finishReport' : 'progress.tasks.writeReport', { period: period(due.period) }),
        });
      }
    }
    project.nextActions.forEach((action, i) => tasks.push(actionTask(project, action, i)));
    return tasks;
  };

  function actionTask(project: Project, action: NextAction, i: number): Task {
    const { to, text } = describeNextAction(project, action, t, catalogue);
    // Waiting for the regionråd is nothing to open from the task list.
    return { key: `${action.kind}-${action.deliverableId ?? action.key ?? i}`, to: action.kind === 'await_decision' ? null : to, text };
  }
}
