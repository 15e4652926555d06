import type { Model } from 'survey-core';
// The server's rule itself (a pure module), so the bar and the server's percentages cannot drift apart.
import { countProgress, takesAnswer, type Progress } from '@core/progress-count';

/**
 * How much is answered, by the server's rule (server/questionnaire/progress-count.ts) over the
 * questions the page shows now. survey-core's own getProgressInfo() counts the items of a
 * multiple-text question separately, so the bar would disagree with the home page's percentage.
 */
export function countAnswers(model: Model): Progress {
  const shown = model.getAllQuestions(true).filter((question) => takesAnswer(question.getType()));
  return countProgress(
    shown,
    (question) => question.isRequired,
    (question) => model.getValue(question.name),
  );
}
