import { docxText, flat, pdfText } from '../src/documents/document-text';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, saveBalancedBudget, submitPhase } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

describe('templates, phase plans, budgets, cost sharing and documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('has the default library in Norwegian, and admins save edits as new versions', async () => {
      const admin = await t.as([{ role: 'admin' }]);
      const list = (await admin.get('/api/templates').expect(200)).body;
      expect(list.map((x: { key: string }) => x.key).sort()).toEqual([
        'business_survey',
        'final_report',
        'first_line_survey',
        'interview_guide',
        'meeting_guide',
        'plan_forprosjekt',
        'plan_forstudie',
        'plan_hovedprosjekt',
        'workshop_guide',
      ]);
      const plan = list.find((x: { key: string }) => x.key === 'plan_forstudie');
      expect(plan.version).toBe(2);
      expect(plan.sections.map((s: { title: { nb: string } }) => s.title.nb)).toEqual([
        '1 Bakgrunn',
        '2 Mål og hovedaktiviteter',
        '3 Kartlegging av næringslivets behov',
        '4 Roller og dagens arbeid',
        '5 Leveranser',
        '6 Rammer',
        '7 Fremdriftsplan',
        '8 Prosjektorganisasjon',
        '9 Beslutningspunkter og oppfølging',
        '10 Kostnads- og finansieringsbudsjett',
        '11 Kontrakter og avtaler',
      ]);
      const sections = [
        ...plan.sections,
        {
          key: 'risk',
          title: '12 Risiko',
          guidance: 'Hva kan gå galt?',
          fields: [{ key: 'risks', label: 'Risikoer', kind: 'list', required: false }],
        },
      ];
      const saved = (
        await admin
          .put('/api/templates/plan_forstudie')
          .send({ title: plan.title, description: plan.description, sections, basedOnVersion: 2 })
          .expect(200)
      ).body;
      expect(saved).toMatchObject({ version: 3, latestVersion: 3 });
      // A plain string is read as bokmål, with the translations still to write.
      expect(saved.sections[11].title).toEqual({ nb: '12 Risiko', nn: '', en: '' });
      expect(
        (await admin.put('/api/templates/plan_forstudie').send({ title: 'x', sections, basedOnVersion: 2 }).expect(409)).body.code,
      ).toBe('VERSION_CONFLICT');
      const bad = await admin
        .put('/api/templates/plan_forstudie')
        .send({
          title: 'x',
          sections: [{ key: 'Bad Key', title: 'x', guidance: '', fields: [{ key: 'a', label: 'A', kind: 'poem', required: true }] }],
          basedOnVersion: 3,
        })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['sections[0].key', 'sections[0].fields[0].kind']),
      );
      expect(
        (await admin.get('/api/templates/plan_forstudie/versions').expect(200)).body.map((v: { version: number }) => v.version),
      ).toEqual([3, 2, 1]);
      const regionraad = await t.as([]);
      await regionraad.put('/api/templates/plan_forstudie').send({ title: 'x', sections, basedOnVersion: 3 }).expect(403);
      await regionraad.get('/api/templates/nope/versions').expect(404);
    });
  });

  describe('phase plan', () => {
    let f: ProjectFixture;
    beforeAll(async () => {
      f = await newProjectFixture(t, 'Planregionen');
    });
    const url = () => `/api/projects/${f.projectId}/phases/forprosjekt/plan`;

    it('starts empty from the newest template, says what is missing, and saves field by field with versions', async () => {
      const empty = (await f.leader.get(url()).expect(200)).body;
      expect(empty).toMatchObject({ version: 0, editable: true, completeness: { complete: false, filled: 0 } });
      // The template prefills the roles, with the names still to write.
      expect(Object.keys(empty.content)).toEqual(['organisation']);
      expect(empty.content.organisation.roles[0]).toEqual({ role: 'Prosjekteier', name: '' });
      expect(empty.template.key).toBe('plan_forprosjekt');
      const v1 = (
        await f.leader
          .patch(url())
          .send({ version: 0, content: { background: { text: 'Forstudien anbefalte et felles næringsapparat.' } } })
          .expect(200)
      ).body;
      expect(v1.version).toBe(1);
      const v2 = (
        await f.leader
          .patch(url())
          .send({
            version: 1,
            content: {
              goals: {
                main_goal: 'Etablere et samordnet næringsapparat',
                sub_goals: [{ title: 'Regional enhet', activities: ['Engasjere koordinator'] }],
              },
            },
          })
          .expect(200)
      ).body;
      expect(v2.content.background.text).toBe('Forstudien anbefalte et felles næringsapparat.');
      expect(v2.content.organisation.roles.map((r: { role: string }) => r.role)).toContain('Prosjektleder');
      expect(v2.completeness.missing.map((m: { field: string }) => m.field)).toEqual([
        'content',
        'culture',
        'competence',
        'service_economy',
        'analysis',
        'briefing',
        'kommune_resources',
        'economic_frame',
        'period',
        'milestones',
        'organisation',
        'financing',
        'roles',
        'decision_points',
      ]);
      expect(
        (
          await f.leader
            .patch(url())
            .send({ version: 1, content: { background: { text: 'x' } } })
            .expect(409)
        ).body.code,
      ).toBe('VERSION_CONFLICT');
      const bad = await f.leader
        .patch(url())
        .send({ version: 2, content: { goals: { main_goal: 7 }, nope: {} } })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['content.goals.main_goal', 'content.nope']);
      await f.adviser.patch(url()).send({ version: 2, content: {} }).expect(403);
      expect((await f.adviser.get(url()).expect(200)).body.editable).toBe(false);
      const history = (await f.adviser.get(`/api/projects/${f.projectId}/history`)).body;
      expect(history[0]).toMatchObject({
        action: 'plan.updated',
        entityId: 'forprosjekt',
        after: { 'goals.main_goal': 'Etablere et samordnet næringsapparat' },
      });
    });

    it('keeps versions and compares them', async () => {
      const p = (await f.leader.get(url())).body;
      await f.leader.post(`${url()}/versions`).send({ label: 'Til styringsgruppen' }).expect(201);
      await f.leader
        .patch(url())
        .send({ version: p.version, content: { goals: { main_goal: 'Et samordnet og synlig næringsapparat' } } })
        .expect(200);
      const cmp = (await f.adviser.get(`${url()}/compare?from=1&to=current`).expect(200)).body;
      expect(cmp.changes).toEqual([
        expect.objectContaining({
          field: 'main_goal',
          before: 'Etablere et samordnet næringsapparat',
          after: 'Et samordnet og synlig næringsapparat',
        }),
      ]);
      expect((await f.adviser.get(`${url()}/versions/1`).expect(200)).body).toMatchObject({
        number: 1,
        reason: 'saved',
        label: 'Til styringsgruppen',
      });
      await f.adviser.get(`${url()}/versions/9`).expect(404);
      await f.adviser.get(`${url()}/compare?from=x&to=current`).expect(400);
    });

    it('keeps a budget per year, values own work as hours × rate, and checks the balance', async () => {
      const p = (await f.leader.get(url())).body;
      const saved = (
        await f.leader
          .put(`${url()}/budget`)
          .send({
            version: p.version,
            lines: [
              { kind: 'cost', category: 'project_management', year: 2027, amount: 750000, description: 'Prosjektleder 50 %' },
              { kind: 'cost', category: 'own_work', year: 2027, amount: 0, hours: 1000, rate: 700 },
              { kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: 250000, status: 'granted' },
              { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 500000 },
              { kind: 'financing', category: 'own_work', year: 2027, amount: 0, hours: 1000, rate: 700 },
            ],
          })
          .expect(200)
      ).body;
      expect(saved.budget.lines[1]).toMatchObject({ category: 'own_work', amount: 700000, hours: 1000, rate: 700 });
      expect(saved.budget.lines[3]).toMatchObject({ status: 'applied' });
      expect(saved.budget.totals).toMatchObject({
        costs: 1450000,
        financing: 1450000,
        balanced: true,
        byYear: [{ year: 2027, costs: 1450000, financing: 1450000, difference: 0 }],
      });
      const wrong = await f.leader
        .put(`${url()}/budget`)
        .send({ version: saved.version, lines: [{ kind: 'cost', category: 'innovasjon_norge', year: 2027, amount: 1 }] })
        .expect(400);
      expect(wrong.body.message).toContain('is not a cost category');
      const noHours = await f.leader
        .put(`${url()}/budget`)
        .send({ version: saved.version, lines: [{ kind: 'cost', category: 'own_work', year: 2027, amount: 5 }] })
        .expect(400);
      expect(noHours.body.message).toContain('needs hours and an hourly rate');
      await f.leader
        .put(`${url()}/budget`)
        .send({ version: saved.version, lines: [{ kind: 'cost', category: 'consultants', year: 1999, amount: -5 }] })
        .expect(400);
      expect((await f.leader.get(url())).body.budget.lines).toHaveLength(5); // unchanged
    });

    it('shares the kommuner contribution by the chosen split and population date, adding up exactly', async () => {
      const p = (await f.leader.get(url())).body;
      expect(p.costSharing).toMatchObject({ total: 500000, settings: { equalPercent: 50 }, totalPopulation: 3000, reason: null });
      expect(p.costSharing.rows.map((r: { amount: number }) => r.amount)).toEqual([208333, 291667]);
      const s = (
        await f.leader.put(`${url()}/cost-sharing`).send({ equalPercent: 30, populationDate: '2024-06-30', version: p.version }).expect(200)
      ).body;
      expect(s.costSharing.rows.map((r: { amount: number }) => r.amount)).toEqual([191667, 308333]);
      expect(s.costSharing.rows[0].populationAsOf).toBe('2024-01-01');
      // A date before every figure cannot be computed: refused, nothing stored (see 'cost-sharing settings' below).
      await f.leader.put(`${url()}/cost-sharing`).send({ equalPercent: 30, populationDate: '2020-01-01', version: s.version }).expect(422);
      await f.leader.put(`${url()}/cost-sharing`).send({ equalPercent: 101, version: s.version }).expect(400);
      expect((await f.leader.get(url())).body.costSharing.settings).toEqual({ equalPercent: 30, populationDate: '2024-06-30', year: null });
    });

    it('exports the plan as PDF and DOCX with the budget and cost-sharing table', async () => {
      const pdf = await f.adviser.get(`${url()}/document?format=pdf`).buffer(true).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.headers['content-disposition']).toContain('Prosjektplan%20for%20forprosjektet');
      const docx = await f.adviser
        .get(`${url()}/document?format=docx&lang=en`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(docx.body.subarray(0, 2).toString()).toBe('PK');
      await f.adviser.get(`${url()}/document?format=odt`).expect(400);
    });

    it('reads back the plan document: the kept version’s number, the app’s words, the figures’ date, labelled empty fields', async () => {
      const read = async (format: 'pdf' | 'docx', lang: 'nb' | 'nn' | 'en') => {
        const res = await f.adviser
          .get(`${url()}/document?format=${format}&lang=${lang}`)
          .buffer(true)
          .parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          })
          .expect(200);
        return flat(format === 'pdf' ? pdfText(res.body as Buffer) : docxText(res.body as Buffer));
      };
      // Version 1 was kept, then the main goal changed: the document says so.
      const before = (await f.leader.get(url()).expect(200)).body;
      expect(before.changedSinceVersion).toBe(true);
      expect(await read('pdf', 'nb')).toContain('Planversjon: Endret etter versjon 1');
      // Keeping version 2 now: the document shows 2 and its name, not the revision counter (plan.version).
      const kept = (await f.leader.post(`${url()}/versions`).send({ label: 'Til regionrådet' }).expect(201)).body;
      expect(kept).toMatchObject({ changedSinceVersion: false, snapshots: [{ number: 2, label: 'Til regionrådet' }, { number: 1 }] });
      expect(kept.version).toBeGreaterThan(2);
      const words = {
        nb: {
          version: 'Planversjon: 2 – Til regionrådet',
          population: 'Innbyggere per 1. januar 2024',
          kommuner: 'Kommunenes direkte bidrag',
          empty: 'Kontrakter og avtaler: (ikke fylt ut)',
          sum: 'Sum 3 000 150 000 350 000 500 000',
        },
        nn: {
          version: 'Planversjon: 2 – Til regionrådet',
          population: 'Innbyggjarar per 1. januar 2024',
          kommuner: 'Direkte bidrag frå kommunane',
          empty: 'Kontraktar og avtalar: (ikkje fylt ut)',
          sum: 'Sum 3 000 150 000 350 000 500 000',
        },
        en: {
          version: 'Plan version: 2 – Til regionrådet',
          population: 'Population as of 1 January 2024',
          kommuner: 'Kommuner’s direct contribution',
          empty: 'Contracts and agreements: (not filled in)',
          sum: 'Total 3,000 150,000 350,000 500,000',
        },
      } as const;
      for (const lang of ['nb', 'nn', 'en'] as const) {
        for (const format of ['pdf', 'docx'] as const) {
          const text = await read(format, lang);
          const w = words[lang];
          expect(text).toContain(w.version);
          expect(text).not.toContain(`: ${kept.version} `);
          // The cost sharing chose 30 June 2024; the figures used are from 1 January 2024.
          expect(text).toContain(w.population);
          expect(text).not.toMatch(/30\. juni|30 June/);
          expect(text).toContain(w.kommuner);
          expect(text).toContain(w.empty);
          // 30 % of 500 000 equally, 70 % by population, each row and column adding up.
          expect(text).toContain(w.sum);
        }
      }
      const shares = kept.costSharing;
      for (const r of shares.rows) expect(r.equalPart + r.populationPart).toBe(r.amount);
      expect(shares.rows.reduce((s: number, r: { equalPart: number }) => s + r.equalPart, 0)).toBe(shares.equalTotal);
    });
  });

  describe('cost-sharing settings', () => {
    let f: ProjectFixture;
    let admin: Awaited<ReturnType<TestApp['as']>>;
    beforeAll(async () => {
      f = await newProjectFixture(t, 'Fordelingsregionen');
      admin = await t.as([{ role: 'admin' }]);
      const plan = (await f.leader.get(url()).expect(200)).body;
      await f.leader
        .put(`${url()}/budget`)
        .send({
          version: plan.version,
          lines: [
            { kind: 'cost', category: 'project_management', year: 2027, amount: 300000 },
            { kind: 'cost', category: 'project_management', year: 2028, amount: 100000 },
            { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 300000 },
            { kind: 'financing', category: 'innovasjon_norge', year: 2028, amount: 100000 },
          ],
        })
        .expect(200);
    });
    const url = () => `/api/projects/${f.projectId}/phases/forprosjekt/plan`;
    const version = async () => (await f.leader.get(url()).expect(200)).body.version as number;
    const settings = async () => (await f.leader.get(url()).expect(200)).body.costSharing.settings;

    it('refuses a population date with no figures for some kommuner (422, naming them) and stores nothing', async () => {
      const before = await settings();
      const [k1] = (await t.db.query(`SELECT name FROM kommune WHERE id = $1`, [f.kommuner[0].id])) as { name: string }[];
      const [k2] = (await t.db.query(`SELECT name FROM kommune WHERE id = $1`, [f.kommuner[1].id])) as { name: string }[];
      const res = await f.leader
        .put(`${url()}/cost-sharing`)
        .send({ equalPercent: 50, populationDate: '2021-01-01', version: await version() })
        .expect(422);
      expect(res.body.code).toBe('COST_SHARING_NO_POPULATION');
      expect(res.body.errors).toEqual([{ field: 'populationDate', messages: [expect.stringContaining('on or before 2021-01-01')] }]);
      expect(res.body.message).toContain('on or before 2021-01-01');
      expect(res.body.message).toContain(k1.name);
      expect(res.body.message).toContain(k2.name);
      expect(await settings()).toEqual(before);
      // All equal needs no population: the same date is fine then.
      const all = (
        await f.leader
          .put(`${url()}/cost-sharing`)
          .send({ equalPercent: 100, populationDate: '2021-01-01', version: await version() })
          .expect(200)
      ).body;
      expect(all.costSharing).toMatchObject({ reason: null, total: 300000 });
      expect(all.costSharing.rows.map((r: { amount: number }) => r.amount)).toEqual([150000, 150000]);
    });

    it('refuses a year with no kommuner contribution (422) instead of sharing 0 kr', async () => {
      const res = await f.leader
        .put(`${url()}/cost-sharing`)
        .send({ equalPercent: 50, year: 2028, version: await version() })
        .expect(422);
      expect(res.body.code).toBe('COST_SHARING_NO_CONTRIBUTION');
      expect(res.body.errors).toEqual([{ field: 'year', messages: [expect.stringContaining('in 2028')] }]);
      const ok = (
        await f.leader
          .put(`${url()}/cost-sharing`)
          .send({ equalPercent: 50, year: 2027, version: await version() })
          .expect(200)
      ).body;
      expect(ok.costSharing).toMatchObject({ reason: null, total: 300000, settings: { year: 2027 } });
    });

    it('answers "must be a whole number" only for a percentage that is not one', async () => {
      for (const equalPercent of ['50', 12.5, null, true]) {
        const res = await f.leader
          .put(`${url()}/cost-sharing`)
          .send({ equalPercent, version: await version() })
          .expect(400);
        expect({ equalPercent, body: res.body }).toMatchObject({
          equalPercent,
          body: {
            code: 'VALIDATION_FAILED',
            message: 'equalPercent must be a whole number',
            errors: [{ field: 'equalPercent', messages: ['equalPercent must be a whole number'] }],
          },
        });
      }
      for (const equalPercent of [-1, 101]) {
        const res = await f.leader
          .put(`${url()}/cost-sharing`)
          .send({ equalPercent, version: await version() })
          .expect(400);
        expect(res.body.errors).toEqual([{ field: 'equalPercent', messages: ['equalPercent must be from 0 to 100'] }]);
      }
      const year = await f.leader
        .put(`${url()}/cost-sharing`)
        .send({ equalPercent: 50, year: '2027', version: await version() })
        .expect(400);
      expect(year.body.errors).toEqual([{ field: 'year', messages: ['year must be a whole number'] }]);
    });

    it('takes populationDate "" like null: the newest figures', async () => {
      const res = (
        await f.leader
          .put(`${url()}/cost-sharing`)
          .send({ equalPercent: 40, populationDate: '', year: null, version: await version() })
          .expect(200)
      ).body;
      expect(res.costSharing.settings).toEqual({ equalPercent: 40, populationDate: null, year: null });
      expect(res.costSharing.reason).toBeNull();
      await f.leader
        .put(`${url()}/cost-sharing`)
        .send({ equalPercent: 40, populationDate: '2024-13-01', version: await version() })
        .expect(400);
    });

    it('shows a problem as { code, params } when figures go away after the settings were saved', async () => {
      await f.leader
        .put(`${url()}/cost-sharing`)
        .send({ equalPercent: 50, populationDate: null, year: 2027, version: await version() })
        .expect(200);
      const [{ as_of: asOf }] = await t.db.query(
        `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM kommune_population WHERE kommune_id = $1`,
        [f.kommuner[0].id],
      );
      await admin.delete(`/api/regions/${f.region.id}/kommuner/${f.kommuner[0].id}/population/${asOf}`).expect(200);
      const [{ name }] = await t.db.query(`SELECT name FROM kommune WHERE id = $1`, [f.kommuner[0].id]);
      const cs = (await f.leader.get(url()).expect(200)).body.costSharing;
      expect(cs).toMatchObject({
        rows: [],
        total: 300000,
        reason: { code: 'COST_SHARING_NO_POPULATION', params: { kommuner: [name], populationDate: null } },
      });
      // With all years and no kommuner contribution at all, the table says so instead of sharing 0 kr.
      const g = await newProjectFixture(t, 'Tombudsjettregionen');
      const empty = (await g.leader.get(`/api/projects/${g.projectId}/phases/forprosjekt/plan`).expect(200)).body.costSharing;
      expect(empty).toMatchObject({ rows: [], total: 0, reason: { code: 'COST_SHARING_NO_CONTRIBUTION', params: { year: null } } });
    });
  });

  describe('the gate asks for a balanced budget for the next phase, and freezes the approved plan', () => {
    it('is not ready without it; approval keeps the plan as an approved version that later edits do not change', async () => {
      const f = await newProjectFixture(t, 'Frysregionen');
      await makePhaseReady(f, 'forstudie');
      // Unbalance the forprosjekt budget: the gate is no longer ready.
      const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`)).body;
      await f.leader
        .put(`/api/projects/${f.projectId}/phases/forprosjekt/plan/budget`)
        .send({ version: plan.version, lines: [{ kind: 'cost', category: 'consultants', year: 2027, amount: 100 }] })
        .expect(200);
      let p = (await f.leader.get(`/api/projects/${f.projectId}`)).body;
      expect(p.phases[0].readiness.items.find((i: { kind: string }) => i.kind === 'budget')).toMatchObject({
        key: 'budget_forprosjekt',
        status: 'missing',
        params: { costs: 100, financing: 0 },
      });
      expect(p.phases[0].readiness.ready).toBe(false);
      await saveBalancedBudget(f, 'forprosjekt');
      await f.leader
        .patch(`/api/projects/${f.projectId}/phases/forprosjekt/plan`)
        .send({ version: plan.version + 2, content: { background: { text: 'Vedtatt tekst' } } })
        .expect(200);
      const s = await submitPhase(f, 'forstudie');
      // While the regionråd decides, the plan it decides on cannot change.
      const locked = await f.leader
        .patch(`/api/projects/${f.projectId}/phases/forprosjekt/plan`)
        .send({ version: plan.version + 3, content: { background: { text: 'Endret i smug' } } })
        .expect(409);
      expect(locked.body.message).toContain('deciding on this plan');
      await f.regionraad.post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`).send(decision(s)).expect(200);
      p = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`)).body;
      // Submitting the gate froze the plan as version 1 ("submitted"); the approval keeps it as version 2.
      expect(p.snapshots.slice(0, 2)).toMatchObject([
        { number: 2, reason: 'approved' },
        { number: 1, reason: 'submitted' },
      ]);
      await f.leader
        .patch(`/api/projects/${f.projectId}/phases/forprosjekt/plan`)
        .send({ version: p.version, content: { background: { text: 'Ny tekst etter vedtak' } } })
        .expect(200);
      const approved = (await f.adviser.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan/versions/2`)).body;
      expect(approved.content.background.text).toBe('Vedtatt tekst');
      expect(approved.budget.totals.balanced).toBe(true);
      const gateDoc = await f.adviser
        .get(`/api/projects/${f.projectId}/phases/forstudie/gate/document?format=pdf`)
        .buffer(true)
        .expect(200);
      expect(gateDoc.body.subarray(0, 5).toString()).toBe('%PDF-');
      const d = (await f.adviser.get(`/api/projects/${f.projectId}`)).body.phases[0].deliverables[0];
      const dDoc = await f.adviser
        .get(`/api/projects/${f.projectId}/deliverables/${d.id}/document?format=docx`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(dDoc.body.subarray(0, 2).toString()).toBe('PK');
    });
  });
});
