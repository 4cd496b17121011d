/** The forprosjekt's project plan: the services, culture and competence, the economic frame, and the way into the hovedprosjekt. */
import { background, budget, contracts, decisionPoints, frame, goals, organisation, ROLE, schedule } from './plan-common';
import { f, numbered, s, t, type TemplateData } from './text';

export const PLAN_FORPROSJEKT: TemplateData = {
  key: 'plan_forprosjekt',
  title: t('Prosjektplan for forprosjektet', 'Prosjektplan for forprosjektet', 'Project plan for the forprosjekt'),
  description: t(
    'Mal til prosjektplan for forprosjektet i Næringsvennlig region (PLP): tjenestene, kompetansen og rammene, 9–12 måneder.',
    'Mal til prosjektplan for forprosjektet i Næringsvennlig region (PLP): tenestene, kompetansen og rammene, 9–12 månader.',
    'Project plan template for the forprosjekt in Næringsvennlig region (PLP): the services, competence and frame, 9–12 months.',
  ),
  sections: numbered([
    background(
      t(
        'Oppsummer forstudiens funn og anbefalinger, og regionrådets vedtak om å gå videre.',
        'Samanfatt funna og tilrådingane frå forstudien, og vedtaket i regionrådet om å gå vidare.',
        'Summarise the forstudie’s findings and recommendations, and the regionråd’s vedtak to go on.',
      ),
    ),
    goals(
      t(
        'Forprosjektet beskriver tjenestene og rammene, og hvordan tiltaket videreføres i et hovedprosjekt.',
        'Forprosjektet skildrar tenestene og rammene, og korleis tiltaket blir ført vidare i eit hovudprosjekt.',
        'The forprosjekt describes the services and the frame, and how the measure is carried on in a hovedprosjekt.',
      ),
      t(
        'For eksempel: Beskrive en felles næringsutviklertjeneste som kommunene kan vedta å etablere.',
        'Til dømes: Skildre ei felles næringsutviklarteneste som kommunane kan vedta å etablere.',
        'For example: Describe a joint business-development service the kommuner can decide to establish.',
      ),
      t(
        'For eksempel: 1 Beskrive tjenestene. 2 Avklare kompetanse og økonomi. 3 Forankre i kommunene. 4 Planlegge hovedprosjektet.',
        'Til dømes: 1 Skildre tenestene. 2 Avklare kompetanse og økonomi. 3 Forankre i kommunane. 4 Planleggje hovudprosjektet.',
        'For example: 1 Describe the services. 2 Settle competence and economy. 3 Anchor in the kommuner. 4 Plan the hovedprosjekt.',
      ),
    ),
    s(
      'services',
      t('Næringsutviklertjenestene', 'Næringsutviklartenestene', 'The business-development services'),
      t(
        'Hvilke tjenester skal bedriftene få, og hvem gir dem? Beskriv kultur, holdninger og kompetansen næringsutviklerne trenger.',
        'Kva tenester skal bedriftene få, og kven gir dei? Skildre kultur, haldningar og kompetansen næringsutviklarane treng.',
        'Which services will businesses get, and who provides them? Describe the culture, attitudes and competence the business developers need.',
      ),
      [
        f('content', t('Innholdet i tjenestene', 'Innhaldet i tenestene', 'What the services contain'), 'longtext', true),
        f('culture', t('Kultur og holdninger', 'Kultur og haldningar', 'Culture and attitudes'), 'longtext', true),
        f('competence', t('Krav til kompetanse', 'Krav til kompetanse', 'Competence required'), 'longtext', true),
        f(
          'service_economy',
          t('Økonomiske rammer for tjenestene', 'Økonomiske rammer for tenestene', 'Economic frame of the services'),
          'longtext',
          true,
          t(
            'Hva koster tjenestene per år, og hvem betaler?',
            'Kva kostar tenestene per år, og kven betaler?',
            'What do the services cost a year, and who pays?',
          ),
        ),
      ],
    ),
    s(
      'analysis',
      t('Analyse mot kunnskapsgrunnlaget', 'Analyse mot kunnskapsgrunnlaget', 'Analysis against the knowledge base'),
      t(
        'Analyser dataene fra forstudien (intervjuer, undersøkelser) opp mot kunnskapsgrunnlaget. Politisk ledelse og rådmannsgruppen orienteres, og kommunene tar informasjonen tilbake.',
        'Analyser dataa frå forstudien (intervju, undersøkingar) opp mot kunnskapsgrunnlaget. Politisk leiing og rådmannsgruppa blir orienterte, og kommunane tek informasjonen tilbake.',
        'Analyse the forstudie’s data (interviews, surveys) against the knowledge base. Political leaders and the chief executives’ group are briefed, and each kommune carries it back.',
      ),
      [
        f('analysis', t('Analyse', 'Analyse', 'Analysis'), 'longtext', true),
        f(
          'briefing',
          t(
            'Orientering av politikere og rådmenn',
            'Orientering av politikarar og rådmenn',
            'Briefing of politicians and chief executives',
          ),
          'longtext',
          true,
        ),
      ],
    ),
    frame(
      t(
        'Hver kommune stiller med en dedikert ressurs. Anbefalt varighet er 9–12 måneder.',
        'Kvar kommune stiller med ein dedikert ressurs. Tilrådd lengd er 9–12 månader.',
        'Each kommune provides a dedicated resource. The recommended length is 9–12 months.',
      ),
      t(
        'Eksterne kostnader og egeninnsats, i kroner.',
        'Eksterne kostnader og eigeninnsats, i kroner.',
        'External costs and own work, in kroner.',
      ),
      t(
        'For eksempel: 01.01.2028–31.12.2028 (12 måneder)',
        'Til dømes: 01.01.2028–31.12.2028 (12 månader)',
        'For example: 01.01.2028–31.12.2028 (12 months)',
      ),
    ),
    schedule(
      t(
        'Milepæler: tjenestene beskrevet, orientering i kommunene, plan for hovedprosjektet, vedtak i kommunestyrene og regionrådet.',
        'Milepælar: tenestene skildra, orientering i kommunane, plan for hovudprosjektet, vedtak i kommunestyra og regionrådet.',
        'Milestones: services described, briefings in the kommuner, hovedprosjekt plan, vedtak in the kommunestyrer and the regionråd.',
      ),
    ),
    s(
      'main_project',
      t('Organisering av hovedprosjektet', 'Organisering av hovudprosjektet', 'Organising the hovedprosjekt'),
      t(
        'Hvordan videreføres tiltaket i et hovedprosjekt? Hovedprosjektet er kommunenes og fylkeskommunens felles ansvar.',
        'Korleis blir tiltaket ført vidare i eit hovudprosjekt? Hovudprosjektet er det felles ansvaret til kommunane og fylkeskommunen.',
        'How is the measure carried on in a hovedprosjekt? The hovedprosjekt is the joint responsibility of the kommuner and the fylkeskommune.',
      ),
      [
        f('organisation', t('Foreslått organisering', 'Føreslått organisering', 'Proposed organisation'), 'longtext', true),
        f('financing', t('Eierskap og finansiering', 'Eigarskap og finansiering', 'Ownership and financing'), 'longtext', true),
      ],
    ),
    organisation(
      t(
        'Prosjekteier er regionrådet på vegne av kommunene. Prosjektgruppen har én dedikert person fra hver kommune.',
        'Prosjekteigar er regionrådet på vegner av kommunane. Prosjektgruppa har éin dedikert person frå kvar kommune.',
        'The project owner is the regionråd on behalf of the kommuner. The project group has one dedicated person from each kommune.',
      ),
      [ROLE.owner, ROLE.steering, ROLE.responsible, ROLE.leader, ROLE.group, ROLE.reference],
    ),
    decisionPoints(
      t(
        'Når vedtar kommunestyrene og regionrådet å gå videre til hovedprosjektet? Hvor ofte er det statusmøter?',
        'Når vedtek kommunestyra og regionrådet å gå vidare til hovudprosjektet? Kor ofte er det statusmøte?',
        'When do the kommunestyrer and the regionråd decide to go on to the hovedprosjekt? How often are status meetings held?',
      ),
    ),
    budget,
    contracts(
      t(
        'For eksempel avtale mellom kommunene, med fylkeskommunen og med konsulent.',
        'Til dømes avtale mellom kommunane, med fylkeskommunen og med konsulent.',
        'For example agreements between the kommuner, with the fylkeskommune and with a consultant.',
      ),
    ),
  ]),
};
