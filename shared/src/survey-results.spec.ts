import fc from 'fast-check';
import { SurveyAnswers, SurveyQuestion } from './survey';
import {
  countNeeds,
  countNeedsAcross,
  crossTabulate,
  formatPercent,
  formatShare,
  suppressGroups,
  tallyForReaders,
  SurveyResponseFacts,
  tallySurvey,
} from './survey-results';

const text = (nb: string) => ({ nb });

// The FUNK survey (DOMAIN.md, seeds/000_…): 223 answers.
const TARGET_GROUPS: [string, number][] = [
  ['innovasjon_norge', 22],
  ['fylkeskommunen', 16],
  ['fylkesmannen', 17],
  ['kommune', 102],
  ['naeringshage', 45],
  ['ks', 2],
  ['nav', 2],
  ['departement', 3],
  ['annet', 14],
];
const NEEDS: [string, number][] = [
  ['statistikk', 91],
  ['kompetanseheving', 124],
  ['kontaktinfo_nettverk', 116],
  ['analyser_trender', 100],
  ['relaterte_satsinger', 105],
];
const funkQuestions: SurveyQuestion[] = [
  {
    key: 'target_group',
    kind: 'single',
    text: text('Hvilken målgruppe tilhører du?'),
    required: true,
    grouping: 'target_group',
    options: TARGET_GROUPS.map(([key]) => ({ key, label: text(key) })),
  },
  {
    key: 'needs',
    kind: 'multiple',
    text: text('Hvilke kategorier behov er viktigst?'),
    required: true,
    options: NEEDS.map(([key]) => ({
      key,
      label: text(key),
      need:
        key === 'statistikk'
          ? 'statistics'
          : key === 'kompetanseheving'
            ? 'competence'
            : key === 'kontaktinfo_nettverk'
              ? 'network'
              : undefined,
    })),
  },
];
const funkResponses: SurveyResponseFacts[] = (() => {
  const groups = TARGET_GROUPS.flatMap(([key, n]) => Array<string>(n).fill(key));
  return groups.map((group, i) => ({
    answers: {
      target_group: group,
      // respondent i chooses a need when i falls inside its count, counted from a different start per need
      needs: NEEDS.filter(([, n], j) => (i + j * 37) % 223 < n).map(([key]) => key),
    },
  }));
})();

describe('tallying the FUNK survey', () => {
  const tally = tallySurvey(funkQuestions, funkResponses);

  it('counts every answer and gives shares with one decimal in Norwegian form', () => {
    expect(tally.total).toBe(223);
    const target = tally.questions[0];
    expect(target.answered).toBe(223);
    const kommune = target.options!.find((o) => o.key === 'kommune')!;
    expect(formatShare(kommune.share, kommune.count, 'nb')).toBe('45,7 % (102)');
    expect(formatShare(kommune.share, kommune.count, 'nn')).toBe('45,7 % (102)');
    expect(formatShare(kommune.share, kommune.count, 'en')).toBe('45.7% (102)');
    expect(target.options!.map((o) => formatShare(o.share, o.count, 'nb'))).toEqual([
      '9,9 % (22)',
      '7,2 % (16)',
      '7,6 % (17)',
      '45,7 % (102)',
      '20,2 % (45)',
      '0,9 % (2)',
      '0,9 % (2)',
      '1,3 % (3)',
      '6,3 % (14)',
    ]);
  });

  it('gives multiple choice as the share of respondents', () => {
    const needs = tally.questions[1];
    expect(needs.answered).toBe(223);
    expect(needs.options!.map((o) => formatPercent(o.share, 'nb'))).toEqual(['40,8 %', '55,6 %', '52,0 %', '44,8 %', '47,1 %']);
    // several choices each: the shares add up to more than 100 %
    expect(needs.options!.reduce((sum, o) => sum + o.share, 0)).toBeGreaterThan(1);
  });

  it('counts the needs the options stand for, with the conversations', () => {
    const needs = countNeeds(funkQuestions, tally, [{ needs: ['competence', 'network'] }, { needs: ['competence'] }]);
    expect(needs.find((n) => n.need === 'statistics')).toEqual({ need: 'statistics', surveyRespondents: 91, conversations: 0 });
    expect(needs.find((n) => n.need === 'competence')).toEqual({ need: 'competence', surveyRespondents: 124, conversations: 2 });
    expect(needs.find((n) => n.need === 'network')).toEqual({ need: 'network', surveyRespondents: 116, conversations: 1 });
    expect(needs.find((n) => n.need === 'service')).toEqual({ need: 'service', surveyRespondents: 0, conversations: 0 });
    const twice = countNeedsAcross(
      [
        { questions: funkQuestions, tally },
        { questions: funkQuestions, tally },
      ],
      [],
    );
    expect(twice.find((n) => n.need === 'statistics')!.surveyRespondents).toBe(182);
  });
});

