/** The hovedprosjekt's project plan: implementation per sub-goal, owned by the kommuner and the fylkeskommune, over several years. */
import { background, budget, contracts, decisionPoints, frame, goals, organisation, ROLE, schedule } from './plan-common';
import { f, numbered, s, t, type TemplateData } from './text';

const OWNERS = t(
  'Prosjekteier: kommunene og fylkeskommunen',
  'Prosjekteigar: kommunane og fylkeskommunen',
  'Project owner (prosjekteier): the kommuner and the fylkeskommune',
);

export const PLAN_HOVEDPROSJEKT: TemplateData = {
  key: 'plan_hovedprosjekt',
  title: t('Prosjektplan for hovedprosjektet', 'Prosjektplan for hovudprosjektet', 'Project plan for the hovedprosjekt'),
  description: t(
    'Prosjektplan for hovedprosjektet, kommunenes og fylkeskommunens felles ansvar: gjennomføring, gevinster, evaluering og videreføring i drift.',
    'Prosjektplan for hovudprosjektet, det felles ansvaret til kommunane og fylkeskommunen: gjennomføring, gevinstar, evaluering og vidareføring i drift.',
    'Project plan for the hovedprosjekt, the joint responsibility of the kommuner and the fylkeskommune: implementation, benefits, evaluation and permanent continuation.',
  ),
  sections: numbered([
    background(
      t(
        'Oppsummer forprosjektets anbefalinger og vedtakene i kommunestyrene, fylkeskommunen og regionrådet.',
        'Samanfatt tilrådingane frå forprosjektet og vedtaka i kommunestyra, fylkeskommunen og regionrådet.',
        'Summarise the forprosjekt’s recommendations and the vedtak of the kommunestyrer, the fylkeskommune and the regionråd.',
      ),
    ),
    goals(
      t(
        'Målet er at kommunene blir bedre tilretteleggere og samarbeidspartnere for næringslivet. Siste delmål bereder videreføring i drift.',
        'Målet er at kommunane blir betre tilretteleggjarar og samarbeidspartnarar for næringslivet. Siste delmål førebur vidareføring i drift.',
        'The goal is that the kommuner become better facilitators and partners for local business. The last sub-goal prepares permanent continuation.',
      ),
      t(
        'For eksempel: Etablere og utvikle et samordnet næringsapparat i regionen.',
        'Til dømes: Etablere og utvikle eit samordna næringsapparat i regionen.',
        'For example: Establish and develop a coordinated business-development service in the region.',
      ),
      t(
        'For eksempel: 1 Etablere en regional enhet. 2 Gjennomføre tiltak for næringsutvikling. 3 Berede permanent videreføring.',
        'Til dømes: 1 Etablere ei regional eining. 2 Gjennomføre tiltak for næringsutvikling. 3 Førebu varig vidareføring.',
        'For example: 1 Establish a regional unit. 2 Carry out measures for business development. 3 Prepare permanent continuation.',
      ),
    ),
    s(
      'implementation',
      t('Gjennomføring per delmål', 'Gjennomføring per delmål', 'Implementation per sub-goal'),
      t(
        'For hvert delmål: hvem gjør hva, i hvilke kommuner, og hvordan ser vi at det er nådd?',
        'For kvart delmål: kven gjer kva, i kva kommunar, og korleis ser vi at det er nådd?',
        'For each sub-goal: who does what, in which kommuner, and how do we see it is reached?',
      ),
      [f('per_sub_goal', t('Gjennomføring', 'Gjennomføring', 'Implementation'), 'longtext', true)],
    ),
    frame(
      t(
        'Hver kommune stiller med en dedikert ressurs (for eksempel 10–25 % av en stilling). Hovedprosjektet går ofte over flere år.',
        'Kvar kommune stiller med ein dedikert ressurs (til dømes 10–25 % av ei stilling). Hovudprosjektet går ofte over fleire år.',
        'Each kommune provides a dedicated resource (for example 10–25 % of a position). A hovedprosjekt often runs for several years.',
      ),
      t(
        'For eksempel: ca. 2,5 mill. kr per år i 3 år, halvparten eksterne kostnader og halvparten egeninnsats.',
        'Til dømes: ca. 2,5 mill. kr per år i 3 år, halvparten eksterne kostnader og halvparten eigeninnsats.',
        'For example: about NOK 2.5 million a year for 3 years, half external costs and half own work.',
      ),
      t(
        'For eksempel: 01.03.2029–28.02.2032 (3 år)',
        'Til dømes: 01.03.2029–28.02.2032 (3 år)',
        'For example: 01.03.2029–28.02.2032 (3 years)',
      ),
    ),
    schedule(
      t(
        'Når starter hvert delmål? For eksempel delmål 1 fra start, delmål 2 fra 3. kvartal første år, delmål 3 fra 4. kvartal tredje år.',
        'Når startar kvart delmål? Til dømes delmål 1 frå start, delmål 2 frå 3. kvartal første år, delmål 3 frå 4. kvartal tredje år.',
        'When does each sub-goal start? For example sub-goal 1 from the start, sub-goal 2 from Q3 of year one, sub-goal 3 from Q4 of year three.',
      ),
    ),
    s(
      'benefits',
      t('Gevinstrealiseringsplan', 'Plan for gevinstrealisering', 'Benefits realisation plan'),
      t(
        'For hver gevinst: indikator, startverdi, målverdi med dato og eier. Gevinstene følges opp også etter at prosjektet er avsluttet.',
        'For kvar gevinst: indikator, startverdi, målverdi med dato og eigar. Gevinstane blir følgde opp òg etter at prosjektet er avslutta.',
        'For each benefit: indicator, start value, target value with a date, and an owner. Benefits are followed up after the project has closed.',
      ),
      [
        f('benefits_plan', t('Gevinster og indikatorer', 'Gevinstar og indikatorar', 'Benefits and indicators'), 'longtext', true),
        f(
          'benefit_owner',
          t('Hvem eier gevinstene etter prosjektet?', 'Kven eig gevinstane etter prosjektet?', 'Who owns the benefits after the project?'),
          'text',
          true,
        ),
      ],
    ),
    organisation(
      t(
        'Hovedprosjektet er kommunenes og fylkeskommunens felles ansvar: de er prosjekteiere sammen. Prosjektgruppen har én dedikert person fra hver kommune.',
        'Hovudprosjektet er det felles ansvaret til kommunane og fylkeskommunen: dei er prosjekteigarar saman. Prosjektgruppa har éin dedikert person frå kvar kommune.',
        'The hovedprosjekt is the joint responsibility of the kommuner and the fylkeskommune: together they own it. The project group has one dedicated person from each kommune.',
      ),
      [OWNERS, ROLE.steering, ROLE.responsible, ROLE.leader, ROLE.group, ROLE.reference],
    ),
    decisionPoints(
      t(
        'Når rapporteres det til eierne, og når tar kommunene og fylkeskommunen stilling til videreføring? Hvor ofte er det statusmøter?',
        'Når blir det rapportert til eigarane, og når tek kommunane og fylkeskommunen stilling til vidareføring? Kor ofte er det statusmøte?',
        'When is progress reported to the owners, and when do the kommuner and the fylkeskommune decide on continuation? How often are status meetings held?',
      ),
    ),
    s(
      'evaluation',
      t('Evaluering', 'Evaluering', 'Evaluation'),
      t(
        'Hvordan og når evalueres samarbeidet, og av hvem? Bruk resultatene underveis, ikke bare til slutt.',
        'Korleis og når blir samarbeidet evaluert, og av kven? Bruk resultata undervegs, ikkje berre til slutt.',
        'How and when is the cooperation evaluated, and by whom? Use the results along the way, not only at the end.',
      ),
      [f('evaluation_plan', t('Plan for evaluering', 'Plan for evaluering', 'Evaluation plan'), 'longtext', true)],
    ),
    s(
      'continuation',
      t('Videreføring i drift', 'Vidareføring i drift', 'Permanent continuation'),
      t(
        'Hvordan kan samarbeidet videreføres permanent, både funksjon og organisasjon? Hvem vedtar det, og når?',
        'Korleis kan samarbeidet førast vidare varig, både funksjon og organisasjon? Kven vedtek det, og når?',
        'How can the cooperation continue permanently, both function and organisation? Who decides, and when?',
      ),
      [f('continuation_plan', t('Plan for videreføring', 'Plan for vidareføring', 'Continuation plan'), 'longtext', true)],
    ),
    budget,
    contracts(
      t(
        'For eksempel samarbeidsavtale mellom kommunene og fylkeskommunen, og avtaler om ressurser.',
        'Til dømes samarbeidsavtale mellom kommunane og fylkeskommunen, og avtalar om ressursar.',
        'For example a cooperation agreement between the kommuner and the fylkeskommune, and agreements on resources.',
      ),
    ),
  ]),
};
