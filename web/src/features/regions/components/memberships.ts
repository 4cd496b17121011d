import type { Membership } from '../../../api/types';

export interface MembershipGroups {
  current: Membership[];
  upcoming: Membership[];
  former: Membership[];
}

const byKommuneName = (a: Membership, b: Membership) => a.kommune.name.localeCompare(b.kommune.name, 'nb');

/**
 * Splits memberships by today's date (Europe/Oslo, 'YYYY-MM-DD'): the server's `current` flag,
 * those starting later, and those whose last day has passed.
 */
export function groupMemberships(members: Membership[], today: string): MembershipGroups {
  const current = members.filter((m) => m.current).sort(byKommuneName);
  const upcoming = members.filter((m) => !m.current && m.validFrom > today).sort(byKommuneName);
  const former = members
    .filter((m) => !m.current && m.validTo !== null && m.validTo < today)
    .sort((a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? '') || byKommuneName(a, b));
  return { current, upcoming, former };
}
