import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { auditEvent } from '../../services/audit';
import {
  attachedMachineReferences,
  attachMachine,
  detachMachine,
  loadMachineReference,
} from '../../services/machine-references';
import { toReferenceView } from '../../services/references';
import { refuseDecided, rescoreIfReported } from './attach-handlers';
import type { attachMachineReference, detachMachineReference } from './machine-routes';

/** Attaches a machine reference beside the assessment's others (idempotent). */
export const attachMachineReferenceHandler: RouteHandler<
  typeof attachMachineReference,
  AppEnv
> = async (c) => {
  const { deps, staff } = c.var;
  const { id, referenceId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  refuseDecided(a);
  const ref = await loadMachineReference(deps, a, referenceId);
  if (await attachMachine(deps, a, ref, staff.email)) {
    const detail = { reference: ref.name, generator: ref.generator ?? '' };
    await deps.repos.events.append(
      auditEvent(deps, a, staff, 'machine_reference_attached', detail, deps.clock()),
    );
    await rescoreIfReported(deps, a);
  }
  const machineReferences = (await attachedMachineReferences(deps, a)).map(toReferenceView);
  return c.json({ assessmentId: a.id, machineReferences }, 200);
};

/** Detaches one machine reference from the assessment. */
export const detachMachineReferenceHandler: RouteHandler<
  typeof detachMachineReference,
  AppEnv
> = async (c) => {
  const { deps, staff } = c.var;
  const { id, referenceId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  refuseDecided(a);
  const ref = await loadMachineReference(deps, a, referenceId);
  await detachMachine(deps, a, ref);
  const detail = { reference: ref.name, generator: ref.generator ?? '' };
  await deps.repos.events.append(
    auditEvent(deps, a, staff, 'machine_reference_detached', detail, deps.clock()),
  );
  await rescoreIfReported(deps, a);
  return c.body(null, 204);
};
