import { memo } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';
import '../../../styles/surveyjs.css';

interface QuestionnaireFormProps {
  model: Model;
  /** The focus left a field: a good moment to save without waiting. */
  onLeaveField?: () => void;
}

/**
 * The questionnaire itself, rendered by SurveyJS. Its stylesheet is SurveyJS's default theme
 * without the Google Fonts import (the platform makes no third-party requests); the platform's
 * font and colours are set in styles/surveyjs.css. Memoised: SurveyJS re-renders its questions
 * itself, and the page around it changes with every keystroke (the save state, the progress).
 */
export const QuestionnaireForm = memo(function QuestionnaireForm({ model, onLeaveField }: QuestionnaireFormProps) {
  return (
    <div className="survey-theme" onBlur={onLeaveField}>
      <Survey model={model} />
    </div>
  );
});
