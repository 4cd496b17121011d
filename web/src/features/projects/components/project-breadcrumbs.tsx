import { Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';

export function isProjectNotFound(error: unknown) {
  return isApiError(error) && (error.status === 404 || error.code === 'PROJECT_NOT_FOUND');
}

/** Breadcrumbs for the project pages: all projects › this project (on a deliverable's or gate's page). */
export function ProjectBreadcrumbs({ project }: { project?: { id: string; name: string } }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('projects.detail.breadcrumbs')} className="breadcrumbs">
      <ol>
        <li>
          <Link asChild>
            <RouterLink to="/prosjekter">{t('projects.detail.backToList')}</RouterLink>
          </Link>
        </li>
        {project && (
          <li>
            <Link asChild>
              <RouterLink to={`/prosjekter/${project.id}`}>{project.name}</RouterLink>
            </Link>
          </li>
        )}
      </ol>
    </nav>
  );
}
