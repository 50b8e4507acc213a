import type { Diagnostic } from '../diagnostics.ts';

/** One line of a SHA256SUMS file: a relative path (with `/`) and the SHA-256 of its bytes. */
export interface Sha256sumsEntry {
  path: string;
  /** 64 lower-case hexadecimal digits. */
  sha256: string;
}

export type Sha256sumsParse = { ok: true; entries: Sha256sumsEntry[] } | { ok: false; errors: Diagnostic[] };

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** Orders strings by their UTF-8 bytes (what `LC_ALL=C sort` does), not by UTF-16 code units. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Why `path` cannot be listed, or undefined when it can: a relative path with `/` separators,
 * no empty, `.` or `..` segment, no backslash (a Windows separator here is a mistake) and no
 * NUL. Newlines and carriage returns are allowed: they are escaped the way GNU does.
 */
export function pathProblem(path: string): string | undefined {
  if (path.length === 0) return 'the path is empty';
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (path.includes('\\')) return 'the path contains a backslash (use / between folders)';
  if (path.startsWith('/')) return 'the path is absolute (must be relative to the folder of SHA256SUMS)';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return 'the path has an empty, "." or ".." segment';
  return undefined;
}

/**
 * The exact text of GNU `sha256sum` for these files: `<64 hex>  <path>\n` (two spaces: text
 * mode, which on POSIX reads the same bytes as binary mode), sorted by path in byte order so the
 * text depends only on the set of files. A path with a newline or carriage return is written
 * the way GNU coreutils ≥ 9 writes it: the line starts with `\` and the name is escaped.
 * Throws RangeError on an invalid checksum, an invalid path or a path given twice.
 */
export function sha256sumsText(entries: readonly Sha256sumsEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareBytes(a.path, b.path));
  let text = '';
  for (let i = 0; i < sorted.length; i++) {
    const { path, sha256 } = sorted[i]!;
    if (!HEX64.test(sha256)) throw new RangeError(`SHA256SUMS: "${path}": checksum must be 64 hexadecimal digits, got "${sha256}"`);
    const problem = pathProblem(path);
    if (problem !== undefined) throw new RangeError(`SHA256SUMS: ${JSON.stringify(path)}: ${problem}`);
    if (i > 0 && sorted[i - 1]!.path === path) throw new RangeError(`SHA256SUMS: "${path}" is listed twice`);
    const escaped = /[\n\r]/.test(path);
    const name = escaped ? path.replace(/\n/g, '\\n').replace(/\r/g, '\\r') : path;
    text += `${escaped ? '\\' : ''}${sha256.toLowerCase()}  ${name}\n`;
  }
  return text;
}

/** An integrity file's text, given as text or as its bytes; null when the bytes are not UTF-8 (a BOM is kept, for the caller to judge). */
export function utf8TextOf(text: string | Uint8Array): string | null {
  if (typeof text === 'string') return text;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(text);
  } catch {
    return null;
  }
}

/**
 * Reads SHA256SUMS text in the GNU format (`<hex>  <path>` or `<hex> *<path>`, escaped lines
 * starting with `\`). Every problem is reported with its line number; `file` names the file
 * in the diagnostics. Checksums come back in lower case.
 */
export function parseSha256sums(text: string | Uint8Array, file: string): Sha256sumsParse {
  const errors: Diagnostic[] = [];
  const fail = (message: string, line?: number, value?: string): void => {
    errors.push({ rejects: true, file, ...(line === undefined ? {} : { line }), ...(value === undefined ? {} : { value }), message });
  };
  const content = utf8TextOf(text);
  if (content === null) {
    fail('not valid UTF-8 text');
    return { ok: false, errors };
  }
  if (content.startsWith('\uFEFF')) fail('starts with a byte order mark (BOM); GNU sha256sum would not read the first line', 1);
  if (content.length === 0) {
    fail('the file is empty: it lists no files');
    return { ok: false, errors };
  }
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else fail('the last line does not end with a newline', lines.length);

  const entries: Sha256sumsEntry[] = [];
  const firstLine = new Map<string, number>();
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    let line = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line === '') return fail('empty line', lineNo);
    if (line.endsWith('\r')) return fail('ends with a carriage return (CRLF line endings); SHA256SUMS uses LF only', lineNo);
    const escaped = line.startsWith('\\');
    if (escaped) line = line.slice(1);
    const hex = line.slice(0, 64);
    if (!HEX64.test(hex)) {
      const digits = /^[0-9a-fA-F]*/.exec(line)![0].length;
      return fail(
        digits < 64 && /^[0-9a-fA-F]*(\s|$)/.test(line)
          ? `checksum has ${digits} hexadecimal digits; SHA-256 needs 64`
          : `checksum must be 64 hexadecimal digits (found "${line.charAt(digits)}" at character ${digits + 1 + (escaped ? 1 : 0)})`,
        lineNo,
        truncate(raw),
      );
    }
    if (line.length > 64 && /[0-9a-fA-F]/.test(line.charAt(64)))
      return fail('checksum is longer than 64 hexadecimal digits', lineNo, truncate(raw));
    const separator = line.slice(64, 66);
    if (separator !== '  ' && separator !== ' *')
      return fail('expected two spaces (or a space and *) between the checksum and the file name', lineNo, truncate(raw));
    const rawName = line.slice(66);
    if (rawName === '') return fail('the file name is missing', lineNo);
    let path = rawName;
    if (escaped) {
      const unescaped = unescapeName(rawName);
      if ('error' in unescaped) return fail(unescaped.error, lineNo, truncate(raw));
      path = unescaped.value;
    } else if (rawName.includes('\\')) {
      // GNU writes such names escaped; an unescaped backslash is not something we produce.
      return fail('the file name contains a backslash but the line does not start with \\ (unescaped)', lineNo, truncate(raw));
    }
    const problem = pathProblem(path);
    if (problem !== undefined) return fail(problem, lineNo, truncate(path));
    const seen = firstLine.get(path);
    if (seen !== undefined) return fail(`"${path}" is already listed on line ${seen}`, lineNo);
    firstLine.set(path, lineNo);
    entries.push({ path, sha256: hex.toLowerCase() });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}

function unescapeName(name: string): { value: string } | { error: string } {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = name[i + 1];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === 'r') out += '\r';
    else return { error: `invalid escape "\\${next ?? ''}" at character ${i + 1} of the file name (only \\\\, \\n and \\r exist)` };
    i++;
  }
  return { value: out };
}

const truncate = (s: string): string => (s.length > 100 ? `${s.slice(0, 97)}...` : s);
