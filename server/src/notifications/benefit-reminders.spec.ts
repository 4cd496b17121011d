import type { BenefitReminderRow } from '../benefits/benefit.queries';
import { dueBenefits, notRemindedYet, ownerReminders } from './benefit-reminders';

const row = (id: string, over: Partial<BenefitReminderRow> = {}): BenefitReminderRow => ({
  id,
  title: `Gevinst ${id}`,
  owner_id: 'kari',
  project_id: 'p1',
  project_name: 'Prosjekt Alfa',
  region_id: 'r1',
  indicators: [{ startDate: '2026-01-01', lastMeasuredOn: null }],
  ...over,
});

describe('the yearly benefit reminders', () => {
  it('finds the benefits with an indicator a year unmeasured, with their latest measurement', () => {
    const rows = [
      row('a', {
        indicators: [
          { startDate: '2026-01-01', lastMeasuredOn: '2026-03-01' },
          { startDate: '2026-01-01', lastMeasuredOn: '2026-02-01' },
        ],
      }),
      row('b', { indicators: [{ startDate: '2026-06-02', lastMeasuredOn: null }] }),
    ];
    expect(dueBenefits(rows, '2027-06-01')).toEqual([
      {
        id: 'a',
        title: 'Gevinst a',
        projectName: 'Prosjekt Alfa',
        lastMeasuredOn: '2026-03-01',
        ownerId: 'kari',
        projectId: 'p1',
        regionId: 'r1',
        period: '2027',
      },
    ]);
  });

  it('leaves out the benefits the owner has heard about this year, not those another owner or another year had', () => {
    const due = dueBenefits([row('a'), row('b'), row('c', { owner_id: 'ola' })], '2028-01-02');
    const reminded = [
      { recipient_id: 'kari', benefit_id: 'a', period: '2028' },
      { recipient_id: 'ola', benefit_id: 'b', period: '2028' },
      { recipient_id: 'ola', benefit_id: 'c', period: '2027' },
    ];
    expect(notRemindedYet(due, reminded).map((b) => b.id)).toEqual(['b', 'c']);
  });

  it('makes one reminder per owner naming their benefits, on the project or, across projects, on the region', () => {
    const due = dueBenefits([row('a'), row('b', { owner_id: 'ola' }), row('c', { project_id: 'p2', project_name: 'Beta' })], '2028-01-02');
    const [kari, ola] = ownerReminders(due);
    expect(kari).toMatchObject({
      recipientId: 'kari',
      period: '2028',
      projectId: null,
      targetId: 'a',
      link: '/regioner/r1/gevinster',
      params: { benefits: [{ id: 'a' }, { id: 'c', projectName: 'Beta' }] },
    });
    expect(ola).toMatchObject({ recipientId: 'ola', projectId: 'p1', targetId: 'b', link: '/prosjekter/p1/gevinster' });
    expect(ownerReminders([])).toEqual([]);
  });
});
