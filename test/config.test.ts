import path from 'node:path';
import { loadConfig, ConfigError } from '../src/config';

describe('loadConfig', () => {
  it('when nothing is set, then a fresh clone runs on SQLite under ./data with Discord off', () => {
    const c = loadConfig({}, '/srv/bot');
    expect(c.STORE).toBe('sqlite');
    expect(c.sqlitePath).toBe(path.resolve('/srv/bot/data/league.db'));
    expect(c.resultsDir).toBe(path.resolve('/srv/bot/acserver/results'));
    expect(c.seasonConfigPath).toBe(path.resolve('/srv/bot/data/seasonConfig.json'));
    expect(c.currentEventFile).toBe(path.resolve('/srv/bot/data/currentEvent.json'));
    expect(c.DISCORD_TOKEN).toBeUndefined();
    expect(c.DISCORD_API_BASE).toBe('https://discord.com/api');
  });

  it('when paths are given, then they win over the defaults', () => {
    const c = loadConfig({ AC_SERVER_DIR: '/opt/ac', RESULTS_DIR: '/mnt/results', STORE: 'dynamodb' }, '/srv/bot');
    expect(c.resultsDir).toBe('/mnt/results');
    expect(c.AC_SERVER_DIR).toBe('/opt/ac');
    expect(c.STORE).toBe('dynamodb');
  });

  it('when the results folder is set in .env, then config names the variable (a missing one is then reported, not created)', () => {
    expect(loadConfig({}, '/srv/bot').resultsDirSetBy).toBeUndefined();
    // .env.example carries the default: the quick start still creates ./acserver/results.
    expect(loadConfig({ AC_SERVER_DIR: './acserver' }, '/srv/bot').resultsDirSetBy).toBeUndefined();
    expect(loadConfig({ AC_SERVER_DIR: '/opt/ac' }, '/srv/bot').resultsDirSetBy).toBe('AC_SERVER_DIR');
    expect(loadConfig({ AC_SERVER_DIR: '/opt/ac', RESULTS_DIR: '/mnt/results' }, '/srv/bot').resultsDirSetBy).toBe(
      'RESULTS_DIR',
    );
    expect(loadConfig({ RESULTS_MAX_MB: '64' }).RESULTS_MAX_MB).toBe(64);
    expect(loadConfig({}).RESULTS_MAX_MB).toBe(32);
  });

  it.each([
    [{ RESULTS_MAX_MB: '0' }, 'RESULTS_MAX_MB'],
    [{ STORE: 'postgres' }, 'STORE'],
    [{ AC_SERVER_TZ: 'Mars/Olympus' }, 'AC_SERVER_TZ'],
    [{ LEADERBOARD_CHANNEL_ID: '#leaderboard' }, 'LEADERBOARD_CHANNEL_ID'],
    [{ DYNAMODB_ENDPOINT: 'localhost:8000' }, 'DYNAMODB_ENDPOINT'],
    [{ RESULTS_SETTLE_MS: 'soon' }, 'RESULTS_SETTLE_MS'],
    [{ DRIVER_NAMES: 'nickname' }, 'DRIVER_NAMES'],
    [{ NOTIFY_INTERVAL_S: '1' }, 'NOTIFY_INTERVAL_S'],
  ])('when %j is wrong, then start-up stops with a message naming %s and the fix', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name} .*fix it in \\.env`));
  });

  it('when a secret-looking variable is invalid, then its value is not echoed', () => {
    // DISCORD_TOKEN accepts any string; force an error elsewhere and make sure the token never appears.
    try {
      loadConfig({ DISCORD_TOKEN: 'super-secret-token', STORE: 'nope' });
      throw new Error('expected ConfigError');
    } catch (err) {
      expect((err as Error).message).not.toContain('super-secret-token');
    }
  });
});
