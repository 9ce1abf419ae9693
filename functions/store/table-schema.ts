import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';

const gsi = (name: string) => ({
  IndexName: name,
  KeySchema: [
    { AttributeName: `${name}PK`, KeyType: 'HASH' as const },
    { AttributeName: `${name}SK`, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

/** The single table's schema: PK/SK plus GSI1 (status lists) and GSI2 (due dates). Mirrors infra/. */
export function tableDefinition(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'].map((a) => ({
      AttributeName: a,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [gsi('GSI1'), gsi('GSI2')],
  };
}

/** Creates the table if it does not exist and waits until it is active (idempotent). */
export async function ensureTable(
  dynamo: Pick<DynamoDBClient, 'send'>,
  name: string,
): Promise<void> {
  try {
    await dynamo.send(new CreateTableCommand(tableDefinition(name)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const out = await dynamo.send(new DescribeTableCommand({ TableName: name }));
      if (out.Table?.TableStatus === 'ACTIVE') return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`table ${name} did not become active`);
}
