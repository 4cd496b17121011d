import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forstudie's kartlegging (issue 12): surveys with public answer links, the answers (anonymous: a
 * response carries no address, cookie, link or account, and only the day it came), conversations
 * (interviews, meetings, workshops) tagged with needs, and the register of recommendations put to the owner.
 * Survey templates carry their questions: Innovasjon Norge's business survey gets a version 2 with
 * questions, and a new first-line survey follows the FUNK web survey (target group, categories of need).
 */
export class SurveysAndRecommendations1796247858418 implements MigrationInterface {
  name = 'SurveysAndRecommendations1796247858418';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE template_version ADD COLUMN questions jsonb`);

    await q.query(`
      CREATE TABLE survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        template_version_id uuid REFERENCES template_version(id) ON DELETE SET NULL,
        title text NOT NULL CONSTRAINT survey_title CHECK (btrim(title) <> '' AND char_length(title) <= 200),
        intro text NOT NULL DEFAULT '',
        privacy_notice text NOT NULL DEFAULT '',
        questions jsonb NOT NULL,
        definition_version integer NOT NULL DEFAULT 1,
        min_group_size integer NOT NULL DEFAULT 5 CONSTRAINT survey_min_group_size CHECK (min_group_size BETWEEN 3 AND 100),
        opens_at timestamptz,
        closes_at timestamptz,
        closed_at timestamptz,
        raw_deleted_at timestamptz,
        frozen_results jsonb,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_dates CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
      )`);
    await q.query(`CREATE INDEX survey_project_idx ON survey (project_id)`);

    await q.query(`
      CREATE TABLE survey_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        token text NOT NULL CONSTRAINT survey_link_token_unique UNIQUE CONSTRAINT survey_link_token CHECK (token ~ '^[A-Za-z0-9_-]{43}$'),
        kommune_id uuid REFERENCES kommune(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    // One active link per kommune, and one general link (no kommune), per survey.
    await q.query(`
      CREATE UNIQUE INDEX survey_link_one_active ON survey_link
        (survey_id, coalesce(kommune_id, '00000000-0000-0000-0000-000000000000')) WHERE disabled_at IS NULL`);

    // No address, user agent, cookie, link or account on a response; the day it came, not the time.
    await q.query(`
      CREATE TABLE survey_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        kommune_id uuid REFERENCES kommune(id) ON DELETE SET NULL,
        definition_version integer NOT NULL,
        answers jsonb NOT NULL,
        source text NOT NULL CONSTRAINT survey_response_source CHECK (source IN ('web', 'import')),
        received_on date NOT NULL DEFAULT ('now'::text)::date, -- CURRENT_DATE, as TypeORM spells it
        redacted text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX survey_response_survey_idx ON survey_response (survey_id)`);

    await q.query(`
      CREATE TABLE conversation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT conversation_kind CHECK (kind IN ('interview', 'meeting', 'workshop')),
        title text NOT NULL CONSTRAINT conversation_title_not_blank CHECK (btrim(title) <> ''),
        held_on date NOT NULL,
        kommune_id uuid REFERENCES kommune(id) ON DELETE SET NULL,
        participant_count integer NOT NULL CONSTRAINT conversation_participant_count CHECK (participant_count BETWEEN 1 AND 10000),
        participant_names text,
        names_consent boolean NOT NULL DEFAULT false,
        guide_template_version_id uuid REFERENCES template_version(id) ON DELETE SET NULL,
        notes jsonb NOT NULL DEFAULT '{}',
        needs text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conversation_names_consent CHECK (participant_names IS NULL OR names_consent)
      )`);
    await q.query(`CREATE INDEX conversation_project_idx ON conversation (project_id, held_on)`);

    await q.query(`
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        position integer NOT NULL,
        title text NOT NULL CONSTRAINT recommendation_title_not_blank CHECK (btrim(title) <> ''),
        reasoning text NOT NULL DEFAULT '',
        evidence text NOT NULL DEFAULT '',
        evidence_refs jsonb NOT NULL DEFAULT '[]',
        models_compared text NOT NULL DEFAULT '',
        needs text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'proposed' CONSTRAINT recommendation_status
          CHECK (status IN ('proposed', 'put_to_owner', 'adopted', 'rejected', 'examine_next')),
        status_note text NOT NULL DEFAULT '',
        subgoal_key text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX recommendation_project_idx ON recommendation (project_id, position)`);

    // A new version of the business survey on top of whatever version an admin saved last: the same
    // sections, now with questions.
    await q.query(
      `INSERT INTO template_version (template_id, version, title, description, sections, questions)
       SELECT tv.template_id, tv.version + 1, tv.title, tv.description, tv.sections, $1::jsonb
         FROM template_version tv JOIN template t ON t.id = tv.template_id
        WHERE t.key = 'business_survey'
        ORDER BY tv.version DESC LIMIT 1`,
      [JSON.stringify(BUSINESS_SURVEY)],
    );
    const [row] = (await q.query(
      `INSERT INTO template (key, kind, phase_key) VALUES ('first_line_survey', 'survey', 'forstudie') RETURNING id`,
    )) as {
      id: string;
    }[];
    await q.query(
      `INSERT INTO template_version (template_id, version, title, description, sections, questions) VALUES ($1, 1, $2, $3, $4::jsonb, $5::jsonb)`,
      [
        row.id,
        'Undersøkelse om førstelinjetjenesten',
        'Spørsmål til aktørene i det regionale næringsapparatet om hva de trenger fra førstelinjen (etter FUNK-undersøkelsen).',
        JSON.stringify(FIRST_LINE_SECTIONS),
        JSON.stringify(FIRST_LINE_SURVEY),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM template WHERE key = 'first_line_survey'`);
    await q.query(
      `DELETE FROM template_version tv USING template t WHERE t.id = tv.template_id AND t.key = 'business_survey' AND tv.questions IS NOT NULL`,
    );
    await q.query(`DROP TABLE recommendation`);
    await q.query(`DROP TABLE conversation`);
    await q.query(`DROP TABLE survey_response`);
    await q.query(`DROP TABLE survey_link`);
    await q.query(`DROP TABLE survey`);
    await q.query(`ALTER TABLE template_version DROP COLUMN questions`);
  }
}

// The questions are data (shared SurveyQuestion shape), written once; admins edit templates into new versions.
type Text = { nb: string; nn: string; en: string };
const t = (nb: string, nn: string, en: string): Text => ({ nb, nn, en });
const o = (key: string, label: Text, need?: string) => ({ key, label, ...(need ? { need } : {}) });
const SATISFACTION = {
  min: t('Svært misfornøyd', 'Svært misnøgd', 'Very dissatisfied'),
  max: t('Svært fornøyd', 'Svært nøgd', 'Very satisfied'),
};
const scale = (key: string, need: string, text: Text) => ({ key, kind: 'scale', text, required: false, scaleLabels: SATISFACTION, need });

const BUSINESS_SURVEY = [
  {
    key: 'role',
    kind: 'single',
    text: t('Hvilken rolle har du i bedriften?', 'Kva rolle har du i verksemda?', 'What is your role in the business?'),
    required: true,
    grouping: 'role',
    options: [
      o('owner_manager', t('Eier eller daglig leder', 'Eigar eller dagleg leiar', 'Owner or managing director')),
      o('employee', t('Ansatt', 'Tilsett', 'Employee')),
      o('board_member', t('Styremedlem', 'Styremedlem', 'Board member')),
      o('other', t('Annet', 'Anna', 'Other')),
    ],
  },
  {
    key: 'employees',
    kind: 'single',
    text: t('Hvor mange ansatte har bedriften?', 'Kor mange tilsette har verksemda?', 'How many employees does the business have?'),
    required: true,
    options: [
      o('employees_1_3', t('1–3', '1–3', '1–3')),
      o('employees_4_10', t('4–10', '4–10', '4–10')),
      o('employees_over_10', t('Over 10', 'Over 10', 'More than 10')),
    ],
  },
  {
    key: 'industry',
    kind: 'single',
    text: t('Hvilken bransje hører bedriften til?', 'Kva bransje høyrer verksemda til?', 'Which industry is the business in?'),
    required: false,
    options: [
      o('primary', t('Jordbruk, skogbruk og fiske', 'Jordbruk, skogbruk og fiske', 'Agriculture, forestry and fishing')),
      o('manufacturing', t('Industri', 'Industri', 'Manufacturing')),
      o('construction', t('Bygg og anlegg', 'Bygg og anlegg', 'Construction')),
      o('retail', t('Varehandel', 'Varehandel', 'Retail and wholesale')),
      o('tourism', t('Reiseliv, overnatting og servering', 'Reiseliv, overnatting og servering', 'Tourism, accommodation and food')),
      o('transport', t('Transport og logistikk', 'Transport og logistikk', 'Transport and logistics')),
      o('services', t('Privat tjenesteyting', 'Privat tenesteyting', 'Private services')),
      o('other', t('Annet', 'Anna', 'Other')),
    ],
  },
  scale(
    'infrastructure_planning',
    'infrastructure_planning',
    t(
      'Hvor fornøyd er du med kommunens arbeid med infrastruktur og planlegging?',
      'Kor nøgd er du med arbeidet kommunen gjer med infrastruktur og planlegging?',
      "How satisfied are you with the kommune's work on infrastructure and planning?",
    ),
  ),
  scale(
    'business_land',
    'business_land',
    t(
      'Hvor fornøyd er du med tilgangen på næringsarealer?',
      'Kor nøgd er du med tilgangen på næringsareal?',
      'How satisfied are you with the availability of business land?',
    ),
  ),
  scale(
    'building_permits',
    'building_permits',
    t(
      'Hvor fornøyd er du med kommunens byggesaksbehandling?',
      'Kor nøgd er du med byggjesakshandsaminga i kommunen?',
      "How satisfied are you with the kommune's handling of building permits?",
    ),
  ),
  scale(
    'business_development',
    'business_development',
    t(
      'Hvor fornøyd er du med hjelpen kommunen gir til å utvikle bedriften?',
      'Kor nøgd er du med hjelpa kommunen gir til å utvikle verksemda?',
      'How satisfied are you with the help the kommune gives to develop your business?',
    ),
  ),
  scale(
    'service',
    'service',
    t(
      'Hvor fornøyd er du med kommunens service og tilgjengelighet overfor næringslivet?',
      'Kor nøgd er du med servicen og tilgjengelegheita kommunen har overfor næringslivet?',
      "How satisfied are you with the kommune's service and availability to businesses?",
    ),
  ),
  scale(
    'dialogue',
    'dialogue',
    t(
      'Hvor fornøyd er du med dialogen mellom kommunen og næringslivet?',
      'Kor nøgd er du med dialogen mellom kommunen og næringslivet?',
      'How satisfied are you with the dialogue between the kommune and businesses?',
    ),
  ),
  {
    key: 'most_important_needs',
    kind: 'multiple',
    text: t(
      'Hva er viktigst for at kommunen skal bli mer næringsvennlig? Velg inntil tre.',
      'Kva er viktigast for at kommunen skal bli meir næringsvenleg? Vel inntil tre.',
      'What matters most for the kommune to become more business-friendly? Choose up to three.',
    ),
    required: false,
    maxChoices: 3,
    options: [
      o(
        'infrastructure_planning',
        t('Infrastruktur og planlegging', 'Infrastruktur og planlegging', 'Infrastructure and planning'),
        'infrastructure_planning',
      ),
      o('business_land', t('Næringsarealer', 'Næringsareal', 'Business land'), 'business_land'),
      o('building_permits', t('Byggesaksbehandling', 'Byggjesakshandsaming', 'Building permits'), 'building_permits'),
      o(
        'business_development',
        t('Hjelp til å utvikle bedriften', 'Hjelp til å utvikle verksemda', 'Help to develop the business'),
        'business_development',
      ),
      o('service', t('Service og tilgjengelighet', 'Service og tilgjengelegheit', 'Service and availability'), 'service'),
      o('dialogue', t('Dialog med kommunen', 'Dialog med kommunen', 'Dialogue with the kommune'), 'dialogue'),
      o('competence', t('Kompetanse', 'Kompetanse', 'Competence'), 'competence'),
      o('recruitment', t('Rekruttering av arbeidskraft', 'Rekruttering av arbeidskraft', 'Recruiting staff'), 'recruitment'),
      o('financing', t('Finansiering', 'Finansiering', 'Financing'), 'financing'),
      o('network', t('Nettverk og samarbeid', 'Nettverk og samarbeid', 'Networks and cooperation'), 'network'),
      o('other', t('Annet', 'Anna', 'Other'), 'other'),
    ],
  },
  {
    key: 'comments',
    kind: 'text',
    text: t(
      'Er det noe annet du vil si om hvordan kommunen kan bli mer næringsvennlig?',
      'Er det noko anna du vil seie om korleis kommunen kan bli meir næringsvenleg?',
      'Is there anything else you would like to say about how the kommune can become more business-friendly?',
    ),
    help: t(
      'Ikke skriv navn eller opplysninger som kan identifisere deg eller andre.',
      'Ikkje skriv namn eller opplysningar som kan identifisere deg eller andre.',
      'Do not write names or details that could identify you or others.',
    ),
    required: false,
  },
];

const notes = { key: 'notes', label: 'Notater', kind: 'longtext', required: false };
const FIRST_LINE_SECTIONS = [
  { key: 'respondent', title: 'Om respondenten', guidance: 'Hvilken målgruppe respondenten hører til.', fields: [notes] },
  { key: 'needs', title: 'Behov', guidance: 'Hvilke kategorier av informasjon og hjelp som er viktigst.', fields: [notes] },
];

const FIRST_LINE_SURVEY = [
  {
    key: 'target_group',
    kind: 'single',
    text: t(
      'Hvilken målgruppe hører du til? Kryss av ett alternativ.',
      'Kva målgruppe høyrer du til? Kryss av eitt alternativ.',
      'Which target group do you belong to? Choose one.',
    ),
    required: true,
    grouping: 'target_group',
    options: [
      o('innovasjon_norge', t('Innovasjon Norge', 'Innovasjon Noreg', 'Innovation Norway')),
      o('fylkeskommune', t('Fylkeskommunen', 'Fylkeskommunen', 'County authority (fylkeskommune)')),
      o('statsforvalter', t('Statsforvalteren', 'Statsforvaltaren', 'County governor (statsforvalter)')),
      o('kommune', t('Kommune', 'Kommune', 'Municipality (kommune)')),
      o('naeringshage', t('Næringshage e.l.', 'Næringshage o.l.', 'Business garden or similar')),
      o('ks', t('KS', 'KS', 'KS')),
      o('nav', t('NAV', 'NAV', 'NAV')),
      o('departement', t('Departement', 'Departement', 'Ministry')),
      o('other', t('Annet', 'Anna', 'Other')),
    ],
  },
  {
    key: 'categories',
    kind: 'multiple',
    text: t(
      'Hvilke kategorier er viktigst for deg i arbeidet med næringsutvikling?',
      'Kva kategoriar er viktigast for deg i arbeidet med næringsutvikling?',
      'Which categories matter most to you in business development work?',
    ),
    required: false,
    options: [
      o('statistics', t('Statistikk', 'Statistikk', 'Statistics'), 'statistics'),
      o('archive', t('Arkiv', 'Arkiv', 'Archive')),
      o('competence', t('Kompetanseheving', 'Kompetanseheving', 'Building competence'), 'competence'),
      o('contacts_network', t('Kontaktinfo og nettverk', 'Kontaktinfo og nettverk', 'Contacts and networks'), 'network'),
      o('analyses_trends', t('Analyser og trender', 'Analysar og trendar', 'Analyses and trends'), 'statistics'),
      o('reports', t('Rapporter', 'Rapportar', 'Reports')),
      o('templates', t('Maler', 'Malar', 'Templates')),
      o(
        'related_initiatives',
        t(
          'Relaterte satsinger, programmer og prosjekter',
          'Relaterte satsingar, program og prosjekt',
          'Related initiatives, programmes and projects',
        ),
        'business_development',
      ),
      o('none', t('Ingen av disse', 'Ingen av desse', 'None of these')),
      o('other', t('Annet', 'Anna', 'Other'), 'other'),
    ],
  },
  {
    key: 'comments',
    kind: 'text',
    text: t(
      'Hva mer trenger du fra førstelinjen for næringsutvikling?',
      'Kva meir treng du frå førstelina for næringsutvikling?',
      'What else do you need from the first line for business development?',
    ),
    required: false,
  },
];
