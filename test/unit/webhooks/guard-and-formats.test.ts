import { describe, expect, it } from 'vitest';
import { addressKind } from '../../../functions/webhooks/address-guard';
import { escapeSlack, formatBody } from '../../../functions/webhooks/formats';
import { retryDelayMs } from '../../../functions/webhooks/policy';
import { signatureHeader, verifySignature } from '../../../functions/webhooks/sign';
import { checkWebhookUrl } from '../../../functions/webhooks/url-guard';

describe('webhook address guard', () => {
  it.each([
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['10.0.0.1', 'private'],
    ['172.31.255.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fe80::1', 'link-local'],
    ['169.254.1.1', 'link-local'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['93.184.216.34', 'public'],
    ['2606:4700::1111', 'public'],
    ['172.32.0.1', 'public'],
  ])('classifies %s as %s', (ip, kind) => {
    expect(addressKind(ip)).toBe(kind);
  });

  it('refuses http to a public host, and any address of a name that is private', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    await expect(
      checkWebhookUrl('https://mixed.test/x', { allowLoopback: false, resolve }),
    ).rejects.toThrow('private');
    await expect(
      checkWebhookUrl('http://93.184.216.34/x', { allowLoopback: true }),
    ).rejects.toThrow('https');
    const ok = await checkWebhookUrl('http://localhost.test:8080/x', {
      allowLoopback: true,
      resolve: async () => [{ address: '::1', family: 6 }],
    });
    expect(ok).toMatchObject({ address: '::1', family: 6 });
  });
});

describe('webhook retries, signature and formats', () => {
  it('waits a random time under a doubling ceiling, capped', () => {
    const policy = { baseMs: 1000, capMs: 5000 };
    expect(retryDelayMs(1, policy, () => 0.999)).toBe(999);
    expect(retryDelayMs(3, policy, () => 0.999)).toBe(3996);
    expect(retryDelayMs(10, policy, () => 0.999)).toBe(4995);
    expect(retryDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('verifies a signature within the replay window only', () => {
    const header = signatureHeader('whsec_x', 1000, '{"a":1}');
    expect(verifySignature('whsec_x', header, '{"a":1}', 1200)).toBe(true);
    expect(verifySignature('whsec_x', header, '{"a":2}', 1200)).toBe(false);
    expect(verifySignature('whsec_x', header, '{"a":1}', 1301)).toBe(false);
  });

  it('keeps vendor text plain in Slack and Teams messages', () => {
    const event = {
      id: 'e',
      type: 'assessment.submitted' as const,
      createdAt: '2026-01-01T00:00:00.000Z',
      organizationId: 'demo',
      data: { vendor: '<!here> [x](http://evil.test) & *co*', url: 'https://portal.test/a' },
    };
    expect(escapeSlack('<a>&')).toBe('&lt;a&gt;&amp;');
    const slack = JSON.parse(formatBody('slack', event)) as { text: string };
    expect(slack.text).not.toContain('<!here>');
    expect(slack.text).toContain('<https://portal.test/a|Open in Diligence>');
    const teams = formatBody('teams', event);
    expect(teams).toContain('\\\\[x\\\\]\\\\(http://evil\\\\.test\\\\)');
  });
});
