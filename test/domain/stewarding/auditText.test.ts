import { auditText, stewardingAnnouncement } from '../../../src/domain/stewarding/auditText';
import type { AuditEntry } from '../../../src/domain/stewarding/types';
import { escapeMarkdown } from '../../../src/domain/text/discordText';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'x',
  at: '2026-03-02T20:00:00.000Z',
  action: 'strike',
  by: { kind: 'discord', id: '42', name: 'Director' },
  reason: 'cut *twice*',
  driverGuid: '76561198000000001',
  driverName: '@everyone',
  eventId: 'season1#event2',
  lapKey: '76561198000000001#100000',
  lapTimeMs: 125_000,
  ...over,
});
const ctx = {
  eventTitle: () => 'Season 1 - Event 2',
  seasonName: () => 'Season 1',
  who: (a: { id: string }) => `<@${a.id}>`,
  text: escapeMarkdown,
};

describe('auditText', () => {
  it('when a strike is written for the admin channel, then it says what, where, who and why, with names unable to ping or format', () => {
    expect(auditText(entry({}), ctx)).toBe(
      '**🚩 Lap struck** · Season 1 - Event 2 (`season1#event2`) · @\u200beveryone (`76561198000000001`) · 2:05.000 (`76561198000000001#100000`) · by <@42>: cut \\*twice\\*',
    );
  });

  it('when a season exclusion or a link is written, then the season and the member are named', () => {
    expect(
      auditText(
        entry({
          action: 'exclude',
          eventId: undefined,
          seasonId: 'season1',
          lapKey: undefined,
          lapTimeMs: undefined,
          driverName: 'Gina',
        }),
        ctx,
      ),
    ).toBe(
      '**⛔ Driver excluded** · Season 1 (`season1`, whole season) · Gina (`76561198000000001`) · by <@42>: cut \\*twice\\*',
    );
    expect(
      auditText(
        entry({
          action: 'link',
          eventId: undefined,
          lapKey: undefined,
          lapTimeMs: undefined,
          reason: null,
          driverName: null,
          memberId: '7',
        }),
        ctx,
      ),
    ).toBe('**🔗 Driver linked** · (`76561198000000001`) · member <@7> · by <@42>');
  });

  it('when a decision is announced publicly, then it has no GUID and no steward', () => {
    const text = stewardingAnnouncement(entry({ driverName: 'Gina' }), ctx.eventTitle, ctx.seasonName);
    expect(text).toBe(
      "🚩 **Stewards**: Gina's 2:05.000 in Season 1 - Event 2 no longer counts. Reason: cut \\*twice\\*",
    );
    expect(text).not.toMatch(/7656|<@/);
  });
});
