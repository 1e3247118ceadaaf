import type { ServerResponse } from 'node:http';
import type { Json, RestResult } from './types';

/** A Discord JSON error answer: `{ message, code, errors? }`, thrown by route handlers. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Json,
  ) {
    super(message);
  }

  toResult(): RestResult {
    const body: Json = { message: this.message, code: this.code };
    if (this.errors) body.errors = this.errors;
    return { status: this.status, body };
  }
}

export const Errors = {
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
  notFound: () => new ApiError(404, 0, '404: Not Found'),
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new ApiError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new ApiError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownUser: () => new ApiError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownCommand: () => new ApiError(404, 10063, 'Unknown application command'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  unknownApplication: () => new ApiError(404, 10002, 'Unknown Application'),
  alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
  cannotSendToUser: () => new ApiError(403, 50007, 'Cannot send messages to this user'),
  otherUsersMessage: () => new ApiError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
  invalidJson: () => new ApiError(400, 50109, 'The request body contains invalid JSON.'),
  tooLarge: () => new ApiError(413, 40005, 'Request entity too large'),
  invalidForm: (errors: Json) => new ApiError(400, 50035, 'Invalid Form Body', errors),
};

/** `{ _errors: [{ code, message }] }`, the leaf of a 50035 error tree. */
export function fieldError(code: string, message: string): Json {
  return { _errors: [{ code, message }] };
}

/** Headers of an ordinary (not limited) answer, so discord.js learns a bucket like it does in production. */
export function bucketHeaders(bucket: string): Record<string, string> {
  const resetAfter = 1;
  return {
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '4',
    'x-ratelimit-reset': ((Date.now() + resetAfter * 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': resetAfter.toFixed(3),
    'x-ratelimit-bucket': bucket,
  };
}

export function writeResult(res: ServerResponse, result: RestResult): void {
  const headers: Record<string, string> = { ...(result.headers ?? {}) };
  if (result.status === 204 || result.body === undefined) {
    // A 204 with a Content-Type makes undici/discord.js try to parse an empty body.
    res.writeHead(result.status, headers);
    res.end();
    return;
  }
  if (typeof result.body === 'string') {
    headers['content-type'] ??= 'text/html; charset=utf-8';
    res.writeHead(result.status, headers);
    res.end(result.body);
    return;
  }
  const text = JSON.stringify(result.body);
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(result.status, headers);
  res.end(text);
}

export function json(body: unknown, status = 200): RestResult {
  return { status, body };
}

export const noContent = (): RestResult => ({ status: 204 });
