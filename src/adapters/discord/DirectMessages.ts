import { DiscordAPIError, type REST } from '@discordjs/rest';
import { Routes, type APIChannel } from 'discord.js';
import type { Logger } from '../../logger';
import type { DmResult } from '../../app/identity/Notifier';
import type { DiscordPoster } from './DiscordPoster';

/** Discord's "Cannot send messages to this user": DMs closed, or no server in common. */
const CANNOT_DM = 50007;

/** DMs to members: the DM channel is opened once per member, and a refusal is a result, not an error. */
export class DirectMessages {
  private readonly channels = new Map<string, string>();

  constructor(
    /** The current client's REST (a failed login replaces the client). */
    private readonly rest: () => REST,
    private readonly poster: DiscordPoster,
    private readonly log: Logger,
  ) {}

  async send(userId: string, content: string): Promise<DmResult> {
    try {
      let channelId = this.channels.get(userId);
      if (!channelId) {
        channelId = ((await this.rest().post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel)
          .id;
        this.channels.set(userId, channelId);
      }
      await this.poster.send(channelId, { content: content.slice(0, 2000) });
      return 'sent';
    } catch (err) {
      if (err instanceof DiscordAPIError && err.code === CANNOT_DM) return 'closed';
      this.log.warn({ err, userId }, `DM to ${userId} failed: ${(err as Error).message}`);
      return 'failed';
    }
  }
}
