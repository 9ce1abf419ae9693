/** Key builders for audit events. */
export const eventKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, at: string, id: string) => `EVT#${assessmentId}#${at}#${id}`,
  prefix: (assessmentId: string) => `EVT#${assessmentId}#`,
};
