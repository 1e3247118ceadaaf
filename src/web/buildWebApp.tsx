import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from '../logger';
import type { Clock } from '../app/ports';
import type { ReadModel } from './ReadModel';
import type { DriverIds } from './DriverIds';
import type { WebContext } from './WebContext';
import { LiveHub } from './LiveHub';
import { ResponseCache } from './ResponseCache';
import { SECURITY_HEADERS } from './securityHeaders';
import { loadStaticAssets } from './staticAssets';
import { apiRoutes, registerApi } from './routes/apiRoutes';
import { registerPages } from './routes/pageRoutes';
import { registerLive } from './routes/liveRoutes';
import { openApiDocument } from './openApi';
import { renderPage } from './views/Layout';
import { ErrorPage } from './views/pages/ErrorPage';

export interface WebAppDeps {
  model: ReadModel;
  ids: DriverIds;
  clock: Clock;
  log: Logger;
  /** live (SSE) connections at once */
  maxStreams: number;
}

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

/** The read-only website as a Fastify app (not listening yet: tests use inject). */
export function buildWebApp(deps: WebAppDeps): { app: FastifyInstance; hub: LiveHub } {
  const app = Fastify({
    // The cast picks Fastify's logger type for the app; without it every route sees pino's Logger.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: deps.log as FastifyBaseLogger,
    // A log line per request would drown the bot's own log; failures are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  });
  const hub = new LiveHub(deps.model, { maxClients: deps.maxStreams, log: deps.log });
  const ctx: WebContext = { ...deps, hub, cache: new ResponseCache(() => deps.model.version()) };
  const assets = loadStaticAssets();

  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  // Live streams never end by themselves: close them so the server can stop.
  app.addHook('preClose', async () => hub.close());

  const fail = (req: FastifyRequest, reply: FastifyReply, status: number, message: string) => {
    reply.code(status);
    if (isApi(req))
      return reply.send({
        error:
          status === 404
            ? 'not_found'
            : status === 400
              ? 'bad_request'
              : status === 503
                ? 'unavailable'
                : 'server_error',
        message,
      });
    return reply
      .type('text/html; charset=utf-8')
      .send(renderPage(<ErrorPage seasons={deps.model.seasons()} status={status} message={message} />));
  };
  app.setNotFoundHandler((req, reply) => fail(req, reply, 404, `Nothing here: ${req.url.split('?')[0]}`));
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) return fail(req, reply, 400, `Bad request: ${err.message}`);
    const status = err.statusCode && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500 && status !== 503) deps.log.error({ err, url: req.url }, `web page failed: ${err.message}`);
    return fail(
      req,
      reply,
      status,
      status >= 500 && status !== 503
        ? 'The league data could not be read just now; the bot log says why.'
        : err.message,
    );
  });

  app.get('/static/:name', (req, reply) => {
    const asset = assets.get((req.params as { name: string }).name);
    if (!asset) return fail(req, reply, 404, 'No such file.');
    reply.header('etag', asset.etag).header('cache-control', 'public, max-age=300');
    if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  });
  const openApi = openApiDocument(apiRoutes);
  app.get('/api/v1/openapi.json', async () => openApi);
  registerApi(app, ctx);
  registerPages(app, ctx);
  registerLive(app, ctx);
  return { app, hub };
}
