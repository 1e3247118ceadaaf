import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTables } from '../../src/adapters/dynamodb/createTables';
import { DynamoStore } from '../../src/adapters/dynamodb/DynamoStore';
import { openStore } from '../../src/adapters/openStore';
import { SqliteStore } from '../../src/adapters/sqlite/SqliteStore';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { TEST_CREDENTIALS, testDynamoClient } from '../support/dynamoTestClient';
import { lap } from './storeContract';

let dir: string;
let server: LocalDynamo;
const savedEnv = { ...process.env };
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-store-'));
  server = await startDynalite();
  // openStore uses the default credential chain; these dummy keys keep it off real AWS.
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
});
afterAll(async () => {
  process.env = savedEnv;
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('when STORE is sqlite, then it opens the SQLite file at SQLITE_PATH', async () => {
    const config = loadConfig({ STORE: 'sqlite', DATA_DIR: 'data', SQLITE_PATH: 'db/league.db' }, dir);
    const store = await openStore(config, silentLogger);
    expect(store).toBeInstanceOf(SqliteStore);
    await store.putLaps([lap()]);
    await store.close();
    expect(fs.existsSync(path.join(dir, 'db', 'league.db'))).toBe(true);
  });

  it('when STORE is dynamodb and the tables are missing, then it fails telling the admin to run create-tables', async () => {
    const config = loadConfig(
      {
        STORE: 'dynamodb',
        DYNAMODB_ENDPOINT: server.endpoint,
        DYNAMODB_RESULTS_TABLE: 'NoResults',
        DYNAMODB_STATE_TABLE: 'NoState',
      },
      dir,
    );
    await expect(openStore(config, silentLogger)).rejects.toThrow(
      /tables "NoResults", "NoState" not found .*npm run cli -- create-tables/,
    );
  });

  it('when STORE is dynamodb and the tables exist, then laps written through it read back', async () => {
    const client = testDynamoClient(server.endpoint);
    await createTables(client, { results: 'OpenResults', state: 'OpenState' }, silentLogger, { pollMs: 10 });
    client.destroy();
    const config = loadConfig(
      {
        STORE: 'dynamodb',
        DYNAMODB_ENDPOINT: server.endpoint,
        DYNAMODB_RESULTS_TABLE: 'OpenResults',
        DYNAMODB_STATE_TABLE: 'OpenState',
      },
      dir,
    );
    const store = await openStore(config, silentLogger);
    expect(store).toBeInstanceOf(DynamoStore);
    await store.putLaps([lap()]);
    expect(await store.lapsForEvent('season1#event2')).toEqual([lap()]);
    await store.close();
  });
});
