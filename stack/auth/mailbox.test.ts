import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkify, Mailbox, renderMailboxPage } from './mailbox.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function mailbox(): Promise<Mailbox> {
  const dir = mkdtempSync(join(tmpdir(), 'mailbox-'));
  dirs.push(dir);
  const box = new Mailbox(join(dir, 'nested'));
  await box.init();
  return box;
}

describe('Mailbox', () => {
  it('stores messages and lists them newest first, filtered by recipient case-insensitively', async () => {
    const box = await mailbox();
    await box.send({ to: 'a@x.test', subject: 'one', text: '1' });
    await new Promise((r) => setTimeout(r, 2));
    await box.send({ to: 'b@x.test', subject: 'two', text: '2' });
    await new Promise((r) => setTimeout(r, 2));
    const third = await box.send({ to: 'a@x.test', subject: 'three', text: '3', html: '<p>3</p>' });
    expect(third).toMatchObject({ id: expect.any(String), sentAt: expect.any(String) });
    expect((await box.list()).map((m) => m.subject)).toEqual(['three', 'two', 'one']);
    expect((await box.list('A@X.TEST')).map((m) => m.subject)).toEqual(['three', 'one']);
    expect(await box.list('nobody@x.test')).toEqual([]);
  });

  it('skips files that are not messages', async () => {
    const box = await mailbox();
    writeFileSync(join(box.dir, '000-broken.json'), '{not json');
    writeFileSync(join(box.dir, '001-wrong.json'), '{"to": 1}');
    await box.send({ to: 'a@x.test', subject: 's', text: 't' });
    expect(await box.list()).toHaveLength(1);
  });

  it('answers an empty list when the folder is missing', async () => {
    expect(await new Mailbox('/nonexistent/mailbox').list()).toEqual([]);
  });
});

describe('mailbox page', () => {
  it('escapes content and links URLs', () => {
    expect(linkify('go to http://h/verify?a=1&b=2 now <script>')).toBe(
      'go to <a href="http://h/verify?a=1&amp;b=2">http://h/verify?a=1&amp;b=2</a> now &lt;script&gt;',
    );
    const page = renderMailboxPage([{ id: '1', to: '<b>@x.test', subject: '"hi"', text: 'x', sentAt: 'now' }]);
    expect(page).toContain('&lt;b&gt;@x.test');
    expect(page).toContain('&quot;hi&quot;');
    expect(page).not.toContain('<b>@');
  });
});
