/** The edge's configuration template (scripts/cdn/nginx.conf.template) against the publication's lifetimes. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CUT_FRAGMENT_PATH, POINTER_CACHE, cacheControl } from '../../src/core/publish/publicationRoutes.ts';

const template = await readFile('scripts/cdn/nginx.conf.template', 'utf8');
const maxAge = (header: string): number => Number(/max-age=(\d+)/.exec(header)![1]);

describe('nginx.conf.template', () => {
  it('serves an expired copy only within its own stale-while-revalidate: never `proxy_cache_use_stale updating`', () => {
    expect(template).toMatch(/^\s*proxy_cache_use_stale off;$/m);
    expect(template).not.toMatch(/^\s*proxy_cache_use_stale [^;]*updating/m);
    expect(template).toMatch(/^\s*proxy_cache_background_update on;$/m);
  });

  it('keeps the no-cache frame at the edge as long as the pointer, and nothing else longer than its own Cache-Control says', () => {
    expect(cacheControl(CUT_FRAGMENT_PATH)).toMatch(/no-cache/);
    const frame = new RegExp(`location = /${CUT_FRAGMENT_PATH.replace('.', '\\.')} \\{([^}]*)\\}`).exec(template);
    expect(frame).not.toBeNull();
    expect(frame![1]).toMatch(/proxy_ignore_headers Cache-Control;/);
    expect(Number(/proxy_cache_valid 200 (\d+)s;/.exec(frame![1]!)![1])).toBe(maxAge(POINTER_CACHE));
    // The only proxy_cache_valid of the file: every other object lives as its origin says.
    expect(template.match(/^\s*proxy_cache_valid /gm)).toHaveLength(1);
  });
});
