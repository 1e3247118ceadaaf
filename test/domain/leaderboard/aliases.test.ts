import { aliasResolver, displayName } from '../../../src/domain/leaderboard/aliases';

const GUID = '76561198000000001';

describe('displayName', () => {
  it('when an alias names the GUID, then it wins over a name alias', () => {
    const aliases = [
      { key: 'Jérôme Ñúñez', name: 'By name' },
      { key: GUID, name: 'By GUID' },
    ];
    expect(displayName(GUID, 'Jérôme Ñúñez', aliases)).toBe('By GUID');
  });

  it('when only the name matches, ignoring case and surrounding spaces, then the name alias is used', () => {
    const aliases = [{ key: '  jérôme ñúñez ', name: 'JN' }];
    expect(displayName(GUID, 'JÉRÔME ÑÚÑEZ', aliases)).toBe('JN');
    expect(displayName('', ' Jérôme Ñúñez', aliases)).toBe('JN');
    expect(displayName(GUID, '小林', [{ key: '小林', name: 'Kobayashi' }])).toBe('Kobayashi');
  });

  it('when the name only contains the alias key, then it is not a match', () => {
    expect(displayName(GUID, 'Jérôme Ñúñez Jr', [{ key: 'Jérôme Ñúñez', name: 'JN' }])).toBe('Jérôme Ñúñez Jr');
  });

  it('when nothing matches, then the name is returned as is', () => {
    expect(displayName(GUID, 'Seb', [{ key: '76561198000000009', name: 'Other' }])).toBe('Seb');
    expect(displayName(GUID, 'Seb', [])).toBe('Seb');
  });

  it('when two aliases share a key, then the later one wins; blank aliases are ignored', () => {
    const resolve = aliasResolver([
      { key: GUID, name: 'Old' },
      { key: GUID, name: 'New' },
      { key: 'Seb', name: '   ' },
      { key: ' ', name: 'Nobody' },
    ]);
    expect(resolve(GUID, 'x')).toBe('New');
    expect(resolve('76561198000000002', 'Seb')).toBe('Seb');
    expect(resolve('', '')).toBe('');
  });
});
