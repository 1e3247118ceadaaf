import { rotationReply } from '../../../src/adapters/discord/rotationReply';
import { planRotation } from '../../../src/domain/rotation/planRotation';
import { findEvent } from '../../../src/domain/season/resolveEvent';
import { seasonConfig } from '../../support/rotationHarness';
import { readAcConfig } from '../../domain/rotation/ini/fixtures';

const season = seasonConfig();
const title = (id: string) => `T(${id})`;
const event2 = findEvent(season, 'season1#event2')!;
const plan = planRotation(event2, {
  serverCfg: readAcConfig('manager-lf__server_cfg.ini'),
  entryList: readAcConfig('manager-lf__entry_list.ini'),
});

describe('rotationReply', () => {
  it('when a dry run removes and adds sessions, then removed keys are - lines, new ones + lines, in a diff block', () => {
    const text = rotationReply({ status: 'dry-run', plan, problems: [] }, title);
    const lines = text.split('\n');
    expect(lines[0]).toBe('**Dry run: rotating to T(season1#event2)** (`season1#event2`) would change:');
    expect(lines[1]).toBe('```diff');
    expect(lines).toContain('- [SERVER] TRACK=ks_vallelunga');
    expect(lines).toContain('+ [SERVER] TRACK=suzuka');
    expect(lines).toContain(
      '- [QUALIFY] TIME=' + /\[QUALIFY\][^[]*TIME=(\d+)/.exec(readAcConfig('manager-lf__server_cfg.ini'))![1],
    );
    expect(lines).toContain('+ [PRACTICE] TIME=10080');
    expect(lines).toContain('- 3 slots: ks_abarth500_assetto_corse x2, ks_alfa_mito_qv x1');
    expect(lines).toContain('+ 4 slots: ks_porsche_911_gt3_cup_2017 x4');
    expect(lines.at(-1)).toBe('Nothing was changed.');
  });

  it('when the changes are far too many for one message, then lines are dropped with a count and the reply fits 2000 characters', () => {
    const many = {
      ...plan,
      serverCfg: Array.from({ length: 400 }, (_, i) => ({
        section: 'SERVER',
        key: `K${i}`,
        from: 'x'.repeat(30),
        to: 'y'.repeat(30),
      })),
    };
    const text = rotationReply(
      { status: 'rotated', plan: many, previousEventId: null, restarted: true, warnings: ['w'.repeat(3000)], ms: 4321 },
      title,
    );
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/… \d+ more lines\n```/);
    expect(
      text.startsWith(
        '**Rotated to T(season1#event2)** (`season1#event2`) in 4.3 s: acServer restarted and answering.',
      ),
    ).toBe(true);
  });

  it('when a value carries backticks or a mention, then it cannot close the block or ping anyone', () => {
    const evil = { ...plan, serverCfg: [{ section: 'SERVER', key: 'NAME', from: '```@everyone', to: 'ok' }] };
    const text = rotationReply({ status: 'dry-run', plan: evil, problems: [] }, title);
    expect(text.match(/```/g)).toHaveLength(2);
    expect(text).not.toContain('@everyone');
  });

  it('when files are written without control, busy, no event or failed, then each says what happened', () => {
    expect(
      rotationReply({ status: 'rotated', plan, previousEventId: null, restarted: false, warnings: [], ms: 10 }, title),
    ).toContain('**restart acServer by hand**');
    expect(rotationReply({ status: 'busy', eventId: 'season1#event1' }, title)).toBe(
      'A rotation to `season1#event1` is already in progress. Try again when it has finished.',
    );
    expect(rotationReply({ status: 'no-event', reason: 'There is no later event in the season config.' }, title)).toBe(
      'There is no later event in the season config.',
    );
    const failed = rotationReply(
      {
        status: 'failed',
        event: event2,
        step: 'prepare',
        error: 'missing folder content/cars/x',
        restored: false,
        serverBack: null,
        warnings: [],
      },
      title,
    );
    expect(failed).toBe(
      '**Rotation failed.** Rotation to season1#event2 failed at step "prepare": missing folder content/cars/x. Nothing was changed.',
    );
  });
});
