import {
  closingDecisionProblems,
  closingPhaseProblem,
  closingReadiness,
  evaluationComplete,
  factorSummaries,
  FINAL_REPORT_OUTLINE,
  FINAL_REPORT_SECTION_KEYS,
  LESSON_CATEGORIES,
  lessonCategoryTitle,
  missingReportSections,
  scoreGaps,
  scoreStats,
  SUCCESS_FACTOR_SPECS,
  SUCCESS_FACTORS,
  unscoredFactors,
  type FactorScore,
} from './closing';

const all = (score: number): FactorScore[] => SUCCESS_FACTORS.map((factor) => ({ factor, score }));
const fullReport = () => ({ sections: Object.fromEntries(FINAL_REPORT_SECTION_KEYS.map((k) => [k, `Tekst for ${k}`])) });

describe('the success factors and the outline', () => {
  it('lists the ten factors of seeds/004 once each, with words in all three languages', () => {
    expect(SUCCESS_FACTORS).toHaveLength(10);
    expect(SUCCESS_FACTOR_SPECS.map((f) => f.key)).toEqual([...SUCCESS_FACTORS]);
    for (const f of SUCCESS_FACTOR_SPECS) {
      for (const lang of ['nb', 'nn', 'en'] as const) {
        expect(f.title[lang].trim()).not.toBe('');
        expect(f.question[lang].trim()).not.toBe('');
      }
    }
    expect(SUCCESS_FACTOR_SPECS[0].title.nb).toBe('Forankring');
    expect(SUCCESS_FACTOR_SPECS.find((f) => f.key === 'active_owner')!.title.nn).toBe('Aktiv prosjekteigar');
  });

  it('files lessons under a factor or under "other"', () => {
    expect(LESSON_CATEGORIES).toEqual([...SUCCESS_FACTORS, 'other']);
    expect(lessonCategoryTitle('other', 'nn')).toBe('Anna');
    expect(lessonCategoryTitle('financing', 'en')).toBe('Financing');
  });

  it('has an outline with every section titled and explained in three languages', () => {
    expect(FINAL_REPORT_OUTLINE.map((s) => s.key)).toEqual([...FINAL_REPORT_SECTION_KEYS]);
    for (const s of FINAL_REPORT_OUTLINE) for (const lang of ['nb', 'nn', 'en'] as const) expect(s.guidance[lang]).not.toBe('');
  });
});

