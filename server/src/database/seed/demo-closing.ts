import { closingReadiness, SUCCESS_FACTORS, type SuccessFactor } from '@nvr/shared';
import { EntityManager } from 'typeorm';
import { execute, queryOne, queryOneOrFail } from '../sql';

/**
 * The closing of Kongsbergregionen's 2009–2012 hovedprosjekt "Samordnet næringsapparat" (seeds/002): the
 * final report, the project leader's and the regionråd's evaluations of the ten success factors
 * (seeds/004), the lessons learned, and the regionråd's decision of 1 February 2012 to carry the work on as
 * a permanent cooperation, Næringsforum Kongsbergregionen.
 */
const PROJECT = 'Samordnet næringsapparat i Kongsbergregionen';
const DECIDED_ON = '2012-02-01';

const REPORT = {
  background:
    'Kongsbergregionen vedtok i 2008 å samordne næringsapparatet i de sju kommunene. Forstudien (mars–september 2008) kartla hvordan kommunene arbeidet med næringsutvikling hver for seg, og forprosjektet ga prosjektskissen «Samordnet næringsapparat i Kongsbergregionen», vedtatt av regionrådet 3. februar 2009 (sak 05/09).',
  goals_results:
    'Hovedmål: Etablere og utvikle et samordnet næringsapparat.\n\n1. En regional enhet for næringsutvikling ble etablert med programkoordinator og en dedikert ressurs fra hver kommune. Nådd.\n2. Tiltak for næringsutvikling: strategisk næringsplan vedtatt i alle kommunestyrene (2010), felles profilering av regionen, vertskapsprogram i fire av sju kommuner. Delvis nådd – vertskapsprogrammet gjenstår i Hjartdal, Rollag og Nore og Uvdal.\n3. En permanent videreføring er beredt og foreslått. Nådd.',
  deliverables:
    'Forstudien: kartlegging av næringslivets behov, beskrivelse av dagens arbeid, overordnet anbefaling og sluttrapport (godkjent 15. september 2008, sak 31/08).\nForprosjektet: tjenesteinnhold og økonomiske rammer, prosjektplan for hovedprosjektet (godkjent 3. februar 2009, sak 05/09).\nHovedprosjektet: gevinstplan og evaluering, sluttrapport (godkjent 1. februar 2012, sak 04/12).',
  economy:
    'Budsjett: ca. 2,5 mill. kr pr. år i tre år, halvparten egeninnsats fra kommunene. Brukt: 7,3 mill. kr. Konsulentbruken i 2010 ble høyere enn planlagt, men ble tatt inn igjen ved at profileringen ble gjort med egne ressurser i 2011.',
  benefits:
    'Effektive vertskapstjenester: én dør inn for bedriftene er etablert i fire kommuner. God rekruttering av arbeidskraft: felles rekrutteringskampanje i 2011. Interkommunalt samarbeid oppleves positivt: 8 av 10 i kommunenes ledergrupper svarer ja i evalueringen. Gevinstene følges videre av Næringsforum Kongsbergregionen.',
  went_well:
    'Faste møter i rådmannsgruppen før hvert regionrådsmøte ga god forankring. Programkoordinatoren kjente både kommunene og næringslivet. Den felles strategiske næringsplanen ga et felles språk.',
  went_less_well:
    'De minste kommunene hadde vanskelig for å sette av 10 % av en stilling. Rapporteringen til kommunestyrene var ujevn de første årene. Næringslivet ble trukket for sent med i arbeidet med vertskapsprogrammet.',
  recommendations:
    'Samarbeidet videreføres som Næringsforum Kongsbergregionen, eid av regionrådet, med en fast koordinator og en kontaktperson i hver kommune. Finansiering etter fordelingsnøkkelen 50 % likt og 50 % etter innbyggertall. Vertskapsprogrammet fullføres i de tre siste kommunene innen 2013.',
};

/** [leader score, owner score, leader comment, owner comment] per factor. */
const SCORES: Record<SuccessFactor, [number, number, string, string]> = {
  anchoring: [
    5,
    4,
    'Rådmannsgruppen behandlet saken før hvert regionrådsmøte.',
    'God forankring hos rådmennene, svakere i kommunestyrene.',
  ],
  realistic_goals: [3, 4, 'Delmål 2 var for bredt for tre år.', ''],
  active_owner: [3, 5, 'Regionrådet var aktivt ved beslutningspunktene, mindre mellom dem.', 'Regionrådet fulgte prosjektet i hvert møte.'],
  meeting_places: [4, 4, 'Næringsforumet ble den viktigste møteplassen.', ''],
  attention: [3, 3, '', 'Lite omtale i media før profileringen i 2011.'],
  bureaucratic_flexibility: [2, 3, 'Ulike saksbehandlingsrutiner i kommunene bremset vertskapsprogrammet.', ''],
  visible_results: [4, 4, 'Den strategiske næringsplanen gjorde resultatene synlige.', ''],
  cooperation: [5, 4, 'Kommunene ble vant til å løse oppgaver sammen.', 'Samarbeidet er det viktigste resultatet.'],
  reporting: [3, 2, '', 'Rapporteringen til kommunestyrene var ujevn.'],
  financing: [4, 4, 'Finansieringen var avklart fra start.', ''],
};

