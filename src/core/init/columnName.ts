import { headerName } from '../import/headerName.ts';
import { foldText } from '../model/foldText.ts';

/** A header name as known names are looked up: the import's reading of it, without accents (SECCIÓN is SECCION). */
export const foldedName = (raw: string): string => foldText(headerName(raw).replace(/_/g, ' ')).replace(/ /g, '_');
