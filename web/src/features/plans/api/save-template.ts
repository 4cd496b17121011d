import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { SaveTemplateBody, TemplateVersion } from '../../../api/plan-types';

/** Saves an edited template as its next version (administrators); a stale basedOnVersion answers 409. */
export async function saveTemplate({ key, body }: { key: string; body: SaveTemplateBody }): Promise<TemplateVersion> {
  return unwrap(await api.PUT('/api/templates/{key}', { params: { path: { key } }, body }));
}

export function useSaveTemplate(key: string, { onSuccess }: { onSuccess?: (template: TemplateVersion) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTemplateBody) => saveTemplate({ key, body }),
    onSuccess: async (template) => {
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
      onSuccess?.(template);
    },
  });
}
