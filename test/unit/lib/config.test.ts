import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../functions/lib/config';

describe('configuration', () => {
  it('applies defaults for local mode', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('.data');
    expect(c.DILIGENCE_MODE).toBe('local');
  });

  it('names every bad variable and what is expected', () => {
    try {
      loadConfig({ PORT: 'eighty', DILIGENCE_MODE: 'cloud', MAX_SAMPLE_BYTES: '-1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).message;
      expect(text).toContain('PORT');
      expect(text).toContain('DILIGENCE_MODE');
      expect(text).toContain('MAX_SAMPLE_BYTES');
    }
  });

  it('requires the JWKS URL in AWS mode', () => {
    expect(() => loadConfig({ DILIGENCE_MODE: 'aws' })).toThrow(/AUTH_JWKS_URL/);
    expect(
      loadConfig({ DILIGENCE_MODE: 'aws', AUTH_JWKS_URL: 'https://x.test/jwks.json' })
        .DILIGENCE_MODE,
    ).toBe('aws');
  });
});
