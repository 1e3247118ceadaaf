import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Clock, StateStore } from '../app/ports';
import type { League } from '../app/League';
import type { BackgroundTask } from '../app/runtime/TaskRunner';
import type { SeasonConfig } from '../domain/season/season';
import type { ChangeEntry, LeaseHolder } from '../app/hosts/hostPorts';
import type { HostTables } from './hostTables';
import { ChangePublisher } from '../app/hosts/ChangePublisher';
import { ChangeFollower } from '../app/hosts/ChangeFollower';
import { CommandRunner, type CommandHandler } from '../app/hosts/CommandRunner';
import { RemoteCommands } from '../app/hosts/RemoteCommands';
import { RemoteServers } from '../app/hosts/RemoteServers';
import { LeaseKeeper } from '../app/hosts/LeaseKeeper';
import { findEvent } from '../domain/season/resolveEvent';
import { writeCurrentEvent } from '../adapters/files/currentEventFile';

/** The id of the env-only setup's one server (its current event stays in currentEvent.json). */
const DEFAULT_SERVER = 'default';

export function agentHolder(config: Config): LeaseHolder {
  return { agentId: config.AGENT_ID ?? hostname(), host: hostname(), pid: process.pid };
}

/** ROLE=agent: every leaderboard change and current event of its server goes to the bot through the change log. */
export function changePublisher(
  config: Config,
  tables: HostTables,
  deps: { league: League; clock: Clock; log: Logger },
): ChangePublisher {
  const publisher = new ChangePublisher({
    log: tables.changeLog,
    serverId: config.SERVER_ID,
    agentId: agentHolder(config).agentId,
    clock: deps.clock,
    logger: deps.log.child({ task: 'change-log' }),
  });
  deps.league.onLeaderboardChanged({ leaderboardChanged: (eventId) => publisher.laps(eventId) });
  return publisher;
}

export interface AgentWiring {
  /** Claimed before any task starts: a refusal stops start-up with the holder's name. */
  claim(): Promise<void>;
  /** Added before ingest, so they stop after it: the last changes are written, then the leases go. */
  tasks: BackgroundTask[];
}

/** ROLE=agent: claims its servers and runs the admin commands the bot writes for them. */
export function wireAgent(
  config: Config,
  tables: HostTables,
  deps: {
    publisher: ChangePublisher;
    serverIds: readonly string[];
    handlers: { rotate: CommandHandler; kickall: CommandHandler };
    clock: Clock;
    log: Logger;
    /** A lease was taken over by another agent: this one must stop driving that server. */
    onLost: (serverId: string) => void;
  },
): AgentWiring {
  const log = deps.log.child({ task: 'agent' });
  const holder = agentHolder(config);
  const report = (what: string) => (err: unknown) =>
    log.error({ err }, `${what} failed: ${(err as Error).message} (tried again)`);
  const leases = new LeaseKeeper({
    leases: tables.leases,
    holder,
    serverIds: deps.serverIds,
    clock: deps.clock,
    log,
    onLost: deps.onLost,
    report: report('lease renewal'),
    ttlMs: config.LEASE_TTL_S * 1000,
  });
  const runner = new CommandRunner({
    queue: tables.commands,
    agentId: holder.agentId,
    serverIds: deps.serverIds,
    handlers: deps.handlers,
    clock: deps.clock,
    log,
    report: report('reading commands'),
    pollMs: config.CHANGE_POLL_MS,
  });
  return {
    claim: () => leases.claimAll(),
    tasks: [
      {
        name: 'server-leases',
        trigger: `every ${Math.floor(config.LEASE_TTL_S / 3)} s`,
        start: async () => {},
        stop: async () => {
          await deps.publisher.flush();
          await leases.stop();
          tables.close();
        },
      },
      {
        name: 'agent-commands',
        trigger: `command items for ${deps.serverIds.join(', ')} (every ${config.CHANGE_POLL_MS} ms)`,
        start: async () => runner.start(),
        stop: () => runner.stop(),
      },
    ],
  };
}

/**
 * ROLE=bot: follows the agents' change log (laps -> posts re-read, a server's current event ->
 * announcement and mirror file) and sends admin commands to the agent owning a server.
 */
export function wireBotFollower(
  config: Config,
  tables: HostTables,
  deps: {
    league: League;
    state: StateStore;
    season: () => SeasonConfig;
    clock: Clock;
    log: Logger;
    /** A server now runs this event: announce it (once) and refresh the posts. */
    announce: (eventId: string) => Promise<void>;
  },
): { remote: RemoteServers; task: BackgroundTask } {
  const log = deps.log.child({ task: 'change-feed' });
  const apply = async (entries: readonly ChangeEntry[]) => {
    const eventIds = new Set<string>();
    for (const { change, by, seq } of entries) {
      log.debug({ seq, by, change }, 'change from an agent');
      if (change.kind === 'laps') for (const id of change.eventIds) eventIds.add(id);
      else await mirrorCurrentEvent(config, deps, change.serverId, change.eventId, log);
    }
    if (eventIds.size > 0) deps.league.changedElsewhere([...eventIds]);
  };
  const follower = new ChangeFollower({
    log: tables.changeLog,
    state: deps.state,
    clock: deps.clock,
    logger: log,
    apply,
    report: (err) => log.error({ err }, `reading the change log failed: ${(err as Error).message} (tried again)`),
    pollMs: config.CHANGE_POLL_MS,
  });
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const commands = new RemoteCommands({ queue: tables.commands, clock: deps.clock, newId: randomUUID, sleep });
  const remote = new RemoteServers({
    commands,
    leases: tables.leases,
    clock: deps.clock,
    timeoutMs: config.COMMAND_TIMEOUT_S * 1000,
  });
  return {
    remote,
    task: {
      name: 'change-feed',
      trigger: `change log (every ${config.CHANGE_POLL_MS} ms)`,
      start: () => follower.start(),
      stop: async () => {
        await follower.stop();
        tables.close();
      },
    },
  };
}

/** currentEvent.json (default server) or currentEvent.<id>.json beside it, as on the agent's host; then announce. */
async function mirrorCurrentEvent(
  config: Config,
  deps: { season: () => SeasonConfig; clock: Clock; announce: (eventId: string) => Promise<void> },
  serverId: string,
  eventId: string,
  log: Logger,
): Promise<void> {
  const event = findEvent(deps.season(), eventId);
  if (!event) {
    log.warn(
      { serverId, eventId },
      `server ${serverId} runs "${eventId}", which is not in this bot's season config: copy the agents' seasonConfig.json here`,
    );
    return;
  }
  const file =
    serverId === DEFAULT_SERVER
      ? config.currentEventFile
      : path.join(path.dirname(config.currentEventFile), `currentEvent.${serverId}.json`);
  await writeCurrentEvent(file, event, deps.clock.now());
  await deps.announce(eventId);
}
