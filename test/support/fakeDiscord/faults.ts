import type { RecordedRequest, RestResult } from './types';

/**
 * Which requests a fault hits: `"PATCH /channels/:id/messages/:id"` (segments starting with ':' or
 * equal to '*' match anything; the method may be '*' or left out), a RegExp tested against
 * `"METHOD /path"`, or a predicate.
 */
export type RouteMatch = string | RegExp | ((req: RecordedRequest) => boolean);

export type Fault =
  { status: 429; retryAfter: number; global?: boolean; scope?: 'user' | 'shared' } | { status: 500 | 502 | 503 | 504 };

interface PendingFault {
  match: RouteMatch;
  fault: Fault;
  remaining: number;
}

export function routeMatches(match: RouteMatch, req: RecordedRequest): boolean {
  if (typeof match === 'function') return match(req);
  if (match instanceof RegExp) return match.test(`${req.method} ${req.path}`);
  const [first = '', second] = match.trim().split(/\s+/);
  const [method, pattern] = second === undefined ? ['*', first] : [first.toUpperCase(), second];
  if (method !== '*' && method !== req.method) return false;
  const want = pattern.split('/');
  const got = req.path.split('/');
  return want.length === got.length && want.every((seg, i) => seg === '*' || seg.startsWith(':') || seg === got[i]);
}

export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  add(match: RouteMatch, fault: Fault, times: number): void {
    this.pending.push({ match, fault, remaining: times });
  }

  /** Consumes one use of the first fault that matches the request. */
  take(req: RecordedRequest): Fault | undefined {
    const hit = this.pending.find((p) => p.remaining > 0 && routeMatches(p.match, req));
    if (!hit) return undefined;
    hit.remaining -= 1;
    return hit.fault;
  }

  get remaining(): number {
    return this.pending.reduce((n, p) => n + p.remaining, 0);
  }
}

/** The answer Discord (or Cloudflare in front of it) gives for the fault, with the real headers. */
export function faultResult(fault: Fault, bucket: string): RestResult {
  if (fault.status !== 429) {
    const text = fault.status === 500 ? undefined : `<html><body>${fault.status}</body></html>`;
    return text
      ? { status: fault.status, body: text }
      : { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
  }
  const { retryAfter } = fault;
  const global = fault.global === true;
  // The header is whole seconds rounded up; the body and reset-after keep the fraction.
  const headers: Record<string, string> = { 'retry-after': String(Math.ceil(retryAfter)) };
  if (global) {
    headers['x-ratelimit-global'] = 'true';
    headers['x-ratelimit-scope'] = 'global';
  } else {
    Object.assign(headers, {
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
      'x-ratelimit-reset-after': retryAfter.toFixed(3),
      'x-ratelimit-bucket': bucket,
      'x-ratelimit-scope': fault.scope ?? 'user',
    });
  }
  return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
}
