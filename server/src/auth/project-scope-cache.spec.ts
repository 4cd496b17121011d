import { ProjectScopeCache } from './project-scope-cache';

describe('ProjectScopeCache', () => {
  it('answers what it was told and nothing else', () => {
    const cache = new ProjectScopeCache();
    expect(cache.get('p1')).toBeUndefined();
    cache.remember({ id: 'p1', regionId: 'r1' });
    expect(cache.get('p1')).toEqual({ id: 'p1', regionId: 'r1' });
    expect(cache.get('p2')).toBeUndefined();
  });

  it('drops the oldest read once full, and a read again counts as new', () => {
    const cache = new ProjectScopeCache(2);
    cache.remember({ id: 'p1', regionId: 'r1' });
    cache.remember({ id: 'p2', regionId: 'r1' });
    cache.remember({ id: 'p1', regionId: 'r1' });
    cache.remember({ id: 'p3', regionId: 'r2' });
    expect(cache.size).toBe(2);
    expect(cache.get('p2')).toBeUndefined();
    expect(cache.get('p1')).toBeDefined();
    expect(cache.get('p3')).toEqual({ id: 'p3', regionId: 'r2' });
  });

  it('keeps nothing when its size is 0', () => {
    const cache = new ProjectScopeCache(0);
    cache.remember({ id: 'p1', regionId: 'r1' });
    expect(cache.get('p1')).toBeUndefined();
  });
});
