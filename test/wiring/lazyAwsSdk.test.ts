import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

// A single-host bot on SQLite (the default) never loads the AWS SDK: it costs about 15 MB of memory.
describe('the AWS SDK is loaded only when DynamoDB is used', () => {
  it('when the composition root and the store opener are loaded, then no @aws-sdk or @smithy module is', () => {
    const script = [
      "require('./src/wiring/index.ts');",
      "require('./src/adapters/openStore.ts');",
      'const aws = Object.keys(require.cache).filter((m) => /[\\\\/]node_modules[\\\\/]@(aws-sdk|smithy)[\\\\/]/.test(m));',
      'process.stdout.write(JSON.stringify(aws));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
