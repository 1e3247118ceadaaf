import type { ApplicationCommandOptionChoiceData, ChatInputCommandInteraction } from 'discord.js';
import type { CommandAction } from '../../app/hosts/hostPorts';
import type { CommandDeps, CommandReply } from './command';

/**
 * ROLE=bot: the servers run on agents, so the action becomes a command item the owning agent runs;
 * the reply is its answer (or why nobody answered). Undefined when this process runs its servers itself.
 */
export async function remoteReply(
  interaction: ChatInputCommandInteraction,
  { remoteServers }: Pick<CommandDeps, 'remoteServers'>,
  server: string | undefined,
  action: CommandAction,
): Promise<CommandReply | undefined> {
  if (!remoteServers) return undefined;
  const servers = await remoteServers.list();
  const chosen = server ?? (servers.length === 1 ? servers[0]!.id : null);
  if (chosen === null) {
    return {
      content:
        servers.length === 0
          ? 'No agent has claimed a server yet: start the agent (ROLE=agent) on the acServer host, then try again.'
          : `Pick the server in the \`server\` option: ${servers.map((s) => `\`${s.id}\``).join(', ')}.`,
    };
  }
  const answer = await remoteServers.run(chosen, action, `discord:${interaction.user.id}`);
  return { content: answer.message };
}

/** Autocomplete for the `server` option on the bot: the servers agents hold, down ones marked. */
export async function remoteServerChoices(
  { remoteServers }: Pick<CommandDeps, 'remoteServers'>,
  focused: string,
): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const typed = focused.trim().toLowerCase();
  return ((await remoteServers?.list()) ?? [])
    .filter((s) => s.id.toLowerCase().includes(typed))
    .map((s) => ({ name: `${s.id} (agent ${s.agentId}${s.up ? '' : ', not answering'})`.slice(0, 100), value: s.id }))
    .slice(0, 25);
}
