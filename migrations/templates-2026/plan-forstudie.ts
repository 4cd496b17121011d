/** The forstudie's project plan: mapping what businesses need, and the roles of region, kommuner and business developers. */
import { background, budget, contracts, decisionPoints, frame, goals, organisation, ROLE, schedule } from './plan-common';
import { f, numbered, s, t, type TemplateData } from './text';

export const PLAN_FORSTUDIE: TemplateData = {
  key: 'plan_forstudie',
  title: t('Prosjektplan for forstudien', 'Prosjektplan for forstudien', 'Project plan for the forstudie'),
  description: t(
    'Mal til prosjektplan for forstudien i Næringsvennlig region (PLP): kartlegging av næringslivets behov, 6–9 måneder.',
    'Mal til prosjektplan for forstudien i Næringsvennlig region (PLP): kartlegging av behova i næringslivet, 6–9 månader.',
    'Project plan template for the forstudie in Næringsvennlig region (PLP): mapping what businesses need, 6–9 months.',
  ),
  sections: numbered([
    background(
      t(
        'Hvorfor vil kommunene samarbeide om næringsutvikling? Hvem tok initiativet, og hvordan arbeider regionen med næringsutvikling i dag?',
        'Kvifor vil kommunane samarbeide om næringsutvikling? Kven tok initiativet, og korleis arbeider regionen med næringsutvikling i dag?',
        'Why do the kommuner want to cooperate on business development? Who took the initiative, and how does the region work on business development today?',
      ),
    ),
    goals(
      t(
        'Ett hovedmål og få, realistiske delmål. Forstudien skal gi en anbefaling og en plan for forprosjektet, forankret i regionrådet.',
        'Eitt hovudmål og få, realistiske delmål. Forstudien skal gi ei tilråding og ein plan for forprosjektet, forankra i regionrådet.',
        'One main goal and a few realistic sub-goals. The forstudie ends in a recommendation and a plan for the forprosjekt, anchored in the regionråd.',
      ),
      t(
        'For eksempel: Gi regionrådet et godt grunnlag for å velge hvordan kommunene skal samarbeide om næringsutvikling.',
        'Til dømes: Gi regionrådet eit godt grunnlag for å velje korleis kommunane skal samarbeide om næringsutvikling.',
        'For example: Give the regionråd a sound basis for choosing how the kommuner will cooperate on business development.',
      ),
      t(
        'For eksempel: 1 Kartlegge næringslivets behov. 2 Beskrive dagens arbeid og roller. 3 Anbefale organisering og lage plan for forprosjektet.',
        'Til dømes: 1 Kartleggje behova i næringslivet. 2 Skildre dagens arbeid og roller. 3 Tilrå organisering og lage plan for forprosjektet.',
        'For example: 1 Map what businesses need. 2 Describe today’s work and roles. 3 Recommend an organisation and plan the forprosjekt.',
      ),
    ),
    s(
      'mapping',
      t('Kartlegging av næringslivets behov', 'Kartlegging av behova i næringslivet', 'Mapping what businesses need'),
      t(
        'Hva trenger bedriftene fra næringsutviklerne? Planlegg intervjuer (intervjuguiden), en spørreundersøkelse (som FUNK) og workshops. Svarene skal være anonyme.',
        'Kva treng bedriftene frå næringsutviklarane? Planlegg intervju (intervjuguiden), ei spørjeundersøking (som FUNK) og workshopar. Svara skal vere anonyme.',
        'What do businesses need from business developers? Plan interviews (the interview guide), a survey (like FUNK) and workshops. Answers stay anonymous.',
      ),
      [
        f(
          'interviews',
          t('Intervjuer', 'Intervju', 'Interviews'),
          'longtext',
          true,
          t(
            'Hvem intervjues (bransjer, størrelse, kommuner), og hvor mange?',
            'Kven blir intervjua (bransjar, storleik, kommunar), og kor mange?',
            'Whom will you interview (industries, sizes, kommuner), and how many?',
          ),
        ),
        f(
          'survey',
          t('Spørreundersøkelse', 'Spørjeundersøking', 'Survey'),
          'longtext',
          true,
          t(
            'Målgrupper og tema, for eksempel kompetanseheving, nettverk, statistikk og analyser.',
            'Målgrupper og tema, til dømes kompetanseheving, nettverk, statistikk og analysar.',
            'Target groups and topics, for example competence, networks, statistics and analyses.',
          ),
        ),
        f('workshops', t('Workshops og møter', 'Workshopar og møte', 'Workshops and meetings'), 'longtext', false),
      ],
    ),
    s(
      'roles_today',
      t('Roller og dagens arbeid', 'Roller og dagens arbeid', 'Roles and today’s work'),
      t(
        'Beskriv hvordan regionen, kommunene og næringsutviklerne arbeider i dag, hva som driver næringsutviklingen, og hva et regionalt samarbeid kan gi.',
        'Skildre korleis regionen, kommunane og næringsutviklarane arbeider i dag, kva som driv næringsutviklinga, og kva eit regionalt samarbeid kan gi.',
        'Describe how the region, the kommuner and the business developers work today, what drives business development, and what regional cooperation could achieve.',
      ),
      [
        f('region_role', t('Regionens rolle', 'Rolla til regionen', 'The region’s role'), 'longtext', true),
        f('kommune_roles', t('Kommunenes rolle', 'Rolla til kommunane', 'The kommuner’s role'), 'longtext', true),
        f(
          'developer_roles',
          t('Næringsutviklernes rolle', 'Rolla til næringsutviklarane', 'The business developers’ role'),
          'longtext',
          true,
        ),
      ],
    ),
    s(
      'deliverables',
      t('Leveranser', 'Leveransar', 'Deliverables'),
      t(
        'Forstudien leverer en overordnet anbefaling og en plan for forprosjektet. Sluttrapporten og planen legges fram for regionrådet.',
        'Forstudien leverer ei overordna tilråding og ein plan for forprosjektet. Sluttrapporten og planen blir lagde fram for regionrådet.',
        'The forstudie delivers an overall recommendation and a plan for the forprosjekt. The final report and the plan go to the regionråd.',
      ),
      [
        f(
          'recommendation',
          t('Hva skal anbefalingen svare på?', 'Kva skal tilrådinga svare på?', 'What must the recommendation answer?'),
          'longtext',
          true,
        ),
        f(
          'anchoring',
          t(
            'Forankring i regionrådet og kommunene',
            'Forankring i regionrådet og kommunane',
            'Anchoring in the regionråd and the kommuner',
          ),
          'longtext',
          false,
        ),
      ],
    ),
    frame(
      t(
        'Hver kommune stiller med en dedikert ressurs (for eksempel inntil 10 % av en stilling). Anbefalt varighet er 6–9 måneder.',
        'Kvar kommune stiller med ein dedikert ressurs (til dømes inntil 10 % av ei stilling). Tilrådd lengd er 6–9 månader.',
        'Each kommune provides a dedicated resource (for example up to 10 % of a position). The recommended length is 6–9 months.',
      ),
      t(
        'Eksterne kostnader og egeninnsats, i kroner.',
        'Eksterne kostnader og eigeninnsats, i kroner.',
        'External costs and own work, in kroner.',
      ),
      t(
        'For eksempel: 01.03.2027–30.11.2027 (9 måneder)',
        'Til dømes: 01.03.2027–30.11.2027 (9 månader)',
        'For example: 01.03.2027–30.11.2027 (9 months)',
      ),
    ),
    schedule(
      t(
        'Milepæler: intervjuer ferdig, undersøkelse lukket, sluttrapport, regionrådets behandling. Husk kommunestyrenes frister for å finansiere forprosjektet.',
        'Milepælar: intervju ferdige, undersøking lukka, sluttrapport, handsaming i regionrådet. Hugs fristane til kommunestyra for å finansiere forprosjektet.',
        'Milestones: interviews done, survey closed, final report, the regionråd’s decision. Mind the kommunestyre deadlines for financing the forprosjekt.',
      ),
    ),
    organisation(
      t(
        'Prosjekteier er regionrådet på vegne av kommunene. Prosjektgruppen har én dedikert person fra hver kommune.',
        'Prosjekteigar er regionrådet på vegner av kommunane. Prosjektgruppa har éin dedikert person frå kvar kommune.',
        'The project owner is the regionråd on behalf of the kommuner. The project group has one dedicated person from each kommune.',
      ),
      [ROLE.owner, ROLE.responsible, ROLE.leader, ROLE.group, ROLE.reference],
    ),
    decisionPoints(
      t(
        'Når behandler regionrådet sluttrapporten og planen for forprosjektet? Hvor ofte er det statusmøter?',
        'Når handsamar regionrådet sluttrapporten og planen for forprosjektet? Kor ofte er det statusmøte?',
        'When does the regionråd decide on the final report and the forprosjekt plan? How often are status meetings held?',
      ),
    ),
    budget,
    contracts(
      t(
        'For eksempel avtale med konsulent, og avtale mellom kommunene om ressurser.',
        'Til dømes avtale med konsulent, og avtale mellom kommunane om ressursar.',
        'For example a consultancy agreement, and an agreement between the kommuner on resources.',
      ),
    ),
  ]),
};
