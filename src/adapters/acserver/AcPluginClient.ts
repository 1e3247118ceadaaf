import dgram from 'node:dgram';
import type { Logger } from '../../logger';
import type { Clock } from '../../app/ports';
import { systemClock } from '../../app/ports';
import type { AcPluginLink, LiveCar, LiveLapEvent, LiveSession } from '../../app/acPluginLink';
import { decodeServerMessage, encodePluginCommand, toSafeChat, type PluginCommand, type ServerMessage } from '../../domain/acPlugin';
import { bindUdp } from './bindUdp';
import { FailureLog } from './FailureLog';
import { Listeners } from './Listeners';
import { LapsAwaitingCar } from './LapsAwaitingCar';
import { PluginTracker } from './PluginTracker';
import { formatHostPort, type PluginEndpoints } from './pluginEndpoints';

export interface AcPluginClientOptions extends PluginEndpoints {
  log: Logger;
  clock?: Clock;
  /** How long a lap of a car the bot does not know yet waits for its CAR_INFO (default 1000 ms). */
  carInfoWaitMs?: number;
  failureLogWindowMs?: number;
}

export interface PluginStats {
  received: number;
  decoded: number;
  /** Datagrams that could not be decoded, by reason (short, malformed, unknown-id, empty). */
  failed: Record<string, number>;
  sent: number;
  relayedToPlugin: number;
  relayedToServer: number;
}

/**
 * The bot's end of acServer's UDP plugin protocol: listens where acServer sends
 * (UDP_PLUGIN_ADDRESS), sends commands to UDP_PLUGIN_LOCAL_PORT, keeps the session and the
 * connected cars, and optionally relays every datagram to a second plugin. Bad datagrams are
 * counted and logged, never thrown.
 */
export class AcPluginClient implements AcPluginLink {
  readonly description: string;
  private readonly tracker = new PluginTracker();
  private readonly failures: FailureLog;
  private readonly sendErrors: FailureLog;
  private readonly counts = { received: 0, decoded: 0, sent: 0, relayedToPlugin: 0, relayedToServer: 0 };
  private readonly listeners = { lap: new Listeners<[LiveLapEvent]>(), end: new Listeners<[string]>(), cars: new Listeners<[]>(), session: new Listeners<[]>() };
  private readonly awaiting: LapsAwaitingCar;
  private readonly clock: Clock;

  private constructor(
    private readonly socket: dgram.Socket,
    private readonly opts: AcPluginClientOptions,
  ) {
    this.clock = opts.clock ?? systemClock;
    this.description = `UDP plugin ${formatHostPort(opts.listen)} <-> acServer ${formatHostPort(opts.server)}${opts.relay ? `, relay ${formatHostPort(opts.relay)}` : ''}`;
    this.failures = new FailureLog(opts.log, 'undecodable datagrams from acServer were ignored', opts.failureLogWindowMs);
    this.sendErrors = new FailureLog(opts.log, 'datagrams to acServer could not be sent', opts.failureLogWindowMs);
    this.awaiting = new LapsAwaitingCar(opts.carInfoWaitMs ?? 1000, (lap) =>
      opts.log.warn(lap, 'lap of a car the bot does not know dropped (no CAR_INFO in time); the results file still brings it'),
    );
    socket.on('message', (buf, from) => this.receive(buf, from));
    socket.on('error', (err) => opts.log.error({ err }, `UDP plugin socket error: ${err.message}`));
  }

  /** Binds the listen address, then asks for the session and every slot's car. */
  static async start(opts: AcPluginClientOptions): Promise<AcPluginClient> {
    const client = new AcPluginClient(await bindUdp(opts.listen), opts);
    client.send({ type: 'GET_SESSION_INFO', sessionIndex: -1 });
    for (let carId = 0; carId < opts.maxClients; carId++) client.send({ type: 'GET_CAR_INFO', carId });
    opts.log.info({ link: client.description }, 'acServer UDP plugin link listening');
    return client;
  }

  get port(): number {
    return this.socket.address().port;
  }

