import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../../server/questionnaire/definition.js';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { everyType, onePage } from './support/fixtures.js';

function reasonsOf(json: unknown): readonly string[] {
  const result = checkDefinition(json);
  return result.ok ? [] : result.reasons;
}

describe('checkDefinition', () => {
  it('accepts the fixture with every question type and hands the definition back', () => {
    const definition = everyType();
    const result = checkDefinition(definition);
    expect(result).toEqual({ ok: true, definition });
  });

  it.each([null, [], 'survey', 42])('refuses %j, which is not a JSON object', (json) => {
    expect(reasonsOf(json)).toEqual(['the definition must be a JSON object']);
  });

  it('needs a page with a question', () => {
    expect(reasonsOf({})).toEqual(['the definition has no pages']);
    expect(reasonsOf(onePage({ type: 'html', name: 'intro', html: 'Hello' }))).toEqual(['the definition has no question to answer']);
  });

  it("reports survey-core's JSON errors: unknown types and unknown properties", () => {
    const reasons = reasonsOf(onePage({ type: 'text', name: 'a', colour: 'red' }, { type: 'sliderish', name: 'b' }));
    expect(reasons).toContainEqual(expect.stringContaining("Unknown property in class 'text': 'colour'"));
    expect(reasons).toContainEqual("element 'b': unknown type 'sliderish'");
  });

  it('needs a name on every question, also inside panels and dynamic-panel templates', () => {
    const reasons = reasonsOf(
      onePage(
        { type: 'text' },
        { type: 'panel', elements: [{ type: 'comment', name: '  ' }] },
        { type: 'paneldynamic', name: 'orgs', templateElements: [{ type: 'dropdown', choices: ['a'] }] },
      ),
    );
    expect(reasons).toEqual([
      "pages[0].elements[0]: an element of type 'text' has no name",
      "pages[0].elements[1].elements[0]: an element of type 'comment' has no name",
      "pages[0].elements[2].templateElements[0]: an element of type 'dropdown' has no name",
    ]);
  });

  it('needs names unique across the survey, panels included', () => {
    const definition = {
      pages: [
        { name: 'one', elements: [{ type: 'text', name: 'a' }] },
        { name: 'two', elements: [{ type: 'panel', name: 'p', elements: [{ type: 'comment', name: 'a' }] }] },
      ],
    };
    expect(reasonsOf(definition)).toEqual(["pages[1].elements[0].elements[0]: the name 'a' is used twice"]);
  });

  it('scopes dynamic-panel template names to their panel: unique inside, free to reuse a top-level name', () => {
    const reuse = onePage({ type: 'text', name: 'name' }, { type: 'paneldynamic', name: 'orgs', templateElements: [{ type: 'text', name: 'name' }] });
    expect(reasonsOf(reuse)).toEqual([]);
    const twice = onePage({
      type: 'paneldynamic',
      name: 'orgs',
      templateElements: [
        { type: 'text', name: 'name' },
        { type: 'text', name: 'name' },
      ],
    });
    expect(reasonsOf(twice)).toEqual(["pages[0].elements[0].templateElements[1]: the name 'name' is used twice"]);
  });

  it('reports a definition survey-core fails on as a reason, not a crash', () => {
    expect(reasonsOf(onePage({ type: 'text', name: 'constructor' }))).toEqual([expect.stringMatching(/^survey-core cannot read the definition: /)]);
  });

  it('refuses names that end like a comment key', () => {
    expect(reasonsOf(onePage({ type: 'text', name: 'a-Comment' }))).toEqual([
      "pages[0].elements[0]: the name 'a-Comment' ends with '-Comment', which survey-core reserves for comments",
    ]);
  });

  it('refuses conditions that name a question the definition does not have', () => {
    const reasons = reasonsOf(
      onePage(
        { type: 'boolean', name: 'has_plan' },
        { type: 'text', name: 'period', visibleIf: '{has_plan} = true and {has_plna} = true' },
        { type: 'text', name: 'detail', enableIf: '{ghost} notempty' },
        { type: 'text', name: 'why', requiredIf: '{HAS_PLAN} = false' },
      ),
    );
    expect(reasons).toEqual([
      "'period': visibleIf '{has_plan} = true and {has_plna} = true' refers to 'has_plna', which is not a question",
      "'detail': enableIf '{ghost} notempty' refers to 'ghost', which is not a question",
    ]);
  });

  it('resolves panel-scoped, row-scoped and comment references', () => {
    const definition = onePage(
      { type: 'radiogroup', name: 'kind', choices: ['a'], showOtherItem: true },
      { type: 'text', name: 'kind_detail', visibleIf: '{kind-Comment} notempty' },
      {
        type: 'paneldynamic',
        name: 'orgs',
        templateElements: [
          { type: 'boolean', name: 'funded' },
          { type: 'text', name: 'funder', visibleIf: '{panel.funded} = true' },
        ],
      },
    );
    expect(reasonsOf(definition)).toEqual([]);
    const wrongField = onePage({
      type: 'paneldynamic',
      name: 'orgs',
      templateElements: [{ type: 'text', name: 'funder', visibleIf: '{panel.fundd} = true' }],
    });
    expect(reasonsOf(wrongField)).toEqual(["'funder': visibleIf '{panel.fundd} = true' refers to 'fundd', which is not a question"]);
  });

  describe("the variables of a dynamic-panel entry, which survey-core gives the entry's expressions", () => {
    /** A dynamic panel whose template holds the condition, beside a top-level question. */
    const inEntry = (condition: string, more: JsonObject = {}) =>
      onePage(
        { type: 'text', name: 'name' },
        {
          type: 'paneldynamic',
          name: 'orgs',
          ...more,
          templateElements: [
            { type: 'dropdown', name: 'kind', choices: ['ngo', 'police'], showOtherItem: true },
            { type: 'panel', elements: [{ type: 'text', name: 'detail', visibleIf: condition }] },
          ],
        },
        { type: 'paneldynamic', name: 'agreements', templateElements: [{ type: 'text', name: 'partner' }] },
      );

    it.each([
      "{panel.kind} = 'ngo'",
      "{prevPanel.kind} = 'ngo'",
      "{nextPanel.kind} = 'police'",
      '{panelIndex} = 0',
      '{visiblePanelIndex} > 1',
      '{panel.kind-Comment} notempty',
      "{PrevPanel.KIND} = {PANEL.kind} and {PanelIndex} > 0",
      '{name} notempty',
    ])('accepts %s in a question of the template', (condition) => {
      expect(reasonsOf(inEntry(condition))).toEqual([]);
    });

    it("accepts them in the panel's templateVisibleIf, which runs in each entry", () => {
      expect(reasonsOf(inEntry('{name} notempty', { templateVisibleIf: "{panelIndex} < 3 and {prevPanel.kind} <> 'police'" }))).toEqual([]);
    });

    it.each([
      ['panel.kind', "{panel.kind} = 'ngo'", 'panel'],
      ['prevPanel.kind', "{prevPanel.kind} = 'ngo'", 'prevPanel'],
      ['nextPanel.kind', "{nextPanel.kind} = 'ngo'", 'nextPanel'],
      ['panelIndex', '{panelIndex} = 0', 'panelIndex'],
      ['visiblePanelIndex', '{visiblePanelIndex} = 0', 'visiblePanelIndex'],
    ])('refuses %s outside a dynamic panel, also on the panel itself', (_, condition, variable) => {
      const outside = onePage({ type: 'paneldynamic', name: 'orgs', visibleIf: condition, templateElements: [{ type: 'text', name: 'kind' }] }, { type: 'text', name: 'b', visibleIf: condition });
      const reason = `visibleIf '${condition}' refers to '${variable}', which exists only inside a dynamic panel`;
      expect(reasonsOf(outside)).toEqual([`'orgs': ${reason}`, `'b': ${reason}`]);
    });

    it('refuses a field its own template does not have: a typo, a top-level question, another panel’s field', () => {
      expect(reasonsOf(inEntry("{prevPanel.knd} = 'ngo'"))).toEqual(["'detail': visibleIf '{prevPanel.knd} = 'ngo'' refers to 'knd', which is not a question"]);
      expect(reasonsOf(inEntry('{panel.name} notempty'))).toEqual(["'detail': visibleIf '{panel.name} notempty' refers to 'name', which is not a question"]);
      expect(reasonsOf(inEntry('{nextPanel.partner} notempty'))).toEqual([
        "'detail': visibleIf '{nextPanel.partner} notempty' refers to 'partner', which is not a question",
      ]);
      expect(reasonsOf(inEntry('{panel} notempty'))).toEqual(["'detail': visibleIf '{panel} notempty' refers to 'panel' without naming one of its fields"]);
      expect(reasonsOf(inEntry('{panelIndex.kind} = 1'))).toEqual(["'detail': visibleIf '{panelIndex.kind} = 1' refers to 'panelIndex.kind', but 'panelIndex' is a number"]);
    });

    it('refuses what survey-core does not give these entries: a parent panel, a root panel', () => {
      expect(reasonsOf(inEntry('{parentPanel.kind} notempty'))).toEqual([
        "'detail': visibleIf '{parentPanel.kind} notempty' refers to 'parentPanel', which only a dynamic panel inside another has, and dynamic panels cannot nest",
      ]);
      expect(reasonsOf(inEntry('{rootPanel.kind} notempty'))).toEqual(["'detail': visibleIf '{rootPanel.kind} notempty' refers to 'rootPanel', which is not a question"]);
    });

    it('lets a question named like an entry variable be read outside an entry', () => {
      expect(reasonsOf(onePage({ type: 'text', name: 'panelIndex' }, { type: 'text', name: 'b', visibleIf: '{panelindex} = 1' }))).toEqual([]);
    });
  });

  it("reads the filter of countInArray as the dynamic panel's fields, which survey-core runs it on", () => {
    const counting = (filter: string) =>
      onePage(
        { type: 'paneldynamic', name: 'mous', templateElements: [{ type: 'dropdown', name: 'status', choices: ['in_force', 'draft'] }] },
        { type: 'text', name: 'count', inputType: 'number', validators: [{ type: 'expression', expression: `{count} >= countInArray({mous}, 'status', ${filter})` }] },
      );
    expect(reasonsOf(counting("{status} = 'in_force'"))).toEqual([]);
    expect(reasonsOf(counting("{statsu} = 'in_force'"))).toEqual([
      `'count': expression '{count} >= countInArray({mous}, 'status', {statsu} = 'in_force')' refers to 'statsu', which is not a field of the dynamic panel 'mous'`,
    ]);
    expect(reasonsOf(counting("{count} = 'in_force'"))).toEqual([
      `'count': expression '{count} >= countInArray({mous}, 'status', {count} = 'in_force')' refers to 'count', which is not a field of the dynamic panel 'mous'`,
    ]);
  });

  it('refuses an expression survey-core cannot parse', () => {
    expect(reasonsOf(onePage({ type: 'text', name: 'a' }, { type: 'text', name: 'b', visibleIf: '{a} = = 1' }))).toEqual([
      "'b': visibleIf '{a} = = 1' cannot be parsed",
    ]);
  });

  it('needs choice values unique within a question, also as text', () => {
    expect(reasonsOf(onePage({ type: 'radiogroup', name: 'a', choices: ['x', 'y', 'x'] }))).toEqual(["question 'a': 'x' appears more than once"]);
    expect(reasonsOf(onePage({ type: 'dropdown', name: 'a', choices: [1, '1'] }))).toEqual(["question 'a': '1' appears more than once"]);
    expect(reasonsOf(onePage({ type: 'checkbox', name: 'a', choices: ['none', 'b'], showNoneItem: true }))).toEqual([
      "question 'a': 'none' appears more than once",
    ]);
  });

  it('refuses question types and settings the platform cannot store or lay out', () => {
    const reasons = reasonsOf(
      onePage(
        { type: 'file', name: 'upload' },
        { type: 'text', name: 'a', valueName: 'shared' },
        { type: 'radiogroup', name: 'b', choices: ['x'], showOtherItem: true, storeOthersAsComment: false },
        { type: 'radiogroup', name: 'c', choices: ['x'], showOtherItem: true, showCommentArea: true },
        { type: 'dropdown', name: 'd', choicesByUrl: { url: 'https://example.org/countries' } },
        { type: 'paneldynamic', name: 'e', templateElements: [{ type: 'paneldynamic', name: 'inner', templateElements: [{ type: 'text', name: 'x' }] }] },
        { type: 'matrixdropdown', name: 'f', rows: ['r'], columns: [{ name: 'c', cellType: 'dropdown', choices: ['x'], showOtherItem: true }] },
      ),
    );
    expect(reasons).toEqual([
      "question 'upload': question type 'file' is not supported",
      "question 'a': valueName is not supported; every question keeps its own answer",
      `question 'b': storeOthersAsComment: false stores the "other" text in place of the choice code; remove it`,
      `question 'c': an "other" item and a comment area together make survey-core store the other text in place of the choice code; keep one`,
      "question 'd': choices loaded from a URL are not supported; list them",
      "question 'd': no choices",
      "question 'e' → 'inner': a dynamic panel cannot sit inside another repeat",
      `question 'f' column 'c': "other" items in matrix cells are not supported`,
    ]);
  });

  it('refuses two answers that would share one CSV column', () => {
    const reasons = reasonsOf(onePage({ type: 'matrix', name: 'm', rows: ['r'], columns: ['x'] }, { type: 'text', name: 'm.r' }));
    expect(reasons).toEqual(["two answers would share the CSV column 'm.r'; rename a question or a choice"]);
  });

  it('needs page names unique, since they are the sections', () => {
    const definition = {
      pages: [
        { name: 'same', elements: [{ type: 'text', name: 'a' }] },
        { name: 'same', elements: [{ type: 'text', name: 'b' }] },
      ],
    };
    expect(reasonsOf(definition)).toEqual(["the page name 'same' is used twice (page names are the catalogue's sections)"]);
  });
});
