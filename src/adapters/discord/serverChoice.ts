import { ApplicationCommandOptionType, type ApplicationCommandOptionChoiceData } from 'discord.js';
import type { RotationService } from '../../app/rotation/RotationService';
import type { AcPluginLink } from '../../app/liveLaps/acPluginLink';

/** One acServer of this host as the admin commands see it (/rotate, /kickall). */
export interface CommandServer {
  id: string;
  name: string;
  rotation: RotationService;
  /** The UDP plugin link; undefined when it is off. */
  acPlugin: AcPluginLink | undefined;
}

/**
 * The `server` option of /rotate and /kickall. Registered as optional (the definition is the same
 * for every league); with several servers the command refuses to guess and asks for it.
 */
export const serverOption = {
  type: ApplicationCommandOptionType.String,
  name: 'server',
  description: 'Which acServer (needed when the league runs several)',
  required: false,
  autocomplete: true,
} as const;

/** The server the admin picked; with one server it is that one, with several one must be named. */
export function pickServer(
  servers: readonly CommandServer[],
  id: string | null,
): { server: CommandServer } | { error: string } {
  const list = servers.map((s) => `\`${s.id}\` (${s.name})`).join(', ');
  if (id === null || id === '') {
    if (servers.length === 1) return { server: servers[0]! };
    return { error: `This league runs several servers: pick one in the \`server\` option (${list}).` };
  }
  const server = servers.find((s) => s.id === id);
  return server ? { server } : { error: `There is no server \`${id}\`; the servers are ${list}.` };
}

/** Autocomplete choices for the server option: matches id or name. */
export function serverChoices(
  servers: readonly CommandServer[],
  typed: string,
): ApplicationCommandOptionChoiceData<string>[] {
  const q = typed.trim().toLowerCase();
  return servers
    .map((s) => ({ name: `${s.name} (${s.id})`.slice(0, 100), value: s.id }))
    .filter((c) => !q || c.name.toLowerCase().includes(q))
    .slice(0, 25);
}
