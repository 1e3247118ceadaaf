import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { flagsOf, productionNodeFlags } from './support/nodeFlags';

const ROOT = path.resolve(__dirname, '..');
const units = readdirSync(path.join(ROOT, 'systemd')).filter(
  (f) => f.startsWith('ac-league-') && f.endsWith('.service'),
);

// The node flags keep the bot's memory down (README "Memory"); `npm start` is their one source.
describe('production node flags', () => {
  it('when npm start runs the bot, then it keeps memory down: small young generation, no wasm or baseline JIT tiers', () => {
    expect(productionNodeFlags()).toEqual(
      expect.arrayContaining(['--max-semi-space-size=1', '--optimize-for-size', '--liftoff-only', '--no-sparkplug']),
    );
  });

  it.each(units)('when systemd starts %s, then node gets the same flags as npm start', (unit) => {
    const execStart = readFileSync(path.join(ROOT, 'systemd', unit), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('ExecStart='));
    expect(flagsOf(execStart ?? '')).toEqual(productionNodeFlags());
  });

  it('when a command line has no node entry point, then reading its flags says so', () => {
    expect(() => flagsOf('exec tsx src/main.ts')).toThrow(/no "node <flags> dist\/src\/main.js"/);
  });
});
