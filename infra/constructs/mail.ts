import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Props of the outgoing mail setup. */
export interface MailProps {
  /** Sender address (its address or domain identity must be verified in SES). */
  readonly from: string;
  /** Bounces and complaints are published here for operators. */
  readonly topic: ITopic;
  /** The topic's key: SES must be able to encrypt what it publishes. */
  readonly topicKey: IKey;
}

/**
 * SES configuration set for every message the stack sends: addresses that bounce or complain are
 * suppressed (SES stops sending to them), and each bounce and complaint reaches the alarm topic.
 */
export class Mail extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly from: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.from = props.from;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(props.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });
    props.topic.grantPublish(new ServicePrincipal('ses.amazonaws.com'));
    props.topicKey.grant(
      new ServicePrincipal('ses.amazonaws.com'),
      'kms:GenerateDataKey*',
      'kms:Decrypt',
    );
  }

  /** What `DiligenceFunction.bindMail` needs. */
  get binding(): { from: string; configurationSet: string } {
    return { from: this.from, configurationSet: this.configurationSet.configurationSetName };
  }
}
