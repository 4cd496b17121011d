import type { RiskStatus, RiskStrategy } from '@nvr/shared';
import { EntityManager } from 'typeorm';
import { execute, queryOne, queryOneOrFail, queryRows } from '../sql';

/**
 * The risk registers of the demo projects (issue 14), with the copies their published status reports
 * keep, so a report shows its register and what changed since the one before:
 *
 * - Kongsbergregionen's forprosjekt: the kommunestyrer's financing of the hovedprosjekt (measures lower it
 *   from September to October and again since), the dedicated kommune resources, the economic frame the
 *   regionråd sent back (up in October, closed since), and low business turnout at the workshops (new).
 * - Glåmdal's forstudie: a low response rate in the smallest kommuner (it happened: Våler's four answers
 *   are suppressed) and disagreement on how to organise the business-development actors.
 */
interface Assessment {
  before: [probability: number, consequence: number];
  after: [probability: number, consequence: number] | null;
  measures: string;
  status: RiskStatus;
}

interface DemoRisk {
  number: number;
  description: string;
  cause: string;
  consequence: string;
  strategy: RiskStrategy;
  /** The owner's e-mail. */
  owner: string;
  proximity: string;
  createdOn: string;
  /** As it is now. */
  now: Assessment;
  /** As it was in each published report (by period); absent where the risk was not yet in the register. */
  reports: Record<string, Assessment>;
}

interface DemoRegister {
  project: string;
  risks: DemoRisk[];
}

const FINANCING_MEASURES_1 = 'Felles saksframlegg til alle kommunene, avklart med rådmannsgruppen.';
const FINANCING_MEASURES_2 =
  'Felles saksframlegg til alle kommunene, avklart med rådmannsgruppen. Møteplan for formannskap og kommunestyrer lagt; saken sendes kommunene innen 15. mars.';
const RESOURCE_MEASURES = 'Rådmannsgruppen bekrefter ressursene skriftlig; to små kommuner kan dele én ressurs.';

const REGISTERS: DemoRegister[] = [
  {
    project: 'Næringsvennlig Kongsbergregion 2026',
    risks: [
      {
        number: 1,
        description: 'Kommunestyrene rekker ikke å behandle finansieringen av hovedprosjektet før fristen',
        cause: 'Saken om hovedprosjektet kommer sent til formannskapene; sju kommunestyrer har ulike møteplaner.',
        consequence: 'Hovedprosjektet kan ikke starte som planlagt, og søknaden om regionale utviklingsmidler må utsettes.',
        strategy: 'reduce',
        owner: 'prosjektleder@demo.no',
        proximity: '2027-Q2',
        createdOn: '2026-09-10',
        now: { before: [4, 5], after: [2, 5], measures: FINANCING_MEASURES_2, status: 'open' },
        reports: {
          '2026-09': { before: [4, 5], after: null, measures: '', status: 'open' },
          '2026-10': { before: [4, 5], after: [3, 5], measures: FINANCING_MEASURES_1, status: 'open' },
        },
      },
      {
        number: 2,
        description: 'Ikke alle kommuner stiller med en dedikert ressurs i prosjektgruppen',
        cause: 'Stram kommuneøkonomi og få ansatte i de minste kommunene.',
        consequence: 'Svakere forankring i kommunene, og prosjektgruppen mangler kunnskap om enkelte kommuners næringsliv.',
        strategy: 'reduce',
        owner: 'regionrad@demo.no',
        proximity: '2027-Q1',
        createdOn: '2026-09-10',
        now: { before: [3, 4], after: [2, 3], measures: RESOURCE_MEASURES, status: 'open' },
        reports: {
          '2026-09': { before: [3, 4], after: [2, 3], measures: RESOURCE_MEASURES, status: 'open' },
          '2026-10': { before: [3, 4], after: [2, 3], measures: RESOURCE_MEASURES, status: 'open' },
        },
      },
      {
        number: 3,
        description: 'De økonomiske rammene for hovedprosjektet blir ikke godkjent av regionrådet',
        cause: 'Fordelingen mellom kommunene og egeninnsatsen er ikke vist godt nok.',
        consequence: 'Beslutningspunktet utsettes, og finansieringen av hovedprosjektet blir usikker.',
        strategy: 'avoid',
        owner: 'prosjektleder@demo.no',
        proximity: '2026-Q4',
        createdOn: '2026-09-10',
        now: {
          before: [4, 4],
          after: [2, 4],
          measures: 'Revidert budsjett med kostnadsfordeling 50/50 og egeninnsats som timer × sats.',
          status: 'closed',
        },
        reports: {
          '2026-09': { before: [3, 3], after: null, measures: '', status: 'open' },
          '2026-10': { before: [4, 4], after: null, measures: '', status: 'open' },
        },
      },
      {
        number: 4,
        description: 'Næringslivet deltar lite på samlingene om tjenestetilbudet',
        cause: 'Samlingene legges i en travel periode for bedriftene.',
        consequence: 'Tjenestetilbudet bygger på kommunenes syn mer enn på næringslivets behov.',
        strategy: 'accept',
        owner: 'kontakt@demo.no',
        proximity: '2027-Q1',
        createdOn: '2026-11-12',
        now: { before: [2, 3], after: null, measures: '', status: 'open' },
        reports: {},
      },
    ],
  },
  {
    project: 'Næringsvennlig Glåmdal',
    risks: [
      {
        number: 1,
        description: 'Lav svarprosent i næringslivsundersøkelsen fra de minste kommunene',
        cause: 'Få bedrifter i de minste kommunene, og undersøkelsen går i en travel periode.',
        consequence: 'Svarene fra enkelte kommuner må skjules i krysstabellene, og anbefalingen får et svakere grunnlag der.',
        strategy: 'reduce',
        owner: 'prosjektleder@demo.no',
        proximity: '2026-Q3',
        createdOn: '2026-08-20',
        now: {
          before: [4, 3],
          after: [3, 3],
          measures: 'Påminnelse gjennom næringsforeningene og egne lenker per kommune.',
          status: 'occurred',
        },
        reports: {
          '2026-10': {
            before: [4, 3],
            after: [3, 3],
            measures: 'Påminnelse gjennom næringsforeningene og egne lenker per kommune.',
            status: 'open',
          },
        },
      },
      {
        number: 2,
        description: 'Uenighet om hvordan næringsapparatet skal organiseres',
        cause: 'Vekstselskapet, næringshagen og kommunene har ulike interesser i de tre modellene.',
        consequence: 'Anbefalingen utsettes eller blir ikke forankret i regionrådet.',
        strategy: 'reduce',
        owner: 'sekretariat.glamdal@demo.no',
        proximity: '2027-Q1',
        createdOn: '2026-09-30',
        now: {
          before: [3, 4],
          after: [2, 4],
          measures: 'Modellene drøftes i rådmannsgruppen før regionrådet, med begrunnelse for hver.',
          status: 'open',
        },
        reports: { '2026-10': { before: [3, 4], after: null, measures: '', status: 'open' } },
      },
    ],
  },
];

