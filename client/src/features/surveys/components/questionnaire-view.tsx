import { useMemo } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';
import '../../../styles/surveyjs.css';
import { EmptyState } from '../../../components/feedback/empty-state';
import './questionnaire-view.css';

/**
 * Renders a SurveyJS definition read-only, all pages one after another so the whole
 * questionnaire can be read (and searched) at once.
 *
 * The stylesheet is SurveyJS's default theme without its Google Fonts import (`survey-core.css`
 * loads Open Sans from fonts.gstatic.com; the platform makes no third-party requests), with the
 * platform's font and colours set in styles/surveyjs.css.
 */
export function QuestionnaireView({ definition }: { definition: Record<string, unknown> }) {
  const model = useMemo(() => createReadOnlyModel(definition), [definition]);

  if (model.getAllQuestions().length === 0) {
    return <EmptyState title="No questions">This version of the questionnaire has no questions.</EmptyState>;
  }
  return (
    <div className="questionnaire-view survey-theme">
      <Survey model={model} />
    </div>
  );
}

function createReadOnlyModel(definition: Record<string, unknown>): Model {
  const model = new Model(definition);
  // Display mode; `mode = 'display'` is deprecated in SurveyJS 3 in favour of `readOnly`.
  model.readOnly = true;
  model.questionsOnPageMode = 'singlePage';
  // The page heading already shows the version's title.
  model.showTitle = false;
  return model;
}
