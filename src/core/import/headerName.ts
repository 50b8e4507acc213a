import { cleanText } from './cellText.ts';

/** A header name as the import matches it: without quotes, BOM or blanks around it, upper case, inner spaces as underscores. */
export const headerName = (name: string): string => cleanText(name).toUpperCase().replace(/\s+/g, '_');
