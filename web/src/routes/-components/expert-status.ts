// Message keys for an application's status, shared by the applicant's page and its notices.
import type { Enums } from '../../data/database.types.ts';

export type ExpertStatus = Enums<'expert_status'>;

export const statusLabel = {
  pending: 'expertStatus.pending',
  approved: 'expertStatus.approved',
  rejected: 'expertStatus.rejected',
  suspended: 'expertStatus.suspended',
} as const satisfies Record<ExpertStatus, string>;

export const statusBody = {
  pending: 'apply.pendingBody',
  approved: 'apply.approvedBody',
  rejected: 'apply.rejectedBody',
  suspended: 'apply.suspendedBody',
} as const satisfies Record<ExpertStatus, string>;
