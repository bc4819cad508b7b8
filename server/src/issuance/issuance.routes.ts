import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JsonObject } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import {
  email,
  iso,
  isoOrNull,
  problemResponses,
  refuseHiddenCharactersInJson,
  slug,
  timestamp,
} from '../http/schemas.js';
import { createDidKeyIdentifier, listKeys, rotateSigningKey } from '../keys/signing-keys.service.js';
import type { CredentialStatusView } from './credential-lifecycle.js';
import { changeCredentialStatus } from './use-cases/change-credential-status.js';
import type { IssuedCredential } from './issue-credential-options.js';
import { issueCredentialForOrg, issueCredentialWithApiKey } from './use-cases/issue-credential-for-org.js';
import { listIssuedCredentials } from './use-cases/list-issued-credentials.js';
import { isUrl } from './vcdm-validation.js';

const ISSUE_BODY_LIMIT = 5 * 1024 * 1024;

const issueBody = z.strictObject({
  credential: z
    .record(z.string(), z.unknown())
    // Everything in it is signed: hidden or direction-changing characters could make it read otherwise.
    .superRefine(refuseHiddenCharactersInJson)
    .meta({
      description:
        'An unsigned W3C VC Data Model 2.0 credential: Open Badges 3.0 when its type names OpenBadgeCredential, AchievementCredential or EndorsementCredential, else plain VCDM 2.0. Malformed fields are refused, never repaired; Cairn fills only what is absent (id, issuer, validFrom, credentialStatus, and credentialSchema for Open Badges) and signs it. Strings may not contain invisible or direction-changing characters.',
    }),
  options: z
    .strictObject({
      format: z
        .enum(['ldp', 'jwt'])
        .optional()
        .meta({ description: 'ldp: embedded Data Integrity proof (default); jwt: VC-JWT (EdDSA)' }),
      cryptosuite: z.enum(['eddsa-rdfc-2022', 'eddsa-jcs-2022']).optional(),
      issuerIdentifier: z
        .enum(['did:web', 'did:key'])
        .optional()
        .meta({ description: "Sign as the organisation's did:web (default, or the API key's setting) or its did:key" }),
      profile: z.enum(['ob3', 'vcdm2']).optional().meta({
        description: 'Force Open Badges 3.0 or plain VC Data Model 2.0; by default chosen from the credential type',
      }),
      credentialId: z
        .string()
        .max(2000)
        .refine((v) => isUrl(v), 'Use a URL, such as urn:uuid:… or https://…')
        .optional()
        .meta({ description: 'VC-API: the id to give the credential when it has none' }),
      idempotencyKey: z.string().min(8).max(200).optional(),
      recipientEmail: email
        .optional()
        .meta({ description: 'Written as a hashed IdentityObject when credentialSubject has no id or identifier' }),
      statusPurposes: z
        .union([z.tuple([z.literal('revocation')]), z.tuple([z.literal('revocation'), z.literal('suspension')])])
        .optional()
        .meta({
          description:
            'Default ["revocation"] (Open Badges 3.0 allows one status entry). Add "suspension" to be able to suspend and reinstate.',
        }),
    })
    .optional(),
});

const statusSchema = z
  .object({
    id: z.string(),
    credentialId: z.string(),
    status: z.enum(['active', 'revoked', 'suspended', 'expired']),
    revokedAt: timestamp.nullable(),
    revocationReason: z.string().nullable(),
    suspendedAt: timestamp.nullable(),
    suspensionReason: z.string().nullable(),
  })
  .meta({ id: 'CredentialStatus' });

function presentStatus(s: CredentialStatusView) {
  return { ...s, revokedAt: isoOrNull(s.revokedAt), suspendedAt: isoOrNull(s.suspendedAt) };
}

function optionsOf(body: z.infer<typeof issueBody>, idempotencyHeader: string | string[] | undefined) {
  const o = body.options ?? {};
  const key = o.idempotencyKey ?? (typeof idempotencyHeader === 'string' ? idempotencyHeader : undefined);
  return {
    // The body came out of JSON.parse, so it holds JSON values only.
    credential: body.credential as JsonObject,
    ...(o.format ? { format: o.format } : {}),
    ...(o.cryptosuite ? { cryptosuite: o.cryptosuite } : {}),
    ...(key ? { idempotencyKey: key } : {}),
    ...(o.recipientEmail ? { recipientEmail: o.recipientEmail } : {}),
    ...(o.statusPurposes ? { statusPurposes: o.statusPurposes } : {}),
    ...(o.issuerIdentifier ? { issuerIdentifier: o.issuerIdentifier } : {}),
    ...(o.profile ? { profile: o.profile } : {}),
    ...(o.credentialId ? { credentialId: o.credentialId } : {}),
  };
}

function sendIssued(reply: FastifyReply, issued: IssuedCredential) {
  return reply
    .status(issued.isReplay ? 200 : 201)
    .header('idempotent-replayed', String(issued.isReplay))
    .send({ verifiableCredential: issued.verifiableCredential });
}

