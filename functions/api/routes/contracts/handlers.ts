import type { RouteHandler } from '@hono/zod-openapi';
import {
  acceptException as accept,
  addComment,
  type RemediationItem,
  RemediationRuleError,
  updateItem as update,
} from '../../../core/assessment/contract';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/errors';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { type Actor, auditEvent } from '../../services/audit';
import type {
  acceptException,
  commentItem,
  getContract,
  getItem,
  updateItem,
  vendorComment,
  vendorContract,
} from './routes';
import { contractView, itemView } from './view';

type Deps = AppEnv['Variables']['deps'];

async function loadItem(deps: Deps, org: string, assessmentId: string, itemId: string) {
  const item = await deps.repos.remediation.get(org, assessmentId, itemId);
  if (!item)
    throw new NotFoundError(`No remediation item ${itemId} on assessment ${assessmentId}.`);
  return item;
}

/** Applies a rule-checked change, saves it (compare-and-set) and appends its audit event. */
async function change(
  deps: Deps,
  actor: Actor,
  item: RemediationItem,
  type: string,
  next: () => RemediationItem,
  detail: Record<string, unknown>,
): Promise<RemediationItem> {
  let saved: RemediationItem;
  try {
    saved = next();
  } catch (error) {
    if (!(error instanceof RemediationRuleError)) throw error;
    if (error.conflict) throw new ConflictError(error.message, { cause: error });
    throw new ValidationError('The remediation change is not valid.', [
      { path: error.path, message: error.message },
    ]);
  }
  await deps.repos.remediation.save(saved);
  const a = await loadAssessment(deps, item.organizationId, item.assessmentId);
  const event = auditEvent(
    deps,
    a,
    actor,
    type,
    { itemId: item.itemId, metric: item.condition.metric, ...detail },
    deps.clock(),
  );
  await deps.repos.events.append(event);
  return saved;
}

/** GET the contract view of an assessment of the caller's organization. */
export const getContractHandler: RouteHandler<typeof getContract, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  return c.json(await contractView(deps, a), 200);
};

/** GET one remediation item. */
export const getItemHandler: RouteHandler<typeof getItem, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, itemId } = c.req.valid('param');
  await loadAssessment(deps, staff.organizationId, id);
  return c.json(itemView(await loadItem(deps, staff.organizationId, id, itemId)), 200);
};

/** PATCH owner, due date or status. */
export const updateItemHandler: RouteHandler<typeof updateItem, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, itemId } = c.req.valid('param');
  const body = c.req.valid('json');
  const item = await loadItem(deps, staff.organizationId, id, itemId);
  if (body.version !== item.version)
    throw new ConflictError(
      'The remediation item changed since you opened it; reload and try again.',
    );
  const { version: _v, ...patch } = body;
  const saved = await change(
    deps,
    staff,
    item,
    'remediation.updated',
    () => update(item, patch, deps.clock()),
    patch,
  );
  return c.json(itemView(saved), 200);
};

/** POST a staff comment. */
export const commentItemHandler: RouteHandler<typeof commentItem, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, itemId } = c.req.valid('param');
  const { text } = c.req.valid('json');
  const item = await loadItem(deps, staff.organizationId, id, itemId);
  const saved = await change(
    deps,
    staff,
    item,
    'remediation.commented',
    () => addComment(item, { by: staff.email, role: staff.role, text }, deps.clock()),
    {},
  );
  return c.json(itemView(saved), 201);
};

/** POST an exception (governance, admin). */
export const acceptExceptionHandler: RouteHandler<typeof acceptException, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, itemId } = c.req.valid('param');
  const body = c.req.valid('json');
  const item = await loadItem(deps, staff.organizationId, id, itemId);
  if (body.version !== undefined && body.version !== item.version)
    throw new ConflictError(
      'The remediation item changed since you opened it; reload and try again.',
    );
  const saved = await change(
    deps,
    staff,
    item,
    'remediation.exception',
    () => accept(item, body, staff.email, deps.clock()),
    { reason: body.reason, until: body.until },
  );
  return c.json(itemView(saved), 200);
};

/** GET the vendor's own contract. */
export const vendorContractHandler: RouteHandler<typeof vendorContract, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  const a = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
  return c.json(await contractView(deps, a, true), 200);
};

/** POST a vendor comment on one of its own items. */
export const vendorCommentHandler: RouteHandler<typeof vendorComment, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  const { itemId } = c.req.valid('param');
  const { text } = c.req.valid('json');
  const item = await loadItem(deps, vendor.organizationId, vendor.assessmentId, itemId);
  const a = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
  const saved = await change(
    deps,
    vendor,
    item,
    'remediation.commented',
    () => addComment(item, { by: a.vendor.contactEmail, role: 'vendor', text }, deps.clock()),
    {},
  );
  return c.json(itemView(saved, true), 201);
};
