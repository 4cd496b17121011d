import { strFromU8, unzipSync } from 'fflate';
import { budgetTotals, budgetWord, shareCosts, type BudgetLine, type Lang, type PlanContent } from '@nvr/shared';
import { docxText, flat, pdfPages, pdfText } from './document-text';
import { kroner } from './labels';
import { planDocument, planVersionText, type PlanDocumentData } from './plan-document';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

const LANGS: Lang[] = ['nb', 'nn', 'en'];

/** Kongsbergregionen's kommuner with their population on 1 January 2008 (seeds/002). */
const KOMMUNER: [string, number][] = [
  ['Flesberg', 2521],
  ['Hjartdal', 1619],
  ['Kongsberg', 23997],
  ['Nore og Uvdal', 2534],
  ['Notodden', 12232],
  ['Rollag', 1419],
  ['Tinn', 6066],
];

const f = (key: string, label: string, kind: string, required = false) => ({ key, label, kind, required });

const SECTIONS = [
  { key: 'background', title: '1 Bakgrunn', guidance: '', fields: [f('text', 'Bakgrunn', 'longtext', true)] },
  {
    key: 'goals',
    title: '2 Mål og hovedaktiviteter',
    guidance: '',
    fields: [f('main_goal', 'Hovedmål', 'text', true), f('sub_goals', 'Delmål med hovedaktiviteter', 'subgoals', true)],
  },
  {
    key: 'frame',
    title: '3 Rammer',
    guidance: '',
    fields: [f('kommune_resources', 'Dedikert ressurs fra hver kommune (% av stilling)', 'kommune_resources', true)],
  },
  { key: 'schedule', title: '4 Fremdriftsplan', guidance: '', fields: [f('milestones', 'Milepæler', 'milestones', true)] },
  { key: 'organisation', title: '5 Prosjektorganisasjon', guidance: '', fields: [f('roles', 'Roller og bemanning', 'roles', true)] },
  {
    key: 'decision_points',
    title: '6 Beslutningspunkter og oppfølging',
    guidance: '',
    fields: [f('decision_points', 'Beslutningspunkter', 'longtext', true), f('status_meetings', 'Krav til statusmøter', 'longtext')],
  },
  {
    key: 'budget',
    title: '7 Kostnads- og finansieringsbudsjett',
    guidance: '',
    fields: [f('notes', 'Kommentarer til budsjettet', 'longtext')],
  },
];

const CONTENT: PlanContent = {
  background: { text: 'Forstudien anbefalte et felles næringsapparat.' },
  goals: { main_goal: 'Et samordnet næringsapparat', sub_goals: [{ title: 'Regional enhet', activities: ['Engasjere koordinator'] }] },
  frame: { kommune_resources: KOMMUNER.map(([name]) => ({ kommuneId: name, kommuneName: name, percent: 10 })) },
  schedule: { milestones: [{ title: 'Oppstart', date: '2027-01-15' }] },
  organisation: {
    roles: [
      { role: 'Prosjekteier', name: 'Regionrådet' },
      { role: 'Prosjektleder', name: 'Pia Prosjektleder' },
    ],
  },
  decision_points: { decision_points: 'Regionrådet behandler planen i mars.' },
};

const LINES: (BudgetLine & { id: string; description: string; status: 'applied' | 'granted' | null })[] = [
  { id: '1', kind: 'cost', category: 'project_management', year: 2027, amount: 600000, description: 'Prosjektleder', status: null },
  { id: '2', kind: 'cost', category: 'consultants', year: 2027, amount: 400000, description: 'Analyse', status: null },
  { id: '3', kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: 500000, description: '', status: 'granted' },
  { id: '4', kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 500000, description: '', status: 'applied' },
];

function data(
  overrides: { asOf?: (name: string) => string | null; populationDate?: string | null; content?: PlanContent; background?: string } = {},
  plan: Partial<PlanDocumentData['plan']> = {},
): PlanDocumentData {
  const share = shareCosts({
    total: 500000,
    equalPercent: 50,
    kommuner: KOMMUNER.map(([name, population]) => ({ id: name, name, population })),
  });
  const asOf = overrides.asOf ?? (() => '2024-01-01');
  const content = overrides.content ?? CONTENT;
  return {
    project: {
      name: 'Næringsvennlig Kongsbergregionen',
      regionName: 'Kongsbergregionen',
      councilName: 'Regionrådet i Kongsbergregionen',
      leader: 'Pia Prosjektleder',
      kommuner: KOMMUNER.map(([n]) => n),
    },
    plan: {
      template: { title: 'Prosjektplan for forprosjektet', sections: SECTIONS } as unknown as PlanDocumentData['plan']['template'],
      content: overrides.background ? { ...content, background: { text: overrides.background } } : content,
      budget: { lines: LINES as never, totals: budgetTotals(LINES) },
      costSharing: {
        settings: { equalPercent: 50, populationDate: overrides.populationDate ?? '2026-01-01', year: null },
        ...share,
        rows: share.rows.map((r) => ({ ...r, numbers: [], currentName: r.name, populationAsOf: asOf(r.name) })),
        excluded: [],
        reason: null,
      },
      snapshots: [
        { number: 2, reason: 'saved', label: 'Til regionrådet', createdAt: '2026-11-01T10:00:00Z', createdBy: 'Pia', templateVersion: 1 },
        { number: 1, reason: 'saved', label: null, createdAt: '2026-10-01T10:00:00Z', createdBy: 'Pia', templateVersion: 1 },
      ],
      changedSinceVersion: false,
      ...plan,
    },
    footer: 'Skrevet ut',
  };
}

