// `expand[]=latest_charge.balance_transaction`: replace id fields with the objects they name, up to
// four levels deep, on a copy (the stored object keeps its ids). Lists expand through `data.`.
// Payment code reads the processing fee this way, so it must work as in Stripe; a field that holds
// no expandable id is refused with Stripe's message rather than silently left alone.
import { invalidRequest } from './errors.ts';

const MAX_DEPTH = 4;

export type Resolve = (id: string) => Record<string, unknown> | undefined;

function cannotExpand(path: string): Error {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
}

function expandPath(target: Record<string, unknown>, segments: string[], full: string, resolve: Resolve): void {
  const [field, ...rest] = segments;
  if (field === undefined) return;
  const value = target[field];
  if (value === null) return;
  if (typeof value === 'string') {
    const found = resolve(value);
    if (!found) throw cannotExpand(full);
    const copy = structuredClone(found);
    target[field] = copy;
    expandPath(copy, rest, full, resolve);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === 'object') expandPath(item as Record<string, unknown>, rest, full, resolve);
    return;
  }
  // An object already expanded by an earlier path (or a list envelope): keep walking.
  if (value && typeof value === 'object') {
    expandPath(value as Record<string, unknown>, rest, full, resolve);
    return;
  }
  throw cannotExpand(full);
}

export function expand<T extends object>(obj: T, paths: string[], resolve: Resolve): T {
  if (paths.length === 0) return obj;
  const copy = structuredClone(obj) as Record<string, unknown>;
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH + (segments[0] === 'data' ? 1 : 0)) {
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property (${path}).`, { param: 'expand' });
    }
    expandPath(copy, segments, path, resolve);
  }
  return copy as T;
}
