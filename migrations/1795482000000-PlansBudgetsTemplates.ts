import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates (versioned, with Innovasjon Norge's defaults), phase plans with frozen snapshots, and each
 * phase's budget lines. The default templates are data written here once; admins edit them into new versions.
 */
export class PlansBudgetsTemplates1795482000000 implements MigrationInterface {
  name = 'PlansBudgetsTemplates1795482000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL CONSTRAINT template_key_unique UNIQUE,
        kind text NOT NULL CONSTRAINT template_kind CHECK (kind IN ('project_plan', 'guide', 'survey', 'report')),
        phase_key text CONSTRAINT template_phase CHECK (phase_key IS NULL OR phase_key IN ('forstudie', 'forprosjekt', 'hovedprosjekt')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE template_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES template(id) ON DELETE CASCADE,
        version integer NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        sections jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT template_version_unique UNIQUE (template_id, version)
      )`);
    await q.query(`
      CREATE TABLE phase_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase_id uuid NOT NULL CONSTRAINT phase_plan_one_per_phase UNIQUE REFERENCES project_phase(id) ON DELETE CASCADE,
        template_version_id uuid NOT NULL REFERENCES template_version(id) ON DELETE RESTRICT,
        content jsonb NOT NULL DEFAULT '{}',
        cost_sharing jsonb NOT NULL DEFAULT '{"equalPercent": 50, "populationDate": null, "year": null}',
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE phase_plan_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES phase_plan(id) ON DELETE CASCADE,
        number integer NOT NULL,
        reason text NOT NULL CONSTRAINT phase_plan_snapshot_reason CHECK (reason IN ('approved', 'saved')),
        label text,
        content jsonb NOT NULL,
        budget jsonb NOT NULL,
        cost_sharing jsonb NOT NULL,
        template_version_id uuid NOT NULL REFERENCES template_version(id) ON DELETE RESTRICT,
        plan_version integer NOT NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT phase_plan_snapshot_unique UNIQUE (plan_id, number)
      )`);
    await q.query(`
      CREATE TABLE budget_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase_id uuid NOT NULL REFERENCES project_phase(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL CONSTRAINT budget_line_kind CHECK (kind IN ('cost', 'financing')),
        category text NOT NULL,
        year smallint NOT NULL CONSTRAINT budget_line_year CHECK (year BETWEEN 2000 AND 2100),
        description text NOT NULL DEFAULT '',
        amount bigint NOT NULL CONSTRAINT budget_line_amount CHECK (amount >= 0),
        hours numeric(10, 1),
        rate integer,
        status text CONSTRAINT budget_line_status CHECK (status IS NULL OR status IN ('applied', 'granted')),
        CONSTRAINT budget_line_category CHECK (
          (kind = 'cost' AND category IN ('project_management', 'rent_equipment', 'consultants', 'material_communication', 'meetings_travel', 'own_work'))
          OR (kind = 'financing' AND category IN ('innovasjon_norge', 'fylkeskommune', 'other_grants', 'kommuner_direct', 'own_work'))
        )
      )`);
    await q.query(`CREATE INDEX budget_line_phase_idx ON budget_line (phase_id, position)`);

    for (const t of DEFAULT_TEMPLATES) {
      const [row] = await q.query(`INSERT INTO template (key, kind, phase_key) VALUES ($1, $2, $3) RETURNING id`, [
        t.key,
        t.kind,
        t.phaseKey,
      ]);
      await q.query(`INSERT INTO template_version (template_id, version, title, description, sections) VALUES ($1, 1, $2, $3, $4)`, [
        row.id,
        t.title,
        t.description,
        JSON.stringify(t.sections),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_line`);
    await q.query(`DROP TABLE phase_plan_snapshot`);
    await q.query(`DROP TABLE phase_plan`);
    await q.query(`DROP TABLE template_version`);
    await q.query(`DROP TABLE template`);
  }
}

const f = (key: string, label: string, kind: string, required: boolean, help?: string) => ({
  key,
  label,
  kind,
  required,
  ...(help ? { help } : {}),
});

