/**
 * Bytes of small published files, as they are and gzipped, kept in memory by file identity
 * (device, inode, size, modification time): a file never changes in place, so an entry is
 * never stale, and a hot page under load is read and compressed once. Least recently used
 * entries go first once the budget is spent.
 */
export class ByteCache {
  readonly #entries = new Map<string, Buffer>();
  readonly #budget: number;
  #bytes = 0;

  constructor(budget: number) {
    this.#budget = budget;
  }

  get(key: string): Buffer | undefined {
    const bytes = this.#entries.get(key);
    if (bytes !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, bytes);
    }
    return bytes;
  }

  set(key: string, bytes: Buffer): void {
    if (bytes.length > this.#budget) return;
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= old.length;
    }
    this.#entries.set(key, bytes);
    this.#bytes += bytes.length;
    for (const [k, b] of this.#entries) {
      if (this.#bytes <= this.#budget) break;
      this.#entries.delete(k);
      this.#bytes -= b.length;
    }
  }
}
