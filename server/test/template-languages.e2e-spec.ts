import { docxText, flat, pdfText } from '../src/documents/document-text';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

type Text = { nb: string; nn: string; en: string };
interface Field {
  key: string;
  label: Text;
  kind: string;
  help?: Text;
  defaultValue?: Record<string, { role: string; name: string }[]>;
}
interface Section {
  key: string;
  title: Text;
  guidance: Text;
  fields: Field[];
}
interface Template {
  key: string;
  version: number;
  title: Text;
  description: Text;
  sections: Section[];
}

const PLAN_KEYS = ['plan_forstudie', 'plan_forprosjekt', 'plan_hovedprosjekt'];
const TRANSLATED = [...PLAN_KEYS, 'interview_guide', 'meeting_guide', 'workshop_guide', 'business_survey', 'final_report'];
/** Sections every phase's plan has (PLP plan sections 1–8); the rest is the phase's own content. */
const COMMON = ['background', 'goals', 'frame', 'schedule', 'organisation', 'decision_points', 'budget', 'contracts'];

describe('templates in bokmål, nynorsk and English, true to each phase', () => {
  let t: TestApp;
  let templates: Template[];
  const byKey = (key: string) => templates.find((x) => x.key === key) as Template;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.as([{ role: 'admin' }]);
    templates = (await admin.get('/api/templates').expect(200)).body;
  });
  afterAll(() => t.close());

  it('has every text of the newest plan, guide, survey and report templates in nb, nn and en', () => {
    const missing: string[] = [];
    const check = (where: string, text: Text | undefined, required = true) => {
      if (!text) {
        if (required) missing.push(`${where}: none`);
        return;
      }
      if (!text.nb.trim() && !required) return;
      for (const lang of ['nb', 'nn', 'en'] as const) if (!text[lang]?.trim()) missing.push(`${where}.${lang}`);
    };
    for (const key of TRANSLATED) {
      const tpl = byKey(key);
      check(`${key}.title`, tpl.title);
      check(`${key}.description`, tpl.description);
      for (const s of tpl.sections) {
        check(`${key}.${s.key}.title`, s.title);
        check(`${key}.${s.key}.guidance`, s.guidance, s.key !== 'swot');
        for (const f of s.fields) {
          check(`${key}.${s.key}.${f.key}.label`, f.label);
          check(`${key}.${s.key}.${f.key}.help`, f.help, false);
        }
      }
    }
    expect(missing).toEqual([]);
    // English keeps the method's Norwegian terms; the product's name never translates.
    expect(byKey('plan_forprosjekt').title.en).toBe('Project plan for the forprosjekt');
    expect(byKey('plan_hovedprosjekt').sections.find((s) => s.key === 'background')?.guidance.en).toContain('regionråd');
    expect(byKey('plan_forstudie').description.en).toContain('Næringsvennlig region');
  });

  it('gives each phase its own content sections, beside the sections every plan has', () => {
    const own = (key: string) =>
      byKey(key)
        .sections.map((s) => s.key)
        .filter((k) => !COMMON.includes(k));
    for (const key of PLAN_KEYS) expect(byKey(key).sections.map((s) => s.key)).toEqual(expect.arrayContaining(COMMON));
    expect(own('plan_forstudie')).toEqual(['mapping', 'roles_today', 'deliverables']);
    expect(own('plan_forprosjekt')).toEqual(['services', 'analysis', 'main_project']);
    expect(own('plan_hovedprosjekt')).toEqual(['implementation', 'benefits', 'evaluation', 'continuation']);
    const texts = (key: string) => JSON.stringify(byKey(key).sections.find((s) => s.key === 'background')?.guidance);
    expect(new Set(PLAN_KEYS.map(texts)).size).toBe(3);
    // Each phase's recommended length in its frame's guidance (6–9 and 9–12 months), the hovedprosjekt over several years.
    const frame = (key: string) => byKey(key).sections.find((s) => s.key === 'frame') as Section;
    expect(frame('plan_forstudie').guidance.nb).toContain('6–9 måneder');
    expect(frame('plan_forprosjekt').guidance.nb).toContain('9–12 måneder');
    expect(frame('plan_hovedprosjekt').fields.find((f) => f.key === 'period')?.help?.nb).toContain('3 år');
    // The forprosjekt asks for the services, culture and attitudes, competence and their economic frame.
    expect(
      byKey('plan_forprosjekt')
        .sections.find((s) => s.key === 'services')
        ?.fields.map((f) => f.key),
    ).toEqual(['content', 'culture', 'competence', 'service_economy']);
  });

  it('names the kommuner and the fylkeskommune as the hovedprosjekt’s owners, and has benefits, evaluation and continuation', () => {
    const tpl = byKey('plan_hovedprosjekt');
    const organisation = tpl.sections.find((s) => s.key === 'organisation') as Section;
    expect(organisation.guidance.nb).toContain('kommunenes og fylkeskommunens felles ansvar');
    expect(organisation.guidance.nb).not.toContain('Prosjekteier er regionrådet');
    const roles = organisation.fields.find((f) => f.kind === 'roles')?.defaultValue;
    expect(roles?.nb[0]).toEqual({ role: 'Prosjekteier: kommunene og fylkeskommunen', name: '' });
    expect(roles?.en[0].role).toContain('the kommuner and the fylkeskommune');
    expect(tpl.sections.find((s) => s.key === 'benefits')?.title.nb).toMatch(/Gevinstrealisering/);
    expect(tpl.sections.find((s) => s.key === 'evaluation')?.title.en).toMatch(/Evaluation/);
    expect(tpl.sections.find((s) => s.key === 'continuation')?.title.nn).toMatch(/Vidareføring i drift/);
    expect(JSON.stringify(tpl)).not.toContain('forstudiens funn');
  });

  describe('a plan started from the newest template', () => {
    let f: ProjectFixture;
    const url = () => `/api/projects/${f.projectId}/phases/forstudie/plan`;
    beforeAll(async () => {
      f = await newProjectFixture(t, 'Språkregionen');
    });

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
      return { text: flat(format === 'pdf' ? pdfText(res.body as Buffer) : docxText(res.body as Buffer)), headers: res.headers };
    };

    it('starts with the roles rows in the writer’s language, names still to fill in', async () => {
      await f.leader.patch('/api/auth/me/language').send({ language: 'nn' }).expect(200);
      const plan = (await f.leader.get(url()).expect(200)).body;
      expect(plan.version).toBe(0);
      expect(plan.content.organisation.roles.map((r: { role: string }) => r.role)).toEqual([
        'Prosjekteigar',
        'Prosjektansvarleg',
        'Prosjektleiar',
        'Prosjektgruppe (éin dedikert person frå kvar kommune)',
        'Referansegruppe',
      ]);
      // The first save creates the plan with them, and a wrong value is refused in the writer's language.
      const saved = (
        await f.leader
          .patch(url())
          .send({ version: 0, content: { background: { text: 'Kvifor vi samarbeider.' } } })
          .expect(200)
      ).body;
      expect(saved.content.organisation.roles[0]).toEqual({ role: 'Prosjekteigar', name: '' });
      const bad = await f.leader
        .patch(url())
        .send({ version: saved.version, content: { mapping: { interviews: 7 } } })
        .expect(400);
      expect(bad.body.errors[0]).toEqual({ field: 'content.mapping.interviews', messages: ['Intervju must be text'] });
      expect(saved.completeness.missing.find((m: { field: string }) => m.field === 'interviews').label).toEqual({
        nb: 'Intervjuer',
        nn: 'Intervju',
        en: 'Interviews',
      });
    });

    it('writes the plan document’s headings in the reader’s language (PDF and DOCX)', async () => {
      for (const format of ['pdf', 'docx'] as const) {
        const en = await read(format, 'en');
        expect(en.text).toContain('1 Background');
        expect(en.text).toContain('3 Mapping what businesses need');
        expect(en.text).toContain('Interviews: (not filled in)');
        expect(en.text).not.toContain('Bakgrunn');
        const nb = await read(format, 'nb');
        expect(nb.text).toContain('3 Kartlegging av næringslivets behov');
      }
      expect((await read('pdf', 'en')).headers['content-disposition']).toContain('Project%20plan%20for%20the%20forstudie');
    });
  });
});
