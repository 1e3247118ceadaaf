import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { formatHostPort, type HostPort } from './pluginEndpoints';

/** A dual-stack socket reports IPv4 senders as ::ffff:a.b.c.d. */
const normalise = (address: string) => address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * One UDP peer the bot trusts (acServer, or the relayed plugin), by the addresses its configured
 * host stands for and its port: acServer sends from its UDP_PLUGIN_LOCAL_PORT, so anything from
 * another address or port is somebody else.
 */
export class KnownSender {
  private constructor(
    readonly at: HostPort,
    private readonly addresses: ReadonlySet<string>,
  ) {}

  /** Resolves a host name once, at start; an IP address is taken as it is. */
  static async resolve(at: HostPort, what: string): Promise<KnownSender> {
    if (isIP(at.host)) return new KnownSender(at, new Set([normalise(at.host)]));
    const found = await dns.lookup(at.host, { all: true }).catch((err: Error) => {
      throw new Error(`cannot resolve ${what} ${formatHostPort(at)}: ${err.message}`);
    });
    return new KnownSender(at, new Set(found.map((a) => normalise(a.address))));
  }

  is(from: { address: string; port: number }): boolean {
    return from.port === this.at.port && this.addresses.has(normalise(from.address));
  }
}
