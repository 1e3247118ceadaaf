import { DiscordAPIError, Routes, type Client, type TextChannel } from 'discord.js';
import { FakeDiscord } from './FakeDiscord';
import { loginToFake } from './login';

describe('fake Discord REST with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let channelId: string;
  let channel: TextChannel;

  beforeEach(async () => {
    fake = await FakeDiscord.start({ channels: ['leaderboard'] });
    channelId = fake.channelId('leaderboard');
    client = await loginToFake(fake);
    channel = client.channels.cache.get(channelId) as TextChannel;
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  it('when the client logs in, then it gets the gateway url from /gateway/bot, identifies with Guilds + GuildMessages (no privileged intents) and caches the guild', () => {
    expect(client.user.id).toBe(fake.botUserId);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200 });
    const identify = fake.gatewayPayloads.find((p) => p.op === 2);
    expect(identify?.d).toMatchObject({ token: fake.token, intents: 1 | 512 });
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.channels.cache.get(channelId)?.name).toBe('leaderboard');
    expect(guild?.members.me?.id).toBe(fake.botUserId);
    expect(client.application.id).toBe(fake.applicationId);
    fake.assertNoUnknownRoutes();
  });

  it('when the bot sends then edits a message, then the fake records POST then PATCH and keeps the edited content', async () => {
    const sent = await channel.send('first');
    await sent.edit({ content: 'second', embeds: [{ title: 'Leaderboard', description: '1. Ann' }] });

    const calls = fake.requests.filter((r) => r.path.startsWith(`/channels/${channelId}/messages`));
    expect(calls.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 200', 'PATCH 200']);
    expect(fake.messages(channelId)).toEqual([
      expect.objectContaining({ id: sent.id, content: 'second', edited: true, editCount: 1, authorId: fake.botUserId }),
    ]);
    expect(fake.messages(channelId)[0]?.embeds[0]).toMatchObject({ type: 'rich', title: 'Leaderboard' });
  });

  it('when the bot DMs a member, then the DM channel is opened once and the message kept; closed DMs answer 50007, never a retry', async () => {
    const memberId = fake.addMember('driver');
    const dm = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: memberId } })) as {
      id: string;
      type: number;
    };
    expect(dm.type).toBe(1);
    expect(
      ((await client.rest.post(Routes.userChannels(), { body: { recipient_id: memberId } })) as { id: string }).id,
    ).toBe(dm.id);
    await client.rest.post(Routes.channelMessages(dm.id), { body: { content: 'you were passed' } });
    expect(fake.dms(memberId).map((m) => m.content)).toEqual(['you were passed']);
    expect(fake.messages(channelId)).toEqual([]);

    fake.closeDms(memberId);
    const err = await client.rest
      .post(Routes.channelMessages(dm.id), { body: { content: 'again' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(50007);
    expect(fake.dmAttempts(memberId)).toHaveLength(2);
    expect(fake.dms(memberId)).toHaveLength(1);
  });

  it('when a 429 with retry_after comes back, then discord.js waits that long and the retry succeeds', async () => {
    fake.failNext('POST /channels/:id/messages', { status: 429, retryAfter: 0.3 });

    await channel.send('after rate limit');

    const posts = fake.requestsTo(`POST /channels/${channelId}/messages`);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(posts[1]!.time - posts[0]!.time).toBeGreaterThanOrEqual(300);
    expect(fake.messages(channelId).map((m) => m.content)).toEqual(['after rate limit']);
  });

  it('when a global 429 comes back, then the headers mark it global and discord.js retries after retry-after', async () => {
    fake.failNext('POST /channels/*/messages', { status: 429, retryAfter: 0.2, global: true });

    await channel.send('after global limit');

    const posts = fake.requestsTo('POST /channels/*/messages');
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    // The Retry-After header is whole seconds, as on Discord: 0.2 s becomes 1 s.
    expect(posts[1]!.time - posts[0]!.time).toBeGreaterThanOrEqual(1000);
  });

  it('when Discord answers 500 and 502, then discord.js retries and the message is sent once', async () => {
    fake.failNext('POST /channels/:id/messages', { status: 500 });
    fake.failNext('POST /channels/:id/messages', { status: 502 });

    await channel.send('after errors');

    expect(fake.requestsTo('POST /channels/:id/messages').map((r) => r.status)).toEqual([500, 502, 200]);
    expect(fake.messages(channelId)).toHaveLength(1);
  });

  it('when the content is over 2000 characters, then the API error is 50035 and nothing is stored', async () => {
    const error = await channel.send('x'.repeat(2001)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({
      status: 400,
      code: 50035,
      rawError: { errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(fake.messages(channelId)).toEqual([]);
  });

  it('when there are more than 10 embeds or an oversize embed, then the API error is 50035', async () => {
    const tooMany = await channel
      .send({ embeds: Array.from({ length: 11 }, (_, i) => ({ title: `e${i}` })) })
      .catch((e: unknown) => e);
    const tooLong = await channel.send({ embeds: [{ description: 'd'.repeat(4097) }] }).catch((e: unknown) => e);
    const tooBig = await channel
      .send({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] })
      .catch((e: unknown) => e);

    expect(tooMany).toMatchObject({
      code: 50035,
      rawError: { errors: { embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(tooLong).toMatchObject({
      code: 50035,
      rawError: { errors: { embeds: { 0: { description: expect.anything() } } } },
    });
    expect(tooBig).toMatchObject({
      code: 50035,
      rawError: { errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } },
    });
  });

  it('when a user deleted the message, then editing it fails with 10008 Unknown Message', async () => {
    const sent = await channel.send('to be deleted');
    expect(fake.deleteMessageAsUser(channelId, sent.id)).toBe(true);

    const error = await sent.edit('again').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 404, code: 10008 });
  });

  it('when the bot lacks permission in a channel, then sending there fails with 403 50013', async () => {
    fake.denyChannel(channelId);

    const error = await channel.send('denied').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 403, code: 50013 });
  });

  it('when the bot attaches a PNG, then the multipart body is parsed and the file name and size recorded', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]);

    const sent = await channel.send({
      content: 'chart',
      embeds: [{ title: 'Gaps', image: { url: 'attachment://chart.png' } }],
      files: [{ attachment: png, name: 'chart.png' }],
    });

    const post = fake.requestsTo('POST /channels/:id/messages')[0];
    expect(post?.files).toEqual([
      expect.objectContaining({ name: 'chart.png', size: png.length, contentType: 'image/png' }),
    ]);
    const stored = fake.message(channelId, sent.id);
    expect(stored?.attachmentNames).toEqual(['chart.png']);
    expect(stored?.content).toBe('chart');
    expect(sent.embeds[0]?.image?.url).toMatch(/^https:\/\/cdn\.discordapp\.com\/attachments\/.+\/chart\.png$/);
  });

  it('when the client fetches a channel, the bot user and a member, then those routes answer', async () => {
    const fetched = await client.channels.fetch(channelId, { force: true });
    const me = await client.rest.get(Routes.user('@me'));
    const owner = await client.guilds.cache.get(fake.guildId)!.members.fetch({ user: fake.ownerId, force: true });

    expect(fetched?.id).toBe(channelId);
    expect(me).toMatchObject({ id: fake.botUserId, bot: true });
    expect(owner.user.username).toBe('owner');
    fake.assertNoUnknownRoutes();
  });

  it('when the client calls a route the fake does not implement, then it gets 404 and the route is recorded', async () => {
    const error = await client.rest.get(Routes.guildBans(fake.guildId)).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 404 });
    expect(fake.unknownRoutes).toEqual([
      expect.objectContaining({ method: 'GET', path: `/guilds/${fake.guildId}/bans` }),
    ]);
    expect(() => fake.assertNoUnknownRoutes()).toThrow(/bans/);
  });

  it('when a 429 is injected, then it carries the rate-limit headers and JSON body Discord sends', async () => {
    fake.failNext('GET /channels/:id', { status: 429, retryAfter: 1.5 });
    const headers = { authorization: `Bot ${fake.token}` };

    const limited = await fetch(`${fake.apiBase}/v10/channels/${channelId}`, { headers });
    const served = await fetch(`${fake.apiBase}/v10/channels/${channelId}`, { headers });

    expect(limited.status).toBe(429);
    expect(Object.fromEntries(limited.headers)).toMatchObject({
      'content-type': 'application/json',
      'retry-after': '2',
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': '1.500',
      'x-ratelimit-scope': 'user',
      'x-ratelimit-bucket': expect.any(String),
      'x-ratelimit-reset': expect.stringMatching(/^\d+\.\d{3}$/),
    });
    expect(await limited.json()).toEqual({ message: 'You are being rate limited.', retry_after: 1.5, global: false });
    expect(served.status).toBe(200);
    expect(served.headers.get('x-ratelimit-bucket')).toBe(limited.headers.get('x-ratelimit-bucket'));
  });

  it('when a message is deleted over REST, then the answer is 204 without Content-Type', async () => {
    const sent = await channel.send('short-lived');

    const res = await fetch(`${fake.apiBase}/v10/channels/${channelId}/messages/${sent.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bot ${fake.token}` },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get('content-type')).toBeNull();
    expect(fake.messages(channelId)).toEqual([]);
  });

  it('when the token is wrong, then REST answers 401', async () => {
    const res = await fetch(`${fake.apiBase}/v10/users/@me`, { headers: { authorization: 'Bot wrong' } });

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });
});
