// Small conversions between the database's shapes and the API's for commission data.

/** A numeric from the database ("1.000000") as the API shows it ("1"; "12.5"), exactly. */
export function decimal(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** Lenders and products are named as free text on a case: rates match them case- and space-insensitively. */
export function lenderKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}

/** Money on the wire. */
export const money = (minor: number, currency: string) => ({ minor, currency });
