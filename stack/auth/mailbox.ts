// The local stand-in for an SMTP server: each email the auth service sends is one JSON file in the
// mailbox folder, readable at /mailbox (a page) and /mailbox/api/messages (JSON, newest first).
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  sentAt: string;
}

const stored = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  sentAt: z.string(),
});

export class Mailbox {
  constructor(readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  async send(message: Omit<MailMessage, 'id' | 'sentAt'>): Promise<MailMessage> {
    const sent: MailMessage = { id: randomUUID(), sentAt: new Date().toISOString(), ...message };
    const name = `${Date.now().toString().padStart(15, '0')}-${sent.id}.json`;
    const tmp = join(this.dir, `.${name}.tmp`);
    await writeFile(tmp, JSON.stringify(sent, null, 2), { mode: 0o600 });
    await rename(tmp, join(this.dir, name));
    return sent;
  }

  /** Messages, newest first, optionally only those to one address (case-insensitive). */
  async list(to?: string, limit = 200): Promise<MailMessage[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    } catch {
      return [];
    }
    names.sort().reverse();
    const wanted = to?.trim().toLowerCase();
    const out: MailMessage[] = [];
    for (const name of names) {
      if (out.length >= limit) break;
      const message = await readFile(join(this.dir, name), 'utf8')
        .then((text) => stored.safeParse(JSON.parse(text)))
        .catch(() => undefined);
      if (!message?.success) continue;
      if (wanted && message.data.to.toLowerCase() !== wanted) continue;
      out.push(message.data);
    }
    return out;
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Escapes text and turns http(s) URLs into links. */
export function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

export function renderMailboxPage(messages: MailMessage[]): string {
  const items = messages
    .map(
      (m) => `<article>
  <header><strong>${escapeHtml(m.subject)}</strong><br>to ${escapeHtml(m.to)} · <time>${escapeHtml(m.sentAt)}</time></header>
  <pre>${linkify(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local mailbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.4 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}
article{border:1px solid #ddd;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
header{color:#555}pre{white-space:pre-wrap;word-break:break-all;font:inherit}
</style></head>
<body><h1>Local mailbox</h1>
<p>Emails the local auth service sent, newest first. JSON: <a href="/mailbox/api/messages">/mailbox/api/messages?to=&lt;email&gt;</a></p>
${items || '<p>No messages yet.</p>'}
</body></html>`;
}
