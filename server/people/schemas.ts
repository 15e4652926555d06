import { Type } from 'typebox';
import { RoleSchema, Timestamp, UserBody } from '../http/schemas.js';

/** Request and response shapes of the people and invitation routes (API.md, "People"). */

export const UserIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const InvitationTokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const MemberStateOrNull = Type.Union([Type.String(), Type.Null()]);
const MemberStateInput = Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()]));

export const Invitation = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  memberState: MemberStateOrNull,
  createdAt: Timestamp,
  expiresAt: Timestamp,
});

export const InvitationBody = Type.Object(
  {
    email: Type.String({ maxLength: 320 }),
    name: Type.Optional(Type.String({ maxLength: 300 })),
    role: RoleSchema,
    memberState: MemberStateInput,
  },
  { additionalProperties: false },
);

export const CreatedInvitation = Type.Object({ id: Type.String(), token: Type.String(), url: Type.String(), expiresAt: Timestamp });

export const InvitationPreview = Type.Object({
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  memberState: MemberStateOrNull,
  memberStateName: Type.Union([Type.String(), Type.Null()], { description: 'The member state by name, for the page shown before signing in' }),
  expiresAt: Timestamp,
});

export const AcceptBody = Type.Object({ name: Type.String({ maxLength: 300 }), password: Type.String({ maxLength: 1024 }) }, { additionalProperties: false });

export const Person = Type.Object({
  ...UserBody.properties,
  createdAt: Timestamp,
  disabledAt: Type.Union([Timestamp, Type.Null()]),
  hasPassword: Type.Boolean(),
});

export const PersonChangesBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 300 })),
    role: Type.Optional(RoleSchema),
    memberState: MemberStateInput,
  },
  { additionalProperties: false },
);
