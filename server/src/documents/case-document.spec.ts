import {
  caseDocument,
  caseTitle,
  draftDecision,
  minutesExtract,
  proposedDecision,
  sharesByYear,
  trimText,
  type CaseData,
  type MinutesData,
} from './case-document';
import { docxText, flat, pdfText } from './document-text';
import { kroner } from './labels';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

const KOMMUNER: [string, number][] = [
  ['Eidskog', 52_000],
  ['Grue', 47_000],
  ['Kongsvinger', 141_000],
  ['Nord-Odal', 50_000],
  ['Sør-Odal', 68_000],
  ['Våler', 42_000],
  ['Åsnes', 60_000],
];

function glaamdal(overrides: Partial<CaseData> = {}): CaseData {
  return {
    project: {
      name: 'Næringsvennlig Glåmdal',
      description: 'Sju kommuner vil gjøre det enklere å starte og drive bedrift i Glåmdalsregionen.',
      regionName: 'Glåmdalsregionen',
      councilName: 'Regionrådet for Glåmdalsregionen',
      kommuner: KOMMUNER.map(([n]) => n),
    },
    phase: { key: 'forstudie', plannedStart: '2026-03-01', plannedEnd: '2026-11-30', actualStart: '2026-03-01', actualEnd: null },
    nextPhase: { key: 'forprosjekt', plannedStart: '2027-01-01', plannedEnd: '2028-06-30' },
    submission: {
      id: 's1',
      submittedOn: '2026-11-20',
      submittedBy: 'Pia Prosjektleder',
      note: 'Klar til behandling',
      proposedDecision: 'Regionrådet godkjenner forstudien og starter forprosjektet med en ramme på 1 500 000 kr.',
    },
    steps: [
      {
        id: 'st1',
        position: 0,
        bodyName: 'Styringsgruppa',
        bodyKind: 'styringsgruppe',
        decides: false,
        meetingDate: '2026-11-25',
        caseNumber: '5/26',
        recommendedOutcome: 'approved',
        recommendation: 'Styringsgruppa anbefaler oppstart.',
        handled: true,
      },
      {
        id: 'st2',
        position: 1,
        bodyName: 'Rådmannsgruppa',
        bodyKind: 'radmannsgruppe',
        decides: false,
        meetingDate: '2026-12-02',
        caseNumber: '17/26',
        recommendedOutcome: 'approved',
        recommendation: 'Rådmannsgruppa slutter seg til.',
        handled: true,
      },
      {
        id: 'st3',
        position: 2,
        bodyName: 'Regionrådet for Glåmdalsregionen',
        bodyKind: 'regionrad',
        decides: true,
        meetingDate: null,
        caseNumber: null,
        recommendedOutcome: null,
        recommendation: null,
        handled: false,
      },
    ],
    deliverables: [
      {
        key: 'final_report_forstudie',
        title: 'Sluttrapport',
        content: 'Bedriftene ønsker én dør inn til kommunene.\n\n' + 'Lang tekst. '.repeat(300),
        files: ['sluttrapport.pdf'],
        state: 'accepted',
      },
      { key: 'recommendation', title: 'Anbefaling', content: 'Vi anbefaler et felles næringsapparat.', files: [], state: 'accepted' },
      { key: 'business_needs', title: 'Behov', content: 'Intervjuer med 40 bedrifter.', files: ['intervjuer.xlsx'], state: 'accepted' },
    ],
    plan: {
      source: 'submitted',
      number: 3,
      templateTitle: 'Prosjektplan for forprosjektet',
      content: {
        goals: {
          main_goal: 'Et felles næringsapparat for Glåmdal innen 2028.',
          sub_goals: [{ title: 'Felles førstelinje', activities: ['Kartlegge tjenestene', 'Lage felles kontaktpunkt'] }],
        },
        frame: { period: '01.01.2027–30.06.2028', economic_frame: '1,5 mill. kr' },
        schedule: { milestones: [{ title: 'Vedtak i kommunestyrene', date: '2027-04-15' }] },
      },
      budget: [
        { kind: 'cost', category: 'project_management', year: 2027, amount: 700_000 },
        { kind: 'cost', category: 'consultants', year: 2028, amount: 800_000 },
        { kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: 500_000 },
        { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 200_000 },
        { kind: 'financing', category: 'kommuner_direct', year: 2028, amount: 800_000 },
      ],
      equalPercent: 50,
      shareYear: null,
    },
    shares: {
      source: 'cases',
      rows: KOMMUNER.map(([name, share], i) => ({
        kommuneId: `k${i}`,
        kommuneName: name,
        share: share * 2,
        kommuneCase: {
          deadline: '2027-04-15',
          outcome: name === 'Grue' ? 'no' : i < 5 ? 'yes' : 'pending',
          amountCommitted: null,
          meetingDate: null,
          caseNumber: null,
        },
      })),
    },
    today: '2026-12-03',
    ...overrides,
  };
}

