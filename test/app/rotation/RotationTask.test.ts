import { writeFileSync } from 'node:fs';
import { RotationTask } from '../../../src/app/rotation/RotationTask';
import { readCurrentEventId } from '../../../src/adapters/files/currentEventFile';
import { makeFakeAcServerFolder } from '../../support/fakeAcServer/FakeAcServerFolder';
import { rotationHarness, seasonConfig, type RotationHarness } from '../../support/rotationHarness';
import { waitFor } from '../../support/fakeDiscord/waitFor';
import type { RotationDeps } from '../../../src/app/rotation/rotateEvent';
import type { SeasonConfig } from '../../../src/domain/season/season';

async function setup(
  overrides: Partial<RotationDeps> = {},
  schedule?: string,
  season: () => SeasonConfig = seasonConfig,
): Promise<{ h: RotationHarness; task: RotationTask }> {
  const ac = await makeFakeAcServerFolder('crlf-plugin');
  const h = rotationHarness(ac.dir, undefined, overrides, season);
  const task = new RotationTask({
    service: h.service,
    season,
    clock: h.clock,
    readCurrentEventId: () => readCurrentEventId(h.currentEventFile),
    lastRotation: () => h.state.lastRotation(),
    log: h.deps.log,
    schedule,
  });
  return { h, task };
}
const current = (h: RotationHarness) => readCurrentEventId(h.currentEventFile);

describe('RotationTask: the schedule drives rotation (fake clock)', () => {
  it('when the clock crosses an event start, then the tick rotates exactly once, at the boundary', async () => {
    const { h, task } = await setup();
    h.clock.set('2030-01-07T17:59:59Z');
    expect(await task.tick()).toEqual({ action: 'none', reason: 'no event has started yet' });
    expect(await current(h)).toBeNull();
    h.clock.set('2030-01-07T18:00:00Z');
    expect(await task.tick()).toMatchObject({
      action: 'rotate',
      eventId: 'season1#event1',
      result: { status: 'rotated' },
    });
    expect(await task.tick()).toEqual({ action: 'none', reason: 'season1#event1 is already running' });
    h.clock.set('2030-01-14T17:59:00Z');
    expect((await task.tick()).action).toBe('none');
    expect(await current(h)).toBe('season1#event1');
    h.clock.set('2030-01-14T18:00:00Z');
    expect(await task.tick()).toMatchObject({
      action: 'rotate',
      eventId: 'season1#event2',
      result: { status: 'rotated' },
    });
    expect(await current(h)).toBe('season1#event2');
    expect(await h.state.lastRotation()).toEqual({
      eventId: 'season1#event2',
      at: '2030-01-14T18:00:00.000Z',
      by: 'schedule',
    });
  });

  it('when an admin rotated by hand, then the schedule leaves it until the next event starts', async () => {
    const { h, task } = await setup();
    h.clock.set('2030-01-15T12:00:00Z'); // event2 is scheduled
    await h.service.rotate({ kind: 'event', eventId: 'season1#event1' }, { by: 'discord:42' });
    h.clock.set('2030-01-16T12:00:00Z');
    expect(await task.tick()).toMatchObject({
      action: 'none',
      reason: expect.stringMatching(/discord:42 chose season1#event1/),
    });
    expect(await current(h)).toBe('season1#event1');
    h.clock.set('2030-01-21T18:00:00Z');
    expect(await task.tick()).toMatchObject({ action: 'rotate', eventId: 'season1#event3' });
    expect(await current(h)).toBe('season1#event3');
  });

  it('when currentEvent.json is changed by hand to another event, then the next tick rotates back to the schedule', async () => {
    const { h, task } = await setup();
    await task.tick();
    writeFileSync(h.currentEventFile, JSON.stringify({ eventId: 'season1#event3' }));
    expect(await task.tick()).toMatchObject({ action: 'rotate', eventId: 'season1#event2' });
  });

  it('when a scheduled rotation fails, then it is retried with backoff, not every minute', async () => {
    const { h, task } = await setup({ writeCurrentEvent: () => Promise.reject(new Error('disk full')) });
    expect(await task.tick()).toMatchObject({ action: 'rotate', result: { status: 'failed', step: 'current-event' } });
    h.clock.set('2030-01-14T18:01:30Z');
    expect(await task.tick()).toMatchObject({
      action: 'none',
      reason: expect.stringMatching(/failed; next try at 2030-01-14T18:05:30/),
    });
    h.clock.set('2030-01-14T18:05:30Z');
    expect((await task.tick()).action).toBe('rotate');
    h.clock.set('2030-01-14T18:14:00Z');
    expect((await task.tick()).action).toBe('none'); // second failure: 10 minutes
    expect(h.alerts).toHaveLength(2);
  });

  it('when the admin fixes the event that failed to rotate, then the next tick retries it without waiting out the backoff', async () => {
    let season = seasonConfig();
    season.seasons[0]!.events[1]!.sessions!.practice!.time = 1e21; // renders no INI file
    const { h, task } = await setup({}, undefined, () => season);
    expect(await task.tick()).toMatchObject({
      action: 'rotate',
      eventId: 'season1#event2',
      result: { status: 'failed', step: 'prepare' },
    });
    h.clock.set('2030-01-14T18:01:30Z');
    expect(await task.tick()).toMatchObject({ action: 'none', reason: expect.stringMatching(/failed; next try at/) }); // unchanged: backoff
    season = seasonConfig();
    expect(await task.tick()).toMatchObject({
      action: 'rotate',
      eventId: 'season1#event2',
      result: { status: 'rotated' },
    });
    expect(await current(h)).toBe('season1#event2');
  });

  it('when started, then it rotates at start-up and node-cron keeps ticking on its schedule', async () => {
    const { h, task } = await setup({}, '* * * * * *');
    const errors: unknown[] = [];
    await task.start((err) => errors.push(err));
    try {
      await task.firstTick;
      expect(await current(h)).toBe('season1#event2');
      writeFileSync(h.currentEventFile, JSON.stringify({ eventId: 'season1#event1' }));
      await waitFor(async () => (await current(h)) === 'season1#event2', 3000, 'a cron tick rotating back');
      expect(task.trigger).toBe('cron * * * * * * and at start-up');
    } finally {
      await task.stop();
    }
    expect(errors).toEqual([]);
  });
});
