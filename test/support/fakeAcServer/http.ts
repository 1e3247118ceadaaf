import http from 'node:http';
import type { LoadedConfig } from './cfg';

const SESSION_TYPE: Record<string, number> = { BOOK: 0, PRACTICE: 1, QUALIFY: 2, RACE: 3 };

/** The JSON real acServer serves on GET /INFO (the lobby reads the same fields). */
export function infoJson(cfg: LoadedConfig, startedAt: number): Record<string, unknown> {
  return {
    ip: '',
    port: 9600,
    tport: 9600,
    cport: cfg.httpPort,
    name: cfg.name,
    clients: 0,
    maxclients: cfg.maxClients,
    track: cfg.layout ? `${cfg.track}-${cfg.layout}` : cfg.track,
    cars: cfg.cars,
    timeofday: 0,
    session: 0,
    sessiontypes: cfg.sessions.map((s) => SESSION_TYPE[s]),
    durations: cfg.sessions.map(() => 0),
    timeleft: 0,
    country: ['na', 'na'],
    pass: false,
    timestamp: Date.now() - startedAt,
    json: null,
    l: false,
    pickup: true,
    timed: false,
    extra: false,
    pit: false,
    inverted: 0,
  };
}

/** GET /INFO like acServer; POST /fake/results asks for a results file now (test hook). */
export function startHttp(cfg: LoadedConfig, startedAt: number, onResults: () => string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/INFO') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(infoJson(cfg, startedAt)));
    } else if (req.method === 'POST' && req.url === '/fake/results') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ file: onResults() }));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.httpPort, '127.0.0.1', () => resolve(server));
  });
}
