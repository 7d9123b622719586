/** An amount in euros as people type it ("7", "7,50", "7.5", "€ 12,00") in cents; null when it is not one. */
export function parseEuros(typed: string): number | null {
  const cleaned = typed.replace(/€/g, '').replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number.parseFloat(cleaned) * 100);
}
