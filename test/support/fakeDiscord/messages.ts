import { snowflake } from './state';
import type { FakeState } from './state';
import type { Json, MessageView, StoredAttachment, StoredMessage, UploadedFile } from './types';
import { assertNotEmpty, validateMessage } from './validation';

/** Flags a bot may set on a message it sends (SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2). */
const SETTABLE_FLAGS = 4 | 64 | 4096 | 32768;

export function createMessage(
  state: FakeState,
  channelId: string,
  body: Json,
  files: UploadedFile[],
  extra: Partial<StoredMessage> = {},
): StoredMessage {
  validateMessage(body, files);
  const msg: StoredMessage = {
    id: snowflake(),
    channel_id: channelId,
    author: state.botUser,
    content: typeof body.content === 'string' ? body.content : '',
    embeds: [],
    components: Array.isArray(body.components) ? body.components : [],
    attachments: [],
    flags: (Number(body.flags) || 0) & SETTABLE_FLAGS,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    editCount: 0,
    ...extra,
  };
  msg.attachments = newAttachments(channelId, body, files);
  msg.embeds = normalizeEmbeds(body.embeds, msg.attachments);
  assertNotEmpty(msg);
  return msg;
}

/** The "Bot is thinking..." message a deferred reply (callback type 5) shows until edited. */
export function placeholderMessage(
  state: FakeState,
  channelId: string,
  flags: number,
  extra: Partial<StoredMessage>,
): StoredMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: state.botUser,
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    flags,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    editCount: 0,
    ...extra,
  };
}

/** PATCH semantics: only the fields present change; `attachments` lists the ones to keep. */
export function editMessage(msg: StoredMessage, body: Json, files: UploadedFile[]): void {
  validateMessage(body ?? {}, files);
  const next = { ...msg };
  if (body.content !== undefined) next.content = body.content ?? '';
  if (body.components !== undefined) next.components = body.components ?? [];
  if (body.flags !== undefined && body.flags !== null) next.flags = (msg.flags & ~4) | (Number(body.flags) & 4);
  const added = newAttachments(msg.channel_id, body, files);
  if (Array.isArray(body.attachments)) {
    const keep = new Set(body.attachments.map((a: Json) => String(a.id)));
    next.attachments = [...msg.attachments.filter((a) => keep.has(a.id)), ...added];
  } else if (body.attachments === null) {
    next.attachments = added;
  } else {
    next.attachments = [...msg.attachments, ...added];
  }
  if (body.embeds !== undefined) next.embeds = normalizeEmbeds(body.embeds ?? [], next.attachments);
  assertNotEmpty(next);
  Object.assign(msg, next, { edited_timestamp: new Date().toISOString(), editCount: msg.editCount + 1 });
}

function newAttachments(channelId: string, body: Json, files: UploadedFile[]): StoredAttachment[] {
  const described: Json[] = Array.isArray(body?.attachments) ? body.attachments : [];
  return files.map((file, i) => {
    const index = /\[(\d+)\]/.exec(file.field)?.[1] ?? String(i);
    const filename = described.find((a) => String(a.id) === index)?.filename ?? file.filename;
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${filename}`;
    return {
      id,
      filename,
      size: file.size,
      content_type: file.contentType,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
    };
  });
}

/** Discord stores embeds with type "rich" and resolves attachment:// to the uploaded file's url. */
function normalizeEmbeds(embeds: unknown, attachments: StoredAttachment[]): Json[] {
  if (!Array.isArray(embeds)) return [];
  const resolve = (media: Json | undefined) => {
    if (!media?.url || !String(media.url).startsWith('attachment://')) return media;
    const file = attachments.find((a) => a.filename === String(media.url).slice('attachment://'.length));
    return file ? { ...media, url: file.url, proxy_url: file.proxy_url } : media;
  };
  return embeds.map((e: Json) => {
    const out: Json = { type: 'rich', ...e };
    if (e.image) out.image = resolve(e.image);
    if (e.thumbnail) out.thumbnail = resolve(e.thumbnail);
    return out;
  });
}

export function messagePayload(state: FakeState, msg: StoredMessage): Json {
  const { editCount: _editCount, ...api } = msg;
  return {
    ...api,
    guild_id: state.guildId,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    type: msg.interaction_metadata ? 20 : 0,
  };
}

export function messageView(msg: StoredMessage): MessageView {
  return {
    id: msg.id,
    channelId: msg.channel_id,
    authorId: msg.author.id,
    content: msg.content,
    embeds: structuredClone(msg.embeds),
    components: structuredClone(msg.components),
    attachments: msg.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size })),
    attachmentNames: msg.attachments.map((a) => a.filename),
    flags: msg.flags,
    edited: msg.edited_timestamp !== null,
    editCount: msg.editCount,
  };
}
