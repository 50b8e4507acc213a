/** The parts of CLAVE_CASILLA: ID_ENTIDAD(2) SECCION(4) TIPO_CASILLA(1) ID_CASILLA(2) EXT_CONTIGUA(2). */
export interface CasillaKey {
  entidad: number;
  seccion: number;
  tipo: string;
  numero: number;
  extContigua: number;
}

/** B básica, C contigua, E extraordinaria, S especial, M abroad, A early, P pre-trial detention, V prison (2021). */
export const TIPOS_CASILLA = ['B', 'C', 'E', 'S', 'M', 'A', 'P', 'V'] as const;

const KEY_SHAPE = /^(\d{2})(\d{4})([BCESMAPV])(\d{2})(\d{2})$/;

/** Parses an 11-character CLAVE_CASILLA; undefined when it does not have that shape. */
export function parseClaveCasilla(text: string): CasillaKey | undefined {
  const m = KEY_SHAPE.exec(text);
  if (!m) return undefined;
  return {
    entidad: Number(m[1]),
    seccion: Number(m[2]),
    tipo: m[3]!,
    numero: Number(m[4]),
    extContigua: Number(m[5]),
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Formats a CLAVE_CASILLA; throws if a part does not fit its width (a programming error). */
export function formatClaveCasilla(key: CasillaKey): string {
  const text = pad(key.entidad, 2) + pad(key.seccion, 4) + key.tipo + pad(key.numero, 2) + pad(key.extContigua, 2);
  if (!KEY_SHAPE.test(text)) throw new RangeError(`casilla key parts do not fit CLAVE_CASILLA: ${JSON.stringify(key)}`);
  return text;
}
