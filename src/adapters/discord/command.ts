import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  ApplicationCommandOptionChoiceData,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  InteractionEditReplyOptions,
} from 'discord.js';
import type { Logger } from '../../logger';
import type { League } from '../../app/League';
import type { BotState } from '../../app/BotState';
import type { SeasonConfig } from '../../domain/season';
import type { Clock } from '../../app/ports';
import type { Standings } from '../../app/standings';
import type { RotationService } from '../../app/RotationService';
import type { AcPluginLink } from '../../app/acPluginLink';

/** What commands may use. Later features add their services here as optional fields. */
export interface CommandDeps {
  league: League;
  state: BotState;
  season: () => SeasonConfig;
  clock: Clock;
  log: Logger;
  /** Re-render every bot-owned post (after an alias change, ...). */
  refreshPosts: () => void;
  /** SKIP_PRESEASON: leave preseason events out of schedule listings. */
  skipPreseason?: boolean;
  /** Season standings (/standings). */
  standings?: Standings;
  /** Rotation of acServer to another event (/rotate). */
  rotation?: RotationService;
  /** The live link to acServer over its UDP plugin (/kickall); absent when the link is off. */
  acPlugin?: AcPluginLink;
  /** The event's page on the league website (WEB_PUBLIC_URL); undefined when there is none. */
  eventPageUrl?: (eventId: string) => string | undefined;
}

export interface CommandReply {
  content: string;
  files?: InteractionEditReplyOptions['files'];
  /** Further messages to the caller (pages of a long leaderboard). */
  followUps?: string[];
}

/**
 * A slash command: the definition is plain data (the same object deploy-commands registers),
 * beside a thin execute that formats and replies. The central handler defers before execute.
 */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Admin-only: needs ADMIN_ROLE_ID or Manage Server, checked again at execution. */
  admin: boolean;
  /** Reply only to the caller. */
  ephemeral: boolean;
  execute(interaction: ChatInputCommandInteraction, deps: CommandDeps): Promise<CommandReply | void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: CommandDeps): Promise<ApplicationCommandOptionChoiceData[]>;
}

/** Validates a loaded command module at start-up, so a broken one fails loudly, once. */
export function assertCommand(name: string, value: unknown): asserts value is Command {
  const c = value as Partial<Command> | undefined;
  const ok =
    !!c &&
    typeof c.data === 'object' &&
    typeof c.data?.name === 'string' &&
    /^[-_\p{L}\p{N}]{1,32}$/u.test(c.data.name) &&
    typeof c.data.description === 'string' &&
    typeof c.admin === 'boolean' &&
    typeof c.ephemeral === 'boolean' &&
    typeof c.execute === 'function';
  if (!ok) throw new Error(`command module ${name} does not export a valid command (data, admin, ephemeral, execute)`);
  if (c.admin && c.data!.default_member_permissions === undefined) {
    throw new Error(`admin command ${c.data!.name} must set default_member_permissions so Discord hides it from members`);
  }
}
