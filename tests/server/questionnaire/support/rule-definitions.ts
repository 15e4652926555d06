import type { JsonObject } from '../../../../server/questionnaire/json.js';

/**
 * Small definitions that put each submit rule to work, for the differential test of the rules
 * against survey-core and for focused tests of one rule.
 */

/** Nested visibility: pages, panels in panels, questions, on choices, lists, comments and items. */
export const visibilityRules: JsonObject = {
  pages: [
    {
      name: 'first',
      elements: [
        { type: 'radiogroup', name: 'kind', choices: ['ngo', 'police', 'court'], showOtherItem: true },
        { type: 'checkbox', name: 'roles', choices: ['shelter', 'legal', 'health'], showNoneItem: true },
        { type: 'multipletext', name: 'contact', items: [{ name: 'name' }, { name: 'staff', inputType: 'number' }] },
        { type: 'matrix', name: 'levels', rows: ['police', 'courts'], columns: ['none', 'some'] },
        { type: 'boolean', name: 'agree', valueTrue: 'yes', valueFalse: 'no' },
        { type: 'rating', name: 'score' },
        { type: 'dropdown', name: 'size', choices: [1, 2, 3] },
        { type: 'text', name: 'staff_count', inputType: 'number' },
        { type: 'comment', name: 'remark' },
        { type: 'text', name: 'why_agree', isRequired: true, visibleIf: "{agree} = 'yes' and {score} >= 4" },
        { type: 'text', name: 'why_large', isRequired: true, visibleIf: "{size} = 3 or {staff_count} > 100 or {remark} contains 'urgent'" },
        {
          type: 'panel',
          name: 'ngo_panel',
          visibleIf: "{kind} = 'ngo'",
          elements: [
            { type: 'text', name: 'ngo_name', isRequired: true },
            {
              type: 'panel',
              name: 'shelter_panel',
              visibleIf: "{roles} contains 'shelter'",
              elements: [{ type: 'boolean', name: 'funded', isRequired: true }],
            },
          ],
        },
        { type: 'comment', name: 'why_none', isRequired: true, visibleIf: '{roles} = [] or {funded} = false' },
        { type: 'text', name: 'staff_note', isRequired: true, visibleIf: "{contact.staff} > 10 or {levels.courts} = 'some'" },
        { type: 'text', name: 'never_shown', isRequired: true, visible: false },
        { type: 'html', name: 'note', html: '<p>Thanks</p>' },
      ],
    },
    {
      name: 'second',
      visibleIf: "{kind} anyof ['police', 'other']",
      elements: [
        { type: 'rating', name: 'trust', isRequired: true },
        { type: 'dropdown', name: 'other_detail', isRequired: true, choices: [1, 2], visibleIf: '{kind-Comment} notempty' },
      ],
    },
  ],
};

/** Every check survey-core makes of a single answer, and validators. */
export const answerRules: JsonObject = {
  pages: [
    {
      name: 'answers',
      elements: [
        { type: 'text', name: 'count', inputType: 'number', isRequired: true, min: 0, max: 100, step: 5 },
        { type: 'text', name: 'share', inputType: 'number', min: 0.5, max: 1.5, minErrorText: 'At least {0}, please', validators: [{ type: 'numeric', maxValue: 1 }] },
        { type: 'text', name: 'mail', inputType: 'email' },
        { type: 'text', name: 'checked_mail', inputType: 'email', validators: [{ type: 'email', text: 'Not an address' }] },
        { type: 'text', name: 'day', inputType: 'date', isRequired: true, requiredErrorText: 'Say when' },
        { type: 'text', name: 'code', maxLength: 3, validators: [{ type: 'regex', regex: '^[A-Z]{2}$', text: 'Two capitals' }, { type: 'text', minLength: 2, maxLength: 3 }] },
        { type: 'text', name: 'first_year', inputType: 'number' },
        { type: 'text', name: 'last_year', inputType: 'number', validators: [{ type: 'expression', expression: '{first_year} empty or {last_year} >= {first_year}' }] },
        { type: 'text', name: 'labelled_year', inputType: 'number', validators: [{ type: 'expression', expression: '{labelled_year} > 1999', text: 'After 1999' }] },
        { type: 'radiogroup', name: 'kind', isRequired: true, choices: ['a', 'b'], showOtherItem: true, otherErrorText: 'Which other?' },
        { type: 'dropdown', name: 'level', choices: [1, 2], showOtherItem: true },
        { type: 'checkbox', name: 'roles', choices: ['x', 'y', 'z'], showOtherItem: true, showNoneItem: true, minSelectedChoices: 2, maxSelectedChoices: 2 },
        { type: 'tagbox', name: 'tags', choices: ['x', 'y', 'z'], validators: [{ type: 'answercount', minCount: 2, maxCount: 2 }] },
        { type: 'boolean', name: 'agreed', isRequired: true },
        { type: 'boolean', name: 'consent', isRequired: true, valueTrue: 'yes', valueFalse: 'no' },
        { type: 'rating', name: 'score', isRequired: true },
        { type: 'ranking', name: 'order', isRequired: true, choices: ['p', 'q', 'r'] },
        { type: 'comment', name: 'notes', isRequired: true, validators: [{ type: 'text', maxLength: 5 }] },
        {
          type: 'multipletext',
          name: 'contact',
          isRequired: true,
          items: [
            { name: 'name', isRequired: true },
            { name: 'staff', inputType: 'number', validators: [{ type: 'numeric', minValue: 1 }] },
            { name: 'mail', inputType: 'email' },
            { name: 'phone', validators: [{ type: 'regex', regex: '^\\+?[0-9 ]+$', text: 'Digits only' }] },
            { name: 'since', inputType: 'date' },
          ],
        },
      ],
    },
  ],
};

