import type { ReactNode } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import type { Project } from '../../api/types';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

/**
 * The loader of a page under /prosjekter/:id (registers, closing, …): signed in, a valid id, and the project
 * and the page's own data loaded before it renders; a project the person may not see is "not found".
 * `loadPage` loads the page's queries, e.g. `(qc, id) => ensureFound(qc, getRisksQueryOptions(id), 'project')`.
 */
export const projectSubpageLoader =
  (loadPage: (queryClient: QueryClient, projectId: string) => Promise<unknown>) =>
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    await Promise.all([ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'), loadPage(queryClient, params.id)]);
    return null;
  };

/** The frame of such a page: breadcrumbs, the title (also the document's), an introduction, then the page's own content. */
export function ProjectSubpage({
  title,
  intro,
  children,
}: {
  title: (project: Project) => string;
  intro: string;
  children: (project: Project) => ReactNode;
}) {
  const { id = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const heading = title(project);
  useDocumentTitle(heading);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <Paragraph>{intro}</Paragraph>
      {children(project)}
    </div>
  );
}
