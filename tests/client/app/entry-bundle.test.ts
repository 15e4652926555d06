import { describe, expect, it } from 'vitest';

// Every client source file's text, keyed by its path relative to this test.
const SOURCES = import.meta.glob<string>('../../../client/src/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const SRC = '../../../client/src/';
const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

/** Every module the entry reaches through static imports; `import()` (lazy routes) is not followed. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of (SOURCES[file] ?? '').matchAll(STATIC_IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      if (specifier.startsWith('.')) {
        const resolved = resolveModule(file, specifier);
        if (resolved) visit(resolved);
      } else {
        packages.add(specifier);
      }
    }
  };
  visit(SRC + entry);
  return { files, packages };
}

/** The source file `specifier` names from `importer`, or null for a non-source file (a stylesheet). */
function resolveModule(importer: string, specifier: string): string | null {
  // URL resolution does the `..` arithmetic; /root/ stands for the repository root.
  const base = new URL(specifier, new URL(importer, 'file:///root/tests/client/app/')).pathname;
  const relative = base.replace('/root/', '../../../');
  const candidates = [relative, `${relative}.ts`, `${relative}.tsx`, `${relative}/index.ts`, `${relative}/index.tsx`];
  return candidates.find((candidate) => candidate in SOURCES) ?? null;
}

describe('the entry bundle', () => {
  it('does not reach SurveyJS: it loads only with the questionnaire pages', () => {
    const { packages, files } = staticGraph('main.tsx');

    expect([...packages].filter((name) => name.startsWith('survey-'))).toEqual([]);
    expect(files.has(`${SRC}features/surveys/components/questionnaire-view.tsx`)).toBe(false);
    // Nor the workbench's charts and map: they load with the analysis pages.
    expect([...packages].filter((name) => /^(@observablehq\/plot|d3-|topojson-|world-atlas)/.test(name))).toEqual([]);
    // The walk itself sees through the router to the shell.
    expect(files.has(`${SRC}components/layout/app-layout.tsx`)).toBe(true);
  });
});