/** Matrices: rows required, dropdown cells of every type, dynamic rows from rowCount or the data. */
export const matrixRules: JsonObject = {
  pages: [
    {
      name: 'matrices',
      elements: [
        { type: 'matrix', name: 'cooperation', isRequired: true, eachRowRequired: true, rows: ['police', 'courts'], columns: ['none', 'some'] },
        { type: 'matrix', name: 'optional', rows: ['police', 'courts'], columns: ['none', 'some'] },
        {
          type: 'matrixdropdown',
          name: 'services',
          isRequired: true,
          rows: ['shelter', 'legal'],
          choices: ['state', 'ngo'],
          columns: [
            { name: 'provider', isRequired: true },
            { name: 'places', cellType: 'text', inputType: 'number', min: 0, validators: [{ type: 'numeric', maxValue: 50 }] },
            { name: 'mail', cellType: 'text', inputType: 'email' },
            { name: 'funded', cellType: 'boolean', isRequired: true },
            { name: 'channels', cellType: 'checkbox', choices: ['phone', 'email'], minSelectedChoices: 1 },
            { name: 'rating', cellType: 'rating', isRequired: true },
            { name: 'remark', cellType: 'comment', validators: [{ type: 'text', minLength: 3 }] },
          ],
        },
        {
          type: 'matrixdynamic',
          name: 'agreements',
          rowCount: 2,
          maxRowCount: 4,
          columns: [
            { name: 'partner', cellType: 'text', isRequired: true, requiredErrorText: 'Name the partner' },
            { name: 'year', cellType: 'text', inputType: 'number', validators: [{ type: 'numeric', minValue: 1990, maxValue: 2030 }] },
            { name: 'forms', cellType: 'tagbox', choices: ['labour', 'sexual'] },
            { name: 'signed', cellType: 'text', inputType: 'date' },
          ],
        },
        { type: 'matrixdynamic', name: 'required_rows', isRequired: true, rowCount: 0, columns: [{ name: 'what', cellType: 'text' }] },
      ],
    },
  ],
};

/** Dynamic panels: panelCount entries, entry variables, nested visibility and containers inside. */
export const panelRules: JsonObject = {
  pages: [
    {
      name: 'entries',
      elements: [
        { type: 'boolean', name: 'detailed' },
        {
          type: 'paneldynamic',
          name: 'orgs',
          isRequired: true,
          panelCount: 2,
          maxPanelCount: 4,
          templateElements: [
            { type: 'dropdown', name: 'kind', choices: ['ngo', 'police'], showOtherItem: true, isRequired: true },
            { type: 'text', name: 'ngo_name', isRequired: true, visibleIf: "{panel.kind} = 'ngo'" },
            { type: 'text', name: 'police_unit', isRequired: true, visibleIf: "{panel.kind} = 'police' and {detailed} = true" },
            { type: 'checkbox', name: 'roles', choices: ['a', 'b'], showNoneItem: true },
            { type: 'comment', name: 'no_roles', isRequired: true, visibleIf: '{panel.roles} = []' },
            {
              type: 'panel',
              name: 'details',
              visibleIf: '{detailed} = true',
              elements: [
                { type: 'text', name: 'mail', inputType: 'email', isRequired: true, validators: [{ type: 'expression', expression: "{panel.kind} <> 'police' or {panel.mail} contains '.gov'", text: 'Use an official address' }] },
                {
                  type: 'matrixdropdown',
                  name: 'staff',
                  rows: ['women', 'men'],
                  columns: [{ name: 'count', cellType: 'text', inputType: 'number', isRequired: true, min: 0 }],
                },
                { type: 'multipletext', name: 'head', items: [{ name: 'name', isRequired: true }, { name: 'phone' }] },
              ],
            },
          ],
        },
        { type: 'paneldynamic', name: 'optional_entries', panelCount: 0, templateElements: [{ type: 'text', name: 'what', isRequired: true }] },
      ],
    },
  ],
};

/** The other variables survey-core gives a condition inside an entry: its index and its neighbours. */
export const entryVariableRules: JsonObject = {
  pages: [
    {
      name: 'entries',
      elements: [
        {
          type: 'paneldynamic',
          name: 'orgs',
          panelCount: 2,
          maxPanelCount: 4,
          templateElements: [
            { type: 'dropdown', name: 'kind', choices: ['ngo', 'police'] },
            { type: 'text', name: 'first_only', isRequired: true, visibleIf: '{panelIndex} = 0 or {visiblePanelIndex} > 2' },
            { type: 'text', name: 'same_as_before', isRequired: true, visibleIf: '{prevPanel.kind} notempty and {prevPanel.kind} = {panel.kind}' },
            { type: 'text', name: 'before_police', isRequired: true, visibleIf: "{nextPanel.kind} = 'police'" },
          ],
        },
      ],
    },
  ],
};


/** countInArray over a dynamic panel's entries, in an expression validator and in a visibleIf. */
export const countingRules: JsonObject = {
  pages: [
    {
      name: 'agreements',
      elements: [
        {
          type: 'text',
          name: 'in_force_count',
          inputType: 'number',
          validators: [{ type: 'expression', expression: "{in_force_count} empty or {in_force_count} >= countInArray({mous}, 'status', {status} = 'in_force')", text: 'Fewer than listed' }],
        },
        {
          type: 'paneldynamic',
          name: 'mous',
          maxPanelCount: 4,
          templateElements: [
            { type: 'dropdown', name: 'status', choices: ['in_force', 'draft', 'expired'] },
            { type: 'text', name: 'title' },
          ],
        },
        { type: 'comment', name: 'why_several', isRequired: true, visibleIf: "countInArray({mous}, 'title') > 1" },
      ],
    },
  ],
};
