import type { FileStamp } from '../../domain/results/fileStamp';
import type { StateStore } from '../ports';
import type { Alias } from '../../domain/types';
import { LINK_BY_GUID_NS, type DriverLink } from '../identity/IdentityState';

/** What the bot remembers about a results file it has seen. */
export interface ProcessedFile {
  file: string;
  /** sha256 of the bytes read; a changed file has another hash and is read again. */
  hash: string;
  status: 'ingested' | 'unattributed' | 'failed' | 'imported';
  eventId: string | null;
  lapCount: number;
  error?: string;
  at: string;
  /**
   * The file's stat when it was read: a file found unchanged at start (every start lists the whole
   * results folder) is not read and hashed again. Absent in records written before it was kept; the
   * next start that finds such a file unchanged by its hash adds it.
   */
  stamp?: FileStamp;
}

export interface MessageRef {
  channelId: string;
  messageId: string;
  /** Content last sent, so identical content is never re-sent. */
  contentHash?: string;
}

/** What the bot last wrote to an output file (see OutputFiles). */
export interface OutputFileRecord {
  /** sha256 of the content without its generatedAt. */
  hash: string;
  /** Size of the file as written. */
  bytes: number;
}

export interface RotationRecord {
  eventId: string;
  at: string;
  by: string;
}

const NS = {
  processed: 'processedFile',
  alias: 'alias',
  message: 'message',
  rotation: 'rotation',
  event: 'event',
  output: 'outputFile',
} as const;

/** Typed view over the generic StateStore. */
export class BotState {
  constructor(
    private readonly store: StateStore,
    /** DRIVER_NAMES=discord: a linked driver is shown under their server display name. */
    private readonly opts: { linkedNames?: boolean } = {},
  ) {}

  processedFile(file: string): Promise<ProcessedFile | undefined> {
    return this.store.get<ProcessedFile>(NS.processed, file);
  }
  recordProcessedFile(rec: ProcessedFile): Promise<void> {
    return this.store.put(NS.processed, rec.file, rec);
  }
  async processedFiles(): Promise<ProcessedFile[]> {
    return (await this.store.list<ProcessedFile>(NS.processed)).map((e) => e.value);
  }

  async aliases(): Promise<Alias[]> {
    return (await this.store.list<string>(NS.alias)).map((e) => ({ key: e.key, name: e.value }));
  }
  /**
   * The names drivers are shown under: the aliases, after the linked members' display names when
   * the league wants those, so an admin's alias by GUID still wins (a later alias wins).
   */
  async nameAliases(): Promise<Alias[]> {
    if (!this.opts.linkedNames) return this.aliases();
    const [links, aliases] = await Promise.all([this.store.list<DriverLink>(LINK_BY_GUID_NS), this.aliases()]);
    return [...links.map((l) => ({ key: l.key, name: l.value.displayName })), ...aliases];
  }
  setAlias(key: string, name: string): Promise<void> {
    return this.store.put(NS.alias, key, name);
  }
  removeAlias(key: string): Promise<void> {
    return this.store.delete(NS.alias, key);
  }

  message(post: string): Promise<MessageRef | undefined> {
    return this.store.get<MessageRef>(NS.message, post);
  }
  setMessage(post: string, ref: MessageRef): Promise<void> {
    return this.store.put(NS.message, post, ref);
  }
  forgetMessage(post: string): Promise<void> {
    return this.store.delete(NS.message, post);
  }

  /** The event last announced in Discord, so a rewrite of currentEvent.json with the same id says nothing. */
  /** `server`: a server other than the default one (servers.json); each announces its own events. */
  announcedEvent(server?: string): Promise<string | undefined> {
    return this.store.get<string>(NS.event, server ? `announced@${server}` : 'announced');
  }
  setAnnouncedEvent(eventId: string, server?: string): Promise<void> {
    return this.store.put(NS.event, server ? `announced@${server}` : 'announced', eventId);
  }

  lastRotation(server?: string): Promise<RotationRecord | undefined> {
    return this.store.get<RotationRecord>(NS.rotation, server ? `last@${server}` : 'last');
  }
  setLastRotation(rec: RotationRecord, server?: string): Promise<void> {
    return this.store.put(NS.rotation, server ? `last@${server}` : 'last', rec);
  }

  /** Output files written before, by path relative to DATA_DIR. */
  async outputFiles(): Promise<Map<string, OutputFileRecord>> {
    return new Map((await this.store.list<OutputFileRecord>(NS.output)).map((e) => [e.key, e.value]));
  }
  setOutputFile(relPath: string, rec: OutputFileRecord): Promise<void> {
    return this.store.put(NS.output, relPath, rec);
  }
}
