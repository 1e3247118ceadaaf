import type { Clock } from '../ports';
import type { Logger } from '../../logger';
import type { CommandAction, CommandAnswer, CommandQueue, CommandRequest } from './hostPorts';
import { PollLoop } from './PollLoop';

/** Runs one command on a server this agent owns; a thrown error becomes a failed answer. */
export type CommandHandler = (request: CommandRequest) => Promise<CommandAnswer>;

export interface CommandRunnerDeps {
  queue: CommandQueue;
  agentId: string;
  serverIds: readonly string[];
  handlers: { [A in CommandAction['action']]: CommandHandler };
  clock: Clock;
  log: Logger;
  report: (err: unknown) => void;
  pollMs?: number;
}

/**
 * Agent side: every `pollMs`, claims the pending commands of its servers (a conditional write: of
 * two agents only one gets each) and runs them one at a time, oldest first, then answers. A command
 * past its deadline is left alone: the admin was already told nobody answered.
 */
export class CommandRunner {
  private readonly loop: PollLoop;

  constructor(private readonly deps: CommandRunnerDeps) {
    this.loop = new PollLoop(deps.pollMs ?? 1000, () => this.tick(), deps.report);
  }

  start(): void {
    this.loop.start();
  }

  /** Waits for a command being run to finish and answer. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  async tick(): Promise<void> {
    for (const serverId of this.deps.serverIds) {
      for (const request of await this.deps.queue.pending(serverId)) await this.run(request);
    }
  }

  private async run(request: CommandRequest): Promise<void> {
    const { queue, agentId, clock } = this.deps;
    if (!(await queue.claim(request.serverId, request.id, agentId, clock.now().getTime()))) return;
    const log = this.deps.log.child({ command: request.action, serverId: request.serverId, id: request.id });
    log.info({ by: request.by }, `running ${request.action} for the bot`);
    let answer: CommandAnswer;
    try {
      answer = await this.deps.handlers[request.action](request);
    } catch (err) {
      log.error({ err }, `${request.action} failed: ${(err as Error).message}`);
      answer = { ok: false, message: `${request.action} failed on the agent: ${(err as Error).message}` };
    }
    await queue.answer(request.serverId, request.id, agentId, answer);
    log.info({ ok: answer.ok }, `${request.action} answered`);
  }
}
