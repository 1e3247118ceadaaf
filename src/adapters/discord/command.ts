import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  ApplicationCommandOptionChoiceData,
  InteractionEditReplyOptions,
} from 'discord.js';
import type { Logger } from '../../logger';
import type { League } from '../../app/League';
import type { BotState } from '../../app/runtime/BotState';
import type { SeasonConfig } from '../../domain/season/season';
import type { ChartRenderer, Clock } from '../../app/ports';
import type { Standings } from '../../app/standings/Standings';
import type { RotationService } from '../../app/rotation/RotationService';
import type { RemoteServers } from '../../app/hosts/RemoteServers';
import type { AcPluginLink } from '../../app/liveLaps/acPluginLink';
import type { CommandServer } from './serverChoice';
import type { Stewarding } from '../../app/stewarding/Stewarding';
import type { DriverLinks } from '../../app/identity/DriverLinks';
import type { PostBody } from '../../app/posts/PostKeeper';
import type { CommandDefinition } from './commandOptions';

/** What commands may use: one object, built by the composition root (src/wiring). */
export interface CommandDeps {
  league: League;
  state: BotState;
  season: () => SeasonConfig;
  clock: Clock;
  log: Logger;
  /** Re-render every bot-owned post and output file (after an alias change, ...). */
  refreshPosts: () => void;
  /** SKIP_PRESEASON: leave preseason events out of schedule listings. */
  skipPreseason: boolean;
  /** Season standings (/standings, /me). */
  standings: Standings;
  /** Draws the standings points chart (/standings). */
  chart: ChartRenderer;
  /** Rotation of acServer to another event (/rotate); undefined on the bot (ROLE=bot): agents rotate. */
  rotation: RotationService | undefined;
  /** The live link to acServer over its UDP plugin (/kickall); undefined when the link is off. */
  acPlugin: AcPluginLink | undefined;
  /** servers.json with several servers: each one's rotation and plugin link (/rotate and /kickall server:). */
  servers?: readonly CommandServer[];
  /** The event's page on the league website (WEB_PUBLIC_URL); undefined when there is none. */
  eventPageUrl: (eventId: string) => string | undefined;
  /** Whether the member is a league admin (ADMIN_ROLE_ID or Manage Server); set by the central handler. */
  isAdmin: (interaction: Interaction) => boolean;
  /** Struck laps and exclusions (/lap, /driver). */
  stewarding: Stewarding;
  /** Linked members and their notification choice (/link, /unlink, /me, /notify). */
  links: DriverLinks;
  /** A message in the admin channel (a link request with its buttons); undefined without ADMIN_CHANNEL_ID. */
  postToAdmins: ((body: PostBody) => Promise<string | undefined>) | undefined;
  /** NOTIFY_INTERVAL_S in ms: at most one notification DM per member per this window. */
  notifyIntervalMs: number;
  /** ROLE=bot: the servers agents run; /rotate and /kickall become command items for them. */
  remoteServers: RemoteServers | undefined;
}

export interface CommandReply {
  content: string;
  files?: InteractionEditReplyOptions['files'];
  /** Further messages to the caller (pages of a long leaderboard). */
  followUps?: string[];
}

/** What a button press turns its message into (the buttons go unless given again). */
export interface ButtonReply {
  content: string;
  components?: unknown[];
}

/**
 * A slash command: the definition is plain data (the same object deploy-commands registers),
 * beside a thin execute that formats and replies. The central handler defers before execute.
 */
export interface Command {
  data: CommandDefinition;
  /** Admin-only: needs ADMIN_ROLE_ID or Manage Server, checked again at execution. */
  admin: boolean;
  /** Reply only to the caller. */
  ephemeral: boolean;
  execute(interaction: ChatInputCommandInteraction, deps: CommandDeps): Promise<CommandReply | void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: CommandDeps): Promise<ApplicationCommandOptionChoiceData[]>;
  /**
   * Buttons whose custom id starts with `<command name>:` (the rest carries what they act on, e.g. a
   * request id), answered by the central handler; buttons without it belong to a collector.
   */
  button?(interaction: ButtonInteraction, deps: CommandDeps): Promise<ButtonReply>;
  /** The buttons are for admins only (checked at the press, like admin commands). */
  buttonsAdmin?: boolean;
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
    throw new Error(
      `admin command ${c.data!.name} must set default_member_permissions so Discord hides it from members`,
    );
  }
}