const planSections = (phase: 'forstudie' | 'forprosjekt') => [
  {
    key: 'background',
    title: '1 Bakgrunn',
    guidance:
      phase === 'forstudie'
        ? 'Beskriv hvorfor kommunene vil samarbeide om næringsutvikling, hvem som har tatt initiativet, og hvordan regionen arbeider med næringsutvikling i dag.'
        : 'Oppsummer forstudiens funn og anbefalinger, og hvordan regionrådet har behandlet dem.',
    fields: [f('text', 'Bakgrunn', 'longtext', true)],
  },
  {
    key: 'goals',
    title: '2 Mål og hovedaktiviteter',
    guidance:
      'Formuler ett hovedmål og noen få, realistiske delmål. Hvert delmål får sine hovedaktiviteter. Gevinstområdene sier hva samarbeidet skal gi.',
    fields: [
      f('main_goal', 'Hovedmål', 'text', true),
      f('sub_goals', 'Delmål med hovedaktiviteter', 'subgoals', true),
      f('benefit_areas', 'Gevinstområder', 'list', false, 'For eksempel: effektive vertskapstjenester, god rekruttering av arbeidskraft.'),
    ],
  },
  {
    key: 'frame',
    title: '3 Rammer',
    guidance:
      'Hver kommune stiller med en dedikert ressurs (for eksempel inntil 10 % av en stilling). Angi total økonomisk ramme og perioden.',
    fields: [
      f('kommune_resources', 'Dedikert ressurs fra hver kommune (% av stilling)', 'kommune_resources', true),
      f('economic_frame', 'Total økonomisk ramme', 'longtext', true),
      f('period', 'Periode', 'text', true, 'For eksempel: 01.03.2026–30.11.2026'),
    ],
  },
  {
    key: 'schedule',
    title: '4 Fremdriftsplan',
    guidance: 'Når starter hvert delmål, og hvilke milepæler skal nås? Husk kommunestyrenes frister for finansiering av neste fase.',
    fields: [f('milestones', 'Milepæler', 'milestones', true), f('notes', 'Merknader', 'longtext', false)],
  },
  {
    key: 'organisation',
    title: '5 Prosjektorganisasjon',
    guidance:
      'Prosjekteier er regionrådet. Angi prosjektansvarlig, prosjektleder, prosjektgruppe (én dedikert person fra hver kommune) og eventuell referansegruppe.',
    fields: [f('roles', 'Roller og bemanning', 'roles', true)],
  },
  {
    key: 'decision_points',
    title: '6 Beslutningspunkter og oppfølging',
    guidance: 'Beskriv beslutningspunktene (regionrådets behandling), krav til statusmøter og rapportering.',
    fields: [
      f('decision_points', 'Beslutningspunkter', 'longtext', true),
      f('status_meetings', 'Krav til statusmøter og rapportering', 'longtext', false),
    ],
  },
  {
    key: 'budget',
    title: '7 Kostnads- og finansieringsbudsjett',
    guidance:
      'Fyll ut budsjettet per år: kostnader per kategori og finansiering per kilde. Egeninnsats verdsettes som timer × sats. Kostnader og finansiering må gå i balanse.',
    fields: [f('notes', 'Kommentarer til budsjettet', 'longtext', false)],
  },
  {
    key: 'contracts',
    title: '8 Kontrakter og avtaler',
    guidance: 'Hvilke avtaler inngås (for eksempel med konsulent, mellom kommunene, med fylkeskommunen)?',
    fields: [f('contracts', 'Kontrakter og avtaler', 'longtext', false)],
  },
];

const guide = (sections: [string, string, string][]) =>
  sections.map(([key, title, guidance]) => ({ key, title, guidance, fields: [f('notes', 'Notater', 'longtext', false)] }));