export const issuanceRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const vcApi = ['VC-API'];
  const tags = ['Credentials'];
  const issuedResponse = z.object({ verifiableCredential: z.union([z.record(z.string(), z.unknown()), z.string()]) });

  app.post('/credentials/issue', {
    bodyLimit: ISSUE_BODY_LIMIT,
    schema: {
      tags: vcApi,
      summary: 'Issue a credential (W3C VC-API), as the organisation of the API key',
      description:
        'A retry with the same `Idempotency-Key` header (or options.idempotencyKey) returns the first result with 200.',
      body: issueBody,
      response: { 201: issuedResponse, 200: issuedResponse, ...problemResponses },
    },
    handler: async (request, reply) =>
      sendIssued(
        reply,
        await issueCredentialWithApiKey(
          deps,
          request.actor,
          optionsOf(request.body, request.headers['idempotency-key']),
        ),
      ),
  });

  app.post('/api/v1/orgs/:slug/credentials', {
    bodyLimit: ISSUE_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Issue a credential as this organisation',
      params: z.object({ slug }),
      body: issueBody,
      response: { 201: issuedResponse, 200: issuedResponse, ...problemResponses },
    },
    handler: async (request, reply) =>
      sendIssued(
        reply,
        await issueCredentialForOrg(
          deps,
          request.actor,
          request.params.slug,
          optionsOf(request.body, request.headers['idempotency-key']),
        ),
      ),
  });

  app.get('/api/v1/orgs/:slug/credentials', {
    schema: {
      tags,
      summary: 'Credentials this organisation issued, newest first',
      params: z.object({ slug }),
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              credentialId: z.string(),
              format: z.enum(['ldp', 'jwt']),
              achievementName: z.string().nullable(),
              recipient: z.string().nullable(),
              issuedAt: timestamp,
              validUntil: timestamp.nullable(),
              status: z.enum(['active', 'revoked', 'suspended', 'expired']),
              isSuspendable: z.boolean(),
            }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => ({
      items: (await listIssuedCredentials(deps, request.actor, request.params.slug, request.query)).map((c) => ({
        ...c,
        issuedAt: iso(c.issuedAt),
        validUntil: isoOrNull(c.validUntil),
      })),
    }),
  });

  const idParams = z.object({
    id: z
      .string()
      .min(1)
      .max(500)
      .meta({ description: 'The credential row id (UUID) or its full id URL, URL-encoded' }),
  });
  app.post('/api/v1/credentials/:id/revoke', {
    schema: {
      tags,
      summary: 'Revoke a credential (permanent); its status list is republished at once',
      params: idParams,
      body: z.strictObject({ reason: z.string().trim().min(1, 'Say why it is revoked').max(500) }),
      response: { 200: statusSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentStatus(
        await changeCredentialStatus(deps, request.actor, request.params.id, {
          action: 'revoke',
          reason: request.body.reason,
        }),
      ),
  });
  app.post('/api/v1/credentials/:id/suspend', {
    schema: {
      tags,
      summary: 'Suspend a credential (reversible)',
      params: idParams,
      body: z.strictObject({ reason: z.string().trim().max(500).optional() }).optional(),
      response: { 200: statusSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentStatus(
        await changeCredentialStatus(deps, request.actor, request.params.id, {
          action: 'suspend',
          ...(request.body?.reason ? { reason: request.body.reason } : {}),
        }),
      ),
  });
  app.post('/api/v1/credentials/:id/unsuspend', {
    schema: {
      tags,
      summary: 'Reinstate a suspended credential',
      params: idParams,
      body: z.strictObject({}).optional(),
      response: { 200: statusSchema, ...problemResponses },
    },
    handler: async (request) =>
      presentStatus(await changeCredentialStatus(deps, request.actor, request.params.id, { action: 'unsuspend' })),
  });

  const keySchema = z
    .object({ id: z.string(), publicKeyMultibase: z.string(), createdAt: timestamp, retiredAt: timestamp.nullable() })
    .meta({ id: 'SigningKey' });
  const presentKey = (k: { id: string; publicKeyMultibase: string; createdAt: Date; retiredAt: Date | null }) => ({
    ...k,
    createdAt: iso(k.createdAt),
    retiredAt: isoOrNull(k.retiredAt),
  });
  app.get('/api/v1/orgs/:slug/keys', {
    schema: {
      tags: ['Organizations'],
      summary: 'Signing keys (public parts), newest first',
      params: z.object({ slug }),
      response: { 200: z.object({ items: z.array(keySchema) }), ...problemResponses },
    },
    handler: async (request) => ({ items: (await listKeys(deps, request.actor, request.params.slug)).map(presentKey) }),
  });
  const didKeySchema = z
    .object({ did: z.string(), publicKeyMultibase: z.string(), createdAt: timestamp })
    .meta({ id: 'DidKeyIdentifier' });
  app.post('/api/v1/orgs/:slug/did-key', {
    schema: {
      tags: ['Organizations'],
      summary:
        "Create the organisation's did:key now (otherwise made when first used); answers the existing one with 200",
      description: 'A did:key is its key, so it is never rotated. Credentials signed with it verify offline.',
      params: z.object({ slug }),
      body: z.strictObject({}).optional(),
      response: { 201: didKeySchema, 200: didKeySchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const { isNew, ...key } = await createDidKeyIdentifier(deps, request.actor, request.params.slug);
      return reply.status(isNew ? 201 : 200).send({ ...key, createdAt: iso(key.createdAt) });
    },
  });
  app.post('/api/v1/orgs/:slug/keys/rotate', {
    schema: {
      tags: ['Organizations'],
      summary: 'Rotate the signing key; earlier credentials keep verifying',
      params: z.object({ slug }),
      body: z.strictObject({}).optional(),
      response: { 201: keySchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(presentKey(await rotateSigningKey(deps, request.actor, request.params.slug))),
  });
};
