import { Events, type Client } from 'discord.js';
import { FakeDiscord } from '../../support/fakeDiscord';
import { loginToFake } from '../../support/fakeDiscord/login';
import { captureLog } from '../../support/captureLog';
import { MemoryState } from '../../support/memoryState';
import { createInteractionHandler } from '../../../src/adapters/discord/interactionHandler';
import { UserFacingError } from '../../../src/adapters/discord/UserFacingError';
import type { Command, CommandDeps } from '../../../src/adapters/discord/command';
import { BotState } from '../../../src/app/runtime/BotState';
import { loadCommands } from '../../../commands';

/** A command that always throws `err`. */
const failing = (name: string, err: Error): Command => ({
  data: { name, description: name },
  admin: false,
  ephemeral: true,
  execute: async () => {
    throw err;
  },
});
const boom = failing('boom', new Error('SQLITE_CORRUPT: database disk image is malformed (/var/lib/league/league.db)'));
const refuse = failing('refuse', new UserFacingError('There is no event called "x": pick one from the list.'));

// The central handler and real commands, with the real discord.js client against the fake Discord.
describe('command replies', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let lines: Array<Record<string, unknown>>;
  let state: BotState;

  beforeEach(async () => {
    fake = await FakeDiscord.start();
    client = await loginToFake(fake);
    const captured = captureLog();
    lines = captured.lines;
    state = new BotState(new MemoryState());
    const commands = new Map([...loadCommands(), ['boom', boom], ['refuse', refuse]]);
    const deps = { state, log: captured.log, refreshPosts: () => {} } as unknown as CommandDeps;
    const handle = createInteractionHandler(commands, deps, { log: captured.log });
    client.on(Events.InteractionCreate, (i) => void handle(i));
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  const run = async (commandName: string, opts: { subcommand?: string; options?: Record<string, string> } = {}) => {
    const h = fake.injectInteraction({ commandName, ...opts, member: { permissions: '32' } }); // Manage Server
    return (await h.waitForReply(5000, (r) => !!r.content)).content;
  };

  it('when a command fails unexpectedly, then the member gets a short message with a log id and the log has the whole error', async () => {
    const content = await run('boom');
    expect(content).not.toMatch(/SQLITE|league\.db/);
    const id = /log id ([0-9a-f]{8})/.exec(content)?.[1];
    expect(id).toBeDefined();
    const logged = lines.find((l) => l.logId === id)!;
    expect(logged.level).toBe(50);
    expect((logged.err as { message: string; stack: string }).message).toContain('SQLITE_CORRUPT');
    expect((logged.err as { stack: string }).stack).toMatch(/commandReplies\.test\.ts/);
  });

  it('when a command refuses with a message for the member, then that message is the reply, with a log id', async () => {
    const content = await run('refuse');
    expect(content).toMatch(/^There is no event called "x": pick one from the list\. \(log id [0-9a-f]{8}\)$/);
  });

  it('when aliases hold markdown and mentions, then /alias list and /alias remove show them inert', async () => {
    const driver = 'Bo`b @everyone'; // an acServer name: a backtick would end the code span it is shown in
    await state.setAlias(driver, '<@123456789012345678> **Bold** ~~x~~');
    const list = await run('alias', { subcommand: 'list' });
    const removed = await run('alias', { subcommand: 'remove', options: { driver } });
    expect(removed).toMatch(/^Removed the alias/);
    for (const reply of [list, removed]) {
      expect(reply).not.toContain('Bo`b');
      expect(reply).not.toContain('@everyone');
      expect(reply).not.toContain('<@1');
      expect(reply).not.toContain(' **Bold**');
      expect(reply).toContain('\\~\\~x\\~\\~');
    }
    expect(await state.aliases()).toEqual([]);
  });

  it('when the commands are registered, then every admin command is hidden from members and not offered in DMs', () => {
    const admin = [...loadCommands().values()].filter((c) => c.admin);
    expect(admin.map((c) => c.data.name).sort()).toEqual(['alias', 'driver', 'kickall', 'lap', 'rotate']);
    for (const c of admin) {
      expect(c.data.default_member_permissions).toBeDefined();
      expect({ name: c.data.name, dm: c.data.dm_permission }).toEqual({ name: c.data.name, dm: false });
    }
  });
});
