import http from 'node:http';
import type { HealthCheck } from '../../app/rotation/acServerPorts';
import type { EventConfig } from '../../domain/season/season';
import { parseIniDocument, getKey } from '../../domain/rotation/ini';
import { eventCarModels } from '../../domain/rotation/ini/eventCars';

/**
 * acServer's own HTTP endpoint (GET /INFO on HTTP_PORT from server_cfg.ini, the one the lobby
 * reads). Healthy = it answers, with the expected track and cars when an event is expected: a
 * process still on the old files would answer too.
 */
export class HttpInfoCheck implements HealthCheck {
  readonly name = 'HTTP /INFO';

  constructor(
    private readonly readServerCfg: () => Promise<string | null>,
    private readonly opts: { host?: string; requestTimeoutMs?: number } = {},
  ) {}

  async check(expected: EventConfig | null): Promise<string | null> {
    const text = await this.readServerCfg();
    const port = Number(text === null ? NaN : getKey(parseIniDocument(text), 'SERVER', 'HTTP_PORT'));
    // Without an HTTP port there is nothing to ask; "process running" is then all we know.
    if (!Number.isInteger(port) || port <= 0) return null;
    const url = `http://${this.opts.host ?? '127.0.0.1'}:${port}/INFO`;
    let info: { track?: unknown; cars?: unknown };
    try {
      info = JSON.parse(await get(url, this.opts.requestTimeoutMs ?? 1000)) as typeof info;
    } catch (err) {
      return `no answer from ${url} (${(err as Error).message})`;
    }
    if (!expected) return null;
    const track = expected.layout ? `${expected.track}-${expected.layout}` : expected.track;
    if (info.track !== track) return `${url} reports track ${JSON.stringify(info.track)}, expected ${track}`;
    const cars = eventCarModels(expected);
    const got = Array.isArray(info.cars) ? info.cars.map(String) : [];
    if (got.length !== cars.length || cars.some((c) => !got.includes(c))) {
      return `${url} reports cars ${got.join(';') || 'none'}, expected ${cars.join(';')}`;
    }
    return null;
  }
}

function get(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // agent: false, so a connection to a server that was just restarted is never reused.
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(Buffer.concat(chunks).toString('utf8'))
          : reject(new Error(`HTTP ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}
