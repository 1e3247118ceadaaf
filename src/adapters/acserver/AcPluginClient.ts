import type dgram from 'node:dgram';
import type { Logger } from '../../logger';
import type { Clock } from '../../app/ports';
import { systemClock } from '../../app/ports';
import type { AcPluginLink, LiveCar, LiveLapEvent, LiveSession } from '../../app/liveLaps/acPluginLink';
import {
  decodeServerMessage,
  encodePluginCommand,
  impossibleMessage,
  toSafeChat,
  type PluginCommand,
  type ServerMessage,
} from '../../domain/acPlugin';
import { bindUdp } from './bindUdp';
import { CarInfoQuestions } from './CarInfoQuestions';
import { KnownSender } from './KnownSender';
import { Listeners } from './Listeners';
import { LapsAwaitingCar, type AwaitedLap } from './LapsAwaitingCar';
import { PluginSurvey } from './PluginSurvey';
import { PluginTracker } from './PluginTracker';
import { Throttle } from './Throttle';
import { pluginLogs, type PluginLogs } from './pluginLogs';
import { formatHostPort, type PluginEndpoints } from './pluginEndpoints';

export interface AcPluginClientOptions extends PluginEndpoints {
  log: Logger;
  clock?: Clock;
  /** How long a lap of a car the bot does not know yet waits for its CAR_INFO (default 1000 ms). */
  carInfoWaitMs?: number;
  /** GET_CAR_INFO for laps of unknown cars: at most one per slot per interval (default 3000 ms). */
  carInfoIntervalMs?: number;
  /** VERSION and rejected sessions make the bot ask acServer again, at most once per interval (default 3000 ms). */
  resyncIntervalMs?: number;
  /** How long a survey of the session and every slot waits for answers (default 1500 ms). */
  surveyTimeoutMs?: number;
  failureLogWindowMs?: number;
}

export interface PluginStats {
  /** Datagrams from acServer (its address and port). */
  received: number;
  decoded: number;
  /** Datagrams that could not be decoded, by reason (short, malformed, unknown-id, empty). */
  failed: Record<string, number>;
  /** Datagrams from any other address or port: dropped unread. */
  dropped: number;
  /** Messages from acServer with impossible values (NEW_SESSION, SESSION_INFO, VERSION): ignored. */
  rejected: number;
  /** Laps of cars acServer has not named: dropped (the results file still brings them). */
  lapsDropped: number;
  sent: number;
  relayedToPlugin: number;
  relayedToServer: number;
}

/**
 * The bot's end of acServer's UDP plugin protocol: listens where acServer sends
 * (UDP_PLUGIN_ADDRESS), hears acServer only (its address and UDP_PLUGIN_LOCAL_PORT), sends
 * commands there, keeps the session and the connected cars, and optionally relays every datagram
 * to a second plugin. Bad datagrams and impossible messages are counted and logged, never thrown;
 * every reaction to what arrives (questions back, log lines) is bounded.
 */
export class AcPluginClient implements AcPluginLink {
  readonly description: string;
  private readonly tracker = new PluginTracker();
  private readonly logs: PluginLogs;
  private readonly counts = {
    received: 0,
    decoded: 0,
    dropped: 0,
    rejected: 0,
    lapsDropped: 0,
    sent: 0,
    relayedToPlugin: 0,
    relayedToServer: 0,
  };
  private readonly listeners = {
    lap: new Listeners<[LiveLapEvent]>(),
    end: new Listeners<[string]>(),
    cars: new Listeners<[]>(),
    session: new Listeners<[]>(),
  };
  private readonly awaiting: LapsAwaitingCar;
  private readonly carInfo: CarInfoQuestions;
  private readonly survey: PluginSurvey;
  private readonly resync: { version: Throttle; session: Throttle };
  private readonly clock: Clock;

  private constructor(
    private readonly socket: dgram.Socket,
    private readonly opts: AcPluginClientOptions,
    private readonly server: KnownSender,
    private readonly relay: KnownSender | undefined,
  ) {
    this.clock = opts.clock ?? systemClock;
    const serverAt = formatHostPort(opts.server);
    this.description = `UDP plugin ${formatHostPort(opts.listen)} <-> acServer ${serverAt}${opts.relay ? `, relay ${formatHostPort(opts.relay)}` : ''}`;
    this.logs = pluginLogs(opts.log, serverAt, opts.failureLogWindowMs);
    // Rate limits measure elapsed time, not the league's clock (which tests may hold still).
    const now = () => performance.now();
    this.carInfo = new CarInfoQuestions(
      (carId) => this.send({ type: 'GET_CAR_INFO', carId }),
      opts.carInfoIntervalMs ?? 3000,
      now,
    );
    this.awaiting = new LapsAwaitingCar(this.carInfo, opts.carInfoWaitMs ?? 1000, (lap, why) => this.dropLap(lap, why));
    this.survey = new PluginSurvey({
      session: () => this.send({ type: 'GET_SESSION_INFO', sessionIndex: -1 }),
      car: (carId) => this.carInfo.askNow(carId),
    });
    const interval = opts.resyncIntervalMs ?? 3000;
    this.resync = {
      version: new Throttle(interval, () => void this.refresh(this.surveyTimeoutMs), now),
      session: new Throttle(interval, () => this.send({ type: 'GET_SESSION_INFO', sessionIndex: -1 }), now),
    };
    socket.on('message', (buf, from) => this.receive(buf, from));
    socket.on('error', (err) => opts.log.error({ err }, `UDP plugin socket error: ${err.message}`));
  }

