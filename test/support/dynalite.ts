import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// dynalite ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (opts: {
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;

export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** dynalite in this process, in memory, on a free loopback port. */
export async function startDynalite(): Promise<LocalDynamo> {
  // A short CREATING phase keeps the wait-until-ACTIVE path exercised without slowing tests.
  const server = dynalite({ createTableMs: 20, deleteTableMs: 20, updateTableMs: 20 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // The SDK keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
