/**
 * The Atom feed of the cuts, parsed back with a strict, namespace-aware XML parser and checked
 * against RFC 4287's requirements for a feed and its entries.
 */
import { describe, expect, it } from 'vitest';
import sax from 'sax';
import { cutsAtom, nameUuid } from '../../../src/core/site/cutsAtom.ts';
import { cutsFeed } from '../../../src/core/site/cutsFeed.ts';
import { FEED_INPUT } from './feedFixtures.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

interface Node {
  ns: string;
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

/** The document's root element; throws on anything that is not well-formed, namespaced XML. */
function parseXml(xml: string): Node {
  const parser = sax.parser(true, { xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const t = tag as sax.QualifiedTag;
    const node: Node = { ns: t.uri, name: t.local, attributes: Object.fromEntries(Object.values(t.attributes).map((a) => [a.name, a.value])), children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  };
  parser.ontext = (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.onclosetag = () => void stack.pop();
  parser.write(xml).close();
  return root!;
}

const all = (node: Node, name: string): Node[] => node.children.filter((c) => c.ns === ATOM && c.name === name);
const one = (node: Node, name: string): Node => {
  const found = all(node, name);
  expect(found, `exactly one atom:${name} in atom:${node.name}`).toHaveLength(1);
  return found[0]!;
};
/** RFC 3339 date-time, as atom:updated wants it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('cutsAtom(feed, siteUrl)', () => {
  const feed = cutsFeed(FEED_INPUT);
  const xml = cutsAtom(feed, 'https://prep.example.org');
  const root = parseXml(xml);

  it('is an Atom feed with one id, title, updated (the newest cut), author and self link', () => {
    expect([root.ns, root.name]).toEqual([ATOM, 'feed']);
    expect(one(root, 'id').text).toMatch(UUID_URN);
    expect(one(root, 'title').text).toBe('PREP Guerrero 2024: cortes de información');
    expect(one(root, 'updated').text).toBe('2024-06-02T20:40:00-06:00');
    expect(one(one(root, 'author'), 'name').text).toBe('PREP Guerrero 2024');
    const links = all(root, 'link').map((l) => l.attributes);
    expect(links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: 'https://prep.example.org/cortes.atom' });
    expect(links).toContainEqual({ rel: 'alternate', type: 'text/html', href: 'https://prep.example.org/' });
    expect(links).toContainEqual({ rel: 'alternate', type: 'application/json', href: 'https://prep.example.org/cortes.json' });
  });

  it('has one entry per cut, newest first, each with a unique id, title, updated (its instant), content and link', () => {
    const entries = all(root, 'entry');
    expect(entries.map((e) => one(e, 'updated').text)).toEqual(['2024-06-02T20:40:00-06:00', '2024-06-02T20:20:00-06:00', '2024-06-02T20:00:00-06:00']);
    expect(entries.map((e) => one(e, 'title').text)).toEqual(['Corte de 02/06/2024 20:40 (UTC-6) (último corte)', 'Corte de 02/06/2024 20:20 (UTC-6)', 'Corte de 02/06/2024 20:00 (UTC-6)']);
    const ids = entries.map((e) => one(e, 'id').text);
    for (const id of ids) expect(id).toMatch(UUID_URN);
    expect(new Set([...ids, one(root, 'id').text]).size).toBe(4);
    for (const e of entries) {
      expect(one(e, 'updated').text).toMatch(DATE_TIME);
      expect(one(e, 'content').attributes).toEqual({ type: 'text' });
      expect(all(e, 'link').filter((l) => l.attributes.rel === 'alternate').map((l) => l.attributes.href)).toEqual(['https://prep.example.org/historico/']);
    }
  });

  it("says each election's progress and leader in words, names escaped", () => {
    const [at2040, at2020, at2000] = all(root, 'entry').map((e) => one(e, 'content').text);
    expect(at2040).toBe(
      'Gubernatura: 1,034 de 1,200 actas contabilizadas (86.1666\u00a0%), participación ciudadana 51.2345\u00a0%. Va adelante Partido Azul & <B> con 55.1234\u00a0% (12,345 votos).\n' +
        'Diputaciones locales: 600 de 1,200 actas contabilizadas (50.0000\u00a0%), participación ciudadana 51.2345\u00a0%. Va adelante MORENA con 60.0000\u00a0% (7,000 votos).\n' +
        'Resultados preliminares, sin efectos jurídicos.',
    );
    expect(at2020).toContain('Empate en el primer lugar; Partido Azul & <B> tiene 50.0000\u00a0% (10 votos).');
    expect(at2000).toContain('Gubernatura: 0 de 1,200 actas contabilizadas (0.0000\u00a0%), participación ciudadana 0.0000\u00a0%. Todavía no hay votos contabilizados.');
    expect(xml).toContain('Partido Azul &amp; &lt;B&gt;');
  });

  it('attaches the ZIP of the cuts that published databases', () => {
    const enclosures = all(root, 'entry').map((e) => all(e, 'link').filter((l) => l.attributes.rel === 'enclosure').map((l) => l.attributes));
    expect(enclosures).toEqual([
      [{ rel: 'enclosure', type: 'application/zip', length: '4096', href: 'https://prep.example.org/datos/20240602_2040/12_GRO_20240602_2040.zip' }],
      [],
      [{ rel: 'enclosure', type: 'application/zip', length: '4096', href: 'https://prep.example.org/datos/20240602_2000/12_GRO_20240602_2000.zip' }],
    ]);
  });

  it('keeps its ids without the site URL, whose links are then paths', () => {
    const relative = parseXml(cutsAtom(feed, null));
    expect(all(relative, 'entry').map((e) => one(e, 'id').text)).toEqual(all(root, 'entry').map((e) => one(e, 'id').text));
    expect(all(relative, 'link').find((l) => l.attributes.rel === 'self')!.attributes.href).toBe('/cortes.atom');
  });

  it('gives a drill its own ids and says SIMULACRO', () => {
    const drill = parseXml(cutsAtom(cutsFeed({ ...FEED_INPUT, drill: true }), null));
    expect(one(drill, 'title').text).toBe('SIMULACRO · PREP Guerrero 2024: cortes de información');
    const entry = all(drill, 'entry')[0]!;
    expect(one(entry, 'title').text).toMatch(/^SIMULACRO · Corte de /);
    expect(one(entry, 'content').text).toMatch(/^SIMULACRO: datos de prueba/);
    expect(one(entry, 'id').text).not.toBe(one(all(root, 'entry')[0]!, 'id').text);
  });

  it('is the same text for the same cuts, and refuses a feed of no cut', () => {
    expect(cutsAtom(cutsFeed(FEED_INPUT), 'https://prep.example.org')).toBe(xml);
    expect(() => cutsAtom({ ...feed, cuts: [] }, null)).toThrow(RangeError);
  });
});

describe('nameUuid(name)', () => {
  it('is the RFC 9562 version 5 UUID of the name in the namespace', () => {
    // Python: uuid.uuid5(uuid.UUID('c29c3e82-937e-4ce9-9eaf-1e13d30ec251'), 'prep/12/2024/20240602_2040')
    expect(nameUuid('prep/12/2024/20240602_2040')).toBe('urn:uuid:2a258069-2241-5aa3-ba19-e8e956eb6c55');
  });
});
