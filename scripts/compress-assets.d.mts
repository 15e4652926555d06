/** Writes a .br and a .gz copy beside each text asset under `dir`; returns how many files it compressed. */
export function compressAssets(dir: string): number;
