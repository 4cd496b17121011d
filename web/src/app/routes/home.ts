import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { isAdmin } from '@nvr/shared';
import { requireMe } from '../../lib/auth';

/**
 * "/" sends each person to their start page: advisers and administrators to the portfolio, the
 * regionråd's secretariat and kommune contacts to what waits on them ("Venter på deg"), project
 * leaders and members to their tasks, everyone else to the projects.
 */
export const homeLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const me = await requireMe(queryClient, request);
    if (isAdmin(me.roles) || me.roles.some((r) => r.role === 'adviser')) return redirect('/portefolje');
    if (me.roles.some((r) => r.role === 'regionraad' || r.role === 'kommune_contact')) return redirect('/venter-pa-deg');
    if (me.roles.some((r) => r.role === 'project_leader' || r.role === 'project_member')) return redirect('/mine-oppgaver');
    return redirect('/prosjekter');
  };
