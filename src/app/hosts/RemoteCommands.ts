import type { Clock } from '../ports';
import type { CommandAction, CommandAnswer, CommandQueue } from './hostPorts';

export interface RemoteCommandsDeps {
  queue: CommandQueue;
  clock: Clock;
  /** A unique id per command (random), so two bots or two clicks never share one. */
  newId(): string;
  sleep(ms: number): Promise<void>;
  pollMs?: number;
}

/**
 * Bot side: an admin action for a server an agent runs. Writes the command, waits for the owning
 * agent's answer, and on timeout withdraws it so it never runs late; the reply always says which.
 */
export class RemoteCommands {
  constructor(private readonly deps: RemoteCommandsDeps) {}

  async run(serverId: string, action: CommandAction, by: string, timeoutMs: number): Promise<CommandAnswer> {
    const { queue, clock } = this.deps;
    const id = this.deps.newId();
    const requestedAt = clock.now().getTime();
    await queue.submit({ ...action, id, serverId, by, requestedAt, deadline: requestedAt + timeoutMs });
    for (;;) {
      const s = await queue.status(serverId, id);
      if (s?.status === 'done') return s.answer;
      if (clock.now().getTime() >= requestedAt + timeoutMs) {
        const seconds = timeoutMs / 1000;
        if (await queue.expire(serverId, id)) {
          return {
            ok: false,
            message: `No agent took the ${action.action} for server \`${serverId}\` within ${seconds} s: is the agent of that server running? Nothing was done.`,
          };
        }
        const again = await queue.status(serverId, id);
        if (again?.status === 'done') return again.answer;
        const who = again?.status === 'claimed' ? ` (agent \`${again.by}\`)` : '';
        return {
          ok: false,
          message: `The agent of server \`${serverId}\`${who} took the ${action.action} but has not answered within ${seconds} s; it may still finish: check the server and the admin channel.`,
        };
      }
      await this.deps.sleep(this.deps.pollMs ?? 250);
    }
  }
}
