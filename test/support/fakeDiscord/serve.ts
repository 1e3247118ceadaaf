// `npm run fake-discord`: the fake Discord server on its own, for trying the bot by hand.
// Writes .env.fake-discord (point the bot at it: DOTENV_CONFIG_PATH=.env.fake-discord npm start)
// and prints every message the bot posts or edits in its channels. Loopback only; Ctrl-C stops it.
// The try-out's data and results folders live in fake-discord/, emptied at each start like the
// fake's own messages, so the README walkthrough shows the same thing every time and never
// touches the quick start's data/ and acserver/. Paths are relative to where it runs (npm: the project).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FakeDiscord } from './FakeDiscord';

const CHANNELS = ['leaderboard', 'schedule', 'standings', 'announcements', 'admin'];
const TRY_OUT = 'fake-discord';

async function main() {
  const port = Number(process.env.FAKE_DISCORD_PORT ?? 8790);
  const fake = await FakeDiscord.start({ port, channels: CHANNELS, heartbeatIntervalMs: 10_000 });
  const ids = Object.fromEntries(CHANNELS.map((c) => [c, fake.channelId(c)]));
  const adminRole = fake.addRole('League Admin');
  const envFile = path.resolve('.env.fake-discord');
  rmSync(TRY_OUT, { recursive: true, force: true });
  mkdirSync(path.join(TRY_OUT, 'acserver', 'results'), { recursive: true });
  writeFileSync(
    envFile,
    [
      '# Written by npm run fake-discord: the bot talks to the fake Discord on 127.0.0.1.',
      `DATA_DIR=./${TRY_OUT}/data`,
      `AC_SERVER_DIR=./${TRY_OUT}/acserver`,
      "# The quick start's bot may still run on the website's default port 8080.",
      'WEB_PORT=8081',
      `DISCORD_TOKEN=${fake.token}`,
      `DISCORD_API_BASE=${fake.apiBase}`,
      `DISCORD_APP_ID=${fake.applicationId}`,
      `DISCORD_GUILD_ID=${fake.guildId}`,
      `LEADERBOARD_CHANNEL_ID=${ids.leaderboard}`,
      `SCHEDULE_CHANNEL_ID=${ids.schedule}`,
      `STANDINGS_CHANNEL_ID=${ids.standings}`,
      `ANNOUNCE_CHANNEL_ID=${ids.announcements}`,
      `ADMIN_CHANNEL_ID=${ids.admin}`,
      `ADMIN_ROLE_ID=${adminRole}`,
      '',
    ].join('\n'),
  );
  process.stdout.write(`fake Discord on ${fake.apiBase}; settings written to ${envFile}\n`);
  process.stdout.write('start the bot in another terminal:  DOTENV_CONFIG_PATH=.env.fake-discord npm start\n');
  process.stdout.write(
    `then drop results files into ${TRY_OUT}/acserver/results/ (the try-out's data: ${TRY_OUT}/data/)\n\n`,
  );

  const seen = new Map<string, number>();
  setInterval(() => {
    for (const [name, id] of Object.entries(ids)) {
      for (const m of fake.messages(id)) {
        const version = m.editCount;
        if (seen.get(m.id) === version) continue;
        const verb = seen.has(m.id) || version > 0 ? 'edited' : 'posted';
        seen.set(m.id, version);
        const files = m.attachmentNames.length ? `  [attachments: ${m.attachmentNames.join(', ')}]` : '';
        process.stdout.write(`──── #${name} message ${m.id} ${verb}${files}\n${m.content}\n\n`);
      }
    }
  }, 250).unref();
  process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
  await new Promise(() => {});
}

void main();
