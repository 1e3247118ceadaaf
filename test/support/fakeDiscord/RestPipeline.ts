import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultQueue, faultResult } from './faults';
import { ApiError, bucketHeaders, Errors, writeResult } from './http';
import { parseBody } from './multipart';
import { Router } from './router';
import type { RecordedRequest, RestResult, UnknownRoute } from './types';

const API_PREFIX = '/api/v10';

/** Every REST request: record it, apply an injected fault, check the bot token, route it, answer. */
export class RestPipeline {
  readonly requests: RecordedRequest[] = [];
  readonly unknownRoutes: UnknownRoute[] = [];
  readonly internalErrors: Error[] = [];
  readonly router = new Router();
  readonly faults = new FaultQueue();

  constructor(private readonly token: string) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://local');
    const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
    // discord.js sends `@original` as %40original; routes and recordings use the decoded form.
    const path = (versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname)
      .split('/')
      .map(safeDecode)
      .join('/');
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      time: Date.now(),
      status: 0,
      injectedFault: false,
    };
    this.requests.push(record);
    const result = this.serve(record, req, Buffer.concat(chunks), versioned);
    record.status = result.status;
    writeResult(res, result);
  }

  private serve(record: RecordedRequest, req: IncomingMessage, raw: Buffer, versioned: boolean): RestResult {
    const hit = versioned ? this.router.match(record.method, record.path) : undefined;
    try {
      const { body, files } = parseBody(raw, req.headers['content-type']);
      record.body = body;
      record.files = files.map((f) => ({ field: f.field, name: f.filename, size: f.size, contentType: f.contentType }));
      const fault = this.faults.take(record);
      if (fault) {
        record.injectedFault = true;
        return faultResult(fault, this.router.bucketOf(record.method, record.path));
      }
      if (!hit) {
        this.unknownRoutes.push({ method: record.method, path: record.path, time: record.time });
        throw Errors.notFound();
      }
      if (!hit.noAuth && req.headers.authorization !== `Bot ${this.token}`) throw Errors.unauthorized();
      const ctx = {
        method: record.method,
        path: record.path,
        params: hit.params,
        query: record.query,
        body,
        files,
        headers: req.headers,
      };
      const result = hit.handler(ctx);
      return { ...result, headers: { ...bucketHeaders(hit.bucket), ...(result.headers ?? {}) } };
    } catch (err) {
      if (err instanceof ApiError) {
        const result = err.toResult();
        return hit ? { ...result, headers: bucketHeaders(hit.bucket) } : result;
      }
      this.internalErrors.push(err as Error);
      return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    }
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
