import fp from 'fastify-plugin';
import { createAuditService, type AuditService } from './audit/service.js';
import { createApiTokensService, type ApiTokensService } from './auth/api-tokens.js';
import { createFailureThrottle, type FailureThrottle } from './auth/failure-throttle.js';
import { createOwnAccount, type OwnAccount } from './auth/own-account.js';
import { createSessionsService, type SessionsService } from './auth/sessions.js';
import { createSignIn, type SignInService } from './auth/sign-in.js';
import { createMemberStatesService, type MemberStatesService } from './member-states/service.js';
import { createAccountChanges, type AccountChanges } from './people/account-changes.js';
import { createInvitationsService, type InvitationsService } from './people/invitations.js';
import { createPasswordChanges, type PasswordChanges } from './people/password-changes.js';
import { createUsersService, type UsersService } from './people/users.js';
import { createSurveysService, type SurveysService } from './surveys/service.js';
import { createCompiledQuestionnaires, type CompiledQuestionnaires } from './surveys/compiled-questionnaires.js';
import { createResponsesService, type ResponsesService } from './responses/service.js';
import { createAnalysisService, type AnalysisService } from './analysis/service.js';
import { createReviewBoard, type ReviewBoardService } from './review/board.js';

declare module 'fastify' {
  interface FastifyInstance {
    publicUrl: URL | null;
    audit: AuditService;
    sessions: SessionsService;
    apiTokens: ApiTokensService;
    /** Signing out and API tokens: a person's own access, audited. */
    ownAccount: OwnAccount;
    failureThrottle: FailureThrottle;
    signIn: SignInService;
    users: UsersService;
    /** An administrator's changes to an account, each audited and ending sessions as needed. */
    accountChanges: AccountChanges;
    passwordChanges: PasswordChanges;
    invitations: InvitationsService;
    surveys: SurveysService;
    questionnaires: CompiledQuestionnaires;
    memberStates: MemberStatesService;
    responses: ResponsesService;
    analysis: AnalysisService;
    reviewBoard: ReviewBoardService;
  }
}

/** The application's services, each given only what it needs. */
export default fp<{ publicUrl: URL | null }>(
  async (fastify, { publicUrl }) => {
    const { db } = fastify;
    const audit = createAuditService(db);
    const sessions = createSessionsService(db);
    const failureThrottle = createFailureThrottle(db);
    fastify.decorate('publicUrl', publicUrl);
    fastify.decorate('audit', audit);
    fastify.decorate('sessions', sessions);
    const apiTokens = createApiTokensService(db);
    fastify.decorate('apiTokens', apiTokens);
    fastify.decorate('ownAccount', createOwnAccount({ db, sessions, apiTokens, audit }));
    fastify.decorate('failureThrottle', failureThrottle);
    fastify.decorate('signIn', createSignIn({ db, sessions, throttle: failureThrottle, audit }));
    const users = createUsersService(db);
    fastify.decorate('users', users);
    fastify.decorate('accountChanges', createAccountChanges({ db, users, sessions, audit }));
    fastify.decorate('passwordChanges', createPasswordChanges({ db, sessions, audit }));
    fastify.decorate('invitations', createInvitationsService({ db, sessions, audit }));
    const surveys = createSurveysService(db, audit);
    fastify.decorate('surveys', surveys);
    fastify.decorate('questionnaires', createCompiledQuestionnaires(surveys, fastify.log));
    fastify.decorate('responses', createResponsesService({ db, audit, questionnaires: fastify.questionnaires, surveys }));
    fastify.decorate('analysis', createAnalysisService({ db, audit, questionnaires: fastify.questionnaires, surveys }));
    fastify.decorate('reviewBoard', createReviewBoard({ db, questionnaires: fastify.questionnaires }));
    fastify.decorate('memberStates', createMemberStatesService(db, audit));
  },
  { name: 'services', dependencies: ['database'] },
);
