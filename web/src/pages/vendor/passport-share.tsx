/** The vendor's share panel on an approved assessment, when the buyer allows sharing. */
import { vendorPassportApi } from '../../api/passports';
import { PassportControls } from '../../components/passport-controls';

/** Renders nothing unless approved and the buyer allows sharing (or a link is still live). */
export function PassportShare({ status }: { status: string }) {
  if (status !== 'approved') return null;
  return <PassportControls api={vendorPassportApi} side="vendor" />;
}
