import { createLogger } from '../src/logger';

describe('createLogger', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, log: createLogger('info', { write: (l: string) => void lines.push(l) }) };
  };

  it('when a token or password is logged, then it is redacted', () => {
    const { lines, log } = capture();
    log.info(
      { token: 'abc.def', config: { DISCORD_TOKEN: 'xyz', password: 'p' }, headers: { authorization: 'Bot abc' } },
      'x',
    );
    expect(lines.join()).not.toMatch(/abc\.def|xyz|"p"|Bot abc/);
    expect(lines.join()).toContain('[redacted]');
  });

  it('when a Discord error carrying a request body with files is logged, then the body is left out', () => {
    const { lines, log } = capture();
    const err = Object.assign(new Error('Internal Server Error'), {
      status: 500,
      requestBody: { files: [{ name: 'chart.png', data: Buffer.alloc(60_000) }] },
    });
    log.error({ err }, 'could not update');
    expect(lines[0]?.length).toBeLessThan(5000);
    expect(lines[0]).toContain('Internal Server Error');
  });
});
