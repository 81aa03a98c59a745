// GET /health, /settings, /.well-known/jwks.json and the local mailbox (/mailbox, /mailbox/api/messages).
import type { StackKeys } from '../keys.ts';
import type { Handler } from './context.ts';
import { json } from './http.ts';
import { renderMailboxPage } from './mailbox.ts';

export const health: Handler = async () =>
  json({ version: 'guildhall-local', name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' });

/** The public settings GoTrue publishes: what sign-in methods exist here. */
export const settings: Handler = async () =>
  json({
    external: { anonymous_users: true, email: true, phone: false, apple: false, github: false, google: false },
    disable_signup: false,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  });

export const jwks =
  (keys: StackKeys): Handler =>
  async () =>
    json(keys.jwks, 200, { 'cache-control': 'public, max-age=600' });

export const mailboxPage: Handler = async (ctx, req) => ({
  status: 200,
  html: renderMailboxPage(await ctx.mailbox.list(req.query('to'))),
  headers: { 'cache-control': 'no-store' },
});

export const mailboxMessages: Handler = async (ctx, req) => json(await ctx.mailbox.list(req.query('to')), 200, { 'cache-control': 'no-store' });
