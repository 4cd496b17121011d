import { evaluateReadiness, PHASES, PhaseKey } from '@nvr/shared';
import { EntityManager } from 'typeorm';
import { execute, queryOne, queryOneOrFail, queryRows } from '../sql';

/**
 * Demo projects in different phases, from the source documents: Kongsbergregionen's 2008–2012 project
 * (plan "vedtatt av regionrådet 03.02.09", seeds/002), a new Kongsbergregionen project in its forprosjekt,
 * and Glåmdalsregionen in its forstudie (recommendations from seeds/003).
 */
interface DemoPhase {
  state: 'not_started' | 'in_progress' | 'awaiting_decision' | 'completed';
  actualStart?: string;
  actualEnd?: string;
  plannedStart?: string;
  plannedEnd?: string;
  /** Deliverable key → state and text; deliverables not named are drafts. */
  deliverables?: Record<string, { state: 'draft' | 'submitted' | 'accepted' | 'returned'; content?: string; reviewComment?: string }>;
  checkpoints?: string[];
  decision?: {
    meetingDate: string;
    caseNumber: string;
    text: string;
    outcome: 'approved' | 'approved_with_conditions';
    conditions?: string;
  };
}

interface DemoProject {
  region: string;
  name: string;
  description: string;
  status: 'active' | 'completed';
  leaderEmail: string;
  memberEmails?: string[];
  phases: Record<PhaseKey, DemoPhase>;
}

/** A demo user who leads a project or decides in the regionråd. */
interface PersonRecord {
  id: string;
  name: string;
}

const allAccepted = (key: PhaseKey, content: string) =>
  Object.fromEntries(PHASES.find((p) => p.key === key)!.deliverables.map((d) => [d.key, { state: 'accepted' as const, content }]));
const allCheckpoints = (key: PhaseKey) => PHASES.find((p) => p.key === key)!.checkpoints.map((c) => c.key);

const KONGSBERG_PLAN = `Hovedmålsetting: Etablere og utvikle et samordnet næringsapparat. Det skal etableres en regional enhet for næringsutvikling som skal legge til rette for samhandling og samarbeid.

Delmål 1: Etablere en regional enhet for næringsutvikling (fra start).
Delmål 2: Gjennomføre tiltak som fremmer næringsutvikling i Kongsbergregionen (fra 3. kv. 09).
Delmål 3: Berede en eventuell permanent videreføring (fra 4. kv. 11).

Rammer: en dedikert ressurs fra hver kommune – inntil 10 % Hjartdal, Flesberg, Rollag, Nore og Uvdal; 15 % Tinn; 20 % Notodden; 25 % Kongsberg. Total økonomisk ramme ca. 2,5 mill. kr pr. år i 3 år.`;

