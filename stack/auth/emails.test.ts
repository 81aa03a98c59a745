import { describe, expect, it } from 'vitest';
import { recoveryEmail, recoveryLink, safeRedirect } from './emails.ts';

const SITE = 'http://127.0.0.1:5173';

describe('safeRedirect', () => {
  it.each([
    [undefined, SITE],
    ['http://127.0.0.1:5173/reset', 'http://127.0.0.1:5173/reset'],
    ['http://localhost:3000/cb?x=1', 'http://localhost:3000/cb?x=1'],
    ['https://attacker.example/steal', SITE],
    ['javascript:alert(1)', SITE],
    ['//attacker.example', SITE],
    ['not a url', SITE],
    ['http://127.0.0.1.attacker.example/', SITE],
  ])('%s → %s', (candidate, expected) => {
    expect(safeRedirect(SITE, candidate)).toBe(expected);
  });
});

describe('recovery email', () => {
  it('links to the verify endpoint and shows the code', () => {
    const link = recoveryLink('http://127.0.0.1:54321/', 'tok', `${SITE}/reset`);
    const url = new URL(link);
    expect(url.pathname).toBe('/auth/v1/verify');
    expect(Object.fromEntries(url.searchParams)).toEqual({ token: 'tok', type: 'recovery', redirect_to: `${SITE}/reset` });
    const mail = recoveryEmail('a@x.test', '123456', link);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('123456');
    expect(mail.html).toContain('&amp;type=recovery');
  });
});
