import { TaskRunner, type BackgroundTask } from '../../../src/app/runtime/TaskRunner';
import { silentLogger } from '../../../src/logger';

const task = (
  name: string,
  over: Partial<BackgroundTask> = {},
): BackgroundTask & { started: boolean; stopped: boolean } => {
  const t = { name, trigger: 'test', started: false, stopped: false } as BackgroundTask & {
    started: boolean;
    stopped: boolean;
  };
  t.start = over.start ?? (async () => void (t.started = true));
  t.stop = over.stop ?? (async () => void (t.stopped = true));
  return t;
};

describe('TaskRunner', () => {
  it('when one task fails to start, then the others still run and the failure is reported once', async () => {
    const reports: string[] = [];
    const runner = new TaskRunner(silentLogger, (name, message) => reports.push(`${name}: ${message}`));
    const a = task('a');
    const broken = task('broken', {
      start: async () => {
        throw new Error('port in use');
      },
    });
    const c = task('c');
    await runner.add(a).add(broken).add(c).startAll();
    expect([a.started, c.started]).toEqual([true, true]);
    expect(reports).toEqual(['broken: start failed: port in use']);
  });

  it('when a running task reports an error, then it goes to the one error sink and nothing throws', async () => {
    const reports: string[] = [];
    const runner = new TaskRunner(silentLogger, (name, message) => reports.push(`${name}: ${message}`));
    let report: ((err: unknown, what: string) => void) | undefined;
    await runner.add(task('watcher', { start: async (r) => void (report = r) })).startAll();
    report!(new Error('disk full'), 'write leaderboard.json');
    expect(reports).toEqual(['watcher: write leaderboard.json failed: disk full']);
  });

  it('when stopping, then tasks stop in reverse order and a failing stop does not block the rest', async () => {
    const order: string[] = [];
    const runner = new TaskRunner(silentLogger);
    runner.add(task('first', { stop: async () => void order.push('first') }));
    runner.add(
      task('second', {
        stop: async () => {
          order.push('second');
          throw new Error('x');
        },
      }),
    );
    runner.add(task('third', { stop: async () => void order.push('third') }));
    await runner.startAll();
    await runner.stopAll();
    expect(order).toEqual(['third', 'second', 'first']);
  });
});