const DEFAULT_TEMPLATES = [
  {
    key: 'plan_forstudie',
    kind: 'project_plan',
    phaseKey: 'forstudie',
    title: 'Prosjektplan for forstudien',
    description: 'Mal til prosjektplan for forstudien i Næringsvennlig region (PLP).',
    sections: planSections('forstudie'),
  },
  {
    key: 'plan_forprosjekt',
    kind: 'project_plan',
    phaseKey: 'forprosjekt',
    title: 'Prosjektplan for forprosjektet',
    description: 'Mal til prosjektplan for forprosjektet i Næringsvennlig region (PLP).',
    sections: planSections('forprosjekt'),
  },
  {
    key: 'plan_hovedprosjekt',
    kind: 'project_plan',
    phaseKey: 'hovedprosjekt',
    title: 'Prosjektplan for hovedprosjektet',
    description: 'Prosjektplan for hovedprosjektet, kommunenes og fylkeskommunens felles ansvar.',
    sections: planSections('forprosjekt'),
  },
  {
    key: 'interview_guide',
    kind: 'guide',
    phaseKey: 'forstudie',
    title: 'Intervjuguide: næringslivets behov',
    description: 'Guide til intervjuer med bedrifter i forstudien.',
    sections: guide([
      ['intro', 'Innledning', 'Presenter prosjektet og formålet med intervjuet. Avklar hvordan svarene brukes.'],
      ['business', 'Om bedriften', 'Bransje, størrelse, marked, planer for vekst.'],
      ['needs', 'Behov for bistand', 'Hva trenger bedriften fra kommunen og næringsutviklerne? Hva fungerer i dag, og hva mangler?'],
      ['experience', 'Erfaringer med kommunen', 'Saksbehandling, tilgjengelighet, næringsarealer, kontaktpunkt.'],
      ['wrapup', 'Avslutning', 'Andre innspill? Kan vi kontakte bedriften igjen?'],
    ]),
  },
  {
    key: 'meeting_guide',
    kind: 'guide',
    phaseKey: null,
    title: 'Møteguide: forankring i kommunene',
    description: 'Guide til møter med politisk ledelse, rådmannsgruppen og næringsutviklere.',
    sections: guide([
      ['purpose', 'Formål', 'Hva skal møtet gi: orientering, innspill eller beslutning?'],
      ['agenda', 'Agenda', 'Status i prosjektet, funn, anbefalinger, veien videre.'],
      ['decisions', 'Avklaringer', 'Hva må kommunen ta stilling til, og innen når?'],
    ]),
  },
  {
    key: 'workshop_guide',
    kind: 'guide',
    phaseKey: null,
    title: 'Workshopguide',
    description: 'Guide til workshop med kommuner, næringsliv og virkemiddelapparat.',
    sections: guide([
      ['preparation', 'Forberedelse', 'Deltakere, lokaler, grunnlagsmateriale.'],
      ['exercises', 'Øvelser', 'Styrker og svakheter, felles mål, prioritering av tiltak.'],
      ['followup', 'Oppfølging', 'Oppsummering til deltakerne og videre prosess.'],
    ]),
  },
  {
    key: 'business_survey',
    kind: 'survey',
    phaseKey: 'forstudie',
    title: 'Spørreundersøkelse til næringslivet',
    description: 'Spørsmål til en spørreundersøkelse blant bedriftene i regionen.',
    sections: guide([
      ['respondent', 'Om respondenten', 'Kommune, bransje, antall ansatte.'],
      ['services', 'Bruk av næringsutviklertjenester', 'Hvilke tjenester har bedriften brukt, og hvor fornøyd er den?'],
      ['priorities', 'Prioriteringer', 'Hva bør regionen prioritere for å bli mer næringsvennlig?'],
    ]),
  },
  {
    key: 'final_report',
    kind: 'report',
    phaseKey: null,
    title: 'Sluttrapport',
    description: 'Disposisjon for sluttrapport fra en fase.',
    sections: guide([
      ['summary', 'Sammendrag', 'Hovedfunn og anbefalinger på én side.'],
      ['introduction', 'Innledning', 'Bakgrunn, faser, mål, organisering, målgrupper og kommunikasjon.'],
      ['method', 'Metode og datainnsamling', 'Intervjuer, spørreundersøkelser, workshops.'],
      ['needs', 'Næringslivets behov', 'Hva intervjuene og undersøkelsene viser.'],
      ['plans', 'Relevante planer', 'Regionale, fylkeskommunale og kommunale planer.'],
      ['actors', 'Aktører i næringsutviklingen', 'Organisering, kapasitet, kompetanse, innovasjonsøkosystem.'],
      ['swot', 'Styrker og svakheter', ''],
      ['conclusions', 'Konklusjoner og anbefalinger', 'Prinsipper og anbefalt organisering.'],
      ['appendices', 'Vedlegg', 'Spørreundersøkelser, intervjuliste, prosjektplan for neste fase.'],
    ]),
  },
];
