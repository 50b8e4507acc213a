/**
 * Returns one shared copy of each repeated value (district names, ORIGEN, TIPO_DOCUMENTO…):
 * half a million actas would otherwise each hold their own copy of the same few words,
 * and every copy is memory the garbage collector has to move.
 */
export function createInterner(limit = 50_000): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const shared = seen.get(value);
    if (shared !== undefined) return shared;
    if (seen.size < limit) seen.set(value, value);
    return value;
  };
}
