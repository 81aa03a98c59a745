// The shape the expert screens read: an expert row with its category slugs embedded
// (`select('*, expert_categories(category)')`), for the directory, profiles and the review queue.
import type { Tables } from '../database.types.ts';

export type ExpertRow = Tables<'experts'>;

export type ExpertWithCategories = ExpertRow & { expert_categories: { category: string }[] };

export const EXPERT_WITH_CATEGORIES = '*, expert_categories(category)' as const;

export function categorySlugs(expert: ExpertWithCategories): string[] {
  return expert.expert_categories.map((row) => row.category);
}
