import { EntityManager } from 'typeorm';
import { execute, queryOne, queryOneOrFail } from '../sql';

/**
 * Published status reports and a few comments on the demo projects, so the portfolio and the report
 * pages have something to show: Kongsbergregionen's forprosjekt reports for September and October 2026
 * (economy turning yellow as the frame is debated), and Glåmdal's first report from its forstudie.
 */
interface DemoReport {
  project: string;
  period: string;
  publishedOn: string;
  colours: [overall: string, progress: string, economy: string, risk: string];
  comments: [overall: string, progress: string, economy: string, risk: string];
  figures: [budgetTotal: number, spentToDate: number, forecast: number];
  nextSteps: string;
}

/** A demo user who writes reports and comments. */
interface PersonRecord {
  id: string;
  name: string;
}

/** The deliverable the regionråd returned, with its project. */
interface DeliverableRecord {
  id: string;
  project_id: string;
}

const REPORTS: DemoReport[] = [
  {
    project: 'Næringsvennlig Kongsbergregion 2026',
    period: '2026-09',
    publishedOn: '2026-10-03',
    colours: ['green', 'green', 'green', 'yellow'],
    comments: [
      'Forprosjektet går etter planen.',
      'Tjenesteinnholdet er beskrevet og sendt til regionrådet.',
      'Forbruket følger budsjettet.',
      'Ikke alle kommuner har meldt inn sin dedikerte ressurs ennå.',
    ],
    figures: [1200000, 420000, 1200000],
    nextSteps: 'Avklare økonomiske rammer med rådmannsgruppen; samling for prosjektgruppen i oktober.',
  },
  {
    project: 'Næringsvennlig Kongsbergregion 2026',
    period: '2026-10',
    publishedOn: '2026-11-04',
    colours: ['yellow', 'green', 'yellow', 'yellow'],
    comments: [
      'Økonomidelen er sendt tilbake og må gjøres om.',
      'Tjenesteinnholdet ligger til behandling hos regionrådet.',
      'Fordelingen mellom kommunene og egeninnsatsen må vises; prognosen er 5 % over rammen.',
      'Kommunestyrene må behandle finansieringen før hovedprosjektet kan starte.',
    ],
    figures: [1200000, 610000, 1260000],
    nextSteps: 'Revidere økonomiske rammer innen 1. desember; forberede saken til kommunestyrene.',
  },
  {
    project: 'Næringsvennlig Glåmdal',
    period: '2026-10',
    publishedOn: '2026-11-05',
    colours: ['green', 'yellow', 'green', 'green'],
    comments: [
      'Kartleggingen av næringslivets behov er godkjent.',
      'Beskrivelsen av dagens næringsapparat tok lengre tid enn planlagt.',
      'Innenfor rammen.',
      'Ingen vesentlige risikoer nå.',
    ],
    figures: [600000, 180000, 600000],
    nextSteps: 'Ferdigstille anbefalingen og starte på prosjektplanen for forprosjektet.',
  },
];

