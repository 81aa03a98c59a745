// The `/board` search params: category, distance, budget range and kind, shareable as a link. A
// malformed value is dropped (that filter goes back to its default) rather than failing the page.
// Budgets are in major units in the URL (`min=1500.5`), read back through parseMajorAmount so the
// minor units sent to lead_board are exact.
import { z } from 'zod';
import { MAX_JOB_AMOUNT, parseMajorAmount } from './money.ts';

/** The distance choices besides "my service area"; `any` is as far as lead_board allows. */
export const BOARD_DISTANCES = [10, 25, 50, 100] as const;
export const ANY_DISTANCE_KM = 20000;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** The router parses `?min=1500` as a number; a typed "1500.50" arrives as 1500.5. */
const majorAmount = z.number().refine((amount) => amount >= 0 && parseMajorAmount(String(amount), MAX_JOB_AMOUNT) !== null);

export const boardSearchSchema = z.object({
  category: slug.optional().catch(undefined),
  distance: z
    .union([z.literal(BOARD_DISTANCES), z.literal('any')])
    .optional()
    .catch(undefined),
  min: majorAmount.optional().catch(undefined),
  max: majorAmount.optional().catch(undefined),
  kind: z.enum(['consumer', 'referral']).optional().catch(undefined),
});

export type BoardSearch = z.infer<typeof boardSearchSchema>;

/** lead_board's filter arguments; omitted ones take the expert's defaults (own categories, own radius). */
export interface BoardFilterArgs {
  category_slug?: string;
  max_distance_km?: number;
  min_budget_cents?: number;
  max_budget_cents?: number;
  lead_kind?: string;
}

export function boardFilterArgs(search: BoardSearch): BoardFilterArgs {
  const args: BoardFilterArgs = {};
  if (search.category) args.category_slug = search.category;
  if (search.distance !== undefined) args.max_distance_km = search.distance === 'any' ? ANY_DISTANCE_KM : search.distance;
  if (search.min !== undefined) args.min_budget_cents = parseMajorAmount(String(search.min), MAX_JOB_AMOUNT) ?? undefined;
  if (search.max !== undefined) args.max_budget_cents = parseMajorAmount(String(search.max), MAX_JOB_AMOUNT) ?? undefined;
  if (search.kind) args.lead_kind = search.kind;
  return args;
}

/** A typed budget ("1500.50") as the URL's number, or undefined when empty. Null when it is not an amount. */
export function budgetSearchValue(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const minor = parseMajorAmount(text, MAX_JOB_AMOUNT);
  // An integer of minor units over 100 is the closest double to the decimal, and String() of it
  // gives back the same digits, so the round trip through the URL is exact.
  return minor === null ? null : minor / 100;
}

/** The URL's number as the text a budget field shows. */
export function budgetFieldText(amount: number | undefined): string {
  return amount === undefined ? '' : String(amount);
}
