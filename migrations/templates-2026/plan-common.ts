/** Sections every phase's project plan has, with the texts the three phases share. */
import { f, roleRows, s, t, type SectionData, type Text } from './text';

export const mainGoal = (help: Text) => f('main_goal', t('Hovedmål', 'Hovudmål', 'Main goal'), 'text', true, help);
export const subGoals = (help: Text) =>
  f(
    'sub_goals',
    t('Delmål med hovedaktiviteter', 'Delmål med hovudaktivitetar', 'Sub-goals (delmål) with main activities'),
    'subgoals',
    true,
    help,
  );
export const benefitAreas = f(
  'benefit_areas',
  t('Gevinstområder', 'Gevinstområde', 'Benefit areas'),
  'list',
  false,
  t(
    'For eksempel: effektive vertskapstjenester, god rekruttering av arbeidskraft.',
    'Til dømes: effektive vertskapstenester, god rekruttering av arbeidskraft.',
    'For example: efficient host services for businesses, good recruitment of labour.',
  ),
);

export const goals = (guidance: Text, main: Text, sub: Text): SectionData =>
  s('goals', t('Mål og hovedaktiviteter', 'Mål og hovudaktivitetar', 'Goals and main activities'), guidance, [
    mainGoal(main),
    subGoals(sub),
    benefitAreas,
  ]);

export const frame = (guidance: Text, economicHelp: Text, periodHelp: Text): SectionData =>
  s('frame', t('Rammer', 'Rammer', 'Frame'), guidance, [
    f(
      'kommune_resources',
      t(
        'Dedikert ressurs fra hver kommune (% av stilling)',
        'Dedikert ressurs frå kvar kommune (% av stilling)',
        'Dedicated resource from each kommune (% of a position)',
      ),
      'kommune_resources',
      true,
    ),
    f('economic_frame', t('Total økonomisk ramme', 'Total økonomisk ramme', 'Total economic frame'), 'longtext', true, economicHelp),
    f('period', t('Periode', 'Periode', 'Period'), 'text', true, periodHelp),
  ]);

export const schedule = (guidance: Text): SectionData =>
  s('schedule', t('Fremdriftsplan', 'Framdriftsplan', 'Schedule'), guidance, [
    f('milestones', t('Milepæler', 'Milepælar', 'Milestones'), 'milestones', true),
    f('notes', t('Merknader', 'Merknader', 'Notes'), 'longtext', false),
  ]);

export const ROLE = {
  owner: t('Prosjekteier', 'Prosjekteigar', 'Project owner (prosjekteier)'),
  steering: t('Styringsgruppe', 'Styringsgruppe', 'Steering group (styringsgruppe)'),
  responsible: t('Prosjektansvarlig', 'Prosjektansvarleg', 'Project responsible (prosjektansvarlig)'),
  leader: t('Prosjektleder', 'Prosjektleiar', 'Project leader (prosjektleder)'),
  group: t(
    'Prosjektgruppe (én dedikert person fra hver kommune)',
    'Prosjektgruppe (éin dedikert person frå kvar kommune)',
    'Project group (one dedicated person from each kommune)',
  ),
  reference: t('Referansegruppe', 'Referansegruppe', 'Reference group (referansegruppe)'),
};

export const organisation = (guidance: Text, roles: Text[]): SectionData =>
  s('organisation', t('Prosjektorganisasjon', 'Prosjektorganisasjon', 'Project organisation'), guidance, [
    f(
      'roles',
      t('Roller og bemanning', 'Roller og bemanning', 'Roles and staffing'),
      'roles',
      true,
      t(
        'Skriv navnet på den som har hver rolle.',
        'Skriv namnet på den som har kvar rolle.',
        'Write the name of the person or body in each role.',
      ),
      roleRows(roles),
    ),
  ]);

export const decisionPoints = (guidance: Text): SectionData =>
  s('decision_points', t('Beslutningspunkter og oppfølging', 'Avgjerdspunkt og oppfølging', 'Decision points and follow-up'), guidance, [
    f('decision_points', t('Beslutningspunkter', 'Avgjerdspunkt', 'Decision points'), 'longtext', true),
    f(
      'status_meetings',
      t('Krav til statusmøter og rapportering', 'Krav til statusmøte og rapportering', 'Status meetings and reporting'),
      'longtext',
      false,
    ),
  ]);

export const budget = s(
  'budget',
  t('Kostnads- og finansieringsbudsjett', 'Kostnads- og finansieringsbudsjett', 'Cost and financing budget'),
  t(
    'Fyll ut budsjettet per år: kostnader per kategori og finansiering per kilde. Egeninnsats verdsettes som timer × sats. Kostnader og finansiering må gå i balanse.',
    'Fyll ut budsjettet per år: kostnader per kategori og finansiering per kjelde. Eigeninnsats blir verdsett som timar × sats. Kostnader og finansiering må gå i balanse.',
    'Fill in the budget per year: costs by category and financing by source. Own work (egeninnsats) is valued as hours × rate. Costs and financing must balance.',
  ),
  [f('notes', t('Kommentarer til budsjettet', 'Kommentarar til budsjettet', 'Comments on the budget'), 'longtext', false)],
);

export const contracts = (guidance: Text): SectionData =>
  s('contracts', t('Kontrakter og avtaler', 'Kontraktar og avtalar', 'Contracts and agreements'), guidance, [
    f('contracts', t('Kontrakter og avtaler', 'Kontraktar og avtalar', 'Contracts and agreements'), 'longtext', false),
  ]);

export const background = (guidance: Text): SectionData =>
  s('background', t('Bakgrunn', 'Bakgrunn', 'Background'), guidance, [
    f('text', t('Bakgrunn', 'Bakgrunn', 'Background'), 'longtext', true),
  ]);
