/** Text in XML content and in quoted attribute values: the five predefined entities. */

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `a&b` → `a&amp;b`: safe as an element's text or a quoted attribute's value. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
