/** The assessment page's passport panel: for an approved assessment, make, copy or revoke the link. */
import { useMemo } from 'preact/hooks';
import { staffPassportApi } from '../../api/passports';
import { PassportControls } from '../../components/passport-controls';

/** Renders nothing until the assessment is approved. */
export function PassportPanel({ id, status }: { id: string; status: string }) {
  const api = useMemo(() => staffPassportApi(id), [id]);
  if (status !== 'approved') return null;
  return <PassportControls api={api} side="staff" />;
}