  /** Binds the listen address, then asks for the session and every slot's car. */
  static async start(opts: AcPluginClientOptions): Promise<AcPluginClient> {
    const server = await KnownSender.resolve(opts.server, 'acServer (AC_PLUGIN_SERVER)');
    const relay = opts.relay
      ? await KnownSender.resolve(opts.relay, 'the relayed plugin (AC_PLUGIN_RELAY)')
      : undefined;
    const client = new AcPluginClient(await bindUdp(opts.listen), opts, server, relay);
    void client.refresh(client.surveyTimeoutMs);
    opts.log.info({ link: client.description }, 'acServer UDP plugin link listening');
    return client;
  }

  get port(): number {
    return this.socket.address().port;
  }

  stats(): PluginStats {
    return { ...this.counts, failed: Object.fromEntries(this.logs.undecodable.totals) };
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

  refresh(timeoutMs: number): Promise<boolean> {
    // Every slot of the entry list, and any car known beyond it (MAX_CLIENTS changed since start).
    const slots = new Set(Array.from({ length: this.opts.maxClients }, (_, i) => i));
    for (const car of this.tracker.cars()) slots.add(car.carId);
    return this.survey.run([...slots], timeoutMs);
  }

  kick(carId: number): void {
    this.send({ type: 'KICK_USER', carId });
  }

  nextSession(): void {
    this.send({ type: 'NEXT_SESSION' });
  }

  broadcast(text: string): void {
    for (const line of toSafeChat(text, 60, 2)) this.send({ type: 'BROADCAST_CHAT', text: line });
  }

  send(cmd: PluginCommand): void {
    this.sendRaw(encodePluginCommand(cmd), this.opts.server.port, this.opts.server.host);
  }

  async close(): Promise<void> {
    this.awaiting.clear();
    this.resync.version.cancel();
    this.resync.session.cancel();
    this.survey.close();
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private get surveyTimeoutMs(): number {
    return this.opts.surveyTimeoutMs ?? 1500;
  }

  private sendRaw(buf: Buffer, port: number, host: string, relayed = false): void {
    this.socket.send(buf, port, host, (err) => {
      if (err) this.logs.sendErrors.add(err.name, `${host}:${port}: ${err.message}`);
      else if (!relayed) this.counts.sent += 1;
    });
  }

  private receive(buf: Buffer, from: dgram.RemoteInfo): void {
    if (this.relay?.is(from)) {
      // The plugin behind the bot talks to acServer through the bot.
      this.counts.relayedToServer += 1;
      this.sendRaw(buf, this.opts.server.port, this.opts.server.host, true);
      return;
    }
    if (!this.server.is(from)) {
      this.counts.dropped += 1;
      this.logs.strangers.add('stranger', `${from.address}:${from.port}, ${buf.length} bytes, id ${buf[0] ?? '-'}`);
      return;
    }
    this.counts.received += 1;
    if (this.relay) {
      this.counts.relayedToPlugin += 1;
      this.sendRaw(buf, this.relay.at.port, this.relay.at.host, true);
    }
    const decoded = decodeServerMessage(buf);
    if (!decoded.ok) {
      this.logs.undecodable.add(decoded.reason, decoded.detail);
      return;
    }
    this.counts.decoded += 1;
    try {
      this.handle(decoded.message);
    } catch (err) {
      this.opts.log.error(
        { err, type: decoded.message.type },
        `UDP plugin: handling ${decoded.message.type} failed: ${(err as Error).message}`,
      );
    }
  }

  private handle(msg: ServerMessage): void {
    const problem = impossibleMessage(msg);
    if (problem) {
      this.counts.rejected += 1;
      this.logs.rejected.add(msg.type, `${msg.type}: ${problem}`);
      if (msg.type !== 'VERSION') this.resync.session.request();
      return;
    }
    const now = this.clock.now();
    if (this.tracker.apply(msg, now).cars) this.listeners.cars.emit();
    switch (msg.type) {
      case 'CAR_INFO':
      case 'NEW_CONNECTION':
        if (msg.type === 'CAR_INFO') {
          this.carInfo.heard(msg.carId);
          this.survey.heardCar(msg.carId);
        }
        for (const l of this.awaiting.answered(msg.carId, !!this.tracker.car(msg.carId)))
          this.lapCompleted(l.carId, l.lapTimeMs, l.cuts, l.receivedAt);
        return;
      case 'SESSION_INFO':
      case 'NEW_SESSION':
        this.survey.heardSession();
        return this.listeners.session.emit();
      case 'VERSION':
        // acServer (re)started: ask it who is on rather than guess (a lone VERSION must not empty the grid).
        return this.resync.version.request();
      case 'END_SESSION':
        return this.listeners.end.emit(msg.resultsPath);
      case 'LAP_COMPLETED':
        return this.lapCompleted(msg.carId, msg.lapTimeMs, msg.cuts, now);
      default:
        return;
    }
  }

  private lapCompleted(carId: number, lapTimeMs: number, cuts: number, receivedAt: Date): void {
    const car = this.tracker.car(carId);
    if (car) this.listeners.lap.emit({ car, lapTimeMs, cuts, session: this.tracker.session(), receivedAt });
    else this.awaiting.add({ carId, lapTimeMs, cuts, receivedAt });
  }

  private dropLap(lap: AwaitedLap, why: string): void {
    this.counts.lapsDropped += 1;
    this.logs.lapsDropped.add(why, `car ${lap.carId}, ${lap.lapTimeMs} ms: ${why}`);
  }
}
