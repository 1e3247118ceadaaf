import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { freshHostTables } from '../../support/hostTables';
import { describeHostsContract } from './hostsContract';

let server: LocalDynamo;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(() => server.close());

describeHostsContract('dynalite', () => freshHostTables(server.endpoint));
