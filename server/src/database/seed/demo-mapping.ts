import { randomBytes } from 'node:crypto';
import { validateAnswers, type NeedCategory, type SurveyAnswers, type SurveyQuestion } from '@nvr/shared';
import { EntityManager } from 'typeorm';
import { execute, queryOne, queryOneOrFail, queryRows } from '../sql';

/**
 * The forstudie's kartlegging on Næringsvennlig Glåmdal (issue 12, item 10): Innovasjon Norge's
 * business-needs survey (the business_survey template, version 2) open from late August to late
 * September 2026 with a general link and one per kommune, 300 answers spread over the seven kommuner
 * (Kongsvinger most; Våler so few that its group is suppressed in a cross-tabulation by kommune), three
 * interviews with businesses, a meeting in the rådmannsgruppe and a workshop, and the eight
 * recommendations of seeds/003 put to the regionråd with the forstudie's package.
 *
 * The answers are drawn from a fixed seed, so every database gets the same ones, and stored in one
 * statement. Each answer set passes the same validation as an answer from the public form.
 */
const PROJECT = 'Næringsvennlig Glåmdal';
const SURVEY_TITLE = 'Næringslivets behov i Glåmdalsregionen 2026';

/** Answers per link: the kommune's name, or null for the general link. Sums to 300. */
const ANSWERS_PER_LINK: [string | null, number][] = [
  ['Kongsvinger', 112],
  ['Sør-Odal', 48],
  ['Åsnes', 42],
  ['Eidskog', 36],
  ['Nord-Odal', 31],
  ['Grue', 14],
  ['Våler', 4],
  [null, 13],
];

const OPENS_AT = '2026-08-24T08:00:00+02:00';
const CLOSES_AT = '2026-09-20T23:59:00+02:00';
/** The days the answers came on: most in the first week, a few after the reminder. */
const FIRST_DAY = Date.UTC(2026, 7, 24);
const OPEN_DAYS = 28;

/** Mulberry32: a small deterministic generator, enough for demo data. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const ROLES = [
  ['owner_manager', 60],
  ['employee', 25],
  ['board_member', 8],
  ['other', 7],
] as const;
const SIZES = [
  ['employees_1_3', 45],
  ['employees_4_10', 30],
  ['employees_over_10', 25],
] as const;
const INDUSTRIES = [
  ['primary', 14],
  ['manufacturing', 13],
  ['construction', 16],
  ['retail', 15],
  ['tourism', 9],
  ['transport', 8],
  ['services', 20],
  ['other', 5],
] as const;
/** The mean satisfaction (1–5) per need area: building permits and business land lowest. */
const SATISFACTION: Record<string, number> = {
  infrastructure_planning: 3.1,
  business_land: 2.7,
  building_permits: 2.5,
  business_development: 2.8,
  service: 3.3,
  dialogue: 3.0,
};
const NEEDS_CHOSEN = [
  ['building_permits', 50],
  ['business_land', 45],
  ['dialogue', 40],
  ['business_development', 35],
  ['service', 28],
  ['infrastructure_planning', 25],
  ['recruitment', 25],
  ['competence', 20],
  ['financing', 15],
  ['network', 15],
  ['other', 3],
] as const;
/** A few free-text answers, as businesses write them (no names). */
const COMMENTS = [
  'Det tar for lang tid å få svar på byggesøknader. Vi trenger én kontaktperson i kommunen.',
  'Bra samarbeid med næringshagen, men kommunen burde vært mer synlig overfor bedriftene.',
  'Vi mangler ferdig regulerte næringstomter langs E16. Det hemmer utvidelse.',
  'Kommunene i regionen bør markedsføre seg samlet, ikke konkurrere om de samme etableringene.',
  'Vanskelig å rekruttere fagarbeidere. Kommunen kan hjelpe med bolig og jobb til partner.',
  'Næringsfondet er for lite til å utgjøre en forskjell alene.',
  'Raskere og mer forutsigbar saksbehandling er det viktigste.',
];

function scaleAnswer(random: () => number, mean: number): number {
  const spread = (random() + random() + random() - 1.5) * 1.8;
  return Math.min(5, Math.max(1, Math.round(mean + spread)));
}

