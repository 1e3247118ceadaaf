import { createHash } from 'node:crypto';
import type { RestContext, RestResult } from './types';

export type Handler = (ctx: RestContext) => RestResult;

interface Route {
  method: string;
  segments: string[];
  /** Routes called with an interaction/webhook token instead of the bot token. */
  noAuth: boolean;
  /** Rate-limit bucket id shared by every path of this route, as Discord hashes its buckets. */
  bucket: string;
  handler: Handler;
}

export interface RouteHit {
  handler: Handler;
  params: Record<string, string>;
  noAuth: boolean;
  bucket: string;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, opts: { noAuth?: boolean } = {}): this {
    const bucket = hash(`${method} ${pattern}`);
    this.routes.push({ method, segments: pattern.split('/'), noAuth: opts.noAuth ?? false, bucket, handler });
    return this;
  }

  /** Literal segments win over parameters, so `/users/@me` is not taken as `/users/:id`. */
  match(method: string, path: string): RouteHit | undefined {
    const got = path.split('/');
    let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== got.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      const ok = route.segments.every((seg, i) => {
        const part = got[i] ?? '';
        if (seg.startsWith(':')) {
          params[seg.slice(1)] = part;
          return part !== '';
        }
        literals += 1;
        return seg === part;
      });
      if (ok && (!best || literals > best.literals)) best = { route, params, literals };
    }
    return (
      best && { handler: best.route.handler, params: best.params, noAuth: best.route.noAuth, bucket: best.route.bucket }
    );
  }

  /** The bucket a path would fall into, for 429 headers on routes the fake may not implement. */
  bucketOf(method: string, path: string): string {
    return this.match(method, path)?.bucket ?? hash(`${method} ${path}`);
  }
}

/** A parameter of the matched pattern (`:name`); a name the pattern lacks is a mistake in the handler. */
export function param(c: RestContext, name: string): string {
  const value = c.params[name];
  if (value === undefined) throw new Error(`fakeDiscord: the route has no :${name} parameter`);
  return value;
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}