export const DEMO_PROJECTS: DemoProject[] = [
  {
    region: 'Kongsbergregionen',
    name: 'Samordnet næringsapparat i Kongsbergregionen',
    description: 'Prosjektskisse basert på PLP, utarbeidet av Invida i samarbeid med Kongsbergregionen. Vedtatt av regionrådet 03.02.09.',
    status: 'completed',
    leaderEmail: 'prosjektleder@demo.no',
    phases: {
      forstudie: {
        state: 'completed',
        actualStart: '2008-03-01',
        actualEnd: '2008-09-15',
        deliverables: allAccepted('forstudie', 'Godkjent.'),
        checkpoints: allCheckpoints('forstudie'),
        decision: {
          meetingDate: '2008-09-15',
          caseNumber: '31/08',
          text: 'Regionrådet godkjenner forstudien og ber om en prosjektskisse for samordnet næringsapparat.',
          outcome: 'approved',
        },
      },
      forprosjekt: {
        state: 'completed',
        actualStart: '2008-09-15',
        actualEnd: '2009-02-03',
        deliverables: { ...allAccepted('forprosjekt', 'Godkjent.'), plan_hovedprosjekt: { state: 'accepted', content: KONGSBERG_PLAN } },
        checkpoints: allCheckpoints('forprosjekt'),
        decision: {
          meetingDate: '2009-02-03',
          caseNumber: '05/09',
          text: 'Prosjektskissen «Samordnet næringsapparat i Kongsbergregionen» vedtas. Prosjektet gjennomføres i perioden 2009–2012.',
          outcome: 'approved',
        },
      },
      hovedprosjekt: {
        state: 'completed',
        actualStart: '2009-02-03',
        actualEnd: '2012-02-01',
        deliverables: allAccepted('hovedprosjekt', 'Godkjent.'),
        checkpoints: allCheckpoints('hovedprosjekt'),
        decision: {
          meetingDate: '2012-02-01',
          caseNumber: '04/12',
          text: 'Regionrådet tar sluttrapporten til etterretning. Det samordnede næringsapparatet videreføres som fast ordning.',
          outcome: 'approved',
        },
      },
    },
  },
  {
    region: 'Kongsbergregionen',
    name: 'Næringsvennlig Kongsbergregion 2026',
    description: 'Ny gjennomgang av næringsutviklerrollen i de sju kommunene, med Innovasjon Norges verktøy Næringsvennlig region.',
    status: 'active',
    leaderEmail: 'prosjektleder@demo.no',
    phases: {
      forstudie: {
        state: 'completed',
        actualStart: '2025-09-01',
        actualEnd: '2026-03-10',
        plannedStart: '2025-09-01',
        plannedEnd: '2026-03-31',
        deliverables: allAccepted('forstudie', 'Se vedlagt sluttrapport fra forstudien.'),
        checkpoints: allCheckpoints('forstudie'),
        decision: {
          meetingDate: '2026-03-10',
          caseNumber: '08/26',
          text: 'Regionrådet godkjenner forstudien og vedtar oppstart av forprosjekt i tråd med fremlagt prosjektplan.',
          outcome: 'approved_with_conditions',
          conditions: 'Hver kommune melder inn sin dedikerte ressurs innen 1. mai 2026.',
        },
      },
      forprosjekt: {
        state: 'in_progress',
        actualStart: '2026-03-10',
        plannedStart: '2026-03-10',
        plannedEnd: '2027-02-28',
        deliverables: {
          service_content: {
            state: 'submitted',
            content:
              'Næringsutviklertjenestene skal gi én dør inn for bedriftene: veiledning, nettverk og kobling mot virkemiddelapparatet.',
          },
          economic_frame: {
            state: 'returned',
            content: 'Ramme: 2,5 mill. kr pr. år.',
            reviewComment: 'Vis fordelingen mellom kommunene og egeninnsatsen.',
          },
          plan_hovedprosjekt: { state: 'draft', content: KONGSBERG_PLAN },
        },
        checkpoints: ['leadership_briefed'],
      },
      hovedprosjekt: { state: 'not_started' },
    },
  },
  {
    region: 'Glåmdalsregionen',
    name: 'Næringsvennlig Glåmdal',
    description: 'Felles næringsstrategi og mål om 100 nye arbeidsplasser i året i Glåmdalsregionen.',
    status: 'active',
    leaderEmail: 'prosjektleder@demo.no',
    phases: {
      forstudie: {
        state: 'in_progress',
        actualStart: '2026-06-01',
        plannedStart: '2026-06-01',
        plannedEnd: '2027-02-28',
        deliverables: {
          business_needs: {
            state: 'accepted',
            content:
              'Næringslivet ønsker profesjonelt mottak, rask saksbehandling, tilgang på næringsarealer og tydelig kommunikasjon av mulighetene i regionen.',
          },
          current_practice: {
            state: 'submitted',
            content: 'I dag: Magnor, Odal, Solør og Grue næringshager, Hedmark kunnskapspark, 7 sterke og kommunenes egne næringsapparat.',
          },
          recommendation: {
            state: 'draft',
            content: 'Anbefaling: felles næringsfond, felles kommunikasjon og omdømmebygging, felles retningslinjer for næringsarealer.',
          },
        },
      },
      forprosjekt: { state: 'not_started' },
      hovedprosjekt: { state: 'not_started' },
    },
  },
];

