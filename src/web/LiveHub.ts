import type { ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import type { ReadModel } from './ReadModel';

/** What one kind of stream sends: the same bytes go to every client of that kind. */
export interface LiveView {
  /** e.g. 'json|car=x' or 'html|overlay|10': clients with the same key share one render */
  key: string;
  /** SSE event name */
  event: string;
  render(): Promise<string>;
}

interface Channel {
  view: LiveView;
  clients: Set<ServerResponse>;
}

/** A client further behind than this is cut off (a stalled reader must not hold memory). */
const MAX_BUFFERED = 1 << 20;

/** Encoded once, written to every client as the same bytes. */
function frame(event: string, data: string, id: number): Buffer {
  return Buffer.from(
    `id: ${id}\nevent: ${event}\n${data
      .split('\n')
      .map((l) => `data: ${l}`)
      .join('\n')}\n\n`,
  );
}

/**
 * Server-Sent Events for live boards. When an event's laps change, each kind of stream of that
 * event is rendered once and written to all its clients; changes that arrive during a broadcast
 * are folded into one more. Connections are capped; closed ones are dropped at once.
 */
export class LiveHub {
  private readonly channels = new Map<string, Map<string, Channel>>();
  private readonly busy = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private count = 0;

  constructor(
    private readonly model: ReadModel,
    private readonly opts: { maxClients: number; log: Logger; heartbeatMs?: number },
  ) {
    this.unsubscribe = model.onChange((eventId) => this.changed(eventId));
    this.heartbeat = setInterval(() => this.each((res) => res.write(': keep-alive\n\n')), opts.heartbeatMs ?? 25_000);
    this.heartbeat.unref();
  }

  get clients(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count >= this.opts.maxClients;
  }

  /** Takes over the response: headers, the board as it is now, then every change until the client leaves. */
  async add(eventId: string, view: LiveView, res: ServerResponse, headers: Record<string, string>): Promise<void> {
    const perEvent = this.channels.get(eventId) ?? new Map<string, Channel>();
    this.channels.set(eventId, perEvent);
    const channel = perEvent.get(view.key) ?? { view, clients: new Set() };
    perEvent.set(view.key, channel);
    channel.clients.add(res);
    this.count += 1;
    res.once('close', () => {
      if (channel.clients.delete(res)) this.count -= 1;
      if (channel.clients.size === 0 && perEvent.get(view.key) === channel) perEvent.delete(view.key);
      if (perEvent.size === 0 && this.channels.get(eventId) === perEvent) this.channels.delete(eventId);
    });
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 5000\n\n');
    const body = await view.render();
    if (!res.destroyed) this.write(res, frame(view.event, body, this.model.version()));
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    this.each((res) => res.end());
  }

  private changed(eventId: string): void {
    if (!this.channels.has(eventId)) return;
    if (this.busy.has(eventId)) {
      this.dirty.add(eventId);
      return;
    }
    const run = this.broadcast(eventId)
      .catch((err: Error) =>
        this.opts.log.error(
          { err, eventId },
          `live update of ${eventId} failed: ${err.message}; clients get the next one`,
        ),
      )
      .finally(() => {
        this.busy.delete(eventId);
        if (this.dirty.delete(eventId)) this.changed(eventId);
      });
    this.busy.set(eventId, run);
  }

  private async broadcast(eventId: string): Promise<void> {
    const channels = [...(this.channels.get(eventId)?.values() ?? [])];
    await Promise.all(
      channels.map(async ({ view, clients }) => {
        const bytes = frame(view.event, await view.render(), this.model.version());
        for (const res of clients) this.write(res, bytes);
      }),
    );
  }

  private write(res: ServerResponse, bytes: Buffer | string): void {
    if (res.writableLength > MAX_BUFFERED) {
      this.opts.log.warn('a live client stopped reading; its stream was closed (it reconnects by itself)');
      res.destroy();
      return;
    }
    res.write(bytes);
  }

  private each(fn: (res: ServerResponse) => void): void {
    for (const perEvent of this.channels.values())
      for (const c of perEvent.values()) for (const res of c.clients) fn(res);
  }
}