/** One respondent's answers, drawn from the generator. */
function answersFor(random: () => number, index: number): SurveyAnswers {
  const a: SurveyAnswers = { role: pick(random, ROLES), employees: pick(random, SIZES) };
  if (random() < 0.95) a.industry = pick(random, INDUSTRIES);
  for (const [key, mean] of Object.entries(SATISFACTION)) {
    if (random() < 0.9) a[key] = scaleAnswer(random, mean);
  }
  if (random() < 0.86) {
    const count = 1 + Math.floor(random() * 3);
    const chosen: string[] = [];
    let options = [...NEEDS_CHOSEN] as (readonly [string, number])[];
    while (chosen.length < count && options.length > 0) {
      const key = pick(random, options);
      chosen.push(key);
      options = options.filter(([k]) => k !== key);
    }
    a.most_important_needs = chosen;
  }
  if (index % 43 === 7) a.comments = COMMENTS[Math.floor(index / 43) % COMMENTS.length];
  return a;
}

/** The day of an answer: half in the first week, the rest spread out. */
function dayFor(random: () => number): string {
  const day = random() < 0.5 ? Math.floor(random() * 7) : Math.floor(random() * OPEN_DAYS);
  return new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
}

interface Conversation {
  key: string;
  kind: 'interview' | 'meeting' | 'workshop';
  guide: string;
  title: string;
  heldOn: string;
  kommune: string | null;
  participants: number;
  notes: Record<string, string>;
  needs: NeedCategory[];
}

const CONVERSATIONS: Conversation[] = [
  {
    key: 'industry',
    kind: 'interview',
    guide: 'interview_guide',
    title: 'Intervju med industribedrift på Kongsvinger',
    heldOn: '2026-06-18',
    kommune: 'Kongsvinger',
    participants: 2,
    notes: {
      intro: 'Daglig leder og produksjonssjef. Informert om forstudien og at svarene brukes anonymisert i sluttrapporten.',
      business:
        'Metallindustri, 45 ansatte, leverer til bygg og anlegg i Norge og Sverige. Planlegger utvidelse av produksjonen innen tre år.',
      needs: 'Trenger 15–20 dekar regulert næringsareal nær E16 og hjelp til å rekruttere fagarbeidere.',
      experience: 'Byggesaken for forrige utvidelse tok nesten ett år. Savner én fast kontaktperson i kommunen.',
      wrapup: 'Positiv til felles rekruttering i regionen. Kan kontaktes igjen.',
    },
    needs: ['business_land', 'building_permits', 'recruitment'],
  },
  {
    key: 'tourism',
    kind: 'interview',
    guide: 'interview_guide',
    title: 'Intervju med reiselivsbedrift i Åsnes',
    heldOn: '2026-06-25',
    kommune: 'Åsnes',
    participants: 1,
    notes: {
      intro: 'Innehaveren. Informert om formålet og hvordan svarene brukes.',
      business: 'Overnatting og opplevelser i Finnskogen, 6 ansatte, sesongbasert.',
      needs: 'Ønsker hjelp til produktutvikling og felles markedsføring av regionen som reisemål.',
      experience: 'God kontakt med Solør næringshage; kommunen er lite synlig overfor reiselivet.',
      wrapup: 'Vil gjerne være med i et nettverk for reiselivsbedrifter.',
    },
    needs: ['business_development', 'dialogue', 'network'],
  },
  {
    key: 'retail',
    kind: 'interview',
    guide: 'interview_guide',
    title: 'Intervju med handelsbedrift i Eidskog',
    heldOn: '2026-08-12',
    kommune: 'Eidskog',
    participants: 2,
    notes: {
      intro: 'Daglig leder og styreleder. Informert om forstudien.',
      business: 'Grensehandel på Magnor, 18 ansatte, avhengig av svenske kunder.',
      needs: 'Trenger raskere svar fra kommunen og hjelp til å finansiere ombygging.',
      experience: 'Saksbehandlingen er forutsigbar, men tar tid. Vet ikke hvem de skal kontakte om næringsspørsmål.',
      wrapup: 'Ønsker et profesjonelt og samlet mottak for bedrifter i regionen.',
    },
    needs: ['service', 'dialogue', 'financing'],
  },
  {
    key: 'radmenn',
    kind: 'meeting',
    guide: 'meeting_guide',
    title: 'Møte i rådmannsgruppen: funn fra kartleggingen',
    heldOn: '2026-09-03',
    kommune: null,
    participants: 8,
    notes: {
      purpose: 'Orientering om foreløpige funn fra intervjuene og spørreundersøkelsen, og innspill til anbefalingene.',
      agenda: 'Status i forstudien, foreløpige svar fra spørreundersøkelsen, næringsarealer og byggesaksbehandling, veien videre.',
      decisions: 'Rådmannsgruppen ber prosjektet utrede felles retningslinjer for næringsarealer og en felles næringsstrategi.',
    },
    needs: ['business_land', 'building_permits', 'dialogue'],
  },
  {
    key: 'workshop',
    kind: 'workshop',
    guide: 'workshop_guide',
    title: 'Workshop: felles næringsutvikling i Glåmdalen',
    heldOn: '2026-09-24',
    kommune: 'Kongsvinger',
    participants: 30,
    notes: {
      preparation:
        'Næringslivet, kommunene, næringshagene, Innovasjon Norge og fylkeskommunen invitert. Resultatene fra spørreundersøkelsen sendt ut på forhånd.',
      exercises:
        'Styrker og svakheter i dagens næringsapparat, felles mål (100 nye arbeidsplasser i året), prioritering av åtte tiltak. Høyest prioritert: felles næringsfond, felles kommunikasjon og felles retningslinjer for næringsarealer.',
      followup: 'Oppsummering sendt deltakerne 1. oktober. Tiltakene tas inn i anbefalingene til regionrådet.',
    },
    needs: ['financing', 'business_development', 'competence', 'network', 'recruitment'],
  },
];

