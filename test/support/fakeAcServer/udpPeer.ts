import dgram from 'node:dgram';
import {
  decodePluginCommand,
  encodeServerMessage,
  type EncodableServerMessage,
  type PluginCommand,
} from '../../../src/domain/acPlugin';
import { waitFor } from '../fakeDiscord/waitFor';
import { splitSectors, writePeerResults, type PeerCar, type PeerLap } from './udpResults';

export type { PeerCar } from './udpResults';

export interface FakeSession {
  name: string;
  type: 'PRACTICE' | 'QUALIFY' | 'RACE';
  timeMinutes: number;
}

const TYPE_CODE = { PRACTICE: 1, QUALIFY: 2, RACE: 3 } as const;

export interface UdpPeerOptions {
  /** Where the bot listens (acServer's UDP_PLUGIN_ADDRESS). */
  pluginPort: number;
  /** This peer's UDP_PLUGIN_LOCAL_PORT; 0 = any free port. */
  port?: number;
  /** The address this peer sends from (default 127.0.0.1; 127.0.0.2 is another loopback address on Linux). */
  host?: string;
  resultsDir: string;
  track: string;
  trackConfig?: string;
  serverName?: string;
  /** Entry-list slots (LAP_COMPLETED's leaderboard count, Cars in the results file). */
  slots?: number;
  sessions?: FakeSession[];
  /** Commands the peer receives but does not act on (to test the bot's fallbacks). */
  ignore?: Array<PluginCommand['type']>;
  /** The older workaround: when the last car leaves (kicked), the session ends and results are written. */
  endSessionWhenEmptied?: boolean;
  now?: () => Date;
}

/**
 * acServer's side of the UDP plugin protocol on 127.0.0.1, for tests: connects cars, sends laps,
 * honours GET_SESSION_INFO, GET_CAR_INFO, KICK_USER, NEXT_SESSION and BROADCAST_CHAT, and at the
 * end of a session writes the results file (real acServer shape) and sends END_SESSION with its path.
 */
export class FakeAcUdpPeer {
  readonly received: PluginCommand[] = [];
  readonly chats: string[] = [];
  readonly kicked: number[] = [];
  readonly resultsFiles: string[] = [];
  invalidCommands = 0;
  /** Datagrams this peer has sent. */
  sent = 0;
  private readonly connected = new Map<number, PeerCar>();
  private readonly seen = new Map<number, PeerCar>();
  private laps: PeerLap[] = [];
  private sessionIndex = 0;
  private sessionStartedAt = Date.now();
  private readonly startedAt = Date.now();

  private constructor(
    private readonly socket: dgram.Socket,
    private readonly opts: UdpPeerOptions,
  ) {
    socket.on('message', (buf) => this.onCommand(buf));
  }

