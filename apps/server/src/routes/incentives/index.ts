/**
 * Incentive runs over HTTP (see apps/server/src/incentives): start, progress, cancel, results,
 * explanations, diff, approval, export, statements and the calculator.
 */
import type { FastifyPluginAsync } from 'fastify';
import partnerRoutes from './partner.js';
import resultRoutes from './results.js';
import runRoutes from './runs.js';

const plugin: FastifyPluginAsync = async (app) => {
  await app.register(runRoutes);
  await app.register(resultRoutes);
  await app.register(partnerRoutes);
};

export default plugin;
