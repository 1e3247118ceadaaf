import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { flagsOf, productionEnv, productionNodeFlags } from './support/nodeFlags';

const ROOT = path.resolve(__dirname, '..');
const unitText = (unit: string) => readFileSync(path.join(ROOT, 'systemd', unit), 'utf8');
/** The units that run the bot (the backup unit runs the CLI once, with node's defaults). */
const units = readdirSync(path.join(ROOT, 'systemd')).filter(
  (f) => f.startsWith('ac-league-') && f.endsWith('.service') && unitText(f).includes('dist/bot.js'),
);

// The node flags keep the bot's memory down (README "Memory"); `npm start` is their one source.
describe('production node flags', () => {
  it('when npm start runs the bot, then it keeps memory down: small young generation, no wasm or baseline JIT tiers, collection when quiet', () => {
    expect(productionNodeFlags()).toEqual(
      expect.arrayContaining([
        '--max-semi-space-size=1',
        '--optimize-for-size',
        '--liftoff-only',
        '--no-sparkplug',
        '--expose-gc',
      ]),
    );
  });

  it('when the units are listed, then both bot units are among them', () => {
    expect([...units].sort()).toEqual(['ac-league-agent.service', 'ac-league-bot.service']);
  });

  it.each(units)('when systemd starts %s, then node gets the same flags as npm start', (unit) => {
    const execStart = unitText(unit)
      .split('\n')
      .find((l) => l.startsWith('ExecStart='));
    expect(flagsOf(execStart ?? '')).toEqual(productionNodeFlags());
  });

  it('when npm start runs the bot, then glibc keeps two arenas and returns freed blocks over 128 KB', () => {
    expect(productionEnv()).toEqual({
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
      MALLOC_TRIM_THRESHOLD_: '131072',
    });
  });

  it.each(units)('when systemd starts %s, then node gets the same environment as from npm start', (unit) => {
    const environment = unitText(unit)
      .split('\n')
      .filter((l) => l.startsWith('Environment='))
      .flatMap((l) => l.slice('Environment='.length).split(/\s+/))
      .map((kv) => kv.split('=', 2) as [string, string]);
    expect(Object.fromEntries(environment)).toEqual(productionEnv());
  });

  it('when a command line has no node entry point, then reading its flags says so', () => {
    expect(() => flagsOf('exec tsx src/main.ts')).toThrow(/no "node <flags> dist\/bot.js"/);
  });
});