describe('tallying scales, numbers and texts', () => {
  const questions: SurveyQuestion[] = [
    { key: 'service', kind: 'scale', text: text('Service'), required: false },
    { key: 'employees', kind: 'number', text: text('Ansatte'), required: false },
    { key: 'comment', kind: 'text', text: text('Kommentar'), required: false },
  ];
  const answers: SurveyAnswers[] = [
    { service: 1, employees: 3, comment: 'Bra' },
    { service: 4, employees: 40 },
    { service: 5, employees: 7, comment: 'Mer dialog' },
    { service: 4 },
    {},
  ];
  const tally = tallySurvey(
    questions,
    answers.map((a) => ({ answers: a })),
  );

  it('gives counts per step with mean, median, min and max', () => {
    expect(tally.total).toBe(5);
    expect(tally.questions[0]).toEqual({
      key: 'service',
      kind: 'scale',
      answered: 4,
      options: [
        { key: '1', count: 1, share: 0.25 },
        { key: '2', count: 0, share: 0 },
        { key: '3', count: 0, share: 0 },
        { key: '4', count: 2, share: 0.5 },
        { key: '5', count: 1, share: 0.25 },
      ],
      mean: 3.5,
      median: 4,
      min: 1,
      max: 5,
    });
    expect(tally.questions[1]).toEqual({ key: 'employees', kind: 'number', answered: 3, mean: 50 / 3, median: 7, min: 3, max: 40 });
    expect(tally.questions[2]).toEqual({ key: 'comment', kind: 'text', answered: 2, textCount: 2 });
  });

  it('takes the middle of the two middle answers as the median of an even count', () => {
    const even = tallySurvey(questions, [{ answers: { service: 2, employees: 10 } }, { answers: { service: 5, employees: 3 } }]);
    expect(even.questions[0].median).toBe(3.5);
    expect(even.questions[1].median).toBe(6.5);
  });

  it('says nothing about averages when nobody answered', () => {
    const empty = tallySurvey(questions, []);
    expect(empty.total).toBe(0);
    expect(empty.questions[0].mean).toBeUndefined();
    expect(empty.questions[0].options!.every((o) => o.share === 0)).toBe(true);
  });

  it('tallies 10 000 answers to 20 questions', () => {
    const many: SurveyQuestion[] = Array.from({ length: 20 }, (_, i) =>
      i % 4 === 0
        ? {
            key: `q${i}`,
            kind: 'single',
            text: text('q'),
            required: false,
            options: TARGET_GROUPS.map(([key]) => ({ key, label: text(key) })),
          }
        : i % 4 === 1
          ? { key: `q${i}`, kind: 'multiple', text: text('q'), required: false, options: NEEDS.map(([key]) => ({ key, label: text(key) })) }
          : i % 4 === 2
            ? { key: `q${i}`, kind: 'scale', text: text('q'), required: false }
            : { key: `q${i}`, kind: 'number', text: text('q'), required: false },
    );
    const responses = Array.from({ length: 10_000 }, (_, r) => {
      const a: SurveyAnswers = {};
      many.forEach((q, i) => {
        if (q.kind === 'single') a[q.key] = TARGET_GROUPS[(r + i) % 9][0];
        else if (q.kind === 'multiple') a[q.key] = [NEEDS[r % 5][0], NEEDS[(r + 2) % 5][0]];
        else if (q.kind === 'scale') a[q.key] = 1 + ((r * 7 + i) % 5);
        else a[q.key] = (r * 13) % 500;
      });
      return { answers: a };
    });
    // Speed is measured by bench/survey.mjs (never by a timed test); here only that a large tally is right.
    const tally = tallySurvey(many, responses);
    expect(tally.questions[0].answered).toBe(10_000);
    expect(tally.questions).toHaveLength(20);
  });
});

