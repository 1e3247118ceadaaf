import type { RotationTarget } from '../rotation/rotationTypes';

// Ports for several hosts sharing one store: agents (next to acServer) and one bot (Discord).
// They never talk to each other directly; everything goes through these three.

/** Something an agent changed that the bot must show: laps stored, or the event a server now runs. */
export type Change =
  { kind: 'laps'; serverId: string; eventIds: string[] } | { kind: 'current-event'; serverId: string; eventId: string };

export interface ChangeEntry {
  /** Position in the log: 1, 2, 3, ... allocated atomically, so no two writers share one. */
  seq: number;
  change: Change;
  /** Who wrote it (agent id) and when (ISO), for the log lines. */
  by: string;
  at: string;
}

/** An append-only list of changes the bot reads with a cursor (a sequence number it remembers). */
export interface ChangeLog {
  append(change: Change, by: string, at: Date): Promise<number>;
  /** Entries with seq > `seq`, in order, at most `limit`. A seq whose write is still in flight may be missing. */
  after(seq: number, limit: number): Promise<ChangeEntry[]>;
  /** The highest seq handed out so far (0 for an empty log): where a reader with no cursor starts. */
  latest(): Promise<number>;
}

export type CommandAction = { action: 'rotate'; target: RotationTarget; dryRun: boolean } | { action: 'kickall' };

/** An admin action for a server another host runs (written by the bot, executed by the owning agent). */
export type CommandRequest = CommandAction & {
  id: string;
  serverId: string;
  /** Who asked (`discord:<user id>`), for the agent's log and the rotation record. */
  by: string;
  requestedAt: number;
  /** Epoch ms after which no agent may claim it: the asker has stopped waiting. */
  deadline: number;
};

export interface CommandAnswer {
  ok: boolean;
  /** The text the admin reads (the same reply the command gives on a one-host setup). */
  message: string;
}

export type CommandStatus =
  | { status: 'pending' }
  | { status: 'claimed'; by: string }
  | { status: 'done'; by: string; answer: CommandAnswer }
  | { status: 'expired' };

export interface CommandQueue {
  submit(request: CommandRequest): Promise<void>;
  /** Pending commands of one server, oldest first (claimable ones and ones past their deadline). */
  pending(serverId: string): Promise<CommandRequest[]>;
  /** Atomically pending -> claimed by `agentId`, only before the deadline; false when someone else has it. */
  claim(serverId: string, id: string, agentId: string, now: number): Promise<boolean>;
  /** The claimer's answer: claimed -> done. */
  answer(serverId: string, id: string, agentId: string, answer: CommandAnswer): Promise<void>;
  status(serverId: string, id: string): Promise<CommandStatus | undefined>;
  /** The asker gave up: pending -> expired, so it never runs late. False when an agent had claimed it already. */
  expire(serverId: string, id: string): Promise<boolean>;
}

export interface LeaseHolder {
  /** AGENT_ID: stable across restarts of the same agent, so a restart takes its servers back at once. */
  agentId: string;
  host: string;
  pid: number;
}

export type LeaseClaim = { ok: true } | { ok: false; heldBy: LeaseHolder; until: Date };

/** Which agent runs which server: a claim with an expiry, kept alive by heartbeats. */
export interface ServerLeases {
  /** Takes the lease when it is free, expired or already this agent's; otherwise says who holds it. */
  claim(serverId: string, holder: LeaseHolder, now: Date, ttlMs: number): Promise<LeaseClaim>;
  /** Extends the lease; false when it is no longer this agent's (expired and taken over). */
  renew(serverId: string, holder: LeaseHolder, now: Date, ttlMs: number): Promise<boolean>;
  /** Every lease (held or expired): which servers agents run, for the bot's server choices. */
  list(): Promise<Array<{ serverId: string; heldBy: LeaseHolder; until: Date }>>;
  /** Gives it up (clean shutdown) so another agent can take it at once; a lease held by someone else is left alone. */
  release(serverId: string, holder: LeaseHolder): Promise<void>;
}
