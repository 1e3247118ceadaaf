import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTables } from '../../src/adapters/dynamodb/createTables';
import { silentLogger } from '../../src/logger';
import { startDynamoDbLocal } from './dynamoDbLocal';
import type { LocalDynamo } from './dynalite';
import { TEST_CREDENTIALS, TEST_REGION, testDynamoClient } from './dynamoTestClient';
import { FakeDiscord } from './fakeDiscord';
import { BOT_CHANNELS, botChannels, fakeDiscordEnv, type BotChannel } from './fakeDiscordEnv';
import {
  FAKE_AC_SERVER_COMMAND,
  makeFakeAcServerFolder,
  type FakeAcServerFolder,
} from './fakeAcServer/FakeAcServerFolder';
import { ROTATION_SEASON } from './rotationHarness';
import { startBotFromSource, type LoggedProcess } from './spawnLogged';

type Channel = BotChannel;

/**
 * Several hosts on one machine: DynamoDB Local (the jar), the fake Discord, and per agent a fake
 * acServer folder; the bot and the agents run as separate processes (src/main.ts) with ROLE set.
 */
export interface Hosts {
  dynamo: LocalDynamo;
  fake: FakeDiscord;
  channels: Record<Channel, string>;
  adminRoleId: string;
  ac: Record<string, FakeAcServerFolder>;
  startAgent(serverId: string, env?: Record<string, string>): LoggedProcess;
  startBot(env?: Record<string, string>): LoggedProcess;
  /** Writes a results file into the server's results folder, as acServer would. */
  dropResults(serverId: string, name: string, bytes: Buffer): void;
  close(): Promise<void>;
}

export async function startHosts(serverIds: string[], common: Record<string, string> = {}): Promise<Hosts> {
  const dynamo = await startDynamoDbLocal();
  const admin = testDynamoClient(dynamo.endpoint);
  await createTables(admin, { results: 'Results', state: 'BotState' }, silentLogger, { pollMs: 50 });
  admin.destroy();
  const fake = await FakeDiscord.start({ channels: BOT_CHANNELS });
  const channels = botChannels(fake);
  const adminRoleId = fake.addRole('League Admin');
  const dir = mkdtempSync(path.join(tmpdir(), 'hosts-'));
  writeFileSync(path.join(dir, 'seasonConfig.json'), ROTATION_SEASON);
  const ac: Record<string, FakeAcServerFolder> = {};
  for (const id of serverIds) ac[id] = await makeFakeAcServerFolder('crlf-plugin');
  const shared = {
    STORE: 'dynamodb',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    SEASON_CONFIG: path.join(dir, 'seasonConfig.json'),
    RESULTS_SETTLE_MS: '100',
    WEB_ENABLED: 'false',
    LOG_LEVEL: 'debug',
    CHANGE_POLL_MS: '250',
    ...common,
  };
  const running: LoggedProcess[] = [];
  const track = (p: LoggedProcess) => (running.push(p), p);
  return {
    dynamo,
    fake,
    channels,
    adminRoleId,
    ac,
    startAgent: (serverId, env = {}) =>
      track(
        startBotFromSource({
          ...shared,
          ROLE: 'agent',
          AGENT_ID: `agent-${serverId}`,
          SERVER_ID: serverId,
          DATA_DIR: path.join(dir, serverId, 'data'),
          AC_SERVER_DIR: ac[serverId]!.dir,
          AC_SERVER_CONTROL: 'child',
          AC_SERVER_COMMAND: FAKE_AC_SERVER_COMMAND,
          AC_SERVER_HEALTH_TIMEOUT_MS: '8000',
          ROTATION_ENABLED: 'false',
          AC_PLUGIN_ENABLED: 'false',
          ...env,
        }),
      ),
    startBot: (env = {}) =>
      track(
        startBotFromSource({
          ...shared,
          ROLE: 'bot',
          DATA_DIR: path.join(dir, 'bot', 'data'),
          ...fakeDiscordEnv(fake, channels, adminRoleId),
          ...env,
        }),
      ),
    dropResults(serverId, name, bytes) {
      const results = path.join(ac[serverId]!.dir, 'results');
      mkdirSync(results, { recursive: true });
      // Written beside it, then renamed: the watcher never sees half a file.
      writeFileSync(path.join(results, `.${name}.tmp`), bytes);
      renameSync(path.join(results, `.${name}.tmp`), path.join(results, name));
    },
    async close() {
      for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
      await Promise.all(running.map((p) => p.exitWithin(15_000)));
      for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await fake.close();
      await dynamo.close();
    },
  };
}