describe('results for readers who may not edit the project', () => {
  const questions: SurveyQuestion[] = [
    { key: 'service', kind: 'scale', text: text('Service'), required: false },
    { key: 'employees', kind: 'number', text: text('Ansatte'), required: false },
  ];
  const answers = (n: number) => Array.from({ length: n }, (_, i) => ({ answers: { service: (i % 5) + 1, employees: i * 10 } }));

  it('gives only the total while fewer than the minimum have answered', () => {
    const tally = tallySurvey(questions, answers(4));
    expect(tallyForReaders(tally, 5)).toEqual({ total: 4, questions: [], belowMinimum: true });
    expect(tallyForReaders(tallySurvey(questions, []), 5)).toMatchObject({ total: 0, belowMinimum: false });
    // The floor of 3 holds here too.
    expect(tallyForReaders(tallySurvey(questions, answers(2)), 1).belowMinimum).toBe(true);
  });

  it('drops the min and max of number questions, which are one person’s exact answer', () => {
    const tally = tallySurvey(questions, answers(5));
    const reader = tallyForReaders(tally, 5);
    expect(reader.belowMinimum).toBe(false);
    const employees = reader.questions.find((q) => q.key === 'employees')!;
    expect(employees).toEqual({ key: 'employees', kind: 'number', answered: 5, mean: 20, median: 20 });
    expect(reader.questions.find((q) => q.key === 'service')).toEqual(tally.questions[0]);
    // The whole tally is left as it was.
    expect(tally.questions[1].max).toBe(40);
  });
});

