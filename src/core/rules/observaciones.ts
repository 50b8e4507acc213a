/** OBSERVACIONES texts, as the INE descriptors word them (see PREP.md, counting rules). */
export const OBS = {
  ILEGIBLE: 'Ilegible',
  SIN_DATO: 'Sin dato',
  TODOS_ILEGIBLES: 'Todos los campos ilegibles',
  TODOS_VACIOS: 'Todos los campos vacíos',
  TODOS_ILEGIBLES_O_VACIOS: 'Todos los campos ilegibles o vacíos',
  EXCEDE_LISTA_NOMINAL: 'Excede lista nominal',
  FUERA_DE_CATALOGO: 'Fuera de catálogo',
} as const;

/** Observations combine with a comma, in this order: "Ilegible, Sin dato". */
export const OBS_SEPARATOR = ', ';
