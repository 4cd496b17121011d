import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

describe('kartlegging: interviews, meetings and workshops, the needs overview and the recommendations register', () => {
  let t: TestApp;
  let f: ProjectFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Kartleggingsregionen');
  });
  afterAll(() => t.close());

  const conversations = () => `/api/projects/${f.projectId}/conversations`;
  const recommendations = () => `/api/projects/${f.projectId}/recommendations`;

  /** A survey of the project with one multiple-choice question whose options stand for needs, and answers. */
  async function insertSurvey(projectId: string, answers: string[][]): Promise<string> {
    const questions = [
      {
        key: 'needs_most',
        kind: 'multiple',
        text: { nb: 'Hva trenger bedriften mest?' },
        required: false,
        options: [
          { key: 'permits', label: { nb: 'Raskere byggesak' }, need: 'building_permits' },
          { key: 'land', label: { nb: 'Næringsareal' }, need: 'business_land' },
          { key: 'none', label: { nb: 'Ingenting' } },
        ],
      },
    ];
    const [survey] = await t.db.query(`INSERT INTO survey (project_id, title, questions) VALUES ($1, $2, $3) RETURNING id`, [
      projectId,
      'Næringslivsundersøkelsen',
      JSON.stringify(questions),
    ]);
    for (const a of answers) {
      await t.db.query(`INSERT INTO survey_response (survey_id, definition_version, answers, source) VALUES ($1, 1, $2, 'web')`, [
        survey.id,
        JSON.stringify({ needs_most: a }),
      ]);
    }
    return survey.id;
  }

  describe('conversations', () => {
    it('records an interview with notes per guide section and needs, and changes it with versions', async () => {
      const created = (
        await f.leader
          .post(conversations())
          .send({
            kind: 'interview',
            title: '  Intervju med Byggmester AS ',
            heldOn: '2026-03-12',
            kommuneId: f.kommuner[0].id,
            participantCount: 2,
            guideKey: 'interview_guide',
            notes: { intro: 'Presenterte prosjektet.', needs: 'Byggesaker tar for lang tid.', wrapup: '  ' },
            needs: ['building_permits', 'business_land'],
          })
          .expect(201)
      ).body;
      expect(created).toMatchObject({
        kind: 'interview',
        title: 'Intervju med Byggmester AS',
        heldOn: '2026-03-12',
        kommuneId: f.kommuner[0].id,
        participantCount: 2,
        participantNames: null,
        namesConsent: false,
        guideKey: 'interview_guide',
        guideVersion: 2, // the guides in three languages (migration 1796410000000)
        notes: { intro: 'Presenterte prosjektet.', needs: 'Byggesaker tar for lang tid.' },
        needs: ['building_permits', 'business_land'],
        version: 1,
        createdBy: 'Pia Prosjektleder',
      });
      expect(created.kommuneName).toEqual(expect.any(String));

      const updated = (
        await f.leader
          .patch(`${conversations()}/${created.id}`)
          .send({ version: 1, participantNames: 'Kari Nordmann', namesConsent: true, needs: ['building_permits'] })
          .expect(200)
      ).body;
      expect(updated).toMatchObject({ participantNames: 'Kari Nordmann', namesConsent: true, needs: ['building_permits'], version: 2 });
      expect((await f.leader.patch(`${conversations()}/${created.id}`).send({ version: 1, title: 'x' }).expect(409)).body.code).toBe(
        'VERSION_CONFLICT',
      );
      // Withdrawing consent takes the names away.
      const withdrawn = (await f.leader.patch(`${conversations()}/${created.id}`).send({ version: 2, namesConsent: false }).expect(200))
        .body;
      expect(withdrawn).toMatchObject({ participantNames: null, namesConsent: false });

      const list = (await f.adviser.get(conversations()).expect(200)).body;
      expect(list.map((c: { id: string }) => c.id)).toContain(created.id);
      const history = (await f.leader.get(`/api/projects/${f.projectId}/history`).expect(200)).body;
      const recorded = history.find((h: { action: string }) => h.action === 'conversation.recorded');
      expect(recorded).toBeDefined();
      expect(JSON.stringify(recorded)).not.toContain('Byggesaker tar for lang tid');
    });

    it('refuses names without consent, a kommune outside the project, an unknown guide or guide section', async () => {
      const base = { kind: 'meeting', title: 'Møte med rådmannsgruppen', heldOn: '2026-03-20', participantCount: 6 };
      const names = await f.leader
        .post(conversations())
        .send({ ...base, participantNames: 'Ola, Kari' })
        .expect(422);
      expect(names.body.code).toBe('NAMES_WITHOUT_CONSENT');
      const outside = await t.factories.newKommune();
      expect(
        (
          await f.leader
            .post(conversations())
            .send({ ...base, kommuneId: outside.id })
            .expect(422)
        ).body.code,
      ).toBe('KOMMUNE_NOT_IN_PROJECT');
      expect(
        (
          await f.leader
            .post(conversations())
            .send({ ...base, guideKey: 'plan_forstudie' })
            .expect(422)
        ).body.code,
      ).toBe('GUIDE_NOT_FOUND');
      const section = await f.leader
        .post(conversations())
        .send({ ...base, guideKey: 'meeting_guide', notes: { purpose: 'Orientering', business: 'feil seksjon' } })
        .expect(422);
      expect(section.body).toMatchObject({ code: 'GUIDE_SECTION_UNKNOWN', errors: [{ field: 'notes.business' }] });
      expect(
        (
          await f.leader
            .post(conversations())
            .send({ ...base, notes: { agenda: 'x' } })
            .expect(422)
        ).body.code,
      ).toBe('GUIDE_SECTION_UNKNOWN');
      const bad = await f.leader
        .post(conversations())
        .send({ ...base, kind: 'party', participantCount: 0, needs: ['parking'] })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['kind', 'participantCount', 'needs']));
      // Without a guide, free notes go under "notes"; the adviser may read but not record.
      await f.leader
        .post(conversations())
        .send({ ...base, notes: { notes: 'Kort orientering.' }, needs: ['dialogue'] })
        .expect(201);
      await f.adviser.post(conversations()).send(base).expect(403);
    });

    it('keeps a conversation editable after its kommune left the project, but refuses choosing that kommune again', async () => {
      const g = await newProjectFixture(t, 'Utmeldingsregionen');
      const url = `/api/projects/${g.projectId}/conversations`;
      const [leaving, staying] = g.kommuner;
      const c = (
        await g.leader
          .post(url)
          .send({ kind: 'meeting', title: 'Møte i kommunen', heldOn: '2026-03-05', participantCount: 4, kommuneId: leaving.id })
          .expect(201)
      ).body;
      // The kommune leaves the project (as a kommunestyre's "no" at a gate does).
      await t.db.query(`DELETE FROM project_kommune WHERE project_id = $1 AND kommune_id = $2`, [g.projectId, leaving.id]);

      const edited = (
        await g.leader
          .patch(`${url}/${c.id}`)
          .send({ version: 1, title: 'Møte i kommunen (referat)', needs: ['dialogue'] })
          .expect(200)
      ).body;
      expect(edited).toMatchObject({ title: 'Møte i kommunen (referat)', kommuneId: leaving.id, needs: ['dialogue'], version: 2 });
      // Sending the same kommune again is no change either.
      await g.leader.patch(`${url}/${c.id}`).send({ version: 2, kommuneId: leaving.id, participantCount: 5 }).expect(200);
      // Choosing it anew is refused; moving to a kommune still in the project, or to none, is allowed.
      const other = (
        await g.leader
          .post(url)
          .send({ kind: 'interview', title: 'Intervju', heldOn: '2026-03-06', participantCount: 1, kommuneId: staying.id })
          .expect(201)
      ).body;
      expect((await g.leader.patch(`${url}/${other.id}`).send({ version: 1, kommuneId: leaving.id }).expect(422)).body.code).toBe(
        'KOMMUNE_NOT_IN_PROJECT',
      );
      await g.leader.patch(`${url}/${c.id}`).send({ version: 3, kommuneId: staying.id }).expect(200);
      expect((await g.leader.patch(`${url}/${c.id}`).send({ version: 4, kommuneId: null }).expect(200)).body.kommuneId).toBeNull();
    });

    it('deletes a conversation', async () => {
      const c = (
        await f.leader
          .post(conversations())
          .send({ kind: 'workshop', title: 'Workshop', heldOn: '2026-04-01', participantCount: 30, guideKey: 'workshop_guide' })
          .expect(201)
      ).body;
      await f.leader.delete(`${conversations()}/${c.id}`).expect(204);
      expect((await f.leader.get(`${conversations()}/${c.id}`).expect(404)).body.code).toBe('CONVERSATION_NOT_FOUND');
    });
  });

  describe('needs overview', () => {
    it('counts a need from the surveys’ respondents and from the conversations', async () => {
      const g = await newProjectFixture(t, 'Behovsregionen');
      await insertSurvey(g.projectId, [['permits'], ['permits', 'land'], ['none'], ['land']]);
      for (const needs of [['building_permits'], ['building_permits', 'dialogue']]) {
        await g.leader
          .post(`/api/projects/${g.projectId}/conversations`)
          .send({ kind: 'interview', title: 'Intervju', heldOn: '2026-03-01', participantCount: 1, needs })
          .expect(201);
      }
      // An older survey whose raw answers were deleted: its kept tally counts instead.
      const frozen = await insertSurvey(g.projectId, []);
      const tally = {
        total: 10,
        questions: [
          {
            key: 'needs_most',
            kind: 'multiple',
            answered: 10,
            options: [
              { key: 'permits', count: 3, share: 0.3 },
              { key: 'land', count: 0, share: 0 },
              { key: 'none', count: 7, share: 0.7 },
            ],
          },
        ],
      };
      await t.db.query(`UPDATE survey SET raw_deleted_at = now(), frozen_results = $2 WHERE id = $1`, [
        frozen,
        JSON.stringify({ tally, crossTabs: [] }),
      ]);
      const overview = (await g.adviser.get(`/api/projects/${g.projectId}/needs`).expect(200)).body;
      expect(overview).toMatchObject({ surveys: 2, conversations: 2 });
      const row = (need: string) => overview.needs.find((n: { need: string }) => n.need === need);
      expect(row('building_permits')).toEqual({ need: 'building_permits', surveyRespondents: 5, conversations: 2 });
      expect(row('business_land')).toEqual({ need: 'business_land', surveyRespondents: 2, conversations: 0 });
      expect(row('dialogue')).toEqual({ need: 'dialogue', surveyRespondents: 0, conversations: 1 });
    });
  });

  describe('recommendations', () => {
    it('keeps a numbered register with reasoning, evidence and needs, in an order that can change', async () => {
      const surveyId = await insertSurvey(f.projectId, [['permits']]);
      const [conversation] = (await f.leader.get(conversations()).expect(200)).body;
      const first = (
        await f.leader
          .post(recommendations())
          .send({
            title: 'Det etableres et felles næringsfond for kommunene i regionen',
            reasoning: 'Større fleksibilitet som gir mulighet for større satsninger.',
            evidence: 'Bedriftene etterspør raskere byggesak.',
            evidenceRefs: [
              { kind: 'survey', surveyId, questionKey: 'needs_most' },
              { kind: 'conversation', conversationId: conversation.id },
            ],
            modelsCompared: 'Modell 1: ingen endring. Modell 2: felles fond.',
            needs: ['business_development'],
          })
          .expect(201)
      ).body;
      expect(first).toMatchObject({
        position: 1,
        status: 'proposed',
        statusNote: '',
        subgoalKey: null,
        version: 1,
        evidenceRefs: [
          { kind: 'survey', surveyId, questionKey: 'needs_most', label: 'Næringslivsundersøkelsen' },
          { kind: 'conversation', conversationId: conversation.id, label: conversation.title },
        ],
      });
      const second = (await f.leader.post(recommendations()).send({ title: 'Felles retningslinjer for næringsarealer' }).expect(201)).body;
      expect(second.position).toBe(2);
      const third = (await f.leader.post(recommendations()).send({ title: 'Regionalt kompetanseprogram' }).expect(201)).body;

      const moved = (await f.leader.post(`${recommendations()}/${third.id}/move`).send({ direction: 'up' }).expect(200)).body;
      expect(moved.map((r: { title: string }) => r.title)).toEqual([first.title, third.title, second.title]);
      expect((await f.leader.post(`${recommendations()}/${first.id}/move`).send({ direction: 'up' }).expect(409)).body.code).toBe(
        'INVALID_STATE',
      );

      const edited = (
        await f.leader
          .patch(`${recommendations()}/${second.id}`)
          .send({
            version: (await f.leader.get(recommendations())).body.find((r: { id: string }) => r.id === second.id).version,
            reasoning: 'Begrunnelse',
          })
          .expect(200)
      ).body;
      expect(edited.reasoning).toBe('Begrunnelse');

      await f.leader.delete(`${recommendations()}/${third.id}`).expect(204);
      const after = (await f.adviser.get(recommendations()).expect(200)).body;
      expect(after.map((r: { title: string; position: number }) => [r.position, r.title])).toEqual([
        [1, first.title],
        [2, second.title],
      ]);
      await f.adviser.post(recommendations()).send({ title: 'x' }).expect(403);
    });

    it('refuses evidence from another project', async () => {
      const other = await newProjectFixture(t, 'Annenregionen');
      const otherSurvey = await insertSurvey(other.projectId, [['land']]);
      const otherConversation = (
        await other.leader
          .post(`/api/projects/${other.projectId}/conversations`)
          .send({ kind: 'interview', title: 'Fremmed intervju', heldOn: '2026-03-01', participantCount: 1 })
          .expect(201)
      ).body;
      const refused = await f.leader
        .post(recommendations())
        .send({
          title: 'Med fremmed grunnlag',
          evidenceRefs: [
            { kind: 'survey', surveyId: otherSurvey },
            { kind: 'conversation', conversationId: otherConversation.id },
          ],
        })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'EVIDENCE_NOT_IN_PROJECT' });
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'evidenceRefs[0].surveyId',
        'evidenceRefs[1].conversationId',
      ]);
      const ownSurvey = await insertSurvey(f.projectId, []);
      expect(
        (
          await f.leader
            .post(recommendations())
            .send({ title: 'Feil spørsmål', evidenceRefs: [{ kind: 'survey', surveyId: ownSurvey, questionKey: 'nope' }] })
            .expect(422)
        ).body.errors[0].field,
      ).toBe('evidenceRefs[0].questionKey');
      // Another region's people do not see the register at all.
      await other.leader.get(recommendations()).expect(404);
      await other.regionraad.get(conversations()).expect(404);
      await other.regionraad.get(`/api/projects/${f.projectId}/needs`).expect(404);
    });

    it('goes to the owner by the project, is adopted by the regionråd only, and becomes a sub-goal of the forprosjekt plan', async () => {
      const r = (await f.leader.post(recommendations()).send({ title: 'Felles næringsstrategi for regionen' }).expect(201)).body;
      const status = (body: Record<string, unknown>, who = f.leader) => who.post(`${recommendations()}/${r.id}/status`).send(body);

      expect((await status({ status: 'adopted', version: 1 }).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await status({ status: 'adopted', version: 1 }, f.regionraad).expect(409)).body.code).toBe(
        'RECOMMENDATION_STATUS_NOT_ALLOWED',
      );
      await status({ status: 'put_to_owner', version: 1 }, f.regionraad).expect(403);
      await status({ status: 'put_to_owner', version: 1 }, f.adviser).expect(403);
      const put = (await status({ status: 'put_to_owner', version: 1 }).expect(200)).body;
      expect(put).toMatchObject({ status: 'put_to_owner', version: 2 });
      expect((await f.leader.patch(`${recommendations()}/${r.id}`).send({ version: 2, title: 'x' }).expect(409)).body.code).toBe(
        'RECOMMENDATION_NOT_EDITABLE',
      );
      await status({ status: 'adopted', version: 2 }).expect(403);

      const planUrl = `/api/projects/${f.projectId}/phases/forprosjekt/plan`;
      const planBefore = (await f.leader.get(planUrl).expect(200)).body;
      await f.leader
        .patch(planUrl)
        .send({
          version: planBefore.version,
          content: { goals: { sub_goals: [{ title: 'Regional enhet', activities: ['Koordinator'] }] } },
        })
        .expect(200);

      const adopted = (await status({ status: 'adopted', note: 'Sak 12/26', version: 2 }, f.regionraad).expect(200)).body;
      expect(adopted).toMatchObject({ status: 'adopted', statusNote: 'Sak 12/26', subgoalKey: 'forprosjekt:goals.sub_goals' });
      const plan = (await f.leader.get(planUrl).expect(200)).body;
      expect(plan.content.goals.sub_goals).toEqual([
        { title: 'Regional enhet', activities: ['Koordinator'] },
        { title: 'Felles næringsstrategi for regionen', activities: [] },
      ]);
      const history = (await f.leader.get(`/api/projects/${f.projectId}/history`).expect(200)).body;
      expect(history.map((h: { action: string }) => h.action)).toEqual(
        expect.arrayContaining(['recommendation.status_changed', 'recommendation.made_subgoal']),
      );

      // Taking the decision back and adopting again does not add the sub-goal twice.
      await status({ status: 'put_to_owner', version: 3 }).expect(403);
      await status({ status: 'put_to_owner', version: 3 }, f.regionraad).expect(200);
      await status({ status: 'adopted', version: 4 }, f.regionraad).expect(200);
      expect((await f.leader.get(planUrl).expect(200)).body.content.goals.sub_goals).toHaveLength(2);
    });

    it('refuses to adopt while the forprosjekt plan is with the regionråd for decision', async () => {
      const r = (await f.leader.post(recommendations()).send({ title: 'Felles ressurs for rekruttering av bedrifter' }).expect(201)).body;
      await f.leader.post(`${recommendations()}/${r.id}/status`).send({ status: 'put_to_owner', version: 1 }).expect(200);
      await t.db.query(`UPDATE project_phase SET state = 'awaiting_decision' WHERE project_id = $1 AND phase_key = 'forstudie'`, [
        f.projectId,
      ]);
      try {
        const refused = await f.regionraad.post(`${recommendations()}/${r.id}/status`).send({ status: 'adopted', version: 2 }).expect(409);
        expect(refused.body.code).toBe('PLAN_LOCKED');
        expect(refused.body.message).toMatch(/frozen until the decision/);
        // Rejecting touches no plan.
        await f.regionraad.post(`${recommendations()}/${r.id}/status`).send({ status: 'rejected', version: 2 }).expect(200);
      } finally {
        await t.db.query(`UPDATE project_phase SET state = 'in_progress' WHERE project_id = $1 AND phase_key = 'forstudie'`, [f.projectId]);
      }
    });
  });
});
