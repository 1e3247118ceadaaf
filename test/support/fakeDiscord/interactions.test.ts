import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApplicationCommandOptionType,
  DiscordAPIError,
  Events,
  MessageFlags,
  PermissionFlagsBits,
  type Client,
  type Interaction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { FakeDiscord } from './FakeDiscord';
import { loginToFake } from './login';

const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: 'standings',
    description: 'Season standings',
    options: [
      { name: 'round', description: 'Round', type: ApplicationCommandOptionType.Integer, required: false },
      { name: 'track', description: 'Track', type: ApplicationCommandOptionType.String, autocomplete: true },
    ],
  },
  {
    name: 'alias',
    description: 'Driver aliases',
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    options: [
      {
        name: 'set',
        description: 'Set an alias',
        type: ApplicationCommandOptionType.Subcommand,
        options: [{ name: 'driver', description: 'Driver', type: ApplicationCommandOptionType.User, required: true }],
      },
    ],
  },
];

describe('fake Discord interactions with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let onInteraction: (i: Interaction) => Promise<unknown>;
  let handlerErrors: unknown[];

  beforeEach(async () => {
    fake = await FakeDiscord.start({ interactionDeadlineMs: 3000 });
    client = await loginToFake(fake);
    onInteraction = async () => undefined;
    handlerErrors = [];
    client.on(
      Events.InteractionCreate,
      (i) =>
        void onInteraction(i).catch((e: unknown) => {
          handlerErrors.push(e);
        }),
    );
    await client.application.commands.set(COMMANDS, fake.guildId);
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
    expect(handlerErrors).toEqual([]);
  });

  it('when commands are registered, then the fake keeps them per guild with ids', async () => {
    const global = await client.application.commands.set([{ name: 'ping', description: 'Ping' }]);

    expect(fake.commands.guild.map((c) => c.name)).toEqual(['standings', 'alias']);
    expect(fake.commands.guild[1]?.default_member_permissions).toBe('32');
    expect(fake.commands.global.map((c) => c.name)).toEqual(['ping']);
    expect(global.first()?.id).toBe(fake.commands.global[0]?.id);
  });

  it('when an invalid command is registered, then the API error is 50035', async () => {
    const error = await client.application.commands
      .set([{ name: 'Bad Name', description: 'x' }])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035 });
  });

  it('when a slash command is answered with an ephemeral reply, then the handle sees content and flag 64 in time', async () => {
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: `round ${i.options.getInteger('round')}`, flags: MessageFlags.Ephemeral });
    };

    const handle = fake.injectInteraction({ commandName: 'standings', options: { round: 3 } });
    const reply = await handle.waitForReply();

    expect(reply).toMatchObject({ content: 'round 3', ephemeral: true, flags: 64 });
    expect(handle.answeredInTime).toBe(true);
    expect(handle.callbacks.map((c) => c.type)).toEqual([4]);
    expect(fake.messages(fake.channelId('general'))).toEqual([]);
  });

  it('when the bot defers and then edits the reply, then the edit arrives on @original and becomes the visible reply', async () => {
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await sleep(50);
      await i.editReply({ content: 'done', embeds: [{ title: 'Standings' }] });
    };

    const handle = fake.injectInteraction({ commandName: 'standings' });
    const reply = await handle.waitForReply();

    expect(handle.deferred).toBe(true);
    expect(reply).toMatchObject({
      content: 'done',
      ephemeral: false,
      embeds: [expect.objectContaining({ title: 'Standings' })],
    });
    expect(fake.requestsTo(`PATCH /webhooks/${fake.applicationId}/${handle.token}/messages/@original`)).toHaveLength(1);
    expect(fake.messages(fake.channelId('general')).map((m) => m.content)).toEqual(['done']);
  });

  it('when the bot answers after the deadline (3 s on Discord, 100 ms here), then the callback fails with 10062 and the handle says late', async () => {
    await fake.close();
    await client.destroy();
    fake = await FakeDiscord.start({ interactionDeadlineMs: 100 });
    client = await loginToFake(fake);
    let error: unknown;
    client.on(Events.InteractionCreate, (i) => {
      void sleep(200).then(async () => {
        if (i.isRepliable()) error = await i.reply('too late').catch((e: unknown) => e);
      });
    });

    const handle = fake.injectInteraction({ commandName: 'anything' });
    await handle.waitForAnswer();
    await fake.waitFor(() => error, 2000, 'the reply error');

    expect(error).toMatchObject({ status: 404, code: 10062 });
    expect(handle.answeredInTime).toBe(false);
    expect(handle.reply).toBeNull();
  });

  it('when the bot asks for the callback response, fetches and deletes its reply, then GET and DELETE @original work', async () => {
    let fetched = '';
    let responseContent: string | undefined;
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'shown', withResponse: true });
      responseContent = response.resource?.message?.content;
      fetched = (await i.fetchReply()).content;
      await i.deleteReply();
    };

    const handle = fake.injectInteraction({ commandName: 'standings' });
    await fake.waitFor(
      () => fake.requestsTo('DELETE /webhooks/*/*/messages/@original').some((r) => r.status === 204),
      3000,
      'the delete',
    );

    expect(responseContent).toBe('shown');
    expect(fetched).toBe('shown');
    expect(handle.reply).toBeNull();
    expect(fake.messages(fake.channelId('general'))).toEqual([]);
  });

  it('when the bot replies twice, then the second callback is rejected with 40060', async () => {
    let second: unknown;
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('one');
      second = await client.rest
        .post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: 'two' } }, auth: false })
        .catch((e: unknown) => e);
    };

    const handle = fake.injectInteraction({ commandName: 'standings' });
    await fake.waitFor(() => second, 3000, 'the second callback');

    expect(second).toMatchObject({ status: 400, code: 40060 });
    expect(handle.reply?.content).toBe('one');
  });

  it('when a subcommand with a user option arrives, then discord.js resolves the member and follow-ups are recorded', async () => {
    const driver = fake.addMember('ann');
    const admin = fake.addRole('League Admin', PermissionFlagsBits.ManageGuild);
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      const user = i.options.getUser('driver', true);
      const canManage = i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      await i.reply({ content: `${i.options.getSubcommand()} ${user.username} ${canManage}` });
      await i.followUp({ content: 'saved', flags: MessageFlags.Ephemeral });
    };

    const handle = fake.injectInteraction({
      commandName: 'alias',
      subcommand: 'set',
      options: { driver },
      member: { roles: [admin] },
    });
    await fake.waitFor(() => handle.followUps.length === 1, 3000, 'the follow-up');

    expect(handle.reply?.content).toBe('set ann true');
    expect(handle.followUpViews).toEqual([expect.objectContaining({ content: 'saved', ephemeral: true })]);
  });

  it('when an autocomplete interaction arrives, then the handle gets the choices', async () => {
    onInteraction = async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond([{ name: `${typed}-spa`, value: 'spa' }]);
    };

    const handle = fake.injectInteraction({ type: 'autocomplete', commandName: 'standings', options: { track: 'sp' } });

    expect(await handle.waitForChoices()).toEqual([{ name: 'sp-spa', value: 'spa' }]);
  });

  it('when a button is pressed and the bot updates its message, then the channel message is edited', async () => {
    const channel = client.channels.cache.get(fake.channelId('general'));
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send({
      content: 'page 1',
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Next', custom_id: 'next' }] }],
    });
    onInteraction = async (i) => {
      if (!i.isButton()) return;
      await i.update({ content: `page 2 via ${i.customId}` });
    };

    const handle = fake.injectInteraction({
      type: 'button',
      customId: 'next',
      messageId: sent.id,
      channelId: sent.channelId,
    });
    await handle.waitForReply(3000, (r) => r.content.startsWith('page 2'));

    expect(fake.message(sent.channelId, sent.id)).toMatchObject({ content: 'page 2 via next', editCount: 1 });
    expect(handle.callbacks.map((c) => c.type)).toEqual([7]);
  });
});
