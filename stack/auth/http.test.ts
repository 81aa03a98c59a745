import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { describeIssues, forwardedIp } from './http.ts';
import { mergeMetadata } from './routes-user.ts';

const req = (xff: string | undefined, remote = '127.0.0.1') =>
  ({ headers: xff === undefined ? {} : { 'x-forwarded-for': xff }, socket: { remoteAddress: remote } }) as unknown as IncomingMessage;

describe('forwardedIp', () => {
  it('takes the last X-Forwarded-For entry (the one the gateway added)', () => {
    expect(forwardedIp(req('127.0.0.9'))).toBe('127.0.0.9');
    expect(forwardedIp(req('203.0.113.1, 127.0.0.9'))).toBe('127.0.0.9');
    expect(forwardedIp(req('::ffff:10.0.0.1'))).toBe('10.0.0.1');
  });

  it('falls back to the socket when the header is missing or not an IP', () => {
    expect(forwardedIp(req(undefined, '::ffff:127.0.0.5'))).toBe('127.0.0.5');
    expect(forwardedIp(req('not-an-ip'))).toBe('127.0.0.1');
  });
});

describe('describeIssues', () => {
  it('names fields, never values', () => {
    expect(describeIssues([{ path: ['email'] }, { path: ['data', 'x'] }, { path: [] }, { path: ['email'] }])).toBe(
      'Invalid request: check email, data.x, body',
    );
  });
});

describe('mergeMetadata', () => {
  it('sets top-level keys and removes those set to null', () => {
    expect(mergeMetadata({ a: 1, b: 2, c: { d: 1 } }, { b: null, c: { e: 2 }, f: 'x' })).toEqual({ a: 1, c: { e: 2 }, f: 'x' });
  });
});
