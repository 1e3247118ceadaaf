import type { Logger } from '../logger';
import { buildWebApp, type WebAppDeps } from './buildWebApp';

export interface WebServer {
  /** e.g. http://127.0.0.1:8080/ */
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port) and says where in the log. */
export async function startWebServer(
  deps: WebAppDeps & { host: string; port: number; publicUrl?: string; log: Logger },
): Promise<WebServer> {
  const { app } = buildWebApp(deps);
  try {
    await app.listen({ host: deps.host, port: deps.port });
  } catch (err) {
    await app.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(
        `${deps.host}:${deps.port} is already in use: set WEB_PORT to a free port (or WEB_ENABLED=false)`,
        { cause: err },
      );
    if (code === 'EADDRNOTAVAIL')
      throw new Error(`${deps.host} is not an address of this machine: fix WEB_HOST`, { cause: err });
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : deps.port;
  const host = deps.host.includes(':') ? `[${deps.host}]` : deps.host;
  const url = `http://${host}:${port}/`;
  deps.log.info(
    { url, publicUrl: deps.publicUrl },
    `website at ${url}${deps.publicUrl ? ` (public address ${deps.publicUrl})` : ''}`,
  );
  return { url, close: () => app.close() };
}
