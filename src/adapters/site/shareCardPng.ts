/**
 * Share cards as PNG (core/site/shareCard.ts draws them as SVG), rendered by resvg with the Inter
 * files of the `@expo-google-fonts/inter` package and no system font: the same card gives the
 * same bytes on any machine, with no browser. Rendering runs on libuv's thread pool, so cards
 * render while the site data is being written.
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { SHARE_CARD_FONT } from '../../core/site/shareCard.ts';

const require = createRequire(import.meta.url);

const OPTIONS: ResvgRenderOptions = {
  fitTo: { mode: 'original' },
  font: {
    fontFiles: [require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'), require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf')],
    loadSystemFonts: false,
    defaultFontFamily: SHARE_CARD_FONT,
  },
};

/** The PNG of a card's SVG. */
export async function shareCardPng(svg: string): Promise<Uint8Array> {
  return (await renderAsync(svg, OPTIONS)).asPng();
}
