import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { FakeState } from './state';
import type { Json } from './types';

/** GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT: need a switch in the developer portal. */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
const REPLAY_LIMIT = 1000;

interface Session {
  id: string;
  seq: number;
  intents: number;
  shard: [number, number];
  /** Dispatches kept for RESUME (op 6) replay. */
  buffer: Json[];
  ws: WebSocket | null;
}

interface Conn {
  ws: WebSocket;
  session: Session | null;
}

export interface GatewayPayloadRecord {
  op: number;
  d: unknown;
  time: number;
  /** `/gateway` or `/resume`: which url the client connected to. */
  path: string;
}

export class FakeGateway {
  /** Every payload the client sent (identify, heartbeat, resume, ...). */
  readonly received: GatewayPayloadRecord[] = [];
  readonly connections: Array<{ path: string; time: number }> = [];
  /** When false, heartbeats go unanswered, so the client sees a zombie connection. */
  ackHeartbeats = true;
  baseUrl = '';
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readonly live = new Set<Conn>();

  constructor(
    private readonly state: FakeState,
    private readonly opts: { heartbeatIntervalMs: number; allowPrivilegedIntents: boolean },
  ) {}

  get url(): string {
    return `${this.baseUrl}/gateway`;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://local').pathname.replace(/\/$/, '');
    if (path !== '/gateway' && path !== '/resume') {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, path));
  }

  /** Sends an event to every live session whose intents ask for it; kept for replay either way. */
  dispatch(t: string, d: unknown, intent?: number): void {
    for (const session of this.sessions.values()) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      this.send(session, t, d);
    }
  }

  get hasLiveSession(): boolean {
    return [...this.sessions.values()].some((s) => s.ws?.readyState === WebSocket.OPEN);
  }

  sendReconnect(): void {
    for (const conn of this.live) if (conn.session) conn.ws.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  invalidateSession(resumable: boolean): void {
    for (const conn of this.live) {
      if (!conn.session) continue;
      if (!resumable) this.sessions.delete(conn.session.id);
      conn.ws.send(JSON.stringify({ op: 9, d: resumable, s: null, t: null }));
    }
  }

  /** An abrupt TCP drop (close code 1006 on the client), as on a network blip. */
  dropConnection(): void {
    for (const conn of this.live) conn.ws.terminate();
  }

  close(): Promise<void> {
    for (const conn of this.live) conn.ws.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket, path: string): void {
    const conn: Conn = { ws, session: null };
    this.live.add(conn);
    this.connections.push({ path, time: Date.now() });
    ws.on('message', (raw) => this.onMessage(conn, rawText(raw), path));
    ws.on('close', (code) => {
      this.live.delete(conn);
      if (conn.session?.ws !== ws) return;
      conn.session.ws = null;
      // Closing with 1000/1001 ends the session on Discord's side: it cannot be resumed.
      if (code === 1000 || code === 1001) this.sessions.delete(conn.session.id);
    });
    ws.on('error', () => undefined);
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs }, s: null, t: null }));
  }

  private onMessage(conn: Conn, raw: string, path: string): void {
    let payload: Json;
    try {
      payload = JSON.parse(raw);
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    this.received.push({ op: payload.op, d: payload.d, time: Date.now(), path });
    switch (payload.op) {
      case 1:
        if (this.ackHeartbeats) conn.ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        return;
      case 2:
        return this.identify(conn, payload.d ?? {});
      case 6:
        return this.resume(conn, payload.d ?? {});
      case 3:
      case 4:
      case 8:
      case 31:
        if (!conn.session) conn.ws.close(4003, 'Not authenticated.');
        return;
      default:
        conn.ws.close(4001, 'Unknown opcode.');
    }
  }

  private identify(conn: Conn, d: Json): void {
    if (conn.session) return conn.ws.close(4005, 'Already authenticated.');
    if (d.token !== this.state.token) return conn.ws.close(4004, 'Authentication failed.');
    const intents = Number(d.intents ?? 0);
    if (!this.opts.allowPrivilegedIntents && (intents & PRIVILEGED_INTENTS) !== 0) {
      return conn.ws.close(4014, 'Disallowed intent(s).');
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      seq: 0,
      intents,
      shard: d.shard ?? [0, 1],
      buffer: [],
      ws: conn.ws,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.send(session, 'READY', {
      v: 10,
      user_settings: {},
      user: this.state.botUser,
      guilds: [{ id: this.state.guildId, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: `${this.baseUrl}/resume`,
      session_type: 'normal',
      shard: session.shard,
      application: { id: this.state.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      geo_ordered_rtc_regions: [],
      guild_join_requests: [],
      _trace: ['["fake-discord",{"micros":0}]'],
    });
    this.send(session, 'GUILD_CREATE', this.state.guildCreatePayload());
  }

  private resume(conn: Conn, d: Json): void {
    const session = this.sessions.get(String(d.session_id));
    if (!session || d.token !== this.state.token) {
      conn.ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    if (session.ws && session.ws !== conn.ws) session.ws.close(4009, 'Session timed out.');
    session.ws = conn.ws;
    conn.session = session;
    const from = Number(d.seq ?? 0);
    for (const event of session.buffer) if (event.s > from) conn.ws.send(JSON.stringify(event));
    this.send(session, 'RESUMED', null);
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event = { op: 0, t, s: session.seq, d };
    session.buffer.push(event);
    if (session.buffer.length > REPLAY_LIMIT) session.buffer.shift();
    if (session.ws?.readyState === WebSocket.OPEN) session.ws.send(JSON.stringify(event));
  }
}

/** ws hands over a Buffer, an ArrayBuffer or fragments, depending on binaryType and framing. */
function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return (raw instanceof ArrayBuffer ? Buffer.from(raw) : raw).toString('utf8');
}
