import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeMatches, type Fault, type RouteMatch } from './faults';
import { FakeGateway, type GatewayPayloadRecord } from './gateway';
import type { InteractionHandle } from './InteractionHandle';
import type { InjectInteractionOptions } from './interactionPayload';
import { InteractionHub } from './interactionRoutes';
import { MessageStore } from './MessageStore';
import { createMessage, messageView } from './messages';
import { registerRestRoutes } from './restRoutes';
import { RestPipeline } from './RestPipeline';
import { FakeState } from './state';
import type { Json, MessageView, RecordedRequest, UnknownRoute } from './types';
import { waitFor } from './waitFor';

export interface FakeDiscordOptions {
  /** Bot token the fake accepts on REST (`Bot <token>`) and in IDENTIFY; default 'fake-bot-token'. */
  token?: string;
  guildName?: string;
  /** Text channels created before login; default ['general']. */
  channels?: string[];
  /** HELLO heartbeat_interval; default 41250 like Discord. */
  heartbeatIntervalMs?: number;
  /** Deadline for the first interaction callback; default 3000 like Discord. */
  interactionDeadlineMs?: number;
  /** Accept GUILD_MEMBERS / GUILD_PRESENCES / MESSAGE_CONTENT; default false (IDENTIFY is closed with 4014). */
  allowPrivilegedIntents?: boolean;
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
}

const GUILDS_INTENT = 1;

/**
 * A loopback Discord (REST under /api/v10 and the gateway WebSocket on one port) for the real discord.js client.
 *
 *   const fake = await FakeDiscord.start({ channels: ['leaderboard'] });
 *   const client = await loginToFake(fake);           // or createDiscordClient({ apiBase: fake.apiBase, fastIdentify: true })
 *   const reply = await fake.injectInteraction({ commandName: 'standings' }).waitForReply();
 *   await client.destroy(); await fake.close();
 */
export class FakeDiscord {
  readonly state: FakeState;
  private readonly gateway: FakeGateway;
  private readonly store: MessageStore;
  private readonly hub: InteractionHub;
  private readonly rest: RestPipeline;
  private readonly server: Server;
  private port = 0;