describe('suppressing small groups', () => {
  it('hides a small group and, so it cannot be subtracted out, the next smallest', () => {
    expect(suppressGroups([50, 2, 20, 30], 5)).toEqual([false, 'small', 'complementary', false]);
  });

  it('hides only the small groups when two or more have people in them', () => {
    expect(suppressGroups([50, 2, 4, 30], 5)).toEqual([false, 'small', 'small', false]);
  });

  it('hides a shown group too when several small groups together are still fewer than the minimum', () => {
    // 1 + 1 hidden: the row total minus the shown groups would give both single respondents' answers.
    expect(suppressGroups([20, 9, 1, 1], 5)).toEqual([false, 'complementary', 'small', 'small']);
    expect(suppressGroups([20, 9, 2, 2], 5)).toEqual([false, 'complementary', 'small', 'small']);
    // Together 5: as large as a group that may be shown, so nothing more is hidden.
    expect(suppressGroups([20, 9, 3, 2], 5)).toEqual([false, false, 'small', 'small']);
  });

  it('cross-tabulates 20, 9, 1 and 1 respondents by kommune without giving away the two single answers', () => {
    const answer = (kommuneId: string, value: string): SurveyResponseFacts => ({ kommuneId, answers: { target_group: value } });
    const responses: SurveyResponseFacts[] = [
      ...Array.from({ length: 18 }, () => answer('k1', 'kommune')),
      ...Array.from({ length: 2 }, () => answer('k1', 'ks')),
      ...Array.from({ length: 9 }, () => answer('k2', 'annet')),
      answer('k3', 'ks'),
      answer('k4', 'ks'),
    ];
    const labels = { k1: 'Eidskog', k2: 'Kongsvinger', k3: 'Nord-Odal', k4: 'Sør-Odal' };
    const tab = crossTabulate(funkQuestions, responses, 'target_group', { kind: 'kommune', labels }, 5);
    expect(tab.groups).toEqual([
      { key: 'k1', n: 20, suppressed: false },
      { key: 'k2', n: null, suppressed: 'complementary' },
      { key: 'k3', n: null, suppressed: 'small' },
      { key: 'k4', n: null, suppressed: 'small' },
    ]);
    const ks = tab.rows.find((r) => r.option === 'ks')!;
    expect(ks.total.count).toBe(4);
    expect(ks.cells).toEqual([{ count: 2, share: 0.1 }, null, null, null]);
  });

  it('does not count empty groups as protection', () => {
    expect(suppressGroups([50, 2, 0, 30], 5)).toEqual([false, 'small', 'small', 'complementary']);
  });

  it('never lets the smallest group be set below 3', () => {
    expect(suppressGroups([10, 2, 1, 30], 1)).toEqual([false, 'small', 'small', false]);
    expect(suppressGroups([10, 3, 4, 30], 0)).toEqual([false, false, false, false]);
  });

  it('cross-tabulates by the grouping question and hides the small groups’ figures', () => {
    const tab = crossTabulate(funkQuestions, funkResponses, 'needs', { kind: 'question', key: 'target_group' }, 5);
    expect(tab.question).toBe('needs');
    expect(tab.by).toBe('target_group');
    expect(tab.minGroupSize).toBe(5);
    expect(tab.groups.map((g) => [g.key, g.n, g.suppressed])).toEqual([
      ['innovasjon_norge', 22, false],
      ['fylkeskommunen', 16, false],
      ['fylkesmannen', 17, false],
      ['kommune', 102, false],
      ['naeringshage', 45, false],
      ['ks', null, 'small'],
      ['nav', null, 'small'],
      ['departement', null, 'small'],
      ['annet', 14, false],
    ]);
    const statistikk = tab.rows[0];
    expect(statistikk.option).toBe('statistikk');
    expect(statistikk.total.count).toBe(91);
    expect(statistikk.cells.slice(5, 8)).toEqual([null, null, null]);
    const kommune = statistikk.cells[3]!;
    expect(kommune.share).toBeCloseTo(kommune.count / 102);
  });

  it('counts those who did not answer the grouping question as a group', () => {
    const responses = [
      ...Array.from({ length: 10 }, () => ({ answers: { target_group: 'kommune', needs: ['statistikk'] } })),
      ...Array.from({ length: 8 }, () => ({ answers: { target_group: 'ks', needs: ['maler'] } as SurveyAnswers })),
      ...Array.from({ length: 2 }, () => ({ answers: { needs: ['statistikk'] } })),
    ];
    const tab = crossTabulate(funkQuestions, responses, 'needs', { kind: 'question', key: 'target_group' }, 5);
    const shown = tab.groups.filter((g) => g.n !== 0);
    // 'ks' answered only an unknown option, so it is not among those who answered the question
    expect(shown.map((g) => [g.key, g.suppressed])).toEqual([
      ['innovasjon_norge', 'small'],
      ['fylkeskommunen', 'small'],
      ['fylkesmannen', 'small'],
      ['kommune', 'complementary'],
      ['naeringshage', 'small'],
      ['ks', 'small'],
      ['nav', 'small'],
      ['departement', 'small'],
      ['annet', 'small'],
      [null, 'small'],
    ]);
  });

  it('cross-tabulates by kommune with the general link as its own group', () => {
    const questions = funkQuestions;
    const responses: SurveyResponseFacts[] = [
      ...Array.from({ length: 6 }, () => ({ kommuneId: 'k1', answers: { target_group: 'kommune', needs: ['statistikk'] } })),
      ...Array.from({ length: 7 }, () => ({ kommuneId: 'k2', answers: { target_group: 'kommune', needs: ['analyser_trender'] } })),
      ...Array.from({ length: 5 }, () => ({ kommuneId: null, answers: { target_group: 'annet', needs: ['statistikk'] } })),
    ];
    const tab = crossTabulate(
      questions,
      responses,
      'target_group',
      { kind: 'kommune', labels: { k1: 'Eidskog', k2: 'Kongsvinger', k3: 'Nord-Odal' } },
      3,
    );
    expect(tab.by).toBe('kommune');
    expect(tab.groups).toEqual([
      { key: 'k1', n: 6, suppressed: false },
      { key: 'k2', n: 7, suppressed: false },
      { key: 'k3', n: null, suppressed: 'small' },
      { key: null, n: 5, suppressed: false },
    ]);
    const kommune = tab.rows.find((r) => r.option === 'kommune')!;
    expect(kommune.total).toEqual({ count: 13, share: 13 / 18 });
    expect(kommune.cells).toEqual([{ count: 6, share: 1 }, { count: 7, share: 1 }, null, { count: 0, share: 0 }]);
  });

  it('never lets a suppressed group’s figures be worked out from the total minus the published groups', () => {
    const groupKeys = ['a', 'b', 'c', 'd', 'e'];
    const optionKeys = ['x', 'y', 'z'];
    const questions: SurveyQuestion[] = [
      {
        key: 'group',
        kind: 'single',
        text: text('Gruppe'),
        required: false,
        grouping: 'other',
        options: groupKeys.map((key) => ({ key, label: text(key) })),
      },
      {
        key: 'answer',
        kind: 'multiple',
        text: text('Svar'),
        required: false,
        options: optionKeys.map((key) => ({ key, label: text(key) })),
      },
    ];
    const response = fc.record({
      group: fc.option(fc.constantFrom(...groupKeys), { nil: undefined }),
      answer: fc.subarray(optionKeys),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (raw, minGroupSize) => {
        const responses = raw.map((r) => {
          const answers: SurveyAnswers = { answer: r.answer };
          if (r.group) answers.group = r.group;
          return { answers };
        });
        const tab = crossTabulate(questions, responses, 'answer', { kind: 'question', key: 'group' }, minGroupSize);
        expect(tab.minGroupSize).toBeGreaterThanOrEqual(3);

        // The true sizes, to judge what the published figures give away.
        const answered = responses.filter((r) => (r.answers.answer as string[]).length > 0);
        const trueN = tab.groups.map((g) => answered.filter((r) => (r.answers.group ?? null) === g.key).length);
        const hidden = tab.groups.map((g, i) => (g.suppressed ? i : -1)).filter((i) => i >= 0);
        const hiddenWithPeople = hidden.filter((i) => trueN[i] > 0);
        const groupsWithPeople = trueN.filter((n) => n > 0).length;

        for (const [i, g] of tab.groups.entries()) {
          if (g.suppressed) {
            expect(g.n).toBeNull();
            expect(tab.rows.every((row) => row.cells[i] === null)).toBe(true);
          } else {
            expect(g.n).toBe(trueN[i]);
            expect(g.n!).toBeGreaterThanOrEqual(tab.minGroupSize);
          }
        }
        // Subtracting the published groups from the total leaves the hidden ones together, never one alone —
        // unless the whole table is one group, which the published total shows anyway.
        if (hiddenWithPeople.length > 0 && groupsWithPeople > 1) {
          expect(hiddenWithPeople.length).toBeGreaterThanOrEqual(2);
        }
        // ... and those hidden together are never fewer than the minimum (e.g. 1 + 1), unless nothing is shown.
        const hiddenTogether = hidden.reduce((sum, i) => sum + trueN[i], 0);
        if (hidden.length < tab.groups.length && hiddenTogether > 0) {
          expect(hiddenTogether).toBeGreaterThanOrEqual(tab.minGroupSize);
        }
        for (const row of tab.rows) {
          const published = row.cells.reduce((sum, c) => sum + (c ? c.count : 0), 0);
          expect(row.total.count - published).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatting shares', () => {
  it('writes one decimal with a comma and a spaced percent sign in Norwegian', () => {
    expect(formatPercent(0, 'nb')).toBe('0,0 %');
    expect(formatPercent(1, 'nn')).toBe('100,0 %');
    expect(formatPercent(116 / 223, 'nb')).toBe('52,0 %');
    expect(formatPercent(0.0125, 'en')).toBe('1.3%');
    expect(formatPercent(Number.NaN, 'nb')).toBe('0,0 %');
  });
});
