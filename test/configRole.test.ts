import { ConfigError, loadConfig } from '../src/config';
import { startBotFromSource } from './support/spawnLogged';

describe('ROLE (several hosts)', () => {
  it('when ROLE is not set, then the process is the single one of today (all)', () => {
    const c = loadConfig({}, '/srv');
    expect(c.ROLE).toBe('all');
    expect(c.SERVER_ID).toBe('default');
  });

  it('when ROLE=agent or bot comes without STORE=dynamodb, then loading fails naming both, with exit code 78', () => {
    for (const role of ['agent', 'bot']) {
      let err: unknown;
      try {
        loadConfig({ ROLE: role }, '/srv');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).exitCode).toBe(78);
      expect((err as Error).message).toMatch(new RegExp(`ROLE=${role} needs STORE=dynamodb \\(got sqlite\\)`));
    }
    expect(loadConfig({ ROLE: 'agent', STORE: 'dynamodb', SERVER_ID: 'na-1' }, '/srv').SERVER_ID).toBe('na-1');
  });

  it('when SERVER_ID or AGENT_ID holds characters a key cannot, then loading fails naming it (exit 1)', () => {
    expect(() => loadConfig({ SERVER_ID: 'n a' }, '/srv')).toThrow(/SERVER_ID must be 1-64 letters/);
    expect(() => loadConfig({ AGENT_ID: 'a/b' }, '/srv')).toThrow(/AGENT_ID must be 1-64 letters/);
    expect(() => loadConfig({ ROLE: 'boat' }, '/srv')).toThrow(ConfigError);
  });

  it('when the process starts as an agent on SQLite, then it exits 78 with one line', async () => {
    const p = startBotFromSource({ ROLE: 'agent' });
    expect(await p.exitWithin(30_000)).toBe(78);
    expect(p.stderr().trim().split('\n')).toHaveLength(1);
    expect(p.stderr()).toMatch(/ROLE=agent needs STORE=dynamodb/);
  }, 40_000);
});
