/**
 * The search box: loads the head of the static index (`/buscar/datos.json`: the elections and
 * the section ranges of its shards) the first time it is needed, then only the shards a query
 * needs (about 10 kB compressed each; one for an entity like Guerrero), and finds districts
 * and municipios by name or number (from the head alone), sections and casillas with
 * findInIndex. Without JavaScript this renders only a note: the page around it
 * lists every district and municipio, whose pages list their sections.
 */
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { findInIndex, isShardOf, joinShards, parseSearchQuery, shardPaths, shardsFor, type SearchHead, type SearchHit, type SearchShard } from '../../core/site/searchIndex.ts';
import { displayName } from '../../core/site/displayName.ts';
import { browser, inputValue } from './browser.ts';

export interface SearchProps {
  /** URL of the search index's head. */
  index: string;
  /** `Distrito`/`Municipio` names by level, for the results. */
  levels: Record<string, string>;
}

/** Every file fetched once per page (a shard its head does not list is never used: see find). */
const loading = new Map<string, Promise<unknown>>();

/** `url`'s JSON, fetched once; `fresh`: fetched again, past the browser's cache. */
function load<T>(url: string, fresh = false): Promise<T> {
  let p = fresh ? undefined : loading.get(url);
  if (p === undefined) {
    p = fetch(url, fresh ? { cache: 'no-cache' } : {}).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    });
    p.catch(() => loading.delete(url));
    loading.set(url, p);
  }
  return p as Promise<T>;
}

/**
 * The head and the shards a query needs, all of one cut; null when the shards are not the ones
 * the head lists. Shards are carried over from the cut they were written at while their
 * sections do not change: a shard belongs to the head when its cut is the one the head lists
 * for it. Another — a newer cut's, or an older one still in a cache — would mix two cuts, so
 * head and shards are fetched once more past the browser's cache before giving up.
 */
async function find(index: string, query: string): Promise<{ head: SearchHead; shards: SearchShard[] } | null> {
  for (const fresh of [false, true]) {
    const head = await load<SearchHead>(index, fresh);
    const paths = shardPaths(head);
    const shards = await Promise.all(shardsFor(head, parseSearchQuery(query)).map((i) => load<SearchShard>(paths[i]!, fresh)));
    if (shards.every((s) => isShardOf(head, s))) return { head, shards };
  }
  return null;
}

const describe = (hit: SearchHit, levels: Record<string, string>, level: string): string => {
  const unit = `${levels[level] ?? level} ${hit.unit}${hit.unitName ? ` (${displayName(hit.unitName, { single: 'word' })})` : ''}`;
  if (hit.seccion === null) return `${unit} · ${displayName(hit.electionName)}`;
  return `${hit.claveCasilla !== null ? `Casilla ${hit.claveCasilla} · ` : ''}Sección ${hit.seccion} · ${displayName(hit.electionName)} · ${unit}`;
};

export default function Search({ index, levels }: SearchProps) {
  const [ready, setReady] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Array<{ hit: SearchHit; level: string }> | null>(null);
  const [message, setMessage] = useState('');

  const run = async (q: string): Promise<void> => {
    const text = q.trim();
    if (text === '') {
      setHits(null);
      setMessage('');
      return;
    }
    try {
      const files = await find(index, text);
      if (files === null) {
        setMessage('Se está publicando un corte nuevo: recargue la página en unos segundos para buscar en él.');
        return;
      }
      const data = joinShards(files.head, files.shards);
      const levelOf = new Map(data.elections.map((e) => [e.code, e.level as string]));
      const found = findInIndex(data, text).map((hit) => ({ hit, level: levelOf.get(hit.election) ?? '' }));
      setHits(found);
      setMessage(
        found.length === 0
          ? `Sin resultados para «${text}». Escriba el nombre de un municipio o de la cabecera de un distrito, «distrito 7», un número de sección (hasta 4 dígitos) o el inicio de una clave de casilla (p. ej. 120001B0100).`
          : `${found.length} resultado${found.length === 1 ? '' : 's'} para «${text}».`,
      );
    } catch {
      setMessage('No se pudo cargar el índice de búsqueda. Use la lista de abajo.');
    }
  };

  useEffect(() => {
    setReady(true);
    const q = new URLSearchParams(browser().location.search).get('q');
    if (q) {
      setQuery(q);
      void run(q);
    }
  }, []);

  if (!ready)
    return h('p', { class: 'note' }, 'El buscador necesita JavaScript. Sin él, elija abajo su distrito o municipio: cada uno lista sus secciones.');

  return h(
    'div',
    { class: 'search' },
    h(
      'form',
      {
        role: 'search',
        action: '',
        method: 'get',
        onSubmit: (event: { preventDefault(): void }) => {
          event.preventDefault();
          browser().history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : '?');
          void run(query);
        },
      },
      h('label', { for: 'q' }, 'Municipio, distrito, número de sección o clave de casilla'),
      h(
        'div',
        { class: 'row' },
        h('input', {
          id: 'q',
          name: 'q',
          type: 'search',
          autocomplete: 'off',
          spellcheck: false,
          value: query,
          placeholder: 'p. ej. Acapulco, distrito 7, 1234',
          onInput: (event: unknown) => setQuery(inputValue(event)),
        }),
        h('button', { type: 'submit' }, 'Buscar'),
      ),
    ),
    h('p', { role: 'status', class: 'note' }, message),
    hits !== null && hits.length > 0
      ? h(
          'ul',
          { class: 'hits' },
          hits.map(({ hit, level }) => h('li', { key: hit.path }, h('a', { href: hit.path }, describe(hit, levels, level)))),
        )
      : null,
  );
}
