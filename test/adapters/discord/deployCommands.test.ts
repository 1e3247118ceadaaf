import { FakeDiscord } from '../../support/fakeDiscord';
import { deployCommands } from '../../../src/adapters/discord/deployCommands';
import { loadCommands } from '../../../commands';

describe('deployCommands against the fake Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => (fake = await FakeDiscord.start()));
  afterAll(() => fake.close());

  it('when a guild id is given, then every command is registered guild-scoped with admin commands hidden', async () => {
    const commands = loadCommands();
    const r = await deployCommands({
      token: fake.token,
      appId: fake.applicationId,
      guildId: fake.guildId,
      apiBase: fake.apiBase,
      commands: commands.values(),
    });
    expect(r).toEqual({ count: commands.size, scope: `guild ${fake.guildId}` });
    const registered = fake.commands.guild as Array<{ name: string; default_member_permissions?: string | null }>;
    expect(registered.map((c) => c.name).sort()).toEqual([...commands.keys()].sort());
    for (const c of commands.values()) {
      const reg = registered.find((x) => x.name === c.data.name)!;
      if (c.admin) expect(reg.default_member_permissions).toBe('32'); // Manage Server
    }
    fake.assertNoUnknownRoutes();
  });

  it('when registered, then the stewarding commands are hidden from members and the identity commands are for everyone', async () => {
    await deployCommands({
      token: fake.token,
      appId: fake.applicationId,
      guildId: fake.guildId,
      apiBase: fake.apiBase,
      commands: loadCommands().values(),
    });
    const registered = fake.commands.guild as Array<{
      name: string;
      default_member_permissions?: string | null;
      options?: Array<{ name: string }>;
    }>;
    const perms = (name: string) => registered.find((c) => c.name === name)?.default_member_permissions;
    expect(['lap', 'driver'].map(perms)).toEqual(['32', '32']);
    expect(['link', 'unlink', 'me', 'notify'].map(perms)).toEqual([null, null, null, null]);
    expect(registered.find((c) => c.name === 'lap')!.options!.map((o) => o.name)).toEqual([
      'strike',
      'restore',
      'list',
    ]);
    expect(registered.find((c) => c.name === 'driver')!.options!.map((o) => o.name)).toEqual(['exclude', 'include']);
    expect(registered.find((c) => c.name === 'notify')!.options!.map((o) => o.name)).toEqual(['on', 'off']);
  });

  it('when no guild id is given, then the commands are registered globally', async () => {
    const r = await deployCommands({
      token: fake.token,
      appId: fake.applicationId,
      apiBase: fake.apiBase,
      commands: loadCommands().values(),
    });
    expect(r.scope).toBe('global');
    expect((fake.commands.global as unknown[]).length).toBe(r.count);
  });
});
