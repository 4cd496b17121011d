import { BodyKind, evaluateReadiness, GatePackage, PHASES, shareCosts } from '@nvr/shared';
import { EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import { execute, queryOne, queryOneOrFail, queryRows } from '../sql';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/**
 * A gate as it really runs (issue 11), on Næringsvennlig Glåmdal: the forstudie's package (final
 * report, recommendations from seeds/003, the forprosjekt plan with its budget) went to the regionråd,
 * passed Styringsgruppen and Rådmannsgruppen, and now waits for Glåmdal regionråd; the seven
 * kommunestyrer decide on their shares of the forprosjekt, Grue says no and Våler has not yet decided.
 * Each region also gets its bodies: Glåmdal styringsgruppe → rådmannsgruppe → regionråd (owner),
 * Kongsbergregionen its regionråd alone.
 */
const BODIES: Record<string, { name: string; kind: BodyKind; isOwner?: boolean }[]> = {
  Glåmdalsregionen: [
    { name: 'Styringsgruppen', kind: 'styringsgruppe' },
    { name: 'Rådmannsgruppen', kind: 'radmannsgruppe' },
    { name: 'Glåmdal regionråd', kind: 'regionrad', isOwner: true },
  ],
  Kongsbergregionen: [{ name: 'Regionrådet i Kongsbergregionen', kind: 'regionrad', isOwner: true }],
};

/** Created by seedUsers in new databases; databases seeded before it existed get it here. */
const GLAMDAL_CONTACT = DEMO_USERS.find((u) => u.email === 'kontakt.glamdal@demo.no')!;

const CONTENT: Record<string, string> = {
  recommendation: `Anbefaling: Det etableres et felles næringsfond for kommunene i regionen.
Begrunnelse: Større fleksibilitet som gir mulighet for større satsinger, enklere samspill med fylkeskommunen og Innovasjon Norge, og styrket kompetanse i forvaltning av fond.

Anbefaling: Kommunene samarbeider om å synliggjøre botilbud, gunstige etableringsvilkår, turisme og kultur.
Begrunnelse: Regionen blir mer konkurransedyktig når den ses under ett.

Anbefaling: Det utarbeides felles retningslinjer for næringsarealer i regionen.
Begrunnelse: Bedre tilgang på arealer næringslivet etterspør, og et større fagmiljø på tvers av kommunegrensene.

Anbefaling: Det etableres en felles ressurs som arbeider tett med politisk nivå om rekruttering av bedrifter.
Begrunnelse: Regionens samlede muligheter og fortrinn frontes lite i dag.`,
  final_report_forstudie: `Sammendrag: Forstudien har kartlagt næringslivets behov gjennom 34 intervjuer og en spørreundersøkelse med 212 svar. Næringslivet ønsker profesjonelt mottak, rask saksbehandling, tilgang på næringsarealer og tydelig kommunikasjon av mulighetene i regionen.

Metode: intervjuer med bedrifter i alle sju kommuner, arbeidsmøter med næringshagene og en nettbasert spørreundersøkelse.

Styrker: sterke næringshager, nærhet til Oslo og Sverige, god tilgang på arealer. Svakheter: fragmentert næringsapparat, lite felles markedsføring.

Konklusjon: Regionen anbefales å gå videre til et forprosjekt som utreder en felles førstelinje for næringsutvikling (modell 2: vekstselskap og næringshage).`,
};

const FORPROSJEKT_PLAN = (kommuner: { id: string; name: string }[]) => ({
  background: {
    text: 'Forstudien (mars–oktober 2026) viste at næringslivet i Glåmdalsregionen etterspør ett felles, profesjonelt mottak. Regionrådet behandlet sluttrapporten og anbefalingene og ba om en plan for forprosjektet.',
  },
  goals: {
    main_goal:
      'Beskrive en felles førstelinje for næringsutvikling i Glåmdalsregionen, med tjenesteinnhold, kompetansekrav og økonomiske rammer.',
    sub_goals: [
      {
        title: 'Beskrive tjenesteinnholdet i en felles førstelinje',
        activities: ['Analysere kartleggingen mot kunnskapsgrunnlaget', 'Beskrive tjenestene og mottaket'],
      },
      {
        title: 'Avklare kultur, holdninger og kompetansekrav',
        activities: ['Arbeidsmøter med kommunenes næringsutviklere', 'Kompetanseplan for førstelinjen'],
      },
      {
        title: 'Utrede organisering og økonomiske rammer',
        activities: ['Sammenligne modell 2 og 3 fra forstudien', 'Forslag til finansiering og eierskap'],
      },
    ],
    benefit_areas: ['Raskere og mer profesjonelt mottak av bedrifter', 'Flere nyetableringer i regionen'],
  },
  frame: {
    kommune_resources: kommuner.map((k) => ({ kommuneId: k.id, kommuneName: k.name, percent: k.name === 'Kongsvinger' ? 20 : 10 })),
    economic_frame:
      'Samlet ramme 1 150 000 kr, herav 400 000 kr i direkte bidrag fra kommunene fordelt 50 % likt og 50 % etter innbyggertall.',
    period: '01.01.2027–31.12.2027',
  },
  schedule: {
    milestones: [
      { title: 'Oppstart forprosjekt', date: '2027-01-15' },
      { title: 'Tjenesteinnhold beskrevet', date: '2027-05-31' },
      { title: 'Felles formannskap: organisering og finansiering', date: '2027-10-28' },
      { title: 'Sluttrapport og plan for hovedprosjektet', date: '2027-12-15' },
    ],
  },
  organisation: {
    roles: [
      { role: 'Prosjekteier', name: 'Glåmdal regionråd på vegne av kommunene' },
      { role: 'Prosjektansvarlig', name: 'Rådmannsgruppen' },
      { role: 'Prosjektleder', name: 'Pia Prosjektleder' },
      { role: 'Prosjektgruppe', name: 'Én næringsutvikler fra hver kommune' },
    ],
  },
  decision_points: {
    decision_points:
      'Styringsgruppen, rådmannsgruppen og regionrådet behandler sluttrapporten og planen for hovedprosjektet; kommunestyrene vedtar finansieringen.',
    status_meetings: 'Månedlig statusrapport til styringsgruppen.',
  },
});

const COST_LINES: [string, string, number, number | null, number | null, string | null, string][] = [
  ['cost', 'project_management', 500000, null, null, null, 'Prosjektleder 50 %'],
  ['cost', 'consultants', 200000, null, null, null, 'Utredning av organisasjonsmodeller'],
  ['cost', 'material_communication', 50000, null, null, null, ''],
  ['cost', 'meetings_travel', 50000, null, null, null, 'Arbeidsmøter og felles formannskap'],
  ['cost', 'own_work', 350000, 700, 500, null, 'Næringsutviklerne i kommunene'],
  ['financing', 'innovasjon_norge', 200000, null, null, 'applied', ''],
  ['financing', 'fylkeskommune', 200000, null, null, 'applied', 'Regionale utviklingsmidler'],
  ['financing', 'kommuner_direct', 400000, null, null, 'applied', 'Fordeles 50 % likt og 50 % etter innbyggertall'],
  ['financing', 'own_work', 350000, 700, 500, 'granted', 'Egeninnsats fra kommunene'],
];

/** Each kommunestyre's answer: Våler has not met yet, Grue says no. */
const KOMMUNE_ANSWERS: Record<
  string,
  { outcome: 'yes' | 'yes_with_changes' | 'no'; meetingDate: string; caseNumber: string; text?: string } | undefined
> = {
  Kongsvinger: { outcome: 'yes', meetingDate: '2026-11-19', caseNumber: '88/26' },
  'Sør-Odal': { outcome: 'yes', meetingDate: '2026-11-20', caseNumber: '61/26' },
  'Nord-Odal': { outcome: 'yes', meetingDate: '2026-11-26', caseNumber: '45/26' },
  Eidskog: {
    outcome: 'yes_with_changes',
    meetingDate: '2026-11-26',
    caseNumber: '70/26',
    text: 'Eidskog kommune slutter seg til forprosjektet og ber om at felles næringsareal langs E16 tas med i utredningen.',
  },
  Grue: {
    outcome: 'no',
    meetingDate: '2026-11-27',
    caseNumber: '52/26',
    text: 'Grue kommune går ikke videre i forprosjektet og prioriterer eget næringsarbeid i 2027.',
  },
  Åsnes: { outcome: 'yes', meetingDate: '2026-11-24', caseNumber: '93/26' },
};

export async function seedDemoGateCase(tx: EntityManager): Promise<void> {
  for (const [regionName, bodies] of Object.entries(BODIES)) {
    const region = await queryOne<{ id: string }>(tx, `SELECT id FROM region WHERE name = $1`, [regionName]);
    if (!region) continue;
    const existing = await queryOne<{ n: number }>(tx, `SELECT count(*)::int AS n FROM region_body WHERE region_id = $1`, [region.id]);
    if (existing?.n) continue;
    for (const [position, b] of bodies.entries()) {
      await execute(tx, `INSERT INTO region_body (region_id, name, kind, position, is_owner) VALUES ($1, $2, $3, $4, $5)`, [
        region.id,
        b.name,
        b.kind,
        position,
        b.isOwner ?? false,
      ]);
    }
  }

  const project = await queryOne<{ id: string; region_id: string }>(
    tx,
    `SELECT p.id, p.region_id FROM project p JOIN project_phase ph ON ph.project_id = p.id
      WHERE p.name = 'Næringsvennlig Glåmdal' AND ph.phase_key = 'forstudie' AND ph.state = 'in_progress'`,
  );
  if (!project) return;
  await seedGlamdalContact(tx, project.region_id);
  const people = await queryRows<{ id: string; name: string; role: string }>(
    tx,
    `SELECT u.id, u.name, ra.role FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id
      WHERE ra.region_id = $1 AND (ra.project_id = $2 OR ra.role IN ('regionraad', 'kommune_contact'))`,
    [project.region_id, project.id],
  );
  const leader = people.find((p) => p.role === 'project_leader') ?? null;
  const secretariat = people.find((p) => p.role === 'regionraad') ?? null;
  const contact = people.find((p) => p.role === 'kommune_contact') ?? secretariat;
  const phases = await queryRows<{ id: string; phase_key: string; actual_start: string | null }>(
    tx,
    `SELECT id, phase_key, actual_start FROM project_phase WHERE project_id = $1`,
    [project.id],
  );
  const forstudie = phases.find((p) => p.phase_key === 'forstudie')!;
  const forprosjekt = phases.find((p) => p.phase_key === 'forprosjekt')!;
  const event = (action: string, entityType: string, entityId: string, after: object, at: string, actor = leader) =>
    execute(
      tx,
      `INSERT INTO history_event (project_id, at, actor_id, actor_name, action, entity_type, entity_id, after) VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8)`,
      [project.id, at, actor?.id ?? null, actor?.name ?? 'Demodata', action, entityType, entityId, JSON.stringify(after)],
    );

  // The package: every deliverable written and submitted, the forprosjekt plan complete and its budget in balance.
  for (const [key, content] of Object.entries(CONTENT)) {
    await execute(tx, `UPDATE deliverable SET content = $3, version = version + 1 WHERE phase_id = $1 AND catalogue_key = $2`, [
      forstudie.id,
      key,
      content,
    ]);
  }
  await execute(
    tx,
    `UPDATE deliverable SET state = 'submitted', version = version + 1 WHERE phase_id = $1 AND state IN ('draft', 'returned')`,
    [forstudie.id],
  );
  for (const c of PHASES[0].checkpoints) {
    await execute(
      tx,
      `INSERT INTO gate_checkpoint (phase_id, checkpoint_key, checked, comment, updated_by) VALUES ($1, $2, true, $3, $4)
       ON CONFLICT (phase_id, checkpoint_key) DO UPDATE SET checked = true`,
      [forstudie.id, c.key, 'Behandlet i styringsgruppen 22.10.2026.', leader?.id ?? null],
    );
  }
  const kommuner = await queryRows<{ id: string; name: string; population: number }>(
    tx,
    `SELECT k.id, k.name, coalesce((SELECT kp.population FROM kommune_population kp WHERE kp.kommune_id = k.id ORDER BY kp.as_of DESC LIMIT 1), 0) AS population
       FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1 ORDER BY k.name`,
    [project.id],
  );
  const template = await queryOneOrFail<{ id: string }>(
    tx,
    `SELECT tv.id FROM template_version tv JOIN template t ON t.id = tv.template_id WHERE t.key = 'plan_forprosjekt' AND tv.version = 1`, // the version this demo content was written for
  );
  const content = FORPROSJEKT_PLAN(kommuner);
  const costSharing = { equalPercent: 50, populationDate: '2024-01-01', year: 2027 };
  const plan = await queryOneOrFail<{ id: string }>(
    tx,
    `INSERT INTO phase_plan (phase_id, template_version_id, content, cost_sharing, version, updated_by) VALUES ($1, $2, $3, $4, 3, $5)
     ON CONFLICT (phase_id) DO UPDATE SET content = EXCLUDED.content, cost_sharing = EXCLUDED.cost_sharing, version = 3 RETURNING id`,
    [forprosjekt.id, template.id, JSON.stringify(content), JSON.stringify(costSharing), leader?.id ?? null],
  );
  await execute(tx, `DELETE FROM budget_line WHERE phase_id = $1`, [forprosjekt.id]);
  const budget: object[] = [];
  for (const [i, [kind, category, amount, hours, rate, status, description]] of COST_LINES.entries()) {
    await execute(
      tx,
      `INSERT INTO budget_line (phase_id, position, kind, category, year, description, amount, hours, rate, status) VALUES ($1, $2, $3, $4, 2027, $5, $6, $7, $8, $9)`,
      [forprosjekt.id, i, kind, category, description, amount, hours, rate, status],
    );
    budget.push({ kind, category, year: 2027, description, amount, hours, rate, status });
  }
  const costs = COST_LINES.filter((l) => l[0] === 'cost').reduce((s, l) => s + l[2], 0);
  const financing = COST_LINES.filter((l) => l[0] === 'financing').reduce((s, l) => s + l[2], 0);
  await execute(
    tx,
    `INSERT INTO phase_plan_snapshot (plan_id, number, reason, label, content, budget, cost_sharing, template_version_id, plan_version, created_by, created_at)
     VALUES ($1, 1, 'submitted', null, $2, $3, $4, $5, 3, $6, '2026-10-15T10:00:00+02')`,
    [plan.id, JSON.stringify(content), JSON.stringify(budget), JSON.stringify(costSharing), template.id, leader?.id ?? null],
  );

  // Submitted on 15 October, with the checklist as it stood.
  const deliverables = await queryRows<{ id: string; catalogue_key: string | null; title: string; version: number; state: string }>(
    tx,
    `SELECT id, catalogue_key, title, version, state FROM deliverable WHERE phase_id = $1 ORDER BY catalogue_key`,
    [forstudie.id],
  );
  const readiness = evaluateReadiness({
    phaseKey: 'forstudie',
    phaseState: 'in_progress',
    deliverables: deliverables.map((d) => ({
      id: d.id,
      key: d.catalogue_key,
      required: true,
      state: d.state === 'accepted' ? 'accepted' : 'submitted',
      notRequiredReason: null,
    })),
    checkpoints: PHASES[0].checkpoints.map((c) => ({ key: c.key, checked: true })),
    actualStart: forstudie.actual_start,
    today: '2026-10-15',
  });
  const pkg: GatePackage = {
    deliverables: deliverables.map((d) => ({ id: d.id, key: d.catalogue_key, title: d.title, version: d.version, state: d.state })),
    plan: { snapshotNumber: 1, missing: 0, version: 3 },
    budget: { costs, financing },
  };
  const submission = await queryOneOrFail<{ id: string }>(
    tx,
    `INSERT INTO gate_submission (phase_id, submitted_by, submitted_at, note, readiness, package, proposed_decision)
     VALUES ($1, $2, '2026-10-15T10:00:00+02', $3, $4, $5, $6) RETURNING id`,
    [
      forstudie.id,
      leader?.id ?? null,
      'Sluttrapporten, anbefalingene og planen for forprosjektet med budsjett er klare for behandling.',
      JSON.stringify(readiness),
      JSON.stringify(pkg),
      'Glåmdal regionråd godkjenner sluttrapporten fra forstudien og vedtar oppstart av forprosjekt fra 1. januar 2027 i tråd med prosjektplanen, med en kostnadsramme på 1 150 000 kr. Kommunenes direkte bidrag på 400 000 kr fordeles 50 % likt og 50 % etter innbyggertall per 1. januar 2024.',
    ],
  );
  await execute(tx, `UPDATE project_phase SET state = 'awaiting_decision', version = version + 1 WHERE id = $1`, [forstudie.id]);
  await event('gate.submitted', 'gate', 'forstudie', { state: 'awaiting_decision', submissionId: submission.id }, '2026-10-15T10:00:00+02');

  // Styringsgruppen and Rådmannsgruppen have handled the case; it is at the regionråd.
  const steps: [string, BodyKind, string | null, string | null, string | null, boolean][] = [
    [
      'Styringsgruppen',
      'styringsgruppe',
      '2026-10-22',
      '9/26',
      'Styringsgruppen anbefaler at regionrådet godkjenner forstudien og starter forprosjektet.',
      false,
    ],
    ['Rådmannsgruppen', 'radmannsgruppe', '2026-11-05', '14/26', 'Rådmannsgruppen slutter seg til styringsgruppens innstilling.', false],
    ['Glåmdal regionråd', 'regionrad', null, null, null, true],
  ];
  for (const [position, [name, kind, meetingDate, caseNumber, recommendation, decides]] of steps.entries()) {
    const body = await queryOne<{ id: string }>(tx, `SELECT id FROM region_body WHERE region_id = $1 AND name = $2`, [
      project.region_id,
      name,
    ]);
    await execute(
      tx,
      `INSERT INTO gate_case_step (submission_id, position, body_id, body_name, body_kind, decides, meeting_date, case_number, recommended_outcome, recommendation, handled_by, handled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $7::date + interval '14 hours')`,
      [
        submission.id,
        position,
        body?.id ?? null,
        name,
        kind,
        decides,
        meetingDate,
        caseNumber,
        meetingDate ? 'approved' : null,
        recommendation,
        meetingDate ? (secretariat?.id ?? null) : null,
      ],
    );
    if (meetingDate)
      await event(
        'gate.step_handled',
        'gate',
        'forstudie',
        { bodyName: name, meetingDate, caseNumber },
        `${meetingDate}T14:00:00+01`,
        secretariat,
      );
  }

  // Each kommunestyre decides on its share of the kommuner's 400 000 kr by 10 December.
  const shares = shareCosts({ total: 400000, equalPercent: 50, kommuner });
  for (const row of shares.rows) {
    const answer = KOMMUNE_ANSWERS[row.name];
    await execute(
      tx,
      `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share, outcome, meeting_date, case_number, decision_text, amount_committed, recorded_by, recorded_at)
       VALUES ($1, $2, $3, '2026-12-10', $4, $5, $6, $7, $8, $9, $10, $6::date + interval '15 hours')`,
      [
        submission.id,
        row.id,
        row.name,
        row.amount,
        answer?.outcome ?? 'pending',
        answer?.meetingDate ?? null,
        answer?.caseNumber ?? null,
        answer?.text ?? null,
        answer && answer.outcome !== 'no' ? row.amount : null,
        answer ? (contact?.id ?? null) : null,
      ],
    );
    if (answer)
      await event(
        'gate.kommune_decided',
        'gate',
        'forstudie',
        { kommune: row.name, outcome: answer.outcome, caseNumber: answer.caseNumber },
        `${answer.meetingDate}T15:00:00+01`,
        contact,
      );
  }
}

/** A kommune contact for Glåmdalsregionen, who records the kommunestyrer's decisions. */
async function seedGlamdalContact(tx: EntityManager, regionId: string): Promise<void> {
  const found = await queryOne<{ id: string }>(tx, `SELECT id FROM app_user WHERE lower(email) = $1`, [GLAMDAL_CONTACT.email]);
  if (found) return;
  const user = await queryOneOrFail<{ id: string }>(
    tx,
    `INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
    [GLAMDAL_CONTACT.email, GLAMDAL_CONTACT.name, await hashPassword(DEMO_PASSWORD)],
  );
  await execute(tx, `INSERT INTO role_assignment (user_id, role, region_id) VALUES ($1, 'kommune_contact', $2)`, [user.id, regionId]);
}
