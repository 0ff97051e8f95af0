/**
 * Collects bytes that are only lent (lib/upload.ts: valid until the next chunk is asked for)
 * into blocks of a fixed size, each handed on when full; one buffer per writer, used again for
 * every block once the block before it has been taken care of.
 */
export class BlockWriter {
  #block: Uint8Array<ArrayBuffer>;
  #held = 0;

  /**
   * `send` takes each full block (the last may be shorter) and must be done with it when its
   * promise settles. The buffer grows to `size` as bytes come, so a small file stays small.
   */
  constructor(
    readonly size: number,
    private readonly send: (block: Uint8Array) => Promise<void>,
  ) {
    this.#block = new Uint8Array(Math.min(size, 64 * 1024));
  }

  /** Bytes held, not sent yet. */
  get held(): number {
    return this.#held;
  }

  /** Copies `bytes` in, sending each block that fills. */
  async write(bytes: Uint8Array): Promise<void> {
    let at = 0;
    while (at < bytes.length) {
      if (this.#held === this.#block.length) this.#grow();
      const n = Math.min(this.#block.length - this.#held, bytes.length - at);
      this.#block.set(bytes.subarray(at, at + n), this.#held);
      this.#held += n;
      at += n;
      if (this.#held === this.size) {
        await this.send(this.#block);
        this.#held = 0;
      }
    }
  }

  /** Sends what is held (a last, shorter block), if anything, through `send` if given. */
  async end(send = this.send): Promise<void> {
    if (this.#held === 0) return;
    await send(this.#block.subarray(0, this.#held));
    this.#held = 0;
  }

  /** Forgets what is held. */
  clear(): void {
    this.#held = 0;
  }

  #grow() {
    const bigger = new Uint8Array(Math.min(this.size, this.#block.length * 2));
    bigger.set(this.#block.subarray(0, this.#held));
    this.#block = bigger;
  }
}
