import { EntityManager } from 'typeorm';
import { execute, queryOne, queryOneOrFail } from '../sql';

/**
 * The benefits registers of the demo projects (gevinstrealisering). Kongsbergregionen's completed
 * 2008–2012 project has three benefits from its 2009 plan sketch's benefit areas, handed to their owners
 * when it ended and measured in the years after (one reached, one on track, one behind); the running
 * projects have benefits under their plans' benefit areas with few or no measurements yet.
 */
interface DemoMeasurement {
  on: string;
  value: number;
  comment: string;
}

interface DemoIndicator {
  name: string;
  unit: string;
  start: [value: number, date: string];
  target: [value: number, date: string];
  measurements: DemoMeasurement[];
}

interface DemoBenefit {
  project: string;
  title: string;
  description: string;
  area: string | null;
  ownerEmail: string;
  handedOverAt?: string;
  indicators: DemoIndicator[];
}

const COMPLETED = 'Samordnet næringsapparat i Kongsbergregionen';
const KONGSBERG_2026 = 'Næringsvennlig Kongsbergregion 2026';
const GLAMDAL = 'Næringsvennlig Glåmdal';

/** The benefit areas of the 2009 plan sketch (seeds/002), kept in the completed project's hovedprosjekt plan. */
const SKETCH_AREAS = [
  'Effektive, fleksible og tilrettelagte vertskapstjenester for næringsutvikling',
  'God lønnsomhet i næringslivet',
  'God rekruttering av arbeidskraft',
  'Interkommunalt samarbeid oppleves positivt',
];

const BENEFITS: DemoBenefit[] = [
  {
    project: COMPLETED,
    title: 'Raskere behandling av byggesaker for næringslivet',
    description:
      'Bedrifter som skal bygge eller utvide, får svar på byggesøknaden raskere når kommunene samordner veiledning og forhåndskonferanser.',
    area: SKETCH_AREAS[0],
    ownerEmail: 'kontakt@demo.no',
    handedOverAt: '2012-02-01',
    indicators: [
      {
        name: 'Gjennomsnittlig saksbehandlingstid for byggesøknader fra næringslivet',
        unit: 'dager',
        start: [42, '2011-12-31'],
        target: [21, '2015-12-31'],
        measurements: [
          { on: '2012-12-31', value: 38, comment: 'Tall fra kommunenes sakssystem, sju kommuner.' },
          { on: '2013-12-31', value: 31, comment: 'Felles sjekkliste for forhåndskonferanser tatt i bruk.' },
          { on: '2014-12-31', value: 26, comment: '' },
          { on: '2015-12-31', value: 22, comment: 'Tinn og Notodden trekker snittet opp.' },
          { on: '2016-12-31', value: 19, comment: 'Målet er nådd; følges videre i næringsforumet.' },
        ],
      },
    ],
  },
  {
    project: COMPLETED,
    title: 'Flere solgte næringstomter i regionen',
    description: 'Felles markedsføring av ledige næringsarealer skal gi flere etableringer på tomtene kommunene har regulert.',
    area: SKETCH_AREAS[1],
    ownerEmail: 'regionrad@demo.no',
    handedOverAt: '2012-02-01',
    indicators: [
      {
        name: 'Andel regulerte næringstomter som er solgt',
        unit: '%',
        start: [35, '2011-12-31'],
        target: [70, '2019-12-31'],
        measurements: [
          { on: '2013-12-31', value: 40, comment: 'Felles tomteportal lansert våren 2013.' },
          { on: '2015-12-31', value: 47, comment: '' },
          {
            on: '2017-12-31',
            value: 52,
            comment: 'Etterspørselen falt med oljeprisen; tomtene i Kongsberg selges, de i Hjartdal og Rollag står.',
          },
        ],
      },
    ],
  },
  {
    project: COMPLETED,
    title: 'Næringslivet er mer fornøyd med kommunene som vertskap',
    description: 'Næringslivsundersøkelsen hvert tredje år måler hvor fornøyde bedriftene er med service, informasjon og dialog.',
    area: SKETCH_AREAS[0],
    ownerEmail: 'regionrad@demo.no',
    handedOverAt: '2012-02-01',
    indicators: [
      {
        name: 'Næringslivets tilfredshet med kommunen som vertskap (næringslivsundersøkelsen)',
        unit: 'poeng (1–6)',
        start: [3.6, '2011-10-01'],
        target: [4.5, '2020-10-01'],
        measurements: [
          { on: '2014-10-01', value: 3.9, comment: '312 bedrifter svarte.' },
          { on: '2017-10-01', value: 4.3, comment: '287 bedrifter svarte; best score på service.' },
        ],
      },
    ],
  },
  {
    project: KONGSBERG_2026,
    title: 'Én dør inn for bedriftene i hele regionen',
    description: 'Bedrifter som tar kontakt med en av de sju kommunene, får raskt svar og blir koblet til rett hjelp.',
    area: SKETCH_AREAS[0],
    ownerEmail: 'prosjektleder@demo.no',
    indicators: [
      {
        name: 'Henvendelser fra bedrifter besvart innen to virkedager',
        unit: '%',
        start: [55, '2026-01-01'],
        target: [90, '2029-12-31'],
        measurements: [{ on: '2026-09-30', value: 61, comment: 'Første telling, tre av sju kommuner.' }],
      },
    ],
  },
  {
    project: KONGSBERG_2026,
    title: 'Flere unge voksne flytter til regionen',
    description: 'Et samordnet næringsapparat skal gjøre det lettere for bedriftene å rekruttere.',
    area: SKETCH_AREAS[2],
    ownerEmail: 'regionrad@demo.no',
    indicators: [
      {
        name: 'Netto innflytting 20–39 år til regionen (SSB)',
        unit: 'personer per år',
        start: [40, '2025-12-31'],
        target: [120, '2029-12-31'],
        measurements: [],
      },
    ],
  },
  {
    project: GLAMDAL,
    title: 'Flere nyetableringer i regionen',
    description: 'Et felles, profesjonelt mottak skal gi flere som starter bedrift i Glåmdalsregionen.',
    area: 'Flere nyetableringer i regionen',
    ownerEmail: 'sekretariat.glamdal@demo.no',
    indicators: [
      {
        name: 'Nyetablerte foretak per år (SSB)',
        unit: 'antall',
        start: [310, '2025-12-31'],
        target: [400, '2029-12-31'],
        measurements: [],
      },
    ],
  },
];