type Ref = { survey: string | null } | { conversation: string };

interface Recommendation {
  title: string;
  reasoning: string;
  evidence: string;
  refs: Ref[];
  models?: string;
  needs: NeedCategory[];
}

/** The eight recommendations of seeds/003, as the forstudie put them to the regionråd. */
const RECOMMENDATIONS: Recommendation[] = [
  {
    title: 'Det etableres et felles næringsfond for kommunene i regionen.',
    reasoning:
      'Større fleksibilitet som gir mulighet for større satsinger. Enklere samspill med eksterne aktører som fylkeskommunen og Innovasjon Norge. Styrker kompetansen i forvaltning av fond.',
    evidence:
      'Workshopen prioriterte et felles næringsfond høyest; bedriftene i spørreundersøkelsen etterspør finansiering og hjelp til utvikling.',
    refs: [{ survey: 'most_important_needs' }, { conversation: 'workshop' }],
    needs: ['financing', 'business_development'],
  },
  {
    title: 'Kommunene samarbeider om å synliggjøre botilbud, gunstige etableringsvilkår for næringslivet, turisme og kultur.',
    reasoning:
      'Regionen blir mer konkurransedyktig når hele regionen ses under ett: mer tyngde i markedsføringen og et bredt tilbud. Det blir enklere å samarbeide med regionens næringsliv.',
    evidence: 'Reiselivet og handelen savner en synlig region; workshopen prioriterte felles kommunikasjon og omdømmebygging.',
    refs: [{ conversation: 'tourism' }, { conversation: 'workshop' }],
    needs: ['dialogue', 'network'],
  },
  {
    title:
      'Det utarbeides felles retningslinjer for næringsarealer i regionen, som legges til grunn for kommunenes arealplaner. De best egnede arealene til ulike formål defineres uavhengig av kommunegrenser, planleggerne i kommunene møtes fast om konkrete plansaker, og en regional arealplan vurderes over tid.',
    reasoning:
      'Mulighetene for å legge til rette for arealer som næringslivet etterspør blir større. Hver kommune trenger ikke egne arealer for alle formål, og det reduserer kommunenes kostnader. Et større fagmiljø gir kompetanseøkning og løsninger på tvers av kommunegrensene.',
    evidence:
      'Næringsarealer er blant de behovene flest bedrifter velger i spørreundersøkelsen, og tilfredsheten med tilgangen er lav; industribedriften på Kongsvinger og rådmannsgruppen peker på det samme.',
    refs: [{ survey: 'business_land' }, { conversation: 'industry' }, { conversation: 'radmenn' }],
    needs: ['business_land', 'infrastructure_planning'],
  },
  {
    title:
      'Det etableres et regionalt kompetanseprogram som bevisstgjør roller og ansvar for næringsutvikling hos politikere, administrasjon og virkemiddelapparatet.',
    reasoning:
      'Et profesjonelt mottak av bedrifter gjør det enklere å etablere og drive virksomhet i Glåmdalen: profesjonelle og næringsvennlige kommuner.',
    evidence: 'Byggesaksbehandling og service får lave skårer i spørreundersøkelsen; bedriftene vet ofte ikke hvem de skal kontakte.',
    refs: [{ survey: 'building_permits' }, { survey: 'service' }, { conversation: 'retail' }],
    needs: ['building_permits', 'service', 'competence'],
  },
  {
    title: 'Det etableres en felles ressurs som arbeider tett med politisk nivå om rekruttering av bedrifter.',
    reasoning:
      'Regionens samlede muligheter og fortrinn frontes lite i dag. En samlet innsats kan styrke regionens muligheter til å rekruttere bedrifter og arbeidskraft.',
    evidence: 'Industrien trenger fagarbeidere, og workshopen ønsket en samlet innsats for rekruttering.',
    refs: [{ conversation: 'industry' }, { conversation: 'workshop' }],
    needs: ['recruitment'],
  },
  {
    title: 'Det arbeides for å knytte Høgskolesenteret i Kongsvinger sammen med NMBU (Universitetet på Ås) og andre relevante FoU-miljøer.',
    reasoning: 'Styrker høgskolemiljøet i Kongsvinger, øker tilgangen på relevant kompetanse i regionen og kobler næringsutvikling og FoU.',
    evidence: 'Kompetanse er et av behovene bedriftene velger i spørreundersøkelsen, og workshopen løftet koblingen til FoU.',
    refs: [{ survey: 'most_important_needs' }, { conversation: 'workshop' }],
    needs: ['competence'],
  },
  {
    title:
      'Det utvikles en felles næringsstrategi for regionen i samarbeid med næringslivet: visjon og mål for næringsutviklingen, strategier for å nå målene, samspill med andre offentlige og private virkemidler, og kompetansebehov og ressursbruk.',
    reasoning:
      'En felles næringsstrategi gir regionen en felles retning og grunnlag for et mer målrettet samspill mellom kommunene og næringslivet.',
    evidence: 'Dialogen mellom kommunene og næringslivet får middels skår; rådmannsgruppen ba om en felles næringsstrategi.',
    refs: [{ survey: 'dialogue' }, { conversation: 'radmenn' }, { conversation: 'workshop' }],
    needs: ['dialogue', 'business_development'],
  },
  {
    title: 'Modell 2 og 3 for organisering av næringsapparatet utredes videre i forprosjektet, med mål om å innføre den valgte modellen.',
    reasoning:
      'Mer effektiv utnyttelse av næringsutviklingsressursene, styrket nettverk til FoU og Innovasjon Norge, kompetanseutvikling ut fra næringslivets behov, og mulighet til å utnytte eksisterende spisskompetanse.',
    evidence: 'Bedriftene ønsker ett profesjonelt og samlet mottak; dagens næringsapparat er fragmentert.',
    refs: [{ survey: null }, { conversation: 'retail' }, { conversation: 'workshop' }],
    models:
      'Modell 1: dagens aktørbilde (fire næringshager, Hedmark kunnskapspark, K+, 7 sterke og kommunenes eget næringsarbeid). Modell 2: vekstselskap med de kommunene som ønsker det, og næringshagene slått sammen fra fire til én med felles ledelse. Modell 3: vekstselskap med alle næringsaktørene, inkludert næringshagene og K+. Modell 2 og 3 gir felles mål og strategier, bedre ressursutnyttelse og enklere koordinering, men kan svekke den lokale forankringen, og fusjoner tar tid.',
    needs: ['business_development', 'service'],
  },
];

