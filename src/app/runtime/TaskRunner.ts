import type { Logger } from '../../logger';

/** A background job the bot hosts: ingest watcher, schedule post, rotation cron, ... */
export interface BackgroundTask {
  name: string;
  /** What makes it run, for the start-up log: "results folder watch", "cron * * * * *", ... */
  trigger: string;
  start(report: (err: unknown, what: string) => void): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts and stops every task and is the one place their errors are reported. A task that
 * fails to start or throws later is logged; the process and the other tasks carry on.
 */
export class TaskRunner {
  private readonly tasks: BackgroundTask[] = [];
  private readonly started: BackgroundTask[] = [];

  constructor(
    private readonly log: Logger,
    private readonly onError: (task: string, message: string) => void = () => {},
  ) {}

  add(task: BackgroundTask): this {
    this.tasks.push(task);
    return this;
  }

  report(task: string, err: unknown, what: string): void {
    const message = err instanceof Error ? err.message : String(err);
    this.log.error({ task, err }, `${task}: ${what} failed: ${message}`);
    try {
      this.onError(task, `${what} failed: ${message}`);
    } catch {
      // reporting must never throw back into a task
    }
  }

  async startAll(): Promise<void> {
    for (const task of this.tasks) {
      try {
        await task.start((err, what) => this.report(task.name, err, what));
        this.started.push(task);
        this.log.info({ task: task.name, trigger: task.trigger }, 'task started');
      } catch (err) {
        this.report(task.name, err, 'start');
      }
    }
  }

  /** Stop in reverse order of start, so consumers stop before what feeds them is closed. */
  async stopAll(): Promise<void> {
    for (const task of [...this.started].reverse()) {
      try {
        await task.stop();
      } catch (err) {
        this.report(task.name, err, 'stop');
      }
    }
    this.started.length = 0;
  }
}
