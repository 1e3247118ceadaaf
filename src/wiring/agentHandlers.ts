import type { CommandHandler } from '../app/hosts/CommandRunner';
import type { RotationService } from '../app/rotation/RotationService';
import type { AcPluginLink } from '../app/liveLaps/acPluginLink';
import type { SeasonConfig } from '../domain/season/season';
import { kickAllCars } from '../app/liveLaps/kickAllCars';
import { rotationReply } from '../adapters/discord/rotationReply';
import { eventTitle } from '../domain/season/eventTitle';
import { escapeMarkdown } from '../domain/text/discordText';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** ROLE=agent: what /rotate and /kickall do here when the bot asks, answered with the text the admin reads. */
export function agentHandlers(deps: {
  serverId: string;
  rotation: RotationService;
  acPlugin: AcPluginLink | undefined;
  season: () => SeasonConfig;
}): { rotate: CommandHandler; kickall: CommandHandler } {
  const on = `on server \`${deps.serverId}\``;
  return {
    rotate: async (request) => {
      if (request.action !== 'rotate') throw new Error(`not a rotation: ${request.action}`);
      const result = await deps.rotation.rotate(request.target, { dryRun: request.dryRun, by: request.by });
      return {
        ok: result.status === 'rotated' || result.status === 'dry-run',
        message: `${on}: ${rotationReply(result, (id) => eventTitle(deps.season(), id))}`.slice(0, 2000),
      };
    },
    kickall: async () => {
      const link = deps.acPlugin;
      if (!link) return { ok: false, message: `The acServer plugin link is off ${on}: nobody was kicked.` };
      const result = await kickAllCars(link);
      const left = result.connected.map((c) => escapeMarkdown(c.driverName || `car ${c.carId}`));
      return {
        ok: left.length === 0,
        message: (left.length === 0
          ? `Kicked ${plural(result.kicked.length, 'driver')} ${on}: the server is empty.`
          : `Sent a kick for ${plural(result.kicked.length, 'driver')} ${on}; ${left.length} still connected: ${left.join(', ')}.`
        ).slice(0, 2000),
      };
    },
  };
}
