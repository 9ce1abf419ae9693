import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../web/src/router';

describe('matchRoute', () => {
  it('extracts decoded parameters', () => {
    expect(matchRoute('/assessments/:id', '/assessments/01abc')).toEqual({ id: '01abc' });
    expect(matchRoute('/assessments/:id', '/assessments/a%20b/')).toEqual({ id: 'a b' });
  });

  it('rejects paths of another shape', () => {
    expect(matchRoute('/assessments/:id', '/assessments')).toBeNull();
    expect(matchRoute('/assessments/:id', '/assessments/1/events')).toBeNull();
    expect(matchRoute('/assessments/:id', '/vendors/1')).toBeNull();
  });

  it('rejects malformed escapes instead of throwing', () => {
    expect(matchRoute('/assessments/:id', '/assessments/%E0%A4%A')).toBeNull();
  });
});
