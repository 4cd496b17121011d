import { PHASES, PhaseKey } from '@nvr/shared';
import { EntityManager } from 'typeorm';

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
  decision?: { meetingDate: string; caseNumber: string; text: string; outcome: 'approved' | 'approved_with_conditions'; conditions?: string };
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
      forstudie: { state: 'completed', actualStart: '2008-03-01', actualEnd: '2008-09-15', deliverables: allAccepted('forstudie', 'Godkjent.'), checkpoints: allCheckpoints('forstudie'), decision: { meetingDate: '2008-09-15', caseNumber: '31/08', text: 'Regionrådet godkjenner forstudien og ber om en prosjektskisse for samordnet næringsapparat.', outcome: 'approved' } },
      forprosjekt: { state: 'completed', actualStart: '2008-09-15', actualEnd: '2009-02-03', deliverables: { ...allAccepted('forprosjekt', 'Godkjent.'), plan_hovedprosjekt: { state: 'accepted', content: KONGSBERG_PLAN } }, checkpoints: allCheckpoints('forprosjekt'), decision: { meetingDate: '2009-02-03', caseNumber: '05/09', text: 'Prosjektskissen «Samordnet næringsapparat i Kongsbergregionen» vedtas. Prosjektet gjennomføres i perioden 2009–2012.', outcome: 'approved' } },
      hovedprosjekt: { state: 'completed', actualStart: '2009-02-03', actualEnd: '2012-02-01', deliverables: allAccepted('hovedprosjekt', 'Godkjent.'), checkpoints: allCheckpoints('hovedprosjekt'), decision: { meetingDate: '2012-02-01', caseNumber: '04/12', text: 'Regionrådet tar sluttrapporten til etterretning. Det samordnede næringsapparatet videreføres som fast ordning.', outcome: 'approved' } },
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
        decision: { meetingDate: '2026-03-10', caseNumber: '08/26', text: 'Regionrådet godkjenner forstudien og vedtar oppstart av forprosjekt i tråd med fremlagt prosjektplan.', outcome: 'approved_with_conditions', conditions: 'Hver kommune melder inn sin dedikerte ressurs innen 1. mai 2026.' },
      },
      forprosjekt: {
        state: 'in_progress',
        actualStart: '2026-03-10',
        plannedStart: '2026-03-10',
        plannedEnd: '2027-02-28',
        deliverables: {
          service_content: { state: 'submitted', content: 'Næringsutviklertjenestene skal gi én dør inn for bedriftene: veiledning, nettverk og kobling mot virkemiddelapparatet.' },
          economic_frame: { state: 'returned', content: 'Ramme: 2,5 mill. kr pr. år.', reviewComment: 'Vis fordelingen mellom kommunene og egeninnsatsen.' },
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
          business_needs: { state: 'accepted', content: 'Næringslivet ønsker profesjonelt mottak, rask saksbehandling, tilgang på næringsarealer og tydelig kommunikasjon av mulighetene i regionen.' },
          current_practice: { state: 'submitted', content: 'I dag: Magnor, Odal, Solør og Grue næringshager, Hedmark kunnskapspark, 7 sterke og kommunenes egne næringsapparat.' },
          recommendation: { state: 'draft', content: 'Anbefaling: felles næringsfond, felles kommunikasjon og omdømmebygging, felles retningslinjer for næringsarealer.' },
        },
      },
      forprosjekt: { state: 'not_started' },
      hovedprosjekt: { state: 'not_started' },
    },
  },
];

export async function seedDemoProjects(tx: EntityManager): Promise<void> {
  for (const demo of DEMO_PROJECTS) {
    const [region] = await tx.query(`SELECT id FROM region WHERE name = $1`, [demo.region]);
    if (!region) continue;
    const [leader] = await tx.query(`SELECT id, name FROM app_user WHERE lower(email) = lower($1)`, [demo.leaderEmail]);
    const [project] = await tx.query(`INSERT INTO project (region_id, name, description, status) VALUES ($1, $2, $3, $4) RETURNING id`, [region.id, demo.name, demo.description, demo.status]);
    await tx.query(
      `INSERT INTO project_kommune (project_id, kommune_id) SELECT $1, kommune_id FROM region_membership WHERE region_id = $2 AND valid_to IS NULL`,
      [project.id, region.id],
    );
    if (leader) await tx.query(`INSERT INTO role_assignment (user_id, role, region_id, project_id) VALUES ($1, 'project_leader', $2, $3)`, [leader.id, region.id, project.id]);
    const [raad] = await tx.query(`SELECT u.id, u.name FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id WHERE ra.role = 'regionraad' AND ra.region_id = $1 LIMIT 1`, [region.id]);
    const event = (action: string, entityType: string, entityId: string, after: object, actor = leader, at?: string) =>
      tx.query(`INSERT INTO history_event (project_id, at, actor_id, actor_name, action, entity_type, entity_id, after) VALUES ($1, coalesce($2::timestamptz, now()), $3, $4, $5, $6, $7, $8)`, [
        project.id,
        at ?? null,
        actor?.id ?? null,
        actor?.name ?? 'Demodata',
        action,
        entityType,
        entityId,
        JSON.stringify(after),
      ]);
    await event('project.created', 'project', project.id, { name: demo.name }, raad, demo.phases.forstudie.actualStart);
    for (const spec of PHASES) {
      const ph = demo.phases[spec.key];
      const [phase] = await tx.query(
        `INSERT INTO project_phase (project_id, phase_key, position, state, planned_start, planned_end, actual_start, actual_end) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [project.id, spec.key, spec.order, ph.state, ph.plannedStart ?? null, ph.plannedEnd ?? null, ph.actualStart ?? null, ph.actualEnd ?? null],
      );
      for (const d of spec.deliverables) {
        const given = ph.deliverables?.[d.key];
        await tx.query(`INSERT INTO deliverable (phase_id, catalogue_key, title, required, state, content, review_comment, owner_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          phase.id,
          d.key,
          d.title.nb,
          d.required,
          given?.state ?? 'draft',
          given?.content ?? '',
          given?.reviewComment ?? null,
          leader?.id ?? null,
        ]);
      }
      for (const key of ph.checkpoints ?? []) {
        await tx.query(`INSERT INTO gate_checkpoint (phase_id, checkpoint_key, checked, comment, updated_by) VALUES ($1, $2, true, $3, $4)`, [phase.id, key, 'Behandlet i møte.', leader?.id ?? null]);
      }
      if (ph.decision) {
        const [s] = await tx.query(`INSERT INTO gate_submission (phase_id, submitted_by, submitted_at, note, readiness) VALUES ($1, $2, $3::date - 14, $4, '{"ready":true,"items":[]}') RETURNING id`, [
          phase.id,
          leader?.id ?? null,
          ph.decision.meetingDate,
          'Sluttrapport og plan for neste fase er lagt ved.',
        ]);
        await tx.query(
          `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text, conditions, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $4::date + interval '12 hours')`,
          [s.id, phase.id, ph.decision.outcome, ph.decision.meetingDate, ph.decision.caseNumber, ph.decision.text, ph.decision.conditions ?? null, raad?.id ?? null],
        );
        await event(`gate.${ph.decision.outcome}`, 'gate', spec.key, { meetingDate: ph.decision.meetingDate, caseNumber: ph.decision.caseNumber }, raad, ph.decision.meetingDate);
      }
    }
  }
}