export async function seedDemoMapping(tx: EntityManager): Promise<void> {
  const project = await queryOne<{ id: string }>(tx, `SELECT id FROM project WHERE name = $1`, [PROJECT]);
  if (!project) return;
  const existing = await queryOne<{ id: string }>(tx, `SELECT id FROM survey WHERE project_id = $1 AND title = $2`, [
    project.id,
    SURVEY_TITLE,
  ]);
  if (existing) return;
  const leader = await queryOne<{ id: string }>(tx, `SELECT id FROM app_user WHERE lower(email) = 'prosjektleder@demo.no'`);
  const leaderId = leader?.id ?? null;
  const kommuner = await queryRows<{ id: string; name: string }>(
    tx,
    `SELECT k.id, k.name FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1`,
    [project.id],
  );
  const kommuneId = (name: string | null) => (name === null ? null : (kommuner.find((k) => k.name === name)?.id ?? null));

  // The survey: a copy of the business survey template's questions.
  const template = await queryOneOrFail<{ id: string; questions: SurveyQuestion[] }>(
    tx,
    `SELECT tv.id, tv.questions FROM template_version tv JOIN template t ON t.id = tv.template_id
      WHERE t.key = 'business_survey' AND tv.questions IS NOT NULL ORDER BY tv.version DESC LIMIT 1`,
  );
  const survey = await queryOneOrFail<{ id: string }>(
    tx,
    `INSERT INTO survey (project_id, template_version_id, title, intro, privacy_notice, questions, min_group_size,
                         opens_at, closes_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, 5, $7, $8, $9, '2026-08-17T10:00:00+02:00', '2026-08-21T14:00:00+02:00') RETURNING id`,
    [
      project.id,
      template.id,
      SURVEY_TITLE,
      'Kommunene i Glåmdalsregionen vil bli mer næringsvennlige. Hva trenger bedriften din fra kommunen og næringsutviklerne? Undersøkelsen tar om lag fem minutter.',
      'Spørsmål om undersøkelsen kan rettes til prosjektleder i Glåmdalsregionen.',
      JSON.stringify(template.questions),
      OPENS_AT,
      CLOSES_AT,
      leaderId,
    ],
  );
  for (const [name] of ANSWERS_PER_LINK) {
    await execute(
      tx,
      `INSERT INTO survey_link (survey_id, token, kommune_id, created_at) VALUES ($1, $2, $3, '2026-08-21T14:00:00+02:00')`,
      [survey.id, randomBytes(32).toString('base64url'), kommuneId(name)],
    );
  }

  // 300 answers from a fixed seed, each checked as the public form checks it, stored in one statement.
  const random = generator(20260824);
  const rows: { kommune_id: string | null; answers: SurveyAnswers; received_on: string }[] = [];
  for (const [name, count] of ANSWERS_PER_LINK) {
    for (let i = 0; i < count; i++) {
      const { answers, problems } = validateAnswers(template.questions, answersFor(random, rows.length));
      if (problems.length > 0) throw new Error(`Demo answer ${rows.length} does not fit the survey: ${JSON.stringify(problems)}`);
      rows.push({ kommune_id: kommuneId(name), answers, received_on: dayFor(random) });
    }
  }
  await execute(
    tx,
    `INSERT INTO survey_response (survey_id, kommune_id, definition_version, answers, source, received_on)
     SELECT $1, x.kommune_id, 1, x.answers, 'web', x.received_on FROM jsonb_to_recordset($2::jsonb) AS x(kommune_id uuid, answers jsonb, received_on date)`,
    [survey.id, JSON.stringify(rows)],
  );

  // Interviews, a meeting and a workshop, with notes per section of their guides.
  const conversationIds = new Map<string, string>();
  for (const c of CONVERSATIONS) {
    const row = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO conversation (project_id, kind, title, held_on, kommune_id, participant_count, guide_template_version_id, notes, needs,
                                 created_by, created_at, updated_at)
       SELECT $1, $2, $3, $4, $5, $6,
              (SELECT tv.id FROM template_version tv JOIN template t ON t.id = tv.template_id WHERE t.key = $7 ORDER BY tv.version DESC LIMIT 1),
              $8::jsonb, $9::text[], $10, $4::date + time '16:00', $4::date + time '16:00'
       RETURNING id`,
      [project.id, c.kind, c.title, c.heldOn, kommuneId(c.kommune), c.participants, c.guide, JSON.stringify(c.notes), c.needs, leaderId],
    );
    conversationIds.set(c.key, row.id);
  }

  // The recommendations, put to the regionråd with the forstudie's package.
  for (const [i, r] of RECOMMENDATIONS.entries()) {
    const refs = r.refs.map((ref) =>
      'conversation' in ref
        ? { kind: 'conversation', conversationId: conversationIds.get(ref.conversation) }
        : { kind: 'survey', surveyId: survey.id, ...(ref.survey ? { questionKey: ref.survey } : {}) },
    );
    await execute(
      tx,
      `INSERT INTO recommendation (project_id, position, title, reasoning, evidence, evidence_refs, models_compared, needs, status,
                                   status_note, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::text[], 'put_to_owner', $9, $10, '2026-10-01T12:00:00+02:00', '2026-10-15T10:00:00+02:00')`,
      [
        project.id,
        i + 1,
        r.title,
        r.reasoning,
        r.evidence,
        JSON.stringify(refs),
        r.models ?? '',
        r.needs,
        'Lagt fram for Glåmdal regionråd med sluttrapporten fra forstudien.',
        leaderId,
      ],
    );
  }
}
