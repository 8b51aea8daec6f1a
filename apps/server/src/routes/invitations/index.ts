/**
 * Invitations: internal staff invite a partner organisation's user by link; the link's holder
 * picks a username and password and becomes that organisation's user. The organisation is created
 * with the invitation when it does not exist. Links are single-use and expire; only the token's
 * hash is stored. Checking and accepting need no session (the token is the credential).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Invitation } from '@trellis/storage';
import { HttpProblem } from '../../http/http-problem.js';
import { problemResponses } from '../../http/schemas.js';
import { hashSessionToken, newSessionToken } from '../../identity/session-token.js';
import { ADMIN_ROLE } from '../../identity/session-user.js';
import { insertUser, prepareUser } from '../../identity/users.js';
import { requireUser } from '../../plugins/auth.js';
import { invitationProblems } from './problems.js';
import { acceptBody, acceptedUser, createInvitationBody, createdInvitation, invitationView, tokenBody } from './schemas.js';

const TAGS = ['invitations'];
const DAY_MS = 24 * 60 * 60 * 1000;

interface CreateBody {
  partnerOrg: { id: string; name: string; region?: string | null };
  roles: string[];
  email?: string;
  locale?: 'zh-CN' | 'en';
  validDays?: number;
}

interface AcceptBody { token: string; username: string; password: string; displayName?: string; locale?: 'zh-CN' | 'en' }

const plugin: FastifyPluginAsync = async (app) => {
  /** The open invitation of a token; 404 unknown, 409 used, 410 expired. */
  async function openInvitation(token: string): Promise<Invitation> {
    const found = await app.storage.read.invitations.getByTokenHash(hashSessionToken(token));
    if (found === null) throw new HttpProblem(404, invitationProblems.notFound());
    if (found.acceptedAt !== null) throw new HttpProblem(409, invitationProblems.used());
    if (Date.parse(found.expiresAt) <= app.clock.now().getTime()) throw new HttpProblem(410, invitationProblems.expired());
    return found;
  }

  app.post<{ Body: CreateBody }>('/invitations', {
    schema: {
      tags: TAGS,
      summary: "Invite a partner organisation's user (internal staff); creates the organisation when new",
      body: createInvitationBody,
      response: { 201: createdInvitation, ...problemResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const me = requireUser(request);
    // Partner users never invite: they would be adding users to an organisation on their own.
    if (me.partnerOrg !== null) throw new HttpProblem(403, invitationProblems.staffOnly());
    const adminAt = request.body.roles.indexOf(ADMIN_ROLE);
    if (adminAt >= 0) throw new HttpProblem(422, invitationProblems.adminRole(adminAt));
    const token = newSessionToken();
    const { partnerOrg, roles, email, locale, validDays } = request.body;
    const expiresAt = new Date(app.clock.now().getTime() + (validDays ?? 14) * DAY_MS);
    const result = await app.storage.transaction(async (tx) => {
      const org = (await tx.partnerOrgs.get(partnerOrg.id))
        ?? (await tx.partnerOrgs.create({ id: partnerOrg.id, name: partnerOrg.name, region: partnerOrg.region ?? null }));
      const invitation = await tx.invitations.create({
        tokenHash: hashSessionToken(token), partnerOrg: org.id, roles, email: email ?? null, locale: locale ?? 'zh-CN',
        createdBy: me.id, expiresAt,
      });
      await tx.audit.append({ action: 'invitation.create', actor: me.id, requestId: request.id, after: { id: invitation.id, partnerOrg: org.id, roles, email: email ?? null } });
      return { invitation, org };
    });
    return reply.code(201).send({ id: result.invitation.id, token, partnerOrg: result.org, expiresAt: result.invitation.expiresAt });
  });

  app.post<{ Body: { token: string } }>('/invitations/check', {
    schema: {
      tags: TAGS,
      summary: 'What an invitation link is for (organisation, e-mail, language), before registering',
      body: tokenBody,
      response: { 200: invitationView, ...problemResponses(400, 404, 409, 410) },
    },
    config: { public: true },
  }, async (request) => {
    const invitation = await openInvitation(request.body.token);
    const org = await app.storage.read.partnerOrgs.get(invitation.partnerOrg);
    return {
      partnerOrg: { id: invitation.partnerOrg, name: org?.name ?? invitation.partnerOrg },
      email: invitation.email, locale: invitation.locale, expiresAt: invitation.expiresAt,
    };
  });

  app.post<{ Body: AcceptBody }>('/invitations/accept', {
    schema: {
      tags: TAGS,
      summary: "Register with an invitation: creates the organisation's user; then sign in",
      body: acceptBody,
      response: { 201: acceptedUser, ...problemResponses(400, 404, 409, 410) },
    },
    config: { public: true },
  }, async (request, reply) => {
    const { token, username, password, displayName, locale } = request.body;
    const invitation = await openInvitation(token);
    const prepared = await prepareUser(app.passwords, {
      username, password, roles: invitation.roles, partnerOrg: invitation.partnerOrg,
      ...(displayName === undefined ? {} : { displayName }), locale: locale ?? invitation.locale,
    });
    const created = await app.storage.transaction(async (tx) => {
      const { user } = await insertUser(tx, prepared, { actor: 'invitation', requestId: request.id });
      // The conditional update decides between two concurrent acceptances; the loser rolls back.
      if ((await tx.invitations.accept(invitation.id, user.id)) === null) throw new HttpProblem(409, invitationProblems.used());
      return user;
    });
    return reply.code(201).send({ username: created.username, partnerOrg: invitation.partnerOrg });
  });
};

export default plugin;