/** The hovedprosjekt plan the Kongsbergregionen 2026 project is writing: the 2009 plan sketch (seeds/002), with its budget. */
const KONGSBERG_HOVEDPROSJEKT_PLAN = {
  background: {
    text: 'Ett av Kongsbergregionens hovedmål er å jobbe for næringsutvikling. Ved å koordinere, samordne og bruke næringsapparatet best mulig, også på tvers av kommunegrensene, kan strategiske hovedmål nås raskere og rimeligere enn om hver kommune jobber alene.',
  },
  goals: {
    main_goal: 'Etablere og utvikle et samordnet næringsapparat.',
    sub_goals: [
      {
        title: 'Etablere en regional enhet for næringsutvikling som skal legge til rette for samhandling og samarbeid',
        activities: [
          'Engasjere programkoordinator for næringsutvikling',
          'Etablere prosjektgruppe med dedikert ressurs fra hver kommune',
          'Etablere nettverk/arena for samhandling og utvikling',
        ],
        // The seed plan's schedule: "Delmål 1: Fra start", "Delmål 2: Fra 3. kv.", "Delmål 3: Fra 4. kv." of the third year.
        start: '2027-Q1',
      },
      {
        title: 'Gjennomføre tiltak som fremmer næringsutvikling i Kongsbergregionen',
        activities: [
          'Utvikle strategisk næringsplan',
          'Profilere Kongsbergregionen som attraktiv næringsregion',
          'Utvikle vertskapsrollen i hver kommune',
        ],
        start: '2027-Q3',
      },
      {
        title: 'Berede en eventuell permanent videreføring',
        activities: ['Utarbeide gevinstplan', 'Evaluere samordnet næringsapparat', 'Foreslå permanent videreføring'],
        start: '2029-Q4',
        end: '2029-Q4',
      },
    ],
    benefit_areas: [
      'Effektive, fleksible og tilrettelagte vertskapstjenester for næringsutvikling',
      'God lønnsomhet i næringslivet',
      'God rekruttering av arbeidskraft',
      'Interkommunalt samarbeid oppleves positivt',
    ],
  },
  frame: {
    economic_frame:
      'Total økonomisk ramme ca. 2,5 mill. kr pr. år i 3 år, herav 1,25 mill. kr i eksterne kostnader og 1,25 mill. kr i egeninnsats.',
    period: '01.01.2027–31.12.2029',
  },
  schedule: {
    milestones: [
      { title: 'Delmål 1 starter', date: '2027-01-01' },
      { title: 'Delmål 2 starter', date: '2027-07-01' },
      { title: 'Delmål 3 starter', date: '2029-10-01' },
    ],
  },
  organisation: {
    roles: [
      { role: 'Prosjekteier', name: 'Regionrådet i Kongsbergregionen' },
      { role: 'Prosjektansvarlig', name: 'Regional koordinator' },
      { role: 'Prosjektleder', name: 'Pia Prosjektleder' },
      { role: 'Prosjektgruppe', name: 'Dedikert ressurs fra hver kommune' },
    ],
  },
  decision_points: {
    decision_points: 'Regionrådet behandler årlig status og gevinstplan, og avgjør permanent videreføring ved prosjektslutt.',
    status_meetings: 'Programkoordinator rapporterer status til prosjektansvarlig månedlig.',
  },
};

const RESOURCE_PERCENT: Record<string, number> = {
  Hjartdal: 10,
  Flesberg: 10,
  Rollag: 10,
  'Nore og Uvdal': 10,
  Tinn: 15,
  Notodden: 20,
  Kongsberg: 25,
};

