import type { ApiRoute } from './routes/apiRoutes';
import * as s from './schemas';

type Schema = { properties?: Record<string, { description?: string }>; required?: readonly string[] };

function parameters(where: 'path' | 'query', schema: object | undefined) {
  const { properties = {}, required = [] } = (schema ?? {}) as Schema;
  return Object.entries(properties).map(([name, sch]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    description: sch.description,
    schema: sch,
  }));
}

const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The OpenAPI 3.1 description of the JSON API, built from the very schemas the routes validate with. */
export function openApiDocument(routes: readonly ApiRoute[]) {
  const paths: Record<string, unknown> = {};
  for (const r of routes) {
    const responses = Object.fromEntries(
      Object.entries(r.schema.response).map(([code, schema]) => [
        code,
        json(schema, code === '200' ? 'OK' : code === '404' ? 'Unknown id' : 'Bad request'),
      ]),
    );
    paths[r.url.replace(/:(\w+)/g, '{$1}')] = {
      get: {
        summary: r.summary,
        parameters: [...parameters('path', r.schema.params), ...parameters('query', r.schema.querystring)],
        responses,
      },
    };
  }
  paths['/api/v1/events/{eventId}/leaderboard/stream'] = {
    get: {
      summary:
        "Server-Sent Events: the event's leaderboard (same JSON as /leaderboard, event name `board`) at once and after every change",
      parameters: [...parameters('path', s.params.event), ...parameters('query', s.boardQuery)],
      responses: {
        200: {
          description: 'text/event-stream; each `board` event carries the leaderboard JSON',
          content: { 'text/event-stream': { schema: { type: 'string' } } },
        },
        404: json(s.errorSchema, 'Unknown event'),
        503: json(s.errorSchema, 'Too many live connections; retry later'),
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'League website API',
      version: '1.0.0',
      description: 'Read-only. Event ids contain "#": send it URL-encoded as %23. Lap times are in milliseconds.',
    },
    paths,
  };
}
