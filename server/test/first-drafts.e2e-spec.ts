import { crossTabulate, type SurveyAnswers, type SurveyQuestion } from '@nvr/shared';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { seedDemoData } from '../src/database/seed/seed';
import { createTestApp, Session, TestApp } from './support/test-app';

interface Deliverable {
  id: string;
  key: string | null;
}

/**
 * First drafts of the forstudie's "Kartlegging av næringslivets behov" and "Overordnet anbefaling" from
 * the kartlegging, on the demo data: Næringsvennlig Glåmdal's business survey (300 answers over seven
 * kommuner), its interviews, meeting and workshop, and the eight recommendations of seeds/003.
 */
describe('First drafts from the mapping (demo: Næringsvennlig Glåmdal)', () => {
  let t: TestApp;
  let leader: Session;
  let adviser: Session;
  let projectId: string;
  let deliverables: Deliverable[];
  const draftUrl = (key: string, lang?: string) => {
    const d = deliverables.find((x) => x.key === key);
    if (!d) throw new Error(`no deliverable ${key}`);
    return `/api/projects/${projectId}/deliverables/${d.id}/first-draft${lang ? `?lang=${lang}` : ''}`;
  };

  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedDemoData(t.db)).toContain('demo_mapping_loaded_at');
    leader = await t.signIn('prosjektleder@demo.no', DEMO_PASSWORD);
    adviser = await t.signIn('radgiver@demo.no', DEMO_PASSWORD);
    projectId = (await t.db.query(`SELECT id FROM project WHERE name = 'Næringsvennlig Glåmdal'`))[0].id;
    deliverables = (await leader.get(`/api/projects/${projectId}`).expect(200)).body.phases[0].deliverables;
  }, 120_000);
  afterAll(() => t.close());

  it('seeds the mapping once: 300 anonymous answers over the seven kommuner and a general link, five conversations, eight recommendations', async () => {
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.project_id = $1) AS answers,
              (SELECT count(DISTINCT r.kommune_id)::int FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.project_id = $1) AS kommuner,
              (SELECT count(*)::int FROM survey_link l JOIN survey s ON s.id = l.survey_id WHERE s.project_id = $1) AS links,
              (SELECT count(*)::int FROM conversation WHERE project_id = $1) AS conversations,
              (SELECT count(*)::int FROM recommendation WHERE project_id = $1 AND status = 'put_to_owner') AS recommendations`,
      [projectId],
    );
    expect(counts).toEqual({ answers: 300, kommuner: 7, links: 8, conversations: 5, recommendations: 8 });
    // By kommune, Våler's few answers are suppressed, and one more group with them so they cannot be worked out.
    const [survey] = (await t.db.query(`SELECT id, questions FROM survey WHERE project_id = $1`, [projectId])) as {
      id: string;
      questions: SurveyQuestion[];
    }[];
    const responses = (await t.db.query(`SELECT answers, kommune_id AS "kommuneId" FROM survey_response WHERE survey_id = $1`, [
      survey.id,
    ])) as { answers: SurveyAnswers; kommuneId: string | null }[];
    const kommuner = (await t.db.query(
      `SELECT k.id, k.name FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1`,
      [projectId],
    )) as { id: string; name: string }[];
    const labels = Object.fromEntries(kommuner.map((k) => [k.id, k.name]));
    const tab = crossTabulate(survey.questions, responses, 'employees', { kind: 'kommune', labels }, 5);
    const suppressed = tab.groups.filter((g) => g.suppressed).map((g) => [g.key === null ? null : labels[g.key], g.suppressed]);
    expect(suppressed).toContainEqual(['Våler', 'small']);
    expect(suppressed.map(([, why]) => why).sort()).toEqual(['complementary', 'small']);
    expect(await seedDemoData(t.db)).toEqual([]);
  });

  it('drafts the business needs: method with the answer count, shares in Norwegian form, the needs and the conversations', async () => {
    const { content } = (await leader.get(draftUrl('business_needs')).expect(200)).body as { content: string };
    expect(content).toContain('Næringslivets behov i Glåmdalsregionen 2026');
    expect(content).toMatch(/fikk 300 svar/);
    expect(content).toMatch(/felles lenke og egne lenker for .*Kongsvinger.* og Åsnes/);
    expect(content).toMatch(/Eier eller daglig leder: \d{1,2},\d % \(\d+\)/);
    expect(content).toMatch(/Byggesaksbehandling: \d+ respondenter, \d+ samtaler/);
    expect(content).toContain('3 intervjuer, 1 møte og 1 workshop');
    expect(content).toContain('Workshop: felles næringsutvikling i Glåmdalen');
    expect(content).toContain('30 deltakere');
    // Free texts are counted, never quoted (they may name people until redacted).
    expect(content).not.toContain('E16. Det hemmer utvidelse');
  });

  it('drafts the recommendation: the eight recommendations in order, with reasoning, evidence, models and status', async () => {
    const { content } = (await leader.get(draftUrl('recommendation')).expect(200)).body as { content: string };
    const numbers = [...content.matchAll(/^Anbefaling (\d+): /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(content).toMatch(/Anbefaling 1: Det etableres et felles næringsfond[^\n]*\nBegrunnelse: Større fleksibilitet/);
    expect(content).toMatch(/Anbefaling 8: Modell 2 og 3/);
    expect(content).toContain('Modeller som er sammenlignet: Modell 1: dagens aktørbilde');
    expect(content).toMatch(/Kilder: .*spørsmålet «Hvor fornøyd er du med tilgangen på næringsarealer\?»/);
    expect(content).toContain('intervju «Intervju med industribedrift på Kongsvinger»');
    expect(content).toContain('Status: Lagt fram for prosjekteier');
  });

  it('writes nynorsk and English drafts', async () => {
    const nn = (await leader.get(draftUrl('business_needs', 'nn')).expect(200)).body.content as string;
    expect(nn).toMatch(/fekk 300 svar/);
    expect(nn).toMatch(/Eigar eller dagleg leiar: \d{1,2},\d % \(\d+\)/);
    expect(nn).toContain('3 intervju, 1 møte og 1 workshop');
    const en = (await leader.get(draftUrl('business_needs', 'en')).expect(200)).body.content as string;
    expect(en).toMatch(/received 300 answers/);
    expect(en).toMatch(/Owner or managing director: \d{1,2}\.\d% \(\d+\)/);
    expect(en).toContain('3 interviews, 1 meeting and 1 workshop');
    const enRec = (await leader.get(draftUrl('recommendation', 'en')).expect(200)).body.content as string;
    expect(enRec).toMatch(/^Recommendation 1: /m);
    expect(enRec).toMatch(/^Reasoning: /m);
    expect(enRec).toContain('Status: Put to the project owner');
    const nnRec = (await leader.get(draftUrl('recommendation', 'nn')).expect(200)).body.content as string;
    expect(nnRec).toMatch(/^Tilråding 8: /m);
    expect(nnRec).toMatch(/^Grunngjeving: /m);
    await leader.get(draftUrl('business_needs', 'de')).expect(400);
  });

  it('says so when a project has no mapping or recommendations yet', async () => {
    const [other] = await t.db.query(`SELECT id FROM project WHERE name = 'Næringsvennlig Kongsbergregion 2026'`);
    const phase = (await leader.get(`/api/projects/${other.id}`).expect(200)).body.phases[0] as { deliverables: Deliverable[] };
    const url = (key: string) => `/api/projects/${other.id}/deliverables/${phase.deliverables.find((d) => d.key === key)!.id}/first-draft`;
    expect((await leader.get(url('business_needs')).expect(200)).body.content).toContain(
      'Ingen spørreundersøkelser eller samtaler er registrert i kartleggingen ennå.',
    );
    expect((await leader.get(url('recommendation')).expect(200)).body.content).toContain('Ingen anbefalinger er registrert ennå.');
  });

  it('refuses other deliverables (422 NO_FIRST_DRAFT) and people who may not edit the project', async () => {
    const other = await leader.get(draftUrl('current_practice')).expect(422);
    expect(other.body.code).toBe('NO_FIRST_DRAFT');
    const res = await adviser.get(draftUrl('business_needs'));
    expect([403, 404]).toContain(res.status);
    const stranger = await t.as([
      { role: 'adviser', regionId: (await t.db.query(`SELECT id FROM region WHERE name = 'Kongsbergregionen'`))[0].id },
    ]);
    expect([403, 404]).toContain((await stranger.get(draftUrl('recommendation'))).status);
  });
});
