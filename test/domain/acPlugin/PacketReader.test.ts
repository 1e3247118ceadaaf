import { PacketReader, PacketWriter, ShortPacketError, sessionTypeName } from '../../../src/domain/acPlugin';

describe('PacketReader / PacketWriter', () => {
  it('when every primitive is written and read back, then the values and byte order match', () => {
    const buf = new PacketWriter(1)
      .u8(250)
      .u16(0xbeef)
      .i16(-2)
      .u32(0xdeadbeef)
      .i32(-123456)
      .f32(-0.75)
      .s8('abc')
      .sW('é😀')
      .toBuffer();
    expect([...buf.subarray(0, 5)]).toEqual([250, 0xef, 0xbe, 0xfe, 0xff]);
    const r = new PacketReader(buf);
    expect([r.u8(), r.u16(), r.i16(), r.u32(), r.i32(), r.f32(), r.s8(), r.sW()]).toEqual([
      250,
      0xbeef,
      -2,
      0xdeadbeef,
      -123456,
      -0.75,
      'abc',
      'é😀',
    ]);
    expect(r.remaining).toBe(0);
  });

  it('when sW holds an emoji, then it takes one 4-byte slot with its code point', () => {
    expect([...new PacketWriter().sW('😀').toBuffer()]).toEqual([0x01, 0x00, 0xf6, 0x01, 0x00]);
  });

  it('when a read passes the end, then a ShortPacketError says where and how much', () => {
    const r = new PacketReader(Buffer.from([0x01, 0x02, 0x03]));
    r.u8();
    try {
      r.u32();
      throw new Error('expected a throw');
    } catch (err) {
      expect(err).toBeInstanceOf(ShortPacketError);
      expect(err).toMatchObject({ offset: 1, needed: 4, available: 2 });
    }
    expect(r.offset).toBe(1);
  });

  it('when an s8 length is larger than the bytes left, then it is a ShortPacketError', () => {
    expect(() => new PacketReader(Buffer.from([0x05, 0x41])).s8()).toThrow(ShortPacketError);
  });

  it('when the wire session type is mapped, then it gives the league name', () => {
    expect([0, 1, 2, 3, 9].map(sessionTypeName)).toEqual(['BOOKING', 'PRACTICE', 'QUALIFY', 'RACE', 'UNKNOWN']);
  });
});
