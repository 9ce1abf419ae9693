import { describe, expect, it } from 'vitest';
import { CLI_PACKAGE_NAME } from '../../../scripts/cli-pack';
import { CliLink } from '../../../web/src/pages/vendor/cli-link';
import { vnodeText } from './vnode-text';

describe('the vendor page link to the CLI', () => {
  it('names the package, the offline install and the analyze command', () => {
    const text = vnodeText(CliLink({}));
    expect(text).toContain(`${CLI_PACKAGE_NAME}-<version>.tgz`);
    expect(text).toContain(`npm install --offline ./${CLI_PACKAGE_NAME}-<version>.tgz`);
    expect(text).toContain('npx diligence analyze your-file.jsonl');
    expect(text).toContain('your contact');
  });

  it('points at the buyer contact who hands out the package', () => {
    const buyer = { name: 'Acme Procurement', contactEmail: 'data@acme.example' };
    const text = vnodeText(CliLink({ buyer }));
    expect(text).toContain('data@acme.example');
    expect(text).not.toContain('your contact');
  });
});
