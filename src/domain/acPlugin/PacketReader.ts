// Bounds-checked little-endian reader for acServer plugin datagrams.

/** A read ran past the end of the datagram. */
export class ShortPacketError extends Error {
  override readonly name = 'ShortPacketError';
  constructor(
    readonly what: string,
    readonly offset: number,
    readonly needed: number,
    readonly available: number,
  ) {
    super(`${what} at offset ${offset} needs ${needed} byte(s), ${available} left`);
  }
}

/** The bytes are all there but cannot mean anything (e.g. an unknown event subtype). */
export class MalformedPacketError extends Error {
  override readonly name = 'MalformedPacketError';
}

const REPLACEMENT = 0xfffd;

export class PacketReader {
  private pos: number;

  constructor(
    private readonly buf: Buffer,
    offset = 0,
  ) {
    this.pos = offset;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private take(n: number, what: string): number {
    const at = this.pos;
    if (this.buf.length - at < n) throw new ShortPacketError(what, at, n, this.buf.length - at);
    this.pos = at + n;
    return at;
  }

  u8(): number {
    return this.buf[this.take(1, 'u8')]!;
  }

  u16(): number {
    return this.buf.readUInt16LE(this.take(2, 'u16'));
  }

  i16(): number {
    return this.buf.readInt16LE(this.take(2, 'i16'));
  }

  u32(): number {
    return this.buf.readUInt32LE(this.take(4, 'u32'));
  }

  i32(): number {
    return this.buf.readInt32LE(this.take(4, 'i32'));
  }

  f32(): number {
    return this.buf.readFloatLE(this.take(4, 'f32'));
  }

  bool(): boolean {
    return this.u8() !== 0;
  }

  /** s8: u8 byte count, then single-byte characters (acServer writes ASCII; latin1 keeps every byte). */
  s8(): string {
    const len = this.u8();
    const at = this.take(len, `s8 of ${len} byte(s)`);
    return this.buf.toString('latin1', at, at + len);
  }

  /**
   * sW: u8 slot count, then that many 4-byte little-endian slots. Linux acServer writes one code
   * point per slot (UTF-32); the Windows build writes wchar_t (UTF-16 units) widened to 4 bytes, so
   * an emoji arrives as a surrogate pair in two slots. Both decode to the same string; anything
   * that is not a character becomes U+FFFD rather than failing the whole message.
   */
  sW(): string {
    const count = this.u8();
    const at = this.take(count * 4, `sW of ${count} char(s)`);
    let out = '';
    for (let i = 0; i < count; i++) {
      const cp = this.buf.readUInt32LE(at + i * 4);
      if (cp < 0xd800 || (cp > 0xdfff && cp <= 0xffff)) {
        out += String.fromCharCode(cp);
      } else if (cp >= 0x10000 && cp <= 0x10ffff) {
        out += String.fromCodePoint(cp);
      } else if (cp <= 0xdbff && i + 1 < count) {
        const low = this.buf.readUInt32LE(at + (i + 1) * 4);
        if (low >= 0xdc00 && low <= 0xdfff) {
          out += String.fromCharCode(cp, low);
          i++;
        } else {
          out += String.fromCharCode(REPLACEMENT);
        }
      } else {
        out += String.fromCharCode(REPLACEMENT);
      }
    }
    return out;
  }

  vec3(): { x: number; y: number; z: number } {
    return { x: this.f32(), y: this.f32(), z: this.f32() };
  }
}
