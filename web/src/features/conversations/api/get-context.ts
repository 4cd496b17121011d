import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Guide, ProjectContext } from './types';
import { useTemplateText } from '../../../lib/template-text';

/**
 * The project as the project pages read it (same key, so the cache is shared), narrowed to what the
 * conversation screens need: may this person record, is the project open, and its kommuner.
 */
export function projectContextQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: ['projects', 'detail', projectId],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/projects/{id}', { params: { path: { id: projectId } }, signal })),
  });
}

export function useProjectContext(projectId: string) {
  return useQuery({
    ...projectContextQueryOptions(projectId),
    select: (p): ProjectContext => ({
      active: p.status === 'active',
      canEdit: p.permissions.edit,
      kommuner: p.kommuner.map((k) => ({ id: k.id, name: k.name })),
    }),
  });
}

/** The guide templates (interview, meeting, workshop), newest versions, from the template library. */
export function useGuides() {
  const { tt } = useTemplateText();
  return useQuery({
    queryKey: ['templates', 'list'],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/templates', { signal })),
    select: (list): Guide[] =>
      list
        .filter((x) => x.kind === 'guide')
        .map((x) => ({
          key: x.key,
          title: tt(x.title),
          sections: x.sections.map((s) => ({ key: s.key, title: tt(s.title), guidance: tt(s.guidance) })),
        })),
  });
}
