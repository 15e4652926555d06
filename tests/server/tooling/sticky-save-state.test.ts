import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/config.js';

/**
 * jsdom lays nothing out (and the client's tests read no CSS), so the reply page's sticky toolbar
 * is checked in its stylesheet here: the
 * save state lives in `.response-toolbar` (response-editor.tsx), which must stay in view while
 * the delegate scrolls through a long section, and drop back into the flow when printed.
 */
const css = fs.readFileSync(path.join(projectRoot, 'client/src/features/responses/components/response-page.css'), 'utf8');
const rule = (selector: string, within = css) => new RegExp(`(^|\\n)\\s*${selector.replace('.', '\\.')} \\{([^}]*)\\}`).exec(within)?.[2] ?? '';

describe('the reply page toolbar, with the save state', () => {
  it('sticks to the top of the window, over the questionnaire', () => {
    const toolbar = rule('.response-toolbar');
    expect(toolbar).toMatch(/position: sticky;/);
    expect(toolbar).toMatch(/top: 0;/);
    expect(toolbar).toMatch(/z-index: \d+;/);
    // Opaque, so that the questions scrolling under it do not show through.
    expect(toolbar).toMatch(/background: var\(--color-background\);/);
  });

  it('is printed in its place', () => {
    const print = /@media print \{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';
    expect(rule('.response-toolbar', print)).toMatch(/position: static;/);
  });
});
