import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutputFiles, INDENT_MAX_BYTES } from '../../../src/adapters/files/OutputFiles';
import { BotState } from '../../../src/app/runtime/BotState';
import { MemoryState } from '../../support/memoryState';

describe('OutputFiles', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'outputs-'));

  it('when a file is small, then it is written indented for people to read', async () => {
    const d = dir();
    const outputs = new OutputFiles(d, new BotState(new MemoryState()));
    const value = { seasonId: 's1', rows: [{ rank: 1 }] };
    expect(await outputs.write('small.json', value)).toBe(true);
    expect(readFileSync(path.join(d, 'small.json'), 'utf8')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('when a file is larger than the indent limit, then it is written compactly, and not again while unchanged', async () => {
    const d = dir();
    const outputs = new OutputFiles(d, new BotState(new MemoryState()));
    const rows = Array.from({ length: Math.ceil(INDENT_MAX_BYTES / 20) }, (_, i) => ({
      rank: i,
      driver: `Driver ${i}`,
    }));
    const value = { generatedAt: '2026-03-01T20:00:00.000Z', rows };
    expect(await outputs.write('large.json', value)).toBe(true);
    const text = readFileSync(path.join(d, 'large.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(value)}\n`);
    expect(await outputs.write('large.json', { ...value, generatedAt: '2026-03-01T20:05:00.000Z' })).toBe(false);
  });
});
