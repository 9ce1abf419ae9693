import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** Execution ends the state machine's catches never see (FAILED included: a repeat is harmless). */
export const ENDED_STATUSES = ['FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/** Props of the execution-ended rule. */
export interface ExecutionEndedProps {
  readonly stateMachine: IStateMachine;
  /** The workflow's fail function: it marks the sample failed and tells vendor and procurement. */
  readonly fail: IFunction;
}

/**
 * Catchers do not run when a whole execution times out or is stopped, so an EventBridge rule on
 * this state machine's TIMED_OUT, ABORTED and FAILED status changes invokes the fail function
 * with the event (its `detail.input` is the run), which fails a sample still `analyzing`.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 * https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-states.html
 */
export class ExecutionEnded extends Construct {
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ExecutionEndedProps) {
    super(scope, id);
    this.rule = new Rule(this, 'Rule', {
      description: 'Diligence: a distributed analysis ended without storing its result',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: {
          status: [...ENDED_STATUSES],
          stateMachineArn: [props.stateMachine.stateMachineArn],
        },
      },
    });
    this.rule.addTarget(
      new LambdaFunction(props.fail, { retryAttempts: 20, maxEventAge: Duration.hours(24) }),
    );
  }
}
