// Reviews are public: the payer of a completed job rates its performer once, shown under the
// payer's display name (or first name and the job's city). expert_ratings sums them up per expert.
import type { Tables } from '../database.types.ts';

export type Review = Tables<'reviews'>;

export type ExpertRating = Tables<'expert_ratings'>;

/** Stars a payer can give. */
export const STARS = [1, 2, 3, 4, 5] as const;