const LESSONS: { phase: 'forstudie' | 'forprosjekt' | 'hovedprosjekt'; category: SuccessFactor | 'other'; text: string }[] = [
  {
    phase: 'hovedprosjekt',
    category: 'anchoring',
    text: 'Forankringen skjer i rådmannsgruppen: la den behandle hver sak før regionrådet, så er kommunene forberedt og vedtakene blir fulgt opp.',
  },
  {
    phase: 'hovedprosjekt',
    category: 'realistic_goals',
    text: 'Små kommuner klarer sjelden å sette av 10 % av en stilling over tid; avtal heller faste dager i måneden.',
  },
  {
    phase: 'forprosjekt',
    category: 'financing',
    text: 'Avklar finansieringen i kommunestyrene før hovedprosjektet starter, med fordelingsnøkkelen i saken.',
  },
  {
    phase: 'hovedprosjekt',
    category: 'meeting_places',
    text: 'Et fast næringsforum der bedriftene møter alle sju kommunene samtidig ga flere henvendelser enn kontordagene.',
  },
  {
    phase: 'hovedprosjekt',
    category: 'reporting',
    text: 'Send en kort statusrapport til hvert kommunestyre hvert halvår; det holder politikerne orientert og eierskapet levende.',
  },
  {
    phase: 'forstudie',
    category: 'cooperation',
    text: 'Ta med næringslivet i arbeidet fra forstudien av, ikke bare som respondenter i undersøkelsen.',
  },
];

export async function seedDemoClosing(tx: EntityManager): Promise<void> {
  const project = await queryOne<{ id: string }>(tx, `SELECT id FROM project WHERE name = $1 AND status = 'completed'`, [PROJECT]);
  if (!project) return;
  const leader = await queryOne<{ id: string; name: string }>(
    tx,
    `SELECT id, name FROM app_user WHERE lower(email) = 'prosjektleder@demo.no'`,
  );
  const owner = await queryOne<{ id: string; name: string }>(tx, `SELECT id, name FROM app_user WHERE lower(email) = 'regionrad@demo.no'`);
  const at = (day: string) => `${day}T10:00:00+01:00`;

  await execute(
    tx,
    `INSERT INTO closing_report (project_id, sections, budget_total, spent_total, created_by, created_at, updated_by, updated_at, version)
     VALUES ($1, $2, 7500000, 7300000, $3, $4, $3, $5, 3)`,
    [project.id, JSON.stringify(REPORT), leader?.id ?? null, at('2011-11-15'), at('2012-01-10')],
  );
  for (const [perspective, person, summary, day] of [
    ['leader', leader, 'Samarbeidet sitter; vertskapsprogrammet må fullføres.', '2012-01-12'],
    ['owner', owner, 'Regionrådet er fornøyd med resultatene og viderefører samarbeidet.', '2012-01-24'],
  ] as const) {
    const evaluation = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO closing_evaluation (project_id, perspective, summary, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [project.id, perspective, summary, person?.id ?? null, at(day)],
    );
    for (const factor of SUCCESS_FACTORS) {
      const [l, o, lc, oc] = SCORES[factor];
      await execute(tx, `INSERT INTO closing_evaluation_score (evaluation_id, factor, score, comment) VALUES ($1, $2, $3, $4)`, [
        evaluation.id,
        factor,
        perspective === 'leader' ? l : o,
        perspective === 'leader' ? lc : oc,
      ]);
    }
  }
  for (const [i, lesson] of LESSONS.entries()) {
    await execute(
      tx,
      `INSERT INTO closing_lesson (project_id, phase_key, category, text, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [project.id, lesson.phase, lesson.category, lesson.text, leader?.id ?? null, at(`2011-${String(6 + i).padStart(2, '0')}-15`)],
    );
  }
  const scores = (which: 0 | 1) => SUCCESS_FACTORS.map((factor) => ({ factor, score: SCORES[factor][which] }));
  const readiness = closingReadiness({ report: { sections: REPORT }, leader: scores(0), owner: scores(1) });
  await execute(
    tx,
    `INSERT INTO closing_decision (project_id, outcome, meeting_date, case_number, decision_text, successor_organisation, successor_financing,
                                   successor_yearly_amount, readiness, decided_by, decided_at)
     VALUES ($1, 'carry_on', $2, '04/12', $3, $4, $5, $6, $7, $8, $9)`,
    [
      project.id,
      DECIDED_ON,
      'Regionrådet tar sluttrapporten til etterretning. Det samordnede næringsapparatet videreføres som fast ordning under navnet Næringsforum Kongsbergregionen, eid av regionrådet.',
      'Næringsforum Kongsbergregionen',
      'Kommunene etter fordelingsnøkkelen 50 % likt og 50 % etter innbyggertall, og fylkeskommunenes regionale utviklingsmidler.',
      2500000,
      JSON.stringify(readiness),
      owner?.id ?? null,
      at(DECIDED_ON),
    ],
  );
  await execute(
    tx,
    `INSERT INTO history_event (project_id, at, actor_id, actor_name, action, entity_type, entity_id, after) VALUES ($1, $2, $3, $4, 'closing.decided', 'closing_decision', $6, $5)`,
    [
      project.id,
      at(DECIDED_ON),
      owner?.id ?? null,
      owner?.name ?? 'Demodata',
      JSON.stringify({ outcome: 'carry_on', meetingDate: DECIDED_ON, caseNumber: '04/12', successor: 'Næringsforum Kongsbergregionen' }),
      project.id,
    ],
  );
}