  private constructor(opts: FakeDiscordOptions) {
    this.state = new FakeState({ token: opts.token ?? 'fake-bot-token', guildName: opts.guildName });
    for (const name of opts.channels ?? ['general']) this.state.addChannel(name);
    this.gateway = new FakeGateway(this.state, {
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      allowPrivilegedIntents: opts.allowPrivilegedIntents ?? false,
    });
    this.store = new MessageStore(this.state, this.gateway);
    this.hub = new InteractionHub(this.state, this.gateway, this.store, opts.interactionDeadlineMs ?? 3000);
    this.rest = new RestPipeline(this.state.token);
    registerRestRoutes(this.rest.router, this.state, this.gateway, this.store);
    this.hub.register(this.rest.router);
    this.server = createServer((req, res) => void this.rest.handle(req, res));
    this.server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
  }

  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = FakeDiscord.create(opts);
    await fake.listen(opts.port ?? 0);
    return fake;
  }

  /** A fake whose guild, channels and ids exist but that does not listen yet: Discord still unreachable. */
  static create(opts: FakeDiscordOptions = {}): FakeDiscord {
    return new FakeDiscord(opts);
  }

  /** Starts answering on 127.0.0.1:port (0: any free port). */
  async listen(port = 0): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.gateway.baseUrl = `ws://127.0.0.1:${this.port}`;
  }

  /** Every REST request in arrival order (faulted and unknown ones too). */
  get requests(): RecordedRequest[] {
    return this.rest.requests;
  }
  /** Requests no route of the fake serves (answered 404). */
  get unknownRoutes(): UnknownRoute[] {
    return this.rest.unknownRoutes;
  }
  /** Exceptions thrown by the fake itself (answered 500); a non-empty list is a bug in the fake. */
  get internalErrors(): Error[] {
    return this.rest.internalErrors;
  }
  get token(): string {
    return this.state.token;
  }
  /** For `rest.api` / DISCORD_API_BASE. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get gatewayUrl(): string {
    return this.gateway.url;
  }
  get guildId(): string {
    return this.state.guildId;
  }
  get applicationId(): string {
    return this.state.applicationId;
  }
  get botUserId(): string {
    return this.state.botUser.id;
  }
  get ownerId(): string {
    return this.state.ownerId;
  }
  get everyoneRoleId(): string {
    return this.state.guildId;
  }
  get botRoleId(): string {
    return this.state.botRoleId;
  }
  /** Commands registered with PUT/POST, as Discord stores them (with ids). */
  get commands(): { global: Json[]; guild: Json[] } {
    return this.state.commands;
  }
  get gatewayPayloads(): GatewayPayloadRecord[] {
    return this.gateway.received;
  }
  get gatewayConnections(): Array<{ path: string; time: number }> {
    return this.gateway.connections;
  }
  get identifyCount(): number {
    return this.gateway.received.filter((p) => p.op === 2).length;
  }
  get resumeCount(): number {
    return this.gateway.received.filter((p) => p.op === 6).length;
  }
  /** When false, heartbeats are not ACKed, so the client treats the connection as a zombie. */
  set ackHeartbeats(on: boolean) {
    this.gateway.ackHeartbeats = on;
  }

  addChannel(name: string): string {
    const ch = this.state.addChannel(name);
    this.gateway.dispatch('CHANNEL_CREATE', this.state.channelPayload(ch), GUILDS_INTENT);
    return ch.id;
  }

  /** Id of the channel with that name (seeded with `channels` or added). */
  channelId(name: string): string {
    const ch = [...this.state.channels.values()].find((c) => c.name === name);
    if (!ch) throw new Error(`fakeDiscord: no channel named ${name}`);
    return ch.id;
  }

  /** The bot loses View/Send in the channel: message routes answer 403 (50013). */
  denyChannel(channelId: string): void {
    this.setDenied(channelId, true);
  }
  allowChannel(channelId: string): void {
    this.setDenied(channelId, false);
  }

  deleteChannel(channelId: string): void {
    const ch = this.channel(channelId);
    this.state.channels.delete(channelId);
    this.state.messages.delete(channelId);
    this.gateway.dispatch('CHANNEL_DELETE', this.state.channelPayload(ch), GUILDS_INTENT);
  }

  addRole(name: string, permissions: bigint = 0n): string {
    const role = this.state.addRole(name, permissions);
    this.gateway.dispatch(
      'GUILD_ROLE_CREATE',
      { guild_id: this.guildId, role: this.state.rolePayload(role) },
      GUILDS_INTENT,
    );
    return role.id;
  }

  addMember(username: string, roles: string[] = []): string {
    return this.state.addMember(username, roles).user.id;
  }

  /** The member's server nickname (what the bot should show as their display name); null removes it. */
  setNick(userId: string, nick: string | null): void {
    const member = this.state.members.get(userId);
    if (!member) throw new Error(`fakeDiscord: unknown member ${userId}`);
    member.nick = nick;
  }

  /** The member stops taking DMs from the bot: every send to their DM channel answers 403 50007. */
  closeDms(userId: string): void {
    this.state.dmsClosed.add(userId);
  }
  openDms(userId: string): void {
    this.state.dmsClosed.delete(userId);
  }

  /** The DMs the bot sent the member, oldest first. */
  dms(userId: string): MessageView[] {
    return [...this.state.dmChannels.values()]
      .filter((d) => d.userId === userId)
      .flatMap((d) => d.messages.map(messageView));
  }

  /** Every attempt to send the member a DM (refused ones too). */
  dmAttempts(userId: string): RecordedRequest[] {
    const ids = new Set([...this.state.dmChannels.values()].filter((d) => d.userId === userId).map((d) => d.id));
    return this.requests.filter(
      (r) => r.method === 'POST' && ids.has(r.path.split('/')[2] ?? '') && r.path.endsWith('/messages'),
    );
  }

  /** A message written by a member (not the bot); the bot cannot edit it (403 50005). */
  postAsUser(channelId: string, content: string, userId = this.state.ownerId): string {
    const author = this.state.members.get(userId)?.user;
    if (!author) throw new Error(`fakeDiscord: unknown member ${userId}`);
    const msg = createMessage(this.state, this.channel(channelId).id, { content }, [], { author });
    this.store.insert(msg);
    return msg.id;
  }

  messages(channelId: string): MessageView[] {
    return this.store.list(channelId).map(messageView);
  }

  message(channelId: string, messageId: string): MessageView | undefined {
    const msg = this.store.get(channelId, messageId);
    return msg && messageView(msg);
  }

  /** Someone with Manage Messages deletes a message; false if it was not there. */
  deleteMessageAsUser(channelId: string, messageId: string): boolean {
    return this.store.remove(channelId, messageId);
  }

  /** Dispatches INTERACTION_CREATE; the handle records how the bot answered. */
  injectInteraction(opts: InjectInteractionOptions): InteractionHandle {
    return this.hub.inject(opts);
  }

  /** The next `times` requests matching `match` get this fault instead of being served. */
  failNext(match: RouteMatch, fault: Fault, times = 1): void {
    this.rest.faults.add(match, fault, times);
  }

  get pendingFaults(): number {
    return this.rest.faults.remaining;
  }

  requestsTo(match: RouteMatch): RecordedRequest[] {
    return this.requests.filter((r) => routeMatches(match, r));
  }

  /** op 7: the client should reconnect to resume_gateway_url and RESUME. */
  sendReconnect(): void {
    this.gateway.sendReconnect();
  }
  /** op 9: resumable=true makes the client RESUME; false drops the session so it must IDENTIFY again. */
  invalidateSession(resumable: boolean): void {
    this.gateway.invalidateSession(resumable);
  }
  dropConnection(): void {
    this.gateway.dropConnection();
  }
  get gatewayConnected(): boolean {
    return this.gateway.hasLiveSession;
  }

  waitFor<T>(
    probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    timeoutMs = 5000,
    what?: string,
  ): Promise<T> {
    return waitFor(probe, timeoutMs, what);
  }

  assertNoUnknownRoutes(): void {
    if (this.unknownRoutes.length > 0) {
      const list = this.unknownRoutes.map((r) => `${r.method} ${r.path}`).join(', ');
      throw new Error(`fakeDiscord: the client called routes the fake does not implement: ${list}`);
    }
    const [internal] = this.internalErrors;
    if (internal) throw internal;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private channel(channelId: string) {
    const ch = this.state.channels.get(channelId);
    if (!ch) throw new Error(`fakeDiscord: unknown channel ${channelId}`);
    return ch;
  }

  private setDenied(channelId: string, denied: boolean): void {
    const ch = this.channel(channelId);
    ch.deniedForBot = denied;
    this.gateway.dispatch('CHANNEL_UPDATE', this.state.channelPayload(ch), GUILDS_INTENT);
  }
}
