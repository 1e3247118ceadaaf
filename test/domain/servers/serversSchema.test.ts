import { parseServersConfig } from '../../../src/domain/servers/serversSchema';
import { SeasonConfigError } from '../../../src/domain/season/seasonConfigError';

const SOURCE = 'servers.json';

function problemsOf(json: unknown): string[] {
  try {
    parseServersConfig(JSON.stringify(json), SOURCE);
  } catch (e) {
    if (e instanceof SeasonConfigError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected a SeasonConfigError');
}

describe('parseServersConfig', () => {
  test('when two servers are declared, then each gets its defaults and its control', () => {
    const gt3 = {
      id: 'gt3',
      name: 'GT3 server',
      folder: '/srv/gt3',
      control: { type: 'systemd', unit: 'acserver-gt3' },
    };
    const mx5 = {
      id: 'mx5',
      name: 'MX5 server',
      folder: 'mx5',
      resultsFolder: 'mx5/out',
      control: { type: 'child', command: './acServer -c x' },
      plugin: { listen: '127.0.0.1:12001', server: '127.0.0.1:11001' },
      timeZone: 'America/New_York',
    };
    const servers = parseServersConfig(JSON.stringify({ servers: [gt3, mx5] }), SOURCE);
    expect(servers).toEqual([{ ...gt3, resultsFolder: null, plugin: {}, timeZone: 'UTC' }, mx5]);
  });

  test('when control is the string "none", then the server is restarted by hand', () => {
    const [s] = parseServersConfig(
      JSON.stringify({ servers: [{ id: 'a', name: 'A', folder: 'a', control: 'none' }] }),
      SOURCE,
    );
    expect(s!.control).toEqual({ type: 'none' });
  });

  test('when ids repeat, a control is unknown, a port is wrong or a key is misspelt, then each problem is named', () => {
    const problems = problemsOf({
      servers: [
        { id: 'a', name: 'A', folder: 'a', control: { type: 'docker' } },
        { id: 'a', name: 'B', folder: 'b', plugin: { listen: '127.0.0.1:99999' } },
        { id: 'c#1', name: 'C', folder: 'c', timezone: 'UTC' },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^servers\[1]\.id: "a" is already used by \[0]/),
        expect.stringMatching(/^servers\[0]\.control(\.type)?: must be "none", \{ "type": "systemd"/),
        expect.stringMatching(/^servers\[1]\.plugin\.listen: must be host:port/),
        expect.stringMatching(/^servers\[2]\.id: "c#1" is not a valid server id: use 1-64 letters/),
        expect.stringMatching(/^servers\[2]\.timezone: unknown key \(did you mean "timeZone"\?\)/),
      ]),
    );
  });

  test('when two servers listen on one plugin port, then the second is refused', () => {
    const listen = '127.0.0.1:12000';
    expect(
      problemsOf({
        servers: [
          { id: 'a', name: 'A', folder: 'a', plugin: { listen } },
          { id: 'b', name: 'B', folder: 'b', plugin: { listen } },
        ],
      }),
    ).toEqual([
      `servers[1].plugin.listen: ${listen} is already used by servers[0]: each server needs its own UDP plugin port`,
    ]);
  });

  test('when the list is empty or the file is not JSON, then it says so', () => {
    expect(problemsOf({ servers: [] })[0]).toMatch(/^servers: must list at least one server/);
    expect(() => parseServersConfig('{ "servers": [', SOURCE)).toThrow(/servers\.json: is not valid JSON/);
  });
});