describe('readiness to close', () => {
  it('is ready with a full report and two complete evaluations', () => {
    expect(closingReadiness({ report: fullReport(), leader: all(4), owner: all(3) })).toEqual({
      ready: true,
      checks: [
        { key: 'final_report', ok: true, missing: [] },
        { key: 'leader_evaluation', ok: true, missing: [] },
        { key: 'owner_evaluation', ok: true, missing: [] },
      ],
    });
  });

  it('says what is missing: no report, blank sections, unscored factors', () => {
    const r = closingReadiness({ report: null, leader: null, owner: all(3).slice(0, 8) });
    expect(r.ready).toBe(false);
    expect(r.checks[0]).toEqual({ key: 'final_report', ok: false, missing: [...FINAL_REPORT_SECTION_KEYS] });
    expect(r.checks[1].missing).toEqual([...SUCCESS_FACTORS]);
    expect(r.checks[2].missing).toEqual(['reporting', 'financing']);

    const report = fullReport();
    report.sections.went_well = '  \n ';
    delete (report.sections as Record<string, string>).economy;
    expect(missingReportSections(report.sections)).toEqual(['economy', 'went_well']);
  });

  it('counts only scores 1–5', () => {
    const scores = all(3);
    scores[0] = { factor: 'anchoring', score: 0 };
    scores[1] = { factor: 'realistic_goals', score: 2.5 };
    expect(unscoredFactors(scores)).toEqual(['anchoring', 'realistic_goals']);
    expect(evaluationComplete(scores)).toBe(false);
    expect(evaluationComplete(null)).toBe(false);
    expect(evaluationComplete(all(5))).toBe(true);
  });

  it('closes only an active project whose hovedprosjekt is in progress', () => {
    expect(closingPhaseProblem({ status: 'active', hovedprosjektState: 'in_progress' })).toBeNull();
    expect(closingPhaseProblem({ status: 'active', hovedprosjektState: 'not_started' })).toBe('not_in_hovedprosjekt');
    expect(closingPhaseProblem({ status: 'active', hovedprosjektState: 'awaiting_decision' })).toBe('at_gate');
    expect(closingPhaseProblem({ status: 'completed', hovedprosjektState: 'completed' })).toBe('project_ended');
    expect(closingPhaseProblem({ status: 'stopped', hovedprosjektState: 'in_progress' })).toBe('project_ended');
  });

  it('checks that a decision to carry on names the successor, and the meeting date', () => {
    const context = { today: '2026-11-23', hovedprosjektStart: '2025-01-01' };
    expect(closingDecisionProblems({ outcome: 'close', meetingDate: '2026-11-20' }, context)).toEqual([]);
    expect(
      closingDecisionProblems(
        {
          outcome: 'carry_on',
          meetingDate: '2026-11-20',
          successor: { organisation: 'Næringsforum', financingText: 'Kommunene', yearlyAmount: 1 },
        },
        context,
      ),
    ).toEqual([]);
    expect(closingDecisionProblems({ outcome: 'carry_on', meetingDate: '2026-11-20' }, context).map((p) => p.field)).toEqual(['successor']);
    expect(
      closingDecisionProblems(
        { outcome: 'close', meetingDate: '2026-11-24', successor: { organisation: 'X', financingText: 'Y', yearlyAmount: 0 } },
        context,
      ).map((p) => p.field),
    ).toEqual(['successor', 'meetingDate']);
    expect(closingDecisionProblems({ outcome: 'close', meetingDate: '2024-12-31' }, context)).toEqual([
      { field: 'meetingDate', message: expect.stringContaining('before the hovedprosjekt began (2025-01-01)') },
    ]);
  });
});

describe('learning across regions', () => {
  it('gives count, mean to one decimal and the distribution of 1–5', () => {
    expect(scoreStats([])).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
    expect(scoreStats([4, 5, 5])).toEqual({ count: 3, average: 4.7, distribution: [0, 0, 0, 1, 2] });
    expect(scoreStats([1, 2, 0, 7, 2.5])).toEqual({ count: 2, average: 1.5, distribution: [1, 1, 0, 0, 0] });
  });

  it('summarises per factor for leaders, owners and both, in the factors’ order', () => {
    const scores = [
      ...all(4).map((s) => ({ ...s, perspective: 'leader' as const })),
      ...all(2).map((s) => ({ ...s, perspective: 'owner' as const })),
      { factor: 'financing' as const, score: 5, perspective: 'leader' as const },
    ];
    const summary = factorSummaries(scores);
    expect(summary.map((s) => s.factor)).toEqual([...SUCCESS_FACTORS]);
    expect(summary[0]).toEqual({
      factor: 'anchoring',
      leader: { count: 1, average: 4, distribution: [0, 0, 0, 1, 0] },
      owner: { count: 1, average: 2, distribution: [0, 1, 0, 0, 0] },
      all: { count: 2, average: 3, distribution: [0, 1, 0, 1, 0] },
    });
    expect(summary[9].leader).toEqual({ count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] });
    expect(summary[9].all.count).toBe(3);
  });

  it('finds where the leader and the owner differ by two or more', () => {
    const owner = all(3);
    owner[2] = { factor: 'active_owner', score: 5 };
    expect(
      scoreGaps(
        all(3).map((s) => (s.factor === 'active_owner' ? { ...s, score: 2 } : s)),
        owner,
      ),
    ).toEqual([{ factor: 'active_owner', leader: 2, owner: 5 }]);
    expect(scoreGaps(all(3), all(4))).toEqual([]);
  });
});
