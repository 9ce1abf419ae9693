import { Duration } from 'aws-cdk-lib';
import { JitterType } from 'aws-cdk-lib/aws-stepfunctions';

/** Errors never retried: a refusal or a superseded run. */
export const NOT_RETRIED = ['DistributedInputError', 'SupersededRunError'];
/**
 * A merge that ran out of time or memory would only do so again: Lambda reports a timeout as
 * Sandbox.Timedout or Lambda.Unknown (out of memory too), the task's own limit as States.Timeout.
 * https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html
 */
export const MERGE_NOT_RETRIED = ['States.Timeout', 'Sandbox.Timedout', 'Lambda.Unknown'];
/**
 * Throttles (the fold's reserved concurrency shared by executions) and other errors back off with
 * full jitter, each delay capped by MaxDelaySeconds, so retries of many children do not align.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export const THROTTLED = {
  errors: ['Lambda.TooManyRequestsException'],
  interval: Duration.seconds(2),
  backoffRate: 2,
  maxAttempts: 8,
  maxDelay: Duration.seconds(60),
  jitterStrategy: JitterType.FULL,
};
/** Any other error: three attempts, jittered, at most 30 s apart. */
export const RETRY = {
  errors: ['States.ALL'],
  interval: Duration.seconds(5),
  backoffRate: 2,
  maxAttempts: 3,
  maxDelay: Duration.seconds(30),
  jitterStrategy: JitterType.FULL,
};
