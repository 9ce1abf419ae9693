import { describe, expect, it } from 'vitest';
import { titleFor } from '../../../web/src/components/page-main';
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

describe('titleFor', () => {
  it('names each page in the document title', () => {
    expect(titleFor('/assessments/01abc')).toBe('Assessment · Diligence');
    expect(titleFor('/vendor')).toBe('Questionnaire · Diligence');
    expect(titleFor('/nowhere')).toBe('Diligence');
  });
});