export async function seedDemoBenefits(tx: EntityManager): Promise<void> {
  await seedCompletedPlanAreas(tx);
  const numbers = new Map<string, number>();
  for (const b of BENEFITS) {
    const project = await queryOne<{ id: string }>(tx, `SELECT id FROM project WHERE name = $1`, [b.project]);
    if (!project) continue;
    const owner = await queryOneOrFail<{ id: string }>(tx, `SELECT id FROM app_user WHERE lower(email) = lower($1)`, [b.ownerEmail]);
    const number = (numbers.get(project.id) ?? 0) + 1;
    numbers.set(project.id, number);
    const { id } = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO benefit (project_id, number, title, description, benefit_area, owner_id, handed_over_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $6) RETURNING id`,
      [project.id, number, b.title, b.description, b.area, owner.id, b.handedOverAt ?? null],
    );
    for (const i of b.indicators) {
      const indicator = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO benefit_indicator (benefit_id, name, unit, start_value, start_date, target_value, target_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [id, i.name, i.unit, i.start[0], i.start[1], i.target[0], i.target[1]],
      );
      for (const m of i.measurements) {
        await execute(
          tx,
          `INSERT INTO benefit_measurement (indicator_id, measured_on, value, comment, recorded_by, recorded_at)
           VALUES ($1, $2, $3, $4, $5, ($2::date + interval '20 days'))`,
          [indicator.id, m.on, m.value, m.comment, owner.id],
        );
      }
    }
  }
}

/**
 * The completed project's hovedprosjekt plan as far as its benefits need it: the 2009 sketch's main goal
 * and benefit areas (gevinstområder), so its benefits hang under the areas they came from.
 */
async function seedCompletedPlanAreas(tx: EntityManager): Promise<void> {
  const phase = await queryOne<{ id: string }>(
    tx,
    `SELECT ph.id FROM project_phase ph JOIN project p ON p.id = ph.project_id
      WHERE p.name = $1 AND ph.phase_key = 'hovedprosjekt' AND NOT EXISTS (SELECT 1 FROM phase_plan pp WHERE pp.phase_id = ph.id)`,
    [COMPLETED],
  );
  if (!phase) return;
  const template = await queryOneOrFail<{ id: string }>(
    tx,
    `SELECT tv.id FROM template_version tv JOIN template t ON t.id = tv.template_id WHERE t.key = 'plan_hovedprosjekt' AND tv.version = 1`, // the version this demo content was written for
  );
  const content = { goals: { main_goal: 'Etablere og utvikle et samordnet næringsapparat.', benefit_areas: SKETCH_AREAS } };
  await execute(tx, `INSERT INTO phase_plan (phase_id, template_version_id, content, version) VALUES ($1, $2, $3, 1)`, [
    phase.id,
    template.id,
    JSON.stringify(content),
  ]);
}