async function texts(doc: Parameters<typeof renderPdf>[0]): Promise<{ pdf: string; docx: string }> {
  const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
  return { pdf: flat(pdfText(pdf)), docx: flat(docxText(docx)) };
}

describe('case document (saksframlegg)', () => {
  it('lays out the deciding body’s case in bokmål, read back from the PDF and the DOCX', async () => {
    const data = glaamdal();
    const { pdf, docx } = await texts(caseDocument(data, data.steps[2], 'nb'));
    for (const text of [pdf, docx]) {
      expect(text).toContain('SAKSFRAMLEGG');
      expect(text).toContain('Utvalg Regionrådet for Glåmdalsregionen');
      expect(text).toContain('Saksbehandler Pia Prosjektleder');
      expect(text).toContain('Forstudie Næringsvennlig Glåmdal – godkjenning og oppstart av forprosjekt');
      expect(text).toContain('Forslag til vedtak Regionrådet godkjenner forstudien og starter forprosjektet med en ramme på 1 500 000 kr.');
      // The route so far: each earlier body with its meeting, case number and innstilling.
      expect(text).toContain('Saksgang Styringsgruppa – Rådmannsgruppa – Regionrådet for Glåmdalsregionen');
      expect(text).toContain('Styringsgruppa 25. november 2026 5/26 Godkjent: Styringsgruppa anbefaler oppstart.');
      expect(text).toContain('Rådmannsgruppa 2. desember 2026 17/26');
      // The final report is summarised, shortened, with its files.
      expect(text).toContain('Bedriftene ønsker én dør inn til kommunene.');
      expect(text).toContain('Forkortet – se vedlegget');
      expect(text).toContain('Vedlagte filer: sluttrapport.pdf');
      expect(text).toContain('Vi anbefaler et felles næringsapparat.');
      // The plan, the budget with labelled totals, and each kommune's share.
      expect(text).toContain('Planen slik den ble sendt til behandling (versjon 3).');
      expect(text).toContain('Et felles næringsapparat for Glåmdal innen 2028.');
      expect(text).toContain('Kartlegge tjenestene');
      expect(text).toContain(flat(`Sum kostnader ${kroner(700_000, 'nb')} ${kroner(800_000, 'nb')} ${kroner(1_500_000, 'nb')}`));
      expect(text).toContain(flat(`Sum finansiering ${kroner(700_000, 'nb')} ${kroner(800_000, 'nb')} ${kroner(1_500_000, 'nb')}`));
      for (const [name, share] of KOMMUNER) expect(text).toContain(flat(`${name} ${kroner(share * 2, 'nb')} 15. april 2027`));
      expect(text).toContain('Grue');
      expect(text).toContain('Nei');
      expect(text).toContain('5 av 7 kommunestyrer har behandlet saken, 1 har sagt nei.');
      expect(text).toContain(flat(`Sum ${kroner(920_000, 'nb')}`));
      expect(text).toContain('Økonomiske konsekvenser for kommunene');
      expect(text).toContain('1. Sluttrapport for forstudien (sluttrapport.pdf)');
      expect(text).toContain('Prosjektplan for forprosjektet (planversjon 3)');
    }
  });

  it('is written in nynorsk with a proposed decision drafted from the package when none was given', async () => {
    const data = glaamdal({ submission: { ...glaamdal().submission, proposedDecision: null } });
    const { pdf, docx } = await texts(caseDocument(data, data.steps[0], 'nn'));
    for (const text of [pdf, docx]) {
      expect(text).toContain('Utval Styringsgruppa');
      expect(text).toContain('Sakshandsamar Pia Prosjektleder');
      expect(text).toContain('Forstudie Næringsvennlig Glåmdal – godkjenning og oppstart av forprosjekt');
      expect(text).toContain(
        'Framlegg til vedtak Regionrådet for Glåmdalsregionen godkjenner sluttrapporten frå forstudien og vedtek oppstart av forprosjektet.',
      );
      expect(text).toContain('Perioden er 01.01.2027–30.06.2028.');
      expect(text).toContain(flat(`Kostnadsramma er ${kroner(1_500_000, 'nn')} kr`));
      expect(text).toContain('Saka er ikkje handsama i andre utval før dette.');
      expect(text).toContain('Kommunane sin del');
      for (const [name, share] of KOMMUNER) expect(text).toContain(flat(`${name} ${kroner(share * 2, 'nn')}`));
      expect(text).toContain(flat(`Sum kostnader ${kroner(700_000, 'nn')}`));
    }
  });

  it('shows the plan’s cost sharing when the kommuner have no cases yet, and English works too', async () => {
    const base = glaamdal();
    const data = glaamdal({ shares: { source: 'plan', rows: base.shares.rows.map(({ kommuneCase: _, ...r }) => r) }, steps: [] });
    const { pdf, docx } = await texts(caseDocument(data, null, 'en'));
    for (const text of [pdf, docx]) {
      expect(text).toContain('CASE DOCUMENT');
      expect(text).toContain('Body Regionrådet for Glåmdalsregionen');
      expect(text).toContain('Proposed decision');
      expect(text).toContain('The shares follow the plan’s cost sharing: 50 % equally and the rest by population.');
      expect(text).toContain(flat(`Åsnes ${kroner(120_000, 'en')}`));
    }
  });

  it('names the plan as it stands by its kept version, never by its revision counter', async () => {
    const plan = glaamdal().plan!;
    const expected: [Partial<typeof plan>, string, string][] = [
      [
        { number: 2, changedSinceVersion: false },
        'Planen slik den står nå (planversjon 2).',
        'Prosjektplan for forprosjektet (planversjon 2)',
      ],
      [
        { number: 2, changedSinceVersion: true },
        'Planen slik den står nå (endret etter versjon 2).',
        'Prosjektplan for forprosjektet (endret etter versjon 2)',
      ],
      [
        { number: 0, changedSinceVersion: false },
        'Planen slik den står nå (ikke lagret som versjon ennå).',
        'Prosjektplan for forprosjektet (ikke lagret som versjon ennå)',
      ],
    ];
    for (const [over, intro, attachment] of expected) {
      const { pdf, docx } = await texts(caseDocument(glaamdal({ plan: { ...plan, source: 'current', ...over } }), null, 'nb'));
      for (const text of [pdf, docx]) {
        expect(text).toContain(intro);
        expect(text).toContain(attachment);
      }
    }
    const en = await texts(
      caseDocument(glaamdal({ plan: { ...plan, source: 'current', number: 2, changedSinceVersion: true } }), null, 'en'),
    );
    expect(en.pdf).toContain('The plan as it stands now (changed since version 2).');
  });

  it('drafts the decision of the last phase without a next phase, and titles it as a final report', () => {
    const data = glaamdal({ phase: { ...glaamdal().phase, key: 'hovedprosjekt' }, nextPhase: null });
    expect(caseTitle('hovedprosjekt', 'X', 'nb')).toBe('Hovedprosjekt X – godkjenning av sluttrapport');
    expect(draftDecision(data, 'nb')).toBe(
      'Regionrådet for Glåmdalsregionen godkjenner sluttrapporten fra hovedprosjektet, og prosjektet avsluttes.',
    );
  });

  it('keeps an edited proposed decision in every language, but writes the gate’s own (bokmål) draft anew in nynorsk and English', () => {
    const sub = glaamdal().submission;
    const drafted = glaamdal({ submission: { ...sub, proposedDecision: 'Regionrådet godkjenner sluttrapporten.', proposedIsDraft: true } });
    expect(proposedDecision(drafted, 'nb')).toBe('Regionrådet godkjenner sluttrapporten.');
    expect(proposedDecision(drafted, 'nn')).toContain('vedtek oppstart av forprosjektet');
    expect(proposedDecision(drafted, 'en')).toContain('decides to start the forprosjekt');
    const edited = glaamdal({ submission: { ...sub, proposedDecision: 'Eit eige framlegg.', proposedIsDraft: false } });
    expect(proposedDecision(edited, 'nn')).toBe('Eit eige framlegg.');
  });

  it('splits each share over the years as the kommuner’s contribution falls, adding up to the share', () => {
    const { years, amounts } = sharesByYear([{ share: 100_001 }, { share: 3 }], glaamdal().plan!.budget, null);
    expect(years).toEqual([2027, 2028]);
    expect(amounts[0]).toEqual([20_000, 80_001]);
    expect(amounts[1].reduce((s, x) => s + x, 0)).toBe(3);
    expect(sharesByYear([{ share: 10 }], glaamdal().plan!.budget, 2028)).toEqual({ years: [2028], amounts: [[10]] });
  });

  it('shortens long texts at a sentence or paragraph', () => {
    expect(trimText('Kort.')).toEqual({ text: 'Kort.', trimmed: false });
    const long = trimText('Første setning. '.repeat(200), 100);
    expect(long.trimmed).toBe(true);
    expect(long.text.endsWith('Første setning. …') || long.text.endsWith('setning. …')).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(102);
  });

  it('keeps long tables on the page: many rows break onto new pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      kommuneId: `k${i}`,
      kommuneName: `Kommune nummer ${i} med et langt navn`,
      share: 1000 + i,
    }));
    const data = glaamdal({ shares: { source: 'plan', rows } });
    const pdf = await renderPdf(caseDocument(data, null, 'nb'));
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(3);
    expect(flat(pdfText(pdf))).toContain('Kommune nummer 119 med et langt navn');
  });
});

