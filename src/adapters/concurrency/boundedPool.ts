/**
 * Runs `work` on every item with at most `limit` at a time. The first failure stops new
 * items from starting; the items already running are awaited before it is thrown, so that
 * no request is still in flight when the caller decides what to do next. `worker` (0 to
 * limit - 1) says which of the concurrent runners took the item, for state one runner reuses
 * from item to item (a read buffer).
 */
export async function forEachBounded<T>(items: readonly T[], limit: number, work: (item: T, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (index: number): Promise<void> => {
    while (failure === null && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, (_, index) => worker(index)));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
