import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeJsonAtomic } from '../../../src/adapters/files/atomicWrite';

describe('writeJsonAtomic', () => {
  it('when many writes of the same file race, then the file is always one complete write and no temp file is left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'leaderboard.json');
    await Promise.all(Array.from({ length: 200 }, (_, i) => writeJsonAtomic(file, { i, rows: Array(50).fill(i) })));
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.rows.every((r: number) => r === doc.i)).toBe(true);
    expect(readdirSync(dir)).toEqual(['leaderboard.json']);
  });
});
