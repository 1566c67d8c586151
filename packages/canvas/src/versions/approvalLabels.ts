import type { VersionApproval } from '@storyloom/shared/versions/shotVersion'

/** How a take's approval reads, in its details and on its node in the tree. */
export const APPROVAL_LABELS: Record<VersionApproval, string> = {
  none: 'No status',
  'in-review': 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
}
