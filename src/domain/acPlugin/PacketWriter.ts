// Little-endian writer producing datagrams in the acServer plugin layout.
// Out-of-range values throw RangeError: they are programming errors on our side, and a silently
// wrapped car id would kick or message the wrong driver.

export class PacketWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initialSize = 64) {
    this.buf = Buffer.alloc(initialSize);
  }

  /** Reserves n bytes and returns their offset; call it before touching this.buf, which it may replace. */
  private room(n: number): number {
    if (this.pos + n > this.buf.length) {
      const next = Buffer.alloc(Math.max(this.buf.length * 2, this.pos + n));
      this.buf.copy(next, 0, 0, this.pos);
      this.buf = next;
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  private checkInt(value: number, min: number, max: number, what: string): void {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${what} must be an integer in ${min}..${max}, got ${value}`);
    }
  }

  u8(value: number): this {
    this.checkInt(value, 0, 0xff, 'u8');
    const at = this.room(1);
    this.buf[at] = value;
    return this;
  }

  u16(value: number): this {
    this.checkInt(value, 0, 0xffff, 'u16');
    const at = this.room(2);
    this.buf.writeUInt16LE(value, at);
    return this;
  }

  i16(value: number): this {
    this.checkInt(value, -0x8000, 0x7fff, 'i16');
    const at = this.room(2);
    this.buf.writeInt16LE(value, at);
    return this;
  }

  u32(value: number): this {
    this.checkInt(value, 0, 0xffffffff, 'u32');
    const at = this.room(4);
    this.buf.writeUInt32LE(value, at);
    return this;
  }

  i32(value: number): this {
    this.checkInt(value, -0x80000000, 0x7fffffff, 'i32');
    const at = this.room(4);
    this.buf.writeInt32LE(value, at);
    return this;
  }

  f32(value: number): this {
    const at = this.room(4);
    this.buf.writeFloatLE(value, at);
    return this;
  }

  bool(value: boolean): this {
    return this.u8(value ? 1 : 0);
  }

  /** s8: u8 byte count + one byte per character; only U+0000..U+00FF fit. */
  s8(text: string): this {
    if (text.length > 0xff) throw new RangeError(`s8 holds at most 255 characters, got ${text.length}`);
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 0xff) {
        throw new RangeError(`s8 holds single-byte characters only: ${JSON.stringify(text)}`);
      }
    }
    this.u8(text.length);
    const at = this.room(text.length);
    this.buf.write(text, at, text.length, 'latin1');
    return this;
  }

  /** sW: u8 code-point count + one UTF-32LE slot per code point (emoji take one slot). */
  sW(text: string): this {
    const cps: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // A lone surrogate is not a character; acServer would show garbage for it.
      cps.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
    }
    if (cps.length > 0xff) throw new RangeError(`sW holds at most 255 characters, got ${cps.length}`);
    this.u8(cps.length);
    const at = this.room(cps.length * 4);
    for (let i = 0; i < cps.length; i++) this.buf.writeUInt32LE(cps[i]!, at + i * 4);
    return this;
  }

  vec3(v: { x: number; y: number; z: number }): this {
    return this.f32(v.x).f32(v.y).f32(v.z);
  }

  /** A copy of the bytes written so far. */
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos));
  }
}
