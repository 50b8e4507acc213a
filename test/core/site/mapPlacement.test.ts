import { describe, expect, it } from 'vitest';
import { electionMapPath, MAP_PAGE_UNITS, mapHasOwnPage, type MapPlacement } from '../../../src/core/site/mapPlacement.ts';

describe('mapHasOwnPage', () => {
  it.each<[MapPlacement, number, boolean]>([
    ['auto', 28, false],
    ['auto', 85, false],
    ['auto', MAP_PAGE_UNITS, false],
    ['auto', MAP_PAGE_UNITS + 1, true],
    ['auto', 300, true],
    ['own', 28, true],
    ['overview', 300, false],
  ])('%s with %i units: own page %s', (placement, units, own) => expect(mapHasOwnPage(placement, units)).toBe(own));

  it('names the page beside the overview', () => expect(electionMapPath('DIP_FED')).toBe('/eleccion/DIP_FED/mapa/'));
});