  stats(): PluginStats {
    return { ...this.counts, failed: Object.fromEntries(this.failures.totals) };
  }

  session(): LiveSession | null {
    return this.tracker.session();
  }

  cars(): LiveCar[] {
    return this.tracker.cars();
  }

  onLap(listener: (lap: LiveLapEvent) => void): () => void {
    return this.listeners.lap.add(listener);
  }

  onEndSession(listener: (resultsPath: string) => void): () => void {
    return this.listeners.end.add(listener);
  }

  onCarsChanged(listener: () => void): () => void {
    return this.listeners.cars.add(listener);
  }

  ping(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        off();
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const off = this.listeners.session.add(() => done(true));
      this.send({ type: 'GET_SESSION_INFO', sessionIndex: -1 });
    });
  }

  kick(carId: number): void {
    this.send({ type: 'KICK_USER', carId });
  }

  nextSession(): void {
    this.send({ type: 'NEXT_SESSION' });
  }

  broadcast(text: string): void {
    for (const line of toSafeChat(text)) this.send({ type: 'BROADCAST_CHAT', text: line });
  }

  send(cmd: PluginCommand): void {
    this.sendRaw(encodePluginCommand(cmd), this.opts.server.port, this.opts.server.host);
  }

  async close(): Promise<void> {
    this.awaiting.clear();
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private sendRaw(buf: Buffer, port: number, host: string, relayed = false): void {
    this.socket.send(buf, port, host, (err) => {
      if (err) this.sendErrors.add(err.name, `${host}:${port}: ${err.message}`);
      else if (!relayed) this.counts.sent += 1;
    });
  }

  private receive(buf: Buffer, from: dgram.RemoteInfo): void {
    const relay = this.opts.relay;
    if (relay && from.port === relay.port && from.address === relay.host) {
      // The plugin behind the bot talks to acServer through the bot.
      this.counts.relayedToServer += 1;
      this.sendRaw(buf, this.opts.server.port, this.opts.server.host, true);
      return;
    }
    this.counts.received += 1;
    if (relay) {
      this.counts.relayedToPlugin += 1;
      this.sendRaw(buf, relay.port, relay.host, true);
    }
    const decoded = decodeServerMessage(buf);
    if (!decoded.ok) {
      this.failures.add(decoded.reason, decoded.detail);
      return;
    }
    this.counts.decoded += 1;
    try {
      this.handle(decoded.message);
    } catch (err) {
      this.opts.log.error({ err, type: decoded.message.type }, `UDP plugin: handling ${decoded.message.type} failed: ${(err as Error).message}`);
    }
  }

  private handle(msg: ServerMessage): void {
    const now = this.clock.now();
    const change = this.tracker.apply(msg, now);
    if (change.cars) this.listeners.cars.emit();
    if (msg.type === 'CAR_INFO' && msg.connected) {
      for (const l of this.awaiting.release(msg.carId)) this.lapCompleted(l.carId, l.lapTimeMs, l.cuts, l.receivedAt);
    }
    if (msg.type === 'SESSION_INFO' || msg.type === 'NEW_SESSION') this.listeners.session.emit();
    if (msg.type === 'VERSION') this.send({ type: 'GET_SESSION_INFO', sessionIndex: -1 });
    if (msg.type === 'END_SESSION') this.listeners.end.emit(msg.resultsPath);
    if (msg.type === 'LAP_COMPLETED') this.lapCompleted(msg.carId, msg.lapTimeMs, msg.cuts, now);
  }

  private lapCompleted(carId: number, lapTimeMs: number, cuts: number, receivedAt: Date): void {
    const car = this.tracker.car(carId);
    if (!car) {
      this.awaiting.add({ carId, lapTimeMs, cuts, receivedAt });
      this.send({ type: 'GET_CAR_INFO', carId });
      return;
    }
    const lap: LiveLapEvent = { car, lapTimeMs, cuts, session: this.tracker.session(), receivedAt };
    this.listeners.lap.emit(lap);
  }
}
