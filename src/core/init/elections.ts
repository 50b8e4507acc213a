import { foldText } from '../model/foldText.ts';

/** An election kind: the code files use, the names its title line has, the level it is counted by. */
export interface ElectionKind {
  code: string;
  name: string;
  level: 'distrito' | 'municipio';
  titles: readonly string[];
}

export const ELECTION_KINDS: readonly ElectionKind[] = [
  { code: 'PRES', name: 'PRESIDENCIA DE LA REPUBLICA', level: 'distrito', titles: ['PRESIDENCIA', 'PRESIDENCIA DE LA REPUBLICA'] },
  { code: 'SEN', name: 'SENADURIAS', level: 'distrito', titles: ['SENADURIAS', 'SENADORES', 'SENADURIA'] },
  { code: 'DIP_FED', name: 'DIPUTACIONES FEDERALES', level: 'distrito', titles: ['DIPUTACIONES FEDERALES', 'DIPUTADOS FEDERALES'] },
  { code: 'GUB', name: 'GUBERNATURA', level: 'distrito', titles: ['GUBERNATURA', 'GOBERNADOR', 'GOBERNATURA', 'JEFATURA DE GOBIERNO'] },
  { code: 'DIP_LOC', name: 'DIPUTACIONES LOCALES', level: 'distrito', titles: ['DIPUTACIONES LOCALES', 'DIPUTADOS LOCALES', 'DIPUTACIONES'] },
  { code: 'AYUN', name: 'AYUNTAMIENTOS', level: 'municipio', titles: ['AYUNTAMIENTOS', 'PRESIDENCIAS MUNICIPALES', 'AYUNTAMIENTO'] },
  { code: 'ALC', name: 'ALCALDIAS', level: 'municipio', titles: ['ALCALDIAS', 'ALCALDIA'] },
];

/** The election kind a title line names, any case or accents. */
export function electionByTitle(title: string): ElectionKind | undefined {
  const folded = foldText(title);
  return ELECTION_KINDS.find((k) => k.titles.includes(folded));
}

/** The election kind a file name names by its code as a word (`CDMX_DIP_LOC_2024.csv`); undefined unless exactly one. */
export function electionInFileName(fileName: string): ElectionKind | undefined {
  const name = `_${foldText(fileName.replace(/\.[^.]*$/, '')).replace(/[^A-Z0-9]+/g, '_')}_`;
  const hits = ELECTION_KINDS.filter((k) => name.includes(`_${k.code}_`));
  return hits.length === 1 ? hits[0] : undefined;
}
