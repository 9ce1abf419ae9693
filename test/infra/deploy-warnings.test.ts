import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, it } from 'vitest';
import { synthStack } from './synth';

describe('warnings at synth and deploy', () => {
  it('warns that staff cannot sign in without a Cognito hosted domain, and how to fix it', () => {
    const { stack } = synthStack();
    Annotations.fromStack(stack).hasWarning(
      '/DiligenceStack/Auth',
      Match.stringLikeRegexp('sign-in page stays blank.*-c cognitoDomainPrefix='),
    );
  }, 180_000);

  it('says nothing of it when the hosted domain is configured', () => {
    const { stack } = synthStack({ cognitoDomainPrefix: 'diligence-test' });
    Annotations.fromStack(stack).hasNoWarning('/DiligenceStack/Auth', Match.anyValue());
  }, 180_000);
});
