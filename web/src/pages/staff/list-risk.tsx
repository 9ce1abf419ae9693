/** The risk cell of a list row: a tier and score once submitted, "In progress" before. */
import { isRanked } from '../../api/statuses';
import type { AssessmentStatus, Tier } from '../../api/types';
import { TierBadge } from '../../components/badges';

/** Shows "In progress" (no score, no tier) until the vendor submits; the tier and score after. */
export function ListRisk(props: {
  status: AssessmentStatus;
  tier: Tier | null | undefined;
  score?: number | null;
}) {
  if (!isRanked(props.status) && !props.tier) {
    return <span class="badge tier tier-none">In progress</span>;
  }
  return <TierBadge tier={props.tier} score={props.score ?? undefined} />;
}
