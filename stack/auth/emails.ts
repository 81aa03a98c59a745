// The emails the service sends, and where their links may point.
import type { MailMessage } from './mailbox.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * GoTrue's redirect allow-list, locally: the site URL's origin, or any loopback address (dev servers
 * on other ports). Anything else falls back to the site URL, so links cannot send tokens elsewhere.
 */
export function safeRedirect(siteUrl: string, candidate: string | undefined): string {
  if (!candidate) return siteUrl;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return siteUrl;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return siteUrl;
  if (url.origin === new URL(siteUrl).origin || LOOPBACK_HOSTS.has(url.hostname)) return url.href;
  return siteUrl;
}

export function recoveryLink(apiUrl: string, token: string, redirectTo: string): string {
  const url = new URL(`${apiUrl.replace(/\/$/, '')}/auth/v1/verify`);
  url.searchParams.set('token', token);
  url.searchParams.set('type', 'recovery');
  url.searchParams.set('redirect_to', redirectTo);
  return url.href;
}

export function recoveryEmail(to: string, code: string, link: string): Omit<MailMessage, 'id' | 'sentAt'> {
  const text = [
    'Reset Password',
    '',
    'Follow this link to reset the password for your user:',
    link,
    '',
    `Alternatively, enter the code: ${code}`,
    '',
    'The link and the code work once, for one hour. If you did not ask for this, ignore this email.',
  ].join('\n');
  const html = `<h2>Reset Password</h2>
<p>Follow this link to reset the password for your user:</p>
<p><a href="${link.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">Reset Password</a></p>
<p>Alternatively, enter the code: <strong>${code}</strong></p>`;
  return { to, subject: 'Reset Your Password', text, html };
}