describe('extract of the minutes (protokollutdrag)', () => {
  const decided = (): MinutesData => {
    const base = glaamdal();
    return {
      ...base,
      steps: base.steps.map((s) => (s.decides ? { ...s, handled: true, meetingDate: '2026-12-10', caseNumber: '42/26' } : s)),
      decision: {
        outcome: 'approved_with_conditions',
        meetingDate: '2026-12-10',
        caseNumber: '42/26',
        decisionText: 'Regionrådet godkjenner forstudien og vedtar oppstart av forprosjektet.',
        conditionsText: 'Finansiering fra fylkeskommunen er bekreftet\nHver kommune utpeker en kontaktperson',
        bodyName: 'Regionrådet for Glåmdalsregionen',
        decidedBy: 'Sekretariatet',
        stepId: 'st3',
      },
      conditions: [
        { text: 'Finansiering fra fylkeskommunen er bekreftet', owner: 'Pia Prosjektleder', dueDate: '2027-02-01', state: 'open' },
        { text: 'Hver kommune utpeker en kontaktperson', owner: null, dueDate: null, state: 'met' },
      ],
    };
  };

  it('records the decision, its conditions and the earlier innstillinger, in bokmål and nynorsk', async () => {
    const nb = await texts(minutesExtract(decided(), 'nb'));
    for (const text of [nb.pdf, nb.docx]) {
      expect(text).toContain('PROTOKOLLUTDRAG');
      expect(text).toContain('Utvalg Regionrådet for Glåmdalsregionen Møtedato 10. desember 2026 Saksnummer 42/26');
      expect(text).toContain('Vedtak Regionrådet godkjenner forstudien og vedtar oppstart av forprosjektet.');
      expect(text).toContain('Utfall: Godkjent med vilkår');
      expect(text).toContain('1 Finansiering fra fylkeskommunen er bekreftet Pia Prosjektleder 1. februar 2027 Åpent');
      expect(text).toContain('2 Hver kommune utpeker en kontaktperson');
      expect(text).toContain('Styringsgruppa 25. november 2026 5/26 Godkjent: Styringsgruppa anbefaler oppstart.');
      expect(text).toContain('Rådmannsgruppa 2. desember 2026 17/26 Godkjent: Rådmannsgruppa slutter seg til.');
    }
    const nn = await texts(minutesExtract({ ...decided(), conditions: [] }, 'nn'));
    for (const text of [nn.pdf, nn.docx]) {
      expect(text).toContain('Utval Regionrådet for Glåmdalsregionen');
      expect(text).toContain('Innstillingar i saka');
      expect(text).toContain('Utfall: Godkjend med vilkår');
      // Without tracked conditions the decision's conditions text is listed line by line.
      expect(text).toContain('1 Finansiering fra fylkeskommunen er bekreftet');
      expect(text).toContain('Handsaming – Regionrådet for Glåmdalsregionen 10. desember 2026');
    }
  });
});
