import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '@nvr/shared';
import type { Me } from '../../../api/types';
import { api, unwrap } from '../../../lib/api-client';
import { getMeQueryOptions } from '../../../lib/auth';

/** Stores the signed-in person's language: their e-mails are written in it, and the app opens in it after sign-in. */
export async function setMyLanguage(language: Lang): Promise<Me> {
  return unwrap(await api.PATCH('/api/auth/me/language', { body: { language } }));
}

/** The account's stored language (the session carries it), or null when nobody is signed in. */
export function accountLanguage(me: Me | null | undefined): Lang | null {
  return me?.user.language ?? null;
}

export function useSetMyLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setMyLanguage,
    // The session now says the new language, so the app does not switch back to the old one.
    onSuccess: (me) => queryClient.setQueryData(getMeQueryOptions().queryKey, me),
  });
}
