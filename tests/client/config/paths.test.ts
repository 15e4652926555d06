import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { parseVersionParam, paths } from '../../../client/src/config/paths';

describe('paths', () => {
  it('builds the questionnaire URL that its route pattern matches', () => {
    const href = paths.questionnaire.getHref('national-cooperation', 2);

    expect(href).toBe('/questionnaires/national-cooperation/versions/2');
    expect(matchPath(paths.questionnaire.path, href)?.params).toEqual({
      surveyId: 'national-cooperation',
      version: '2',
    });
  });

  it('escapes a survey id that would otherwise change the path', () => {
    const href = paths.questionnaire.getHref('a/b c', 1);

    expect(href).toBe('/questionnaires/a%2Fb%20c/versions/1');
    expect(matchPath(paths.questionnaire.path, href)?.params.version).toBe('1');
  });

  it('matches each href to its own path', () => {
    expect(matchPath(paths.questionnaires.path, paths.questionnaires.getHref())).toBeTruthy();
    expect(matchPath(paths.home.path, paths.home.getHref())).toBeTruthy();
  });
});

describe('parseVersionParam', () => {
  it('reads a positive whole number', () => {
    expect(parseVersionParam('1')).toBe(1);
    expect(parseVersionParam('12')).toBe(12);
  });

  it.each(['0', '-1', '01', '1.5', '2a', '', ' 1', '99999999999'])('refuses %j', (segment) => {
    expect(parseVersionParam(segment)).toBeNull();
  });

  it('refuses a missing segment', () => {
    expect(parseVersionParam(undefined)).toBeNull();
  });
});
