import type { FastifyPluginAsync } from 'fastify';
import invitationRoutes from './invitation-routes.js';
import userRoutes from './user-routes.js';

/** People: invitations by link (invitation-routes.ts) and the accounts they become (user-routes.ts). */
const routes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(invitationRoutes);
  await fastify.register(userRoutes);
};

export default routes;