async function texts(d: PlanDocumentData, lang: Lang): Promise<{ pdf: string; docx: string }> {
  const doc = planDocument(d, lang);
  return { pdf: flat(pdfText(await renderPdf(doc))), docx: flat(docxText(await renderDocx(doc))) };
}

describe('the plan document', () => {
  it('shows the version people know (the kept version’s number and name), never the revision counter', async () => {
    const expected: Record<Lang, [string, string, string]> = {
      nb: ['Planversjon: 2 – Til regionrådet', 'Planversjon: Endret etter versjon 2', 'Planversjon: Ikke lagret som versjon ennå'],
      nn: ['Planversjon: 2 – Til regionrådet', 'Planversjon: Endra etter versjon 2', 'Planversjon: Ikkje lagra som versjon enno'],
      en: ['Plan version: 2 – Til regionrådet', 'Plan version: Changed since version 2', 'Plan version: Not saved as a version yet'],
    };
    for (const lang of LANGS) {
      const [kept, changed, none] = expected[lang];
      const a = await texts(data(), lang);
      expect(a.pdf).toContain(kept);
      expect(a.docx).toContain(kept);
      const b = await texts(data({}, { changedSinceVersion: true }), lang);
      expect(b.pdf).toContain(changed);
      expect(b.docx).toContain(changed);
      const c = await texts(data({}, { snapshots: [], changedSinceVersion: false }), lang);
      expect(c.pdf).toContain(none);
    }
    expect(planVersionText({ snapshots: [{ number: 1, label: null } as never], changedSinceVersion: false }, 'nb')).toBe('1');
  });

  it('gives the roles and milestones tables proper column headings', async () => {
    const heads: Record<Lang, string[]> = {
      nb: ['Rolle Navn Prosjekteier Regionrådet', 'Milepæl Dato Oppstart', 'Kommune Andel av stilling'],
      nn: ['Rolle Namn Prosjekteier Regionrådet', 'Milepæl Dato Oppstart', 'Kommune Del av stilling'],
      en: ['Role Name Prosjekteier Regionrådet', 'Milestone Date Oppstart', 'Kommune Share of a position'],
    };
    for (const lang of LANGS) {
      const { pdf, docx } = await texts(data(), lang);
      for (const head of heads[lang]) {
        expect(pdf).toContain(head);
        expect(docx).toContain(head);
      }
      expect(pdf).not.toMatch(/Punkt/);
    }
  });

  it('names every empty field next to the empty marker, in every section', async () => {
    const marker: Record<Lang, string> = { nb: '(ikke fylt ut)', nn: '(ikkje fylt ut)', en: '(not filled in)' };
    const empty: PlanContent = { goals: { sub_goals: [] }, frame: { kommune_resources: [] }, organisation: { roles: [] } };
    for (const lang of LANGS) {
      const { pdf, docx } = await texts(data({ content: empty }), lang);
      for (const field of SECTIONS.flatMap((s) => s.fields)) {
        expect(pdf).toContain(`${field.label}: ${marker[lang]}`);
        expect(docx).toContain(`${field.label}: ${marker[lang]}`);
      }
      // No marker stands alone.
      expect(pdf.split(marker[lang]).length - 1).toBe(SECTIONS.flatMap((s) => s.fields).length);
      // Section 7 in particular: its comment field.
      expect(pdf).toContain(`7 Kostnads- og finansieringsbudsjett Kommentarer til budsjettet: ${marker[lang]}`);
    }
  });

  it('calls budget categories and financing sources what the web app calls them', async () => {
    for (const lang of LANGS) {
      const { pdf, docx } = await texts(data(), lang);
      for (const value of ['project_management', 'consultants', 'innovasjon_norge', 'kommuner_direct'] as const) {
        expect(pdf).toContain(budgetWord(value, lang));
        expect(docx).toContain(budgetWord(value, lang));
      }
      expect(pdf).toContain(`${budgetWord('innovasjon_norge', lang)} (${budgetWord('granted', lang).toLowerCase()})`);
    }
    const nb = await texts(data(), 'nb');
    expect(nb.pdf).toContain('Konsulenter');
    expect(nb.pdf).toContain('Kommunenes direkte bidrag');
    expect(nb.pdf).not.toContain('Konsulenttjenester');
    expect(nb.pdf).not.toContain('direkte finansiering');
    expect(nb.pdf).toContain('Fordeling mellom kommunene');
  });

  it('heads the population column with the date of the figures used, not the date chosen', async () => {
    const expected: Record<Lang, string> = {
      nb: 'Innbyggere per 1. januar 2024',
      nn: 'Innbyggjarar per 1. januar 2024',
      en: 'Population as of 1 January 2024',
    };
    for (const lang of LANGS) {
      const { pdf, docx } = await texts(data({ populationDate: '2026-01-01' }), lang);
      expect(pdf).toContain(expected[lang]);
      expect(docx).toContain(expected[lang]);
      expect(pdf).not.toContain('2026');
    }
    // Figures from different dates: each row says its own.
    const mixed = await texts(data({ asOf: (name) => (name === 'Tinn' ? '2025-01-01' : '2024-01-01') }), 'nb');
    expect(mixed.docx).toContain(flat(`Tinn ${kroner(6066, 'nb')} per 1. januar 2025`));
    expect(mixed.docx).toContain(flat(`Flesberg ${kroner(2521, 'nb')} per 1. januar 2024`));
    expect(mixed.docx).not.toContain('Innbyggere per');
  });

  it('labels the cost-sharing total row, and its parts add up by row and column', async () => {
    const d = data();
    const cs = d.plan.costSharing;
    for (const lang of LANGS) {
      const { pdf, docx } = await texts(d, lang);
      const total = lang === 'en' ? 'Total' : 'Sum';
      const row = [total, cs.totalPopulation, cs.equalTotal, cs.populationTotal, cs.total].map((x) =>
        typeof x === 'number' ? flat(kroner(x, lang)) : x,
      );
      expect(pdf).toContain(row.join(' '));
      expect(docx).toContain(row.join(' '));
      for (const r of cs.rows) {
        expect(r.equalPart + r.populationPart).toBe(r.amount);
        expect(docx).toContain(
          flat(
            [r.name, kroner(r.population, lang), kroner(r.equalPart, lang), kroner(r.populationPart, lang), kroner(r.amount, lang)].join(
              ' ',
            ),
          ),
        );
      }
    }
    expect(cs.rows.reduce((s, r) => s + r.equalPart, 0)).toBe(cs.equalTotal);
    expect(cs.rows.reduce((s, r) => s + r.populationPart, 0)).toBe(cs.populationTotal);
  });

  it('keeps the cost-sharing table, its heading and its total row on one page wherever the page breaks', async () => {
    const headingPages = new Set<number>();
    for (let lines = 0; lines <= 60; lines += 3) {
      const background = Array.from({ length: lines }, (_, i) => `Avsnitt ${i + 1} om bakgrunnen for samarbeidet.`).join('\n\n');
      const d = data({ background });
      const pages = pdfPages(await renderPdf(planDocument(d, 'nb'))).map(flat);
      const at = pages.findIndex((p) => p.includes('Fordeling mellom kommunene'));
      expect(at).toBeGreaterThanOrEqual(0);
      headingPages.add(at);
      const page = pages[at];
      for (const r of d.plan.costSharing.rows) expect(page).toContain(flat(`${r.name} ${kroner(r.population, 'nb')}`));
      expect(page).toContain(flat(`Sum ${kroner(d.plan.costSharing.totalPopulation, 'nb')}`));
      // The budget tables too: each with its caption and its total row.
      const costs = pages.findIndex((p) => p.includes('Kostnader Kategori'));
      expect(pages[costs]).toContain(flat(`Sum ${kroner(1000000, 'nb')}`));
    }
    // The filler moved the table across page breaks, so the check above saw it near the bottom too.
    expect(headingPages.size).toBeGreaterThan(1);
  });

  it('asks Word to keep each table on one page: every row but the last keeps with the next, captions with their table', async () => {
    const docx = await renderDocx(planDocument(data(), 'nb'));
    const xml = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
    const tables = xml.split('<w:tbl>').slice(1);
    const sharing = tables.find((t) => t.includes('50 % etter innbyggertall'));
    expect(sharing).toBeDefined();
    const rows = sharing!.split('</w:tr>').slice(0, -1);
    expect(rows).toHaveLength(KOMMUNER.length + 2);
    rows.forEach((r, i) => expect(r.includes('<w:keepNext/>')).toBe(i < rows.length - 1));
    // The heading before it keeps with it.
    const before = xml.slice(0, xml.indexOf('Fordeling mellom kommunene'));
    expect(before.slice(before.lastIndexOf('<w:p')).includes('<w:keepNext/>')).toBe(true);
  });
});
