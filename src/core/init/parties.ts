/** A party as the national register knew it in 2018–2024: its column id, name and colour. */
export interface PartyInfo {
  id: string;
  name: string;
  color: string;
  /** Other column names seen for it (PVEM is VERDE in one body's files). */
  aliases: readonly string[];
}

export const NATIONAL_PARTIES: readonly PartyInfo[] = [
  { id: 'PAN', name: 'Partido Acción Nacional', color: '#0059b3', aliases: [] },
  { id: 'PRI', name: 'Partido Revolucionario Institucional', color: '#d6001c', aliases: [] },
  { id: 'PRD', name: 'Partido de la Revolución Democrática', color: '#ffcc00', aliases: [] },
  { id: 'PVEM', name: 'Partido Verde Ecologista de México', color: '#50a846', aliases: ['VERDE'] },
  { id: 'PT', name: 'Partido del Trabajo', color: '#e4002b', aliases: [] },
  { id: 'MC', name: 'Movimiento Ciudadano', color: '#ff8300', aliases: [] },
  { id: 'MORENA', name: 'Morena', color: '#a6192e', aliases: [] },
  { id: 'PES', name: 'Partido Encuentro Solidario', color: '#5a2a82', aliases: [] },
  { id: 'RSP', name: 'Redes Sociales Progresistas', color: '#e2007a', aliases: [] },
  { id: 'FXM', name: 'Fuerza por México', color: '#ed1c7d', aliases: [] },
  { id: 'NA', name: 'Nueva Alianza', color: '#00a5b5', aliases: ['PANAL'] },
];

/** Colours for parties the register does not know (local parties), in turn: distinct, and not a national one's. */
export const OTHER_PARTY_COLORS: readonly string[] = ['#6d4c41', '#00897b', '#5e35b1', '#c0ca33', '#3949ab', '#8d6e63', '#00acc1', '#7cb342'];

/** The party a column name stands for: by id or by an alias. */
export const partyByColumn = (name: string): PartyInfo | undefined => NATIONAL_PARTIES.find((p) => p.id === name || p.aliases.includes(name));
