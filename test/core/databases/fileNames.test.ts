import { describe, expect, it } from 'vitest';
import { electionZipName, masterZipName, unzippedFolderName } from '../../../src/core/databases/fileNames.ts';

describe('ZIP names', () => {
  it('fills the templates', () => {
    expect(masterZipName({ masterZipName: '{stamp}_PREP_{entity}.zip' }, '20240602_2000', 'GRO')).toBe('20240602_2000_PREP_GRO.zip');
    expect(electionZipName({ electionZipName: '{stamp}_PREP_{election}_{entity}.zip' }, '20240602_2000', 'GUB', 'GRO')).toBe('20240602_2000_PREP_GUB_GRO.zip');
    expect(unzippedFolderName('20240602_2000_PREP_GUB_GRO.zip')).toBe('20240602_2000_PREP_GUB_GRO');
  });

  // A configuration built in code never meets the schema: the names must still stay in the cut's folder.
  it.each([
    ['../../{stamp}.zip', `the ZIP name "../../20240602_2000.zip" must be a file name inside the cut's folder: '..' would climb out of it`],
    ['/tmp/{stamp}.zip', 'the ZIP name "/tmp/20240602_2000.zip" must be one file name, not a path: it holds a / or \\'],
    ['.{entity}.zip', 'the ZIP name ".GRO.zip" must not start with a dot (a hidden file)'],
    ['manifest.json.zip', 'the ZIP name "manifest.json.zip" takes the name of manifest.json, which every cut writes itself'],
    ['{stamp}_{unknown}.zip', 'the ZIP name "20240602_2000_{unknown}.zip" has an unknown placeholder {unknown}'],
  ])('refuses to produce %s even without the schema', (template, message) => {
    expect(() => masterZipName({ masterZipName: template }, '20240602_2000', 'GRO')).toThrow(message);
    expect(() => electionZipName({ electionZipName: template }, '20240602_2000', 'GUB', 'GRO')).toThrow(message);
  });
});
