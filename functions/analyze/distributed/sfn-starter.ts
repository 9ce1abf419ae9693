import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { WorkflowStarter } from './start';

/** Starts executions of the distributed state machine; ExecutionAlreadyExists means started. */
export function sfnStarter(sfn: Pick<SFNClient, 'send'>, stateMachineArn: string): WorkflowStarter {
  return {
    async start(name, input) {
      try {
        await sfn.send(
          new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }),
        );
        return 'started';
      } catch (error) {
        if (error instanceof ExecutionAlreadyExists) return 'exists';
        throw error;
      }
    },
  };
}
