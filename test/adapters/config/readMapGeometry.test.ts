import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/adapters/config/loadConfig.ts';
import { InputError } from '../../../src/core/diagnostics.ts';

// test/fixtures/maps: the bad-input configuration (one district, JESUS MARIA) with a map; the
// file names in messages are relative to the working directory (the repository root).
const D = 'test/fixtures/maps/';

/** What loadConfig refuses `config` with, each problem as the CLI prints it. */
async function refusal(config: string): Promise<string[]> {
  const error = await loadConfig(`${D}${config}`).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message.split('\n');
}

describe('loadConfig with a map (readMapGeometry)', () => {
  it('reads a GeoJSON map and a TopoJSON one to the same district, relative to the configuration', async () => {
    const geojson = (await loadConfig(`${D}config.yaml`)).elections[0]!.geometry!;
    const topojson = (await loadConfig(`${D}config-topojson.yaml`)).elections[0]!.geometry!;
    expect(geojson.areas.map((a) => a.unit)).toEqual([1]);
    expect(topojson.areas.map((a) => a.unit)).toEqual([1]);
    const corners = (g: typeof geojson) => g.areas[0]!.geometry.coordinates.flat(2).length;
    expect(corners(topojson)).toBe(corners(geojson));
  });

  it('leaves an election without map without geometry', async () => {
    expect((await loadConfig('test/fixtures/bad-input/config.yaml')).elections.map((e) => e.geometry)).toEqual([undefined, undefined]);
  });

  it('refuses a map that is not JSON', async () => {
    const [line, ...more] = await refusal('config-truncated.yaml');
    expect(more).toEqual([]);
    expect(line).toMatch(new RegExp(`^error: ${D}truncated.geojson: DIP_LOC's map is not valid JSON: .+ \\(expected a GeoJSON or TopoJSON file\\)$`));
  });

  it.each([
    ['config-no-file.yaml', [`error: ${D}no-such-map.geojson: cannot read DIP_LOC's map: no such file`]],
    [
      'config-wrong-key.yaml',
      [`error: ${D}distritos.geojson: column features.0.properties: feature 0 has no property DISTRITO (expected the distrito number in DISTRITO; its properties are ENTIDAD, DISTRITO_L, NOMBRE)`],
    ],
    [
      'config-projected.yaml',
      [
        `error: ${D}distritos-metros.geojson: column features.0.geometry.coordinates.0: value "2440000, 1110000": not longitude/latitude: the map seems to be in projected coordinates (metres, as official shapefiles are usually published) (expected WGS 84 longitude and latitude (EPSG:4326): reproject it, e.g. mapshaper -proj wgs84 or ogr2ogr -t_srs EPSG:4326 (docs/site.md))`,
      ],
    ],
  ])('refuses %s, naming the file, the feature and what was expected', async (config, expected) => {
    expect(await refusal(config)).toEqual(expected);
  });
});
