import { Navigate } from 'react-router';
import { paths } from '../../../config/paths';

/** An analyst's work is the workbench: their start page is it (replacing `/` in the history, so "back" leaves). */
export function AnalystHome() {
  return <Navigate to={paths.analysis.getHref()} replace />;
}
