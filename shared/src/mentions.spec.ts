import type { RoleAssignment } from './access';
import { mentionSpans } from './comments';
import { looseMentions, mentionQueryAt, mentionRoles } from './mentions';

const project = { id: 'p1', regionId: 'r1' };

describe('mentionRoles', () => {
  it('lists the roles that let a person read the project, in the order of ROLES', () => {
    const roles: RoleAssignment[] = [
      { role: 'adviser', regionId: 'r1', projectId: null },
      { role: 'project_leader', regionId: 'r1', projectId: 'p1' },
      { role: 'regionraad', regionId: 'r2', projectId: null },
    ];
    expect(mentionRoles(roles, project)).toEqual(['project_leader', 'adviser']);
  });
  it('leaves out another project of the region, another region and the administrator role', () => {
    expect(mentionRoles([{ role: 'project_member', regionId: 'r1', projectId: 'p2' }], project)).toEqual([]);
    expect(mentionRoles([{ role: 'admin', regionId: null, projectId: null }], project)).toEqual([]);
    expect(
      mentionRoles(
        [
          { role: 'admin', regionId: null, projectId: null },
          { role: 'kommune_contact', regionId: 'r1', projectId: null, kommuneId: 'k1' },
        ],
        project,
      ),
    ).toEqual(['kommune_contact']);
  });
});

describe('mentionQueryAt', () => {
  it('finds "@" and letters before the caret at the start of a word', () => {
    expect(mentionQueryAt('Hei @ma', 7)).toEqual({ start: 4, query: 'ma' });
    expect(mentionQueryAt('@Pål', 4)).toEqual({ start: 0, query: 'Pål' });
    expect(mentionQueryAt('(@kari@kom', 10)).toEqual({ start: 1, query: 'kari@kom' });
    expect(mentionQueryAt('Hei @ma og mer', 7)).toEqual({ start: 4, query: 'ma' });
  });
  it('needs a letter after "@", and no "@" inside a word or an address before it', () => {
    expect(mentionQueryAt('Hei @', 5)).toBeNull();
    expect(mentionQueryAt('post@demo', 9)).toBeNull();
    expect(mentionQueryAt('Hei @ma ', 8)).toBeNull();
    expect(mentionQueryAt('Hei @ma og', 10)).toBeNull();
  });
});

describe('looseMentions', () => {
  it('names "@word"s that are no address or id, once each, without trailing punctuation', () => {
    expect(looseMentions('Hei @Pia, og @kari@kommune! Spør @Pia. @rune@demo.no er med')).toEqual(['@Pia', '@kari@kommune']);
  });
  it('says nothing of real mentions, plain addresses, a lone "@" or the word being typed', () => {
    expect(looseMentions('@rune@demo.no skriv til post@demo.no @ 12')).toEqual([]);
    expect(looseMentions('Hei @ma', 4)).toEqual([]);
  });
});

describe('mentionSpans', () => {
  it('gives where each mention stands, without trailing dots', () => {
    const text = 'Se @kari@demo.no. og @0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b';
    expect(mentionSpans(text)).toEqual([
      { start: 3, end: 16, handle: 'kari@demo.no' },
      { start: 21, end: 58, handle: '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b' },
    ]);
    expect(text.slice(3, 16)).toBe('@kari@demo.no');
  });
});
