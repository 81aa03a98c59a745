// The secret key in front of every /v1 call, as Stripe checks it: `Authorization: Bearer sk_test_…`
// (or Basic with the key as user name, as `curl -u sk_test_…:` sends), 401 otherwise. Only test-mode
// secret or restricted keys are taken, so a live key pasted into a local config fails loudly here.
import { invalidRequest, type StripeFakeError } from './errors.ts';

const NO_KEY_MESSAGE =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

function apiKeyOf(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const trimmed = authorization.trim();
  const scheme = /^\S+/.exec(trimmed)?.[0] ?? '';
  const value = trimmed.slice(scheme.length).trim();
  if (/^bearer$/i.test(scheme)) return value;
  // curl -u sk_test_…: — the key is the Basic user name.
  if (/^basic$/i.test(scheme)) return Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  return undefined;
}

/** As Stripe prints keys in errors: the mode prefix and the last four characters. */
export function redact(key: string): string {
  const prefix = /^[a-z]+_[a-z]+_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  return rest.length > 8 ? `${prefix}${'*'.repeat(rest.length - 4)}${rest.slice(-4)}` : `${prefix}****`;
}

export function authenticate(authorization: string | undefined, expected: string | undefined): { key: string } | StripeFakeError {
  const key = apiKeyOf(authorization);
  if (!key) return invalidRequest(NO_KEY_MESSAGE, {}, 401);
  if (/^pk_/.test(key)) {
    return invalidRequest('This API call cannot be made with a publishable API key. Please use a secret API key.', {}, 401);
  }
  if (/^(sk|rk)_live_/.test(key)) {
    return invalidRequest('The local Stripe fake only accepts test-mode keys (sk_test_…); a live key never belongs here.', {}, 401);
  }
  const valid = expected ? key === expected : /^(sk|rk)_test_[A-Za-z0-9_]+$/.test(key);
  return valid ? { key } : invalidRequest(`Invalid API Key provided: ${redact(key)}`, {}, 401);
}