async function seedKongsbergPlan(tx: EntityManager, projectId: string, phaseId: string): Promise<void> {
  const kommuner = await queryRows<{ id: string; name: string }>(
    tx,
    `SELECT k.id, k.name FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1 ORDER BY k.name`,
    [projectId],
  );
  const content = {
    ...KONGSBERG_HOVEDPROSJEKT_PLAN,
    frame: {
      ...KONGSBERG_HOVEDPROSJEKT_PLAN.frame,
      kommune_resources: kommuner.map((k) => ({ kommuneId: k.id, kommuneName: k.name, percent: RESOURCE_PERCENT[k.name] ?? 10 })),
    },
  };
  const template = await queryOneOrFail<{ id: string }>(
    tx,
    `SELECT tv.id FROM template_version tv JOIN template t ON t.id = tv.template_id WHERE t.key = 'plan_hovedprosjekt' AND tv.version = 1`, // the version this demo content was written for
  );
  await execute(tx, `INSERT INTO phase_plan (phase_id, template_version_id, content, cost_sharing, version) VALUES ($1, $2, $3, $4, 1)`, [
    phaseId,
    template.id,
    JSON.stringify(content),
    JSON.stringify({ equalPercent: 50, populationDate: '2008-01-01', year: 2027 }),
  ]);
  const lines: [string, string, number, number | null, number | null, string | null, string][] = [];
  for (const year of [2027, 2028, 2029]) {
    lines.push(
      ['cost', 'project_management', 600000, null, null, null, 'Programkoordinator næringsliv'],
      ['cost', 'rent_equipment', 100000, null, null, null, ''],
      ['cost', 'consultants', 300000, null, null, null, 'Strategisk næringsplan'],
      ['cost', 'material_communication', 150000, null, null, null, 'Profilering av regionen'],
      ['cost', 'meetings_travel', 100000, null, null, null, ''],
      ['cost', 'own_work', 1250000, 2500, 500, null, 'Dedikerte ressurser i kommunene'],
      ['financing', 'innovasjon_norge', 375000, null, null, 'applied', 'Eksterne tilskudd'],
      ['financing', 'fylkeskommune', 375000, null, null, 'applied', 'Eksterne tilskudd'],
      ['financing', 'kommuner_direct', 500000, null, null, 'granted', 'Fordeles 50 % likt og 50 % etter innbyggertall'],
      ['financing', 'own_work', 1250000, 2500, 500, 'granted', 'Egeninnsats fra kommunene'],
    );
    for (const [i, [kind, category, amount, hours, rate, status, description]] of lines.splice(0).entries()) {
      await execute(
        tx,
        `INSERT INTO budget_line (phase_id, position, kind, category, year, description, amount, hours, rate, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [phaseId, (year - 2027) * 10 + i, kind, category, year, description, amount, hours, rate, status],
      );
    }
  }
}

export async function seedDemoProjects(tx: EntityManager): Promise<void> {
  for (const demo of DEMO_PROJECTS) {
    const region = await queryOne<{ id: string }>(tx, `SELECT id FROM region WHERE name = $1`, [demo.region]);
    if (!region) continue;
    const leader = await queryOne<PersonRecord>(tx, `SELECT id, name FROM app_user WHERE lower(email) = lower($1)`, [demo.leaderEmail]);
    const project = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO project (region_id, name, description, status) VALUES ($1, $2, $3, $4) RETURNING id`,
      [region.id, demo.name, demo.description, demo.status],
    );
    await execute(
      tx,
      `INSERT INTO project_kommune (project_id, kommune_id) SELECT $1, kommune_id FROM region_membership WHERE region_id = $2 AND valid_to IS NULL`,
      [project.id, region.id],
    );
    if (leader)
      await execute(tx, `INSERT INTO role_assignment (user_id, role, region_id, project_id) VALUES ($1, 'project_leader', $2, $3)`, [
        leader.id,
        region.id,
        project.id,
      ]);
    const raad = await queryOne<PersonRecord>(
      tx,
      `SELECT u.id, u.name FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id WHERE ra.role = 'regionraad' AND ra.region_id = $1 LIMIT 1`,
      [region.id],
    );
    const event = (action: string, entityType: string, entityId: string, after: object, actor = leader, at?: string) =>
      execute(
        tx,
        `INSERT INTO history_event (project_id, at, actor_id, actor_name, action, entity_type, entity_id, after) VALUES ($1, coalesce($2::timestamptz, now()), $3, $4, $5, $6, $7, $8)`,
        [project.id, at ?? null, actor?.id ?? null, actor?.name ?? 'Demodata', action, entityType, entityId, JSON.stringify(after)],
      );
    await event('project.created', 'project', project.id, { name: demo.name }, raad, demo.phases.forstudie.actualStart);
    for (const spec of PHASES) {
      const ph = demo.phases[spec.key];
      const phase = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO project_phase (project_id, phase_key, position, state, planned_start, planned_end, actual_start, actual_end) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          project.id,
          spec.key,
          spec.order,
          ph.state,
          ph.plannedStart ?? null,
          ph.plannedEnd ?? null,
          ph.actualStart ?? null,
          ph.actualEnd ?? null,
        ],
      );
      for (const d of spec.deliverables) {
        const given = ph.deliverables?.[d.key];
        await execute(
          tx,
          `INSERT INTO deliverable (phase_id, catalogue_key, title, required, state, content, review_comment, owner_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            phase.id,
            d.key,
            d.title.nb,
            d.required,
            given?.state ?? 'draft',
            given?.content ?? '',
            given?.reviewComment ?? null,
            leader?.id ?? null,
          ],
        );
      }
      for (const key of ph.checkpoints ?? []) {
        await execute(
          tx,
          `INSERT INTO gate_checkpoint (phase_id, checkpoint_key, checked, comment, updated_by) VALUES ($1, $2, true, $3, $4)`,
          [phase.id, key, 'Behandlet i møte.', leader?.id ?? null],
        );
      }
      if (ph.decision) {
        // The checklist as it stood at submission: everything in order.
        const readiness = evaluateReadiness({
          phaseKey: spec.key,
          phaseState: 'in_progress',
          deliverables: spec.deliverables.map((d) => ({
            id: d.key,
            key: d.key,
            required: d.required,
            state: 'accepted' as const,
            notRequiredReason: null,
          })),
          checkpoints: spec.checkpoints.map((c) => ({ key: c.key, checked: true })),
          actualStart: ph.actualStart ?? null,
          today: ph.decision.meetingDate,
        });
        const s = await queryOneOrFail<{ id: string }>(
          tx,
          `INSERT INTO gate_submission (phase_id, submitted_by, submitted_at, note, readiness) VALUES ($1, $2, $3::date - 14, $4, $5) RETURNING id`,
          [
            phase.id,
            leader?.id ?? null,
            ph.decision.meetingDate,
            'Sluttrapport og plan for neste fase er lagt ved.',
            JSON.stringify(readiness),
          ],
        );
        await execute(
          tx,
          `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text, conditions, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $4::date + interval '12 hours')`,
          [
            s.id,
            phase.id,
            ph.decision.outcome,
            ph.decision.meetingDate,
            ph.decision.caseNumber,
            ph.decision.text,
            ph.decision.conditions ?? null,
            raad?.id ?? null,
          ],
        );
        await event(
          `gate.${ph.decision.outcome}`,
          'gate',
          spec.key,
          { meetingDate: ph.decision.meetingDate, caseNumber: ph.decision.caseNumber },
          raad,
          ph.decision.meetingDate,
        );
      }
      if (demo.name === 'Næringsvennlig Kongsbergregion 2026' && spec.key === 'hovedprosjekt')
        await seedKongsbergPlan(tx, project.id, phase.id);
    }
  }
}