const RISK_COLUMNS = `number, description, cause, consequence, probability_before, consequence_before, probability_after, consequence_after,
  measures, strategy, owner_id, proximity, status`;

const values = (r: DemoRisk, a: Assessment, ownerId: string | null) => [
  r.number,
  r.description,
  r.cause,
  r.consequence,
  a.before[0],
  a.before[1],
  a.after?.[0] ?? null,
  a.after?.[1] ?? null,
  a.measures,
  r.strategy,
  ownerId,
  r.proximity,
  a.status,
];

export async function seedDemoRisks(tx: EntityManager): Promise<void> {
  for (const register of REGISTERS) {
    const project = await queryOne<{ id: string }>(tx, `SELECT id FROM project WHERE name = $1`, [register.project]);
    if (!project) continue;
    if (await queryOne<{ id: string }>(tx, `SELECT id FROM risk WHERE project_id = $1 LIMIT 1`, [project.id])) continue;
    const people = await queryRows<{ id: string; name: string; email: string }>(tx, `SELECT id, name, lower(email) AS email FROM app_user`);
    const person = (email: string) => people.find((p) => p.email === email) ?? null;
    const creator = person('prosjektleder@demo.no');
    const ids = new Map<number, string>();
    for (const r of register.risks) {
      const owner = person(r.owner);
      const { id } = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO risk (project_id, ${RISK_COLUMNS}, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::date + interval '10 hours', now()) RETURNING id`,
        [project.id, ...values(r, r.now, owner?.id ?? null), creator?.id ?? null, r.createdOn],
      );
      ids.set(r.number, id);
    }
    // Each published report's copy, as the register was when it was published.
    const reports = await queryRows<{ id: string; period: string; published_at: Date }>(
      tx,
      `SELECT id, period, published_at FROM status_report WHERE project_id = $1 AND state = 'published' ORDER BY period`,
      [project.id],
    );
    for (const report of reports) {
      await execute(tx, `INSERT INTO risk_snapshot (report_id, frozen_at) VALUES ($1, $2)`, [report.id, report.published_at]);
      for (const r of register.risks) {
        const then = r.reports[report.period];
        if (!then) continue;
        const owner = person(r.owner);
        await execute(
          tx,
          `INSERT INTO risk_snapshot_item (report_id, risk_id, ${RISK_COLUMNS}, owner_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
          [report.id, ids.get(r.number), ...values(r, then, owner?.id ?? null), owner?.name ?? null],
        );
      }
    }
  }
}
