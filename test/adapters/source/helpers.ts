import { InputError } from '../../../src/core/diagnostics.ts';

/** Everything an async iterable yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Yields the given pieces as they are (strings or bytes). */
export async function* pieces<T>(...items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** Text cut into pieces of the given sizes (cycled); one character each by default. */
export async function* textInChunks(text: string, sizes: number[] = [1]): AsyncGenerator<string> {
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    yield text.slice(at, at + size);
    at += size;
  }
}

/** Bytes cut into pieces of the given sizes (cycled). */
export async function* bytesInChunks(bytes: Uint8Array, sizes: number[] = [1]): AsyncGenerator<Uint8Array> {
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** The InputError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw new Error(`expected an InputError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an InputError, but it succeeded');
}
