import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { parseVersionParam, paths, safeNextPath } from '../../../client/src/config/paths';

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
    expect(matchPath(paths.signIn.path, paths.signIn.getHref())).toBeTruthy();
    expect(matchPath(paths.changePassword.path, paths.changePassword.getHref())).toBeTruthy();
    expect(matchPath(paths.apiTokens.path, paths.apiTokens.getHref())).toBeTruthy();
    expect(matchPath(paths.people.path, paths.people.getHref())).toBeTruthy();
    expect(matchPath(paths.memberStates.path, paths.memberStates.getHref())).toBeTruthy();
    expect(matchPath(paths.auditLog.path, paths.auditLog.getHref())).toBeTruthy();
    expect(matchPath(paths.invitation.path, paths.invitation.getHref('abc_DEF-1'))?.params.token).toBe('abc_DEF-1');
  });

  it('carries where to go after sign-in as an escaped query value', () => {
    const href = paths.signIn.getHref('/admin/audit?action=auth.signed_in#top');

    expect(href).toBe('/sign-in?next=%2Fadmin%2Faudit%3Faction%3Dauth.signed_in%23top');
    expect(new URL(href, 'http://x').searchParams.get('next')).toBe('/admin/audit?action=auth.signed_in#top');
    expect(paths.signIn.getHref()).toBe('/sign-in');
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

describe('safeNextPath', () => {
  it.each(['/', '/questionnaires', '/admin/audit?action=auth.signed_in', '/questionnaires/ncs/versions/2#q3'])(
    'keeps the path on this site %j',
    (next) => {
      expect(safeNextPath(next)).toBe(next);
    },
  );

  it.each([
    'https://evil.example/',
    'http:evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'questionnaires',
    '',
  ])('refuses %j', (next) => {
    expect(safeNextPath(next)).toBeNull();
  });

  it('refuses a missing value and the sign-in page itself', () => {
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath('/sign-in?next=%2F')).toBeNull();
  });
});
