/** Shapes shared by the fake Discord's modules. Payloads follow the Discord API v10 JSON, snake_case. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Discord payloads are free-form JSON, read as the API documents them
export type Json = Record<string, any>;

export interface UploadedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path after `/api/v10`, without query, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Discord payloads are free-form JSON, read as the API documents them
  body: any;
  files: Array<{ field: string; name: string; size: number; contentType: string }>;
  /** Date.now() when the request arrived. */
  time: number;
  /** HTTP status answered; 0 until the answer is written. */
  status: number;
  /** Whether the answer came from failNext. */
  injectedFault: boolean;
}

export interface UnknownRoute {
  method: string;
  path: string;
  time: number;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  size: number;
  content_type: string;
  url: string;
  proxy_url: string;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  author: Json;
  content: string;
  embeds: Json[];
  components: Json[];
  attachments: StoredAttachment[];
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  /** Number of PATCHes that changed the message after it was created. */
  editCount: number;
  webhook_id?: string;
  interaction_metadata?: Json;
}

/** What the tests read back: a plain snapshot of a message. */
export interface MessageView {
  id: string;
  channelId: string;
  authorId: string;
  content: string;
  embeds: Json[];
  components: Json[];
  attachments: Array<{ id: string; filename: string; size: number }>;
  attachmentNames: string[];
  flags: number;
  edited: boolean;
  editCount: number;
}

export interface RestResult {
  status: number;
  /** undefined with status 204: no body and no Content-Type. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Discord payloads are free-form JSON, read as the API documents them
  body: any;
  files: UploadedFile[];
  headers: Record<string, string | string[] | undefined>;
}
