// Types of build-inputs.mjs (plain JavaScript, so that `npm start` needs no compiler to decide whether to compile).
export type PartName = 'client' | 'server';
export declare const PARTS: Record<PartName, { readonly inputs: readonly string[]; readonly output: string; readonly script: string }>;
export declare const STAMP_FILE: string;
export declare function fingerprint(root: string, inputs: readonly string[]): string;
export declare function staleParts(root: string): PartName[];
export declare function buildParts(root: string, parts: readonly PartName[], options?: { say?: (name: PartName) => void }): boolean;
export declare function recordBuilt(root: string, parts: readonly PartName[]): void;
