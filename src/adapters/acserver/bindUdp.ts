import dgram from 'node:dgram';
import { formatHostPort, type HostPort } from './pluginEndpoints';

/** A UDP socket bound to `at`; the error names the address and the usual cause. */
export async function bindUdp(at: HostPort): Promise<dgram.Socket> {
  // A larger receive buffer rides out bursts (24 cars of CAR_UPDATE, a slow disk write); the OS caps it.
  const socket = dgram.createSocket({ type: at.host.includes(':') ? 'udp6' : 'udp4', recvBufferSize: 4 << 20 });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const hint =
        err.code === 'EADDRINUSE' ? ' (another plugin such as stracker listens there: move it to AC_PLUGIN_RELAY)' : '';
      reject(new Error(`cannot listen for acServer on ${formatHostPort(at)}: ${err.message}${hint}`));
    });
    socket.bind(at.port, at.host, () => resolve());
  });
  socket.removeAllListeners('error');
  return socket;
}