  static async start(opts: UdpPeerOptions): Promise<FakeAcUdpPeer> {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
    });
    return new FakeAcUdpPeer(socket, opts);
  }

  get port(): number {
    return this.socket.address().port;
  }

  get sessions(): FakeSession[] {
    return this.opts.sessions ?? [{ name: 'Practice', type: 'PRACTICE', timeMinutes: 60 }];
  }

  get session(): FakeSession {
    return this.sessions[this.sessionIndex % this.sessions.length]!;
  }

  get slots(): number {
    return this.opts.slots ?? 24;
  }

  connectedCars(): PeerCar[] {
    return [...this.connected.values()];
  }

  /** Sends any server message (also raw bytes: garbage, truncated packets). */
  send(msg: EncodableServerMessage | Buffer): void {
    this.sent += 1;
    this.socket.send(Buffer.isBuffer(msg) ? msg : encodeServerMessage(msg), this.opts.pluginPort, '127.0.0.1');
  }

  /** Announces acServer (re)starting: VERSION then NEW_SESSION. */
  boot(): void {
    this.send({ type: 'VERSION', protocolVersion: 4 });
    this.send({ type: 'NEW_SESSION', ...this.sessionInfo() });
  }

  connect(car: PeerCar, opts: { silent?: boolean } = {}): void {
    this.connected.set(car.carId, car);
    this.seen.set(car.carId, car);
    if (!opts.silent)
      this.send({
        type: 'NEW_CONNECTION',
        driverName: car.name,
        driverGuid: car.guid,
        carId: car.carId,
        carModel: car.model,
        carSkin: car.skin ?? '',
      });
  }

  /** `silent`: acServer's CONNECTION_CLOSED is lost (or acServer restarted and forgot the car). */
  disconnect(carId: number, opts: { silent?: boolean } = {}): void {
    const car = this.connected.get(carId);
    if (!car) return;
    this.connected.delete(carId);
    if (!opts.silent)
      this.send({
        type: 'CONNECTION_CLOSED',
        driverName: car.name,
        driverGuid: car.guid,
        carId,
        carModel: car.model,
        carSkin: car.skin ?? '',
      });
  }

  /** A lap by a connected car: recorded for the results file and sent as LAP_COMPLETED. */
  lap(carId: number, lapTimeMs: number, opts: { cuts?: number; sectors?: number[]; tyre?: string } = {}): PeerLap {
    const car = this.connected.get(carId);
    if (!car) throw new Error(`fake acServer: car ${carId} is not connected`);
    const lap: PeerLap = {
      car,
      timestamp: Date.now() - this.startedAt,
      lapTimeMs,
      cuts: opts.cuts ?? 0,
      sectors: opts.sectors ?? splitSectors(lapTimeMs),
      tyre: opts.tyre ?? 'SM',
      kicked: false,
    };
    this.laps.push(lap);
    const leaderboard = Array.from({ length: this.slots }, (_, id) => {
      const mine = this.laps.filter((l) => l.car.carId === id && l.cuts === 0);
      return {
        carId: id,
        bestLapMs: mine.length ? Math.min(...mine.map((l) => l.lapTimeMs)) : 999999999,
        laps: mine.length,
        completed: false,
      };
    });
    this.send({ type: 'LAP_COMPLETED', carId, lapTimeMs, cuts: lap.cuts, leaderboard, gripLevel: 0.98 });
    return lap;
  }

  /** Writes the session's results file, sends END_SESSION with its path, then NEW_SESSION of the next one. */
  endSession(): string {
    const file = writePeerResults(
      this.opts.resultsDir,
      {
        track: this.opts.track,
        trackConfig: this.opts.trackConfig ?? '',
        type: this.session.type,
        durationSecs: this.session.timeMinutes * 60,
        slots: this.slots,
        cars: new Map(this.seen),
        laps: this.laps,
      },
      this.opts.now?.() ?? new Date(),
    );
    this.resultsFiles.push(file);
    this.send({ type: 'END_SESSION', resultsPath: file });
    this.laps = [];
    this.seen.clear();
    for (const [id, car] of this.connected) this.seen.set(id, car);
    this.sessionIndex += 1;
    this.sessionStartedAt = Date.now();
    this.send({ type: 'NEW_SESSION', ...this.sessionInfo() });
    return file;
  }

  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000, what?: string): Promise<T> {
    return waitFor(probe, timeoutMs, what);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private sessionInfo() {
    const index = this.sessionIndex % this.sessions.length;
    const s = this.session;
    return {
      protocolVersion: 4,
      sessionIndex: index,
      currentSessionIndex: index,
      sessionCount: this.sessions.length,
      serverName: this.opts.serverName ?? 'Fake League Server',
      track: this.opts.track,
      trackConfig: this.opts.trackConfig ?? '',
      name: s.name,
      sessionType: TYPE_CODE[s.type],
      timeMinutes: s.timeMinutes,
      laps: 0,
      waitTime: 60,
      ambientTemp: 22,
      roadTemp: 30,
      weatherGraphics: '3_clear',
      elapsedMs: Date.now() - this.sessionStartedAt,
    };
  }

  private onCommand(buf: Buffer): void {
    const decoded = decodePluginCommand(buf);
    if (!decoded.ok) {
      this.invalidCommands += 1;
      return;
    }
    const cmd = decoded.command;
    this.received.push(cmd);
    if (this.opts.ignore?.includes(cmd.type)) return;
    switch (cmd.type) {
      case 'GET_SESSION_INFO':
        return this.send({ type: 'SESSION_INFO', ...this.sessionInfo() });
      case 'GET_CAR_INFO': {
        const car = this.connected.get(cmd.carId);
        return this.send({
          type: 'CAR_INFO',
          carId: cmd.carId,
          connected: !!car,
          carModel: car?.model ?? '',
          carSkin: car?.skin ?? '',
          driverName: car?.name ?? '',
          driverTeam: car?.team ?? '',
          driverGuid: car?.guid ?? '',
        });
      }
      case 'KICK_USER': {
        const car = this.connected.get(cmd.carId);
        if (!car) return;
        this.kicked.push(cmd.carId);
        for (const lap of this.laps) if (lap.car.carId === car.carId && lap.car.guid === car.guid) lap.kicked = true;
        this.disconnect(cmd.carId);
        if (this.opts.endSessionWhenEmptied && this.connected.size === 0) this.endSession();
        return;
      }
      case 'NEXT_SESSION':
        this.endSession();
        return;
      case 'BROADCAST_CHAT':
        this.chats.push(cmd.text);
        return;
      default:
        return;
    }
  }
}
