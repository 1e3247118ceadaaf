import { AuditPublisher } from '../../../src/app/stewarding/AuditPublisher';
import { StewardingState } from '../../../src/app/stewarding/StewardingState';
import { auditEntry } from '../../../src/app/stewarding/auditEntry';
import type { AuditEntry } from '../../../src/domain/stewarding/types';
import { silentLogger } from '../../../src/logger';
import { MemoryState } from '../../support/memoryState';

const action = (n: number, kind: AuditEntry['action'] = 'strike') =>
  auditEntry(new Date(Date.UTC(2026, 2, 2, 20, 0, n)), {
    action: kind,
    by: { kind: 'cli', id: 'a', name: 'a' },
    reason: `r${n}`,
    driverGuid: 'g',
    driverName: null,
  });

describe('AuditPublisher', () => {
  const setup = (state: StewardingState) => {
    const admins: string[] = [];
    const publicly: string[] = [];
    const publisher = new AuditPublisher({
      state,
      log: silentLogger,
      toAdmins: async (e) => void admins.push(e.reason!),
      toPublic: async (e) => void publicly.push(e.reason!),
    });
    return { admins, publicly, publisher };
  };

  it('when the bot starts for the first time, then the old trail is not posted; what comes later is, once, even an older entry recorded late', async () => {
    const state = new StewardingState(new MemoryState());
    await state.record(action(1));
    const { admins, publisher } = setup(state);
    await publisher.start();
    await state.record(action(3));
    await state.record(action(2));
    await Promise.all([publisher.publish(), publisher.publish()]);
    expect(admins.sort()).toEqual(['r2', 'r3']);
  });

  it('when the bot restarts, then what was recorded meanwhile (by the CLI) is posted, nothing twice; link actions stay off the public channel', async () => {
    const state = new StewardingState(new MemoryState());
    const first = setup(state);
    await first.publisher.start();
    await state.record(action(1));
    await first.publisher.publish();
    await state.record(action(2));
    await state.record(action(3, 'link'));
    const second = setup(state);
    await second.publisher.start();
    await second.publisher.publish();
    expect([first.admins, second.admins, second.publicly]).toEqual([['r1'], ['r2', 'r3'], ['r2']]);
  });
});
