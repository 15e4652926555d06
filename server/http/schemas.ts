import { Type, type TSchema } from 'typebox';
import { ROLES } from '../auth/roles.js';
import { MEMBER_STATE_CODE_PATTERN } from '../member-states/code.js';

/** Building blocks shared by route schemas. */

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const SurveyId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'Survey slug' });
export const VersionNumber = Type.Integer({ minimum: 1, maximum: 99999 });
export const MemberStateCode = Type.String({ pattern: MEMBER_STATE_CODE_PATTERN, description: 'Member state code, e.g. EE' });
/** Dates leave as ISO 8601 strings; handlers may return Date objects, which the serializer converts. */
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });

export const SurveyVersionParams = Type.Object({ surveyId: SurveyId, version: VersionNumber });

/** The error responses a route may answer with, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref('ErrorResponse')]));
}

export const RoleSchema = Type.Enum(ROLES, { description: 'What the person may do' });

export const UserBody = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  memberState: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
});

export const SignedIn = Type.Object({ user: UserBody, csrfToken: Type.Union([Type.String(), Type.Null()]) });
