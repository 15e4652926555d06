/** Text for matching a search: lower case, accents removed ("Bērziņa" finds "berzina"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
