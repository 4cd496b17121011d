import { MAIL_SIGNATURE, type Lang, type Role } from '@nvr/shared';

const ROLE_NAMES: Record<Lang, Record<Role, string>> = {
  nb: {
    admin: 'administrator',
    regionraad: 'regionråd',
    project_leader: 'prosjektleder',
    project_member: 'medlem av prosjektgruppa',
    adviser: 'rådgiver',
    kommune_contact: 'kommunekontakt',
  },
  nn: {
    admin: 'administrator',
    regionraad: 'regionråd',
    project_leader: 'prosjektleiar',
    project_member: 'medlem av prosjektgruppa',
    adviser: 'rådgjevar',
    kommune_contact: 'kommunekontakt',
  },
  en: {
    admin: 'administrator',
    regionraad: 'regionråd',
    project_leader: 'project leader',
    project_member: 'project group member',
    adviser: 'adviser',
    kommune_contact: 'kommune contact',
  },
};

const TEXTS: Record<
  Lang,
  { subject: string; intro: (by: string | null) => string; roles: string; how: string; expires: (d: string) => string }
> = {
  nb: {
    subject: 'Invitasjon til Næringsvennlig region',
    intro: (by) => `${by ?? 'En administrator'} inviterer deg til Næringsvennlig region.`,
    roles: 'Du får disse rollene:',
    how: 'Åpne lenken for å takke ja: logg inn med organisasjonens innlogging, eller velg et passord.',
    expires: (d) => `Lenken virker til ${d} og kan brukes én gang.`,
  },
  nn: {
    subject: 'Invitasjon til Næringsvennlig region',
    intro: (by) => `${by ?? 'Ein administrator'} inviterer deg til Næringsvennlig region.`,
    roles: 'Du får desse rollene:',
    how: 'Opne lenkja for å takke ja: logg inn med innlogginga til organisasjonen, eller vel eit passord.',
    expires: (d) => `Lenkja verkar til ${d} og kan brukast éin gong.`,
  },
  en: {
    subject: 'Invitation to Næringsvennlig region',
    intro: (by) => `${by ?? 'An administrator'} invites you to Næringsvennlig region.`,
    roles: 'You get these roles:',
    how: "Open the link to accept: sign in with your organisation's sign-in, or choose a password.",
    expires: (d) => `The link works until ${d} and can be used once.`,
  },
};

/** The invitation e-mail in the invitee's language. */
export function renderInvitationMail(
  lang: Lang,
  input: {
    invitedByName: string | null;
    roles: { role: Role; regionName: string | null; projectName: string | null }[];
    link: string;
    expiresAt: Date;
  },
): { subject: string; body: string } {
  const t = TEXTS[lang];
  const date = input.expiresAt.toLocaleDateString(lang === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: 'Europe/Oslo',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const roles = input.roles.map(
    (r) => `- ${ROLE_NAMES[lang][r.role]}${r.projectName ? `: ${r.projectName}` : r.regionName ? `: ${r.regionName}` : ''}`,
  );
  const body = [
    t.intro(input.invitedByName),
    '',
    t.roles,
    ...roles,
    '',
    t.how,
    '',
    input.link,
    '',
    t.expires(date),
    '',
    MAIL_SIGNATURE[lang],
  ].join('\n');
  return { subject: t.subject, body };
}
