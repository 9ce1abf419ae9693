import { getItem, putNew, queryAll, stripKeys, type Table } from './dynamo';

/** The index entry of one stored report version (the report itself lives in S3). */
export interface ReportRecord {
  organizationId: string;
  assessmentId: string;
  version: number;
  key: string;
  sha256: string;
  generatedAt: string;
  score: number;
  tier: 'low' | 'moderate' | 'high' | 'critical';
  maturity: number;
  policyVersion: number;
  trigger: string;
  /** The files the version is built on (absent in records written before they were kept). */
  samples?: { role: 'training' | 'holdout'; fileName: string; sha256: string }[];
}

/** Key builders for report records. */
export const reportKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, version: number) =>
    `REPORT#${assessmentId}#${String(version).padStart(6, '0')}`,
  prefix: (assessmentId: string) => `REPORT#${assessmentId}#`,
};

/** Report records: each version written once, never changed. */
export function reportRepo(table: Table) {
  return {
    /** Records a new version; a taken version number is a ConflictError. */
    create: (r: ReportRecord) =>
      putNew(
        table,
        { PK: reportKeys.pk(r.organizationId), SK: reportKeys.sk(r.assessmentId, r.version), ...r },
        'This report version already exists.',
      ),
    /** One version. */
    async get(
      org: string,
      assessmentId: string,
      version: number,
    ): Promise<ReportRecord | undefined> {
      const item = await getItem(table, reportKeys.pk(org), reportKeys.sk(assessmentId, version));
      return item ? stripKeys<ReportRecord>(item) : undefined;
    },
    /** Every version, oldest first. */
    list: (org: string, assessmentId: string) =>
      queryAll<ReportRecord>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': reportKeys.pk(org),
          ':sk': reportKeys.prefix(assessmentId),
        },
      }),
  };
}
