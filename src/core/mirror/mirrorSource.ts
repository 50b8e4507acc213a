/**
 * Where a mirror (a difusor's copy) follows an electoral body's cuts: the site's databases
 * folder, `…/datos/`, whose `<stamp>/` folders hold each cut, and the list of published cuts
 * the site keeps beside it. Over the network only https: the signature would refuse anything
 * swapped in transit, but a mirror that is fed swapped files never holds a cut.
 */
import { isLoopback } from '../loopback.ts';

/** Every cut the site has published, newest first (docs/open-data.md, "Databases"). */
export const CUT_LIST_PATH = 'bases-de-datos/datos.json';

export interface MirrorSource {
  /** The databases folder, ending in `/datos/`: cut `S` is `<datos>S/`. */
  datos: URL;
  /** The list of published cuts, `<site>/bases-de-datos/datos.json`. */
  cutList: URL;
}

/**
 * The source a `prep mirror` URL names. Throws RangeError with the operator's words: the URL
 * must be http(s), name the databases folder (ending in `/datos/`), carry no query or
 * fragment, and be https unless it is this machine or `allowHttp` is given.
 */
export function mirrorSource(text: string, options: { allowHttp: boolean }): MirrorSource {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`"${text}" is not a URL: give the address of the site's databases folder, e.g. https://prep.example.org/datos/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`${url.protocol}// is not followed: give the https:// address of the site's databases folder`);
  if (url.search !== '' || url.hash !== '') throw new RangeError("give the databases folder's address without a ?query or #fragment");
  if (!url.pathname.endsWith('/datos/'))
    throw new RangeError(`${url.pathname} is not a databases folder: give the address of the site's folder of cuts, ending in /datos/ (e.g. https://prep.example.org/datos/)`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && !options.allowHttp)
    throw new RangeError(`plain http to ${url.hostname} can be tampered with on the way: use https, or add --allow-http if this network is yours`);
  return { datos: url, cutList: new URL(`../${CUT_LIST_PATH}`, url) };
}