export async function seedDemoStatusReports(tx: EntityManager): Promise<void> {
  const leader = await queryOne<PersonRecord>(tx, `SELECT id, name FROM app_user WHERE lower(email) = 'prosjektleder@demo.no'`);
  const adviser = await queryOne<PersonRecord>(tx, `SELECT id, name FROM app_user WHERE lower(email) = 'radgiver@demo.no'`);
  const previous = new Map<string, string>();
  for (const r of REPORTS) {
    const project = await queryOne<{ id: string }>(tx, `SELECT id FROM project WHERE name = $1`, [r.project]);
    if (!project) continue;
    const report = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO status_report (project_id, period, state, overall_colour, overall_comment, progress_colour, progress_comment, economy_colour, economy_comment,
                                  risk_colour, risk_comment, budget_total, spent_to_date, forecast, next_steps, copied_from_id, created_by, created_at, updated_at, published_by, published_at)
       VALUES ($1, $2, 'published', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::date, $17::date + interval '9 hours', $16, $17::date + interval '9 hours') RETURNING id`,
      [
        project.id,
        r.period,
        r.colours[0],
        r.comments[0],
        r.colours[1],
        r.comments[1],
        r.colours[2],
        r.comments[2],
        r.colours[3],
        r.comments[3],
        ...r.figures,
        r.nextSteps,
        previous.get(r.project) ?? null,
        leader?.id ?? null,
        r.publishedOn,
      ],
    );
    previous.set(r.project, report.id);
    await execute(
      tx,
      `INSERT INTO history_event (project_id, at, actor_id, actor_name, action, entity_type, entity_id, after) VALUES ($1, $2::date + interval '9 hours', $3, $4, 'status_report.published', 'status_report', $5, $6)`,
      [
        project.id,
        r.publishedOn,
        leader?.id ?? null,
        leader?.name ?? 'Demodata',
        report.id,
        JSON.stringify({ state: 'published', period: r.period }),
      ],
    );
    if (r.period === '2026-10' && adviser) {
      const body =
        r.project === 'Næringsvennlig Glåmdal'
          ? 'Godt i gang! Husk å forankre anbefalingen i regionrådet før sluttrapporten skrives.'
          : '@prosjektleder@demo.no Takk for rapporten. Vi i Innovasjon Norge kan bidra med erfaringer fra andre regioner om fordeling av egeninnsats.';
      const mentioned = body.startsWith('@') && leader ? [leader.id] : [];
      const comment = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO comment (project_id, target_type, target_id, author_id, body, mentioned_user_ids, created_at) VALUES ($1, 'status_report', $2, $3, $4, $5::uuid[], $6::date + interval '13 hours') RETURNING id`,
        [project.id, report.id, adviser.id, body, mentioned, r.publishedOn],
      );
      await execute(
        tx,
        `INSERT INTO history_event (project_id, at, actor_id, actor_name, action, entity_type, entity_id, after) VALUES ($1, $2::date + interval '13 hours', $3, $4, 'comment.added', 'comment', $5, $6)`,
        [
          project.id,
          r.publishedOn,
          adviser.id,
          adviser.name,
          comment.id,
          JSON.stringify({ targetType: 'status_report', targetId: report.id, body }),
        ],
      );
      for (const recipient of mentioned) {
        await execute(
          tx,
          `INSERT INTO notification (recipient_id, kind, project_id, target_type, target_id, title, body, link, params, actor_id, created_at)
           VALUES ($1, 'mention', $2, 'comment', $3, $4, $5, $6, $7, $8, $9::date + interval '13 hours')`,
          [
            recipient,
            project.id,
            comment.id,
            `${adviser.name} nevnte deg i en kommentar`,
            `${adviser.name} skrev i ${r.project}: «${body}»`,
            `/prosjekter/${project.id}/statusrapporter/${report.id}`,
            JSON.stringify({ commentTargetType: 'status_report', commentTargetId: report.id, projectName: r.project, excerpt: body }),
            adviser.id,
            r.publishedOn,
          ],
        );
      }
    }
  }
  // A comment on the deliverable the regionråd returned, so the thread there is not empty.
  const economic = await queryOne<DeliverableRecord>(
    tx,
    `SELECT d.id, p.id AS project_id FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id JOIN project p ON p.id = ph.project_id
      WHERE p.name = 'Næringsvennlig Kongsbergregion 2026' AND d.catalogue_key = 'economic_frame'`,
  );
  if (economic && leader) {
    const body = 'Jeg legger inn fordelingen 50 % likt og 50 % etter folketall, som i prosjektskissen fra 2009.';
    const comment = await queryOneOrFail<{ id: string }>(
      tx,
      `INSERT INTO comment (project_id, target_type, target_id, author_id, body) VALUES ($1, 'deliverable', $2, $3, $4) RETURNING id`,
      [economic.project_id, economic.id, leader.id, body],
    );
    await execute(
      tx,
      `INSERT INTO history_event (project_id, actor_id, actor_name, action, entity_type, entity_id, after) VALUES ($1, $2, $3, 'comment.added', 'comment', $4, $5)`,
      [economic.project_id, leader.id, leader.name, comment.id, JSON.stringify({ targetType: 'deliverable', targetId: economic.id, body })],
    );
  }
}
