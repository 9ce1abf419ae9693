import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { ACCESS } from './access';
import {
  type AuthSettings,
  DiligenceFunction,
  type FunctionSource,
  type TableRef,
} from './function';

/** Props of the reminder sender. */
export interface NotifierProps {
  readonly source: FunctionSource;
  readonly table: TableRef;
  readonly auth: AuthSettings;
  /** How often due-date reminders are computed and sent. */
  readonly schedule?: Schedule;
}

/** Scheduled notify function: reminders before and after due dates (the stack binds the sender). */
export class Notifier extends Construct {
  readonly function: DiligenceFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: NotifierProps) {
    super(scope, id);
    this.function = new DiligenceFunction(this, 'Notify', {
      source: props.source,
      entry: 'functions/notify/lambda.ts',
      description: 'Diligence reminder sender',
      serviceName: 'notify',
      memorySize: 512,
      timeout: Duration.minutes(5),
    });
    this.function.bindAccess(ACCESS.notify, { table: props.table });
    this.function.bindAuth(props.auth);

    this.rule = new Rule(this, 'Schedule', {
      description: 'Diligence due-date reminders',
      schedule: props.schedule ?? Schedule.rate(Duration.hours(1)),
    });
    this.rule.addTarget(
      new LambdaFunction(this.function.fn, { retryAttempts: 2, maxEventAge: Duration.hours(1) }),
    );
  }
}
