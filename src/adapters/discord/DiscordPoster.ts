import { DiscordAPIError, type REST, type RawFile } from '@discordjs/rest';
import { Routes, type APIMessage } from 'discord.js';
import { PostNeedsAdminError, type ChannelPoster, type PostBody } from '../../app/posts/PostKeeper';

/** Discord error codes that retrying cannot fix. */
const ADMIN_CODES: Record<number, string> = {
  10003: 'the channel does not exist: check the *_CHANNEL_ID settings',
  50001: 'the bot cannot see the channel: give its role View Channel there',
  50013: 'the bot lacks permission in the channel: give its role Send Messages, Embed Links and Attach Files there',
};

/**
 * Posts through the REST client directly (no channel cache needed), so it works before the
 * gateway has delivered the guild and right after a reconnect.
 */
export class DiscordPoster implements ChannelPoster {
  /** `rest()` is the current client's REST: a failed login replaces the client. */
  constructor(private readonly restOf: () => REST) {}

  private get rest(): REST {
    return this.restOf();
  }

  async upsert(channelId: string, messageId: string | undefined, body: PostBody): Promise<string> {
    if (messageId) {
      try {
        const msg = (await this.rest.patch(
          Routes.channelMessage(channelId, messageId),
          this.request(body, true),
        )) as APIMessage;
        return msg.id;
      } catch (err) {
        if (!(err instanceof DiscordAPIError && err.code === 10008)) throw this.explain(err);
        // Unknown Message: someone deleted it; post it again below.
      }
    }
    return this.send(channelId, body);
  }

  async exists(channelId: string, messageId: string): Promise<boolean> {
    try {
      await this.rest.get(Routes.channelMessage(channelId, messageId));
      return true;
    } catch (err) {
      if (err instanceof DiscordAPIError && (err.code === 10008 || err.code === 10003)) return false;
      throw this.explain(err);
    }
  }

  async send(channelId: string, body: PostBody): Promise<string> {
    try {
      const msg = (await this.rest.post(Routes.channelMessages(channelId), this.request(body, false))) as APIMessage;
      return msg.id;
    } catch (err) {
      throw this.explain(err);
    }
  }

  private request(body: PostBody, edit: boolean): { body: unknown; files?: RawFile[] } {
    const files = body.files?.map((f) => ({ name: f.name, data: f.data }));
    const json: Record<string, unknown> = { content: body.content, allowed_mentions: { parse: [] } };
    if (body.components) json.components = body.components;
    // On edit, `attachments: []` drops the old chart so the new file replaces it.
    if (edit && files) json.attachments = files.map((_, i) => ({ id: i }));
    return files?.length ? { body: json, files } : { body: json };
  }

  private explain(err: unknown): Error {
    if (err instanceof DiscordAPIError && typeof err.code === 'number' && ADMIN_CODES[err.code]) {
      return new PostNeedsAdminError(`${err.message} (${ADMIN_CODES[err.code]})`);
    }
    return err instanceof Error ? err : new Error(String(err));
  }
}
