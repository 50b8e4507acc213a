/** An opened input: the name to use in diagnostics and its bytes, read once, in order. */
export interface Source {
  name: string;
  bytes: AsyncIterable<Uint8Array>;
}
