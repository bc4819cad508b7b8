import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VERIFY_LIMITS } from '@cairn/credentials';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { email, problemResponses, problemSchema } from '../http/schemas.js';
import {
  MAX_UPLOAD_BYTES,
  verifyPresentedCredential,
  verifyPresentedFile,
  verifyPresentedPresentation,
} from './verification.service.js';
import { closeVerifyPool, configureVerifyPool, type VerifyPoolOptions } from './verify-pool.js';

const checkSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['passed', 'failed', 'warning', 'skipped']),
  message: z.string(),
});
const accreditationFinding = z
  .object({
    by: z.string(),
    byId: z.string(),
    scheme: z.string(),
    subject: z.enum(['organization', 'programme']),
    status: z.string(),
    credentialId: z.string().nullable(),
    atIssue: z.boolean().meta({
      description: 'In force, signed by the accreditor and about this issuer/programme when the credential was issued',
    }),
    now: z.boolean(),
    withdrawnAt: z.string().nullable(),
    problems: z.array(z.string()),
  })
  .meta({ id: 'AccreditationFinding' });
const endorsementFinding = z
  .object({
    by: z.string(),
    byId: z.string().nullable(),
    subject: z.enum(['achievement', 'issuer']).meta({
      description: 'Where it is embedded: on the achievement (about the programme) or on the issuer Profile',
    }),
    subjectId: z.string().nullable(),
    credentialId: z.string().nullable(),
    comment: z.string().nullable(),
    atIssue: z.boolean(),
    now: z.boolean(),
    withdrawnAt: z.string().nullable(),
    problems: z.array(z.string()),
  })
  .meta({ id: 'EndorsementFinding' });
const resultSchema = z
  .object({
    verified: z.boolean(),
    checks: z.array(checkSchema),
    warnings: z.array(z.string()),
    errors: z.array(z.string()),
    summary: z
      .object({
        issuerName: z.string().nullable(),
        issuerId: z.string().nullable(),
        achievementName: z.string().nullable(),
        achievementDescription: z.string().nullable(),
        achievementType: z.string().nullable(),
        image: z.string().nullable(),
        recipient: z.string().nullable(),
        validFrom: z.string().nullable(),
        validUntil: z.string().nullable(),
      })
      .nullable(),
    accreditations: z.array(accreditationFinding).meta({
      description:
        'Accreditations of the issuer and of the programme in Cairn’s registers, each credential verified; a check of its own that never changes `verified`',
    }),
    endorsements: z.array(endorsementFinding).meta({
      description: 'Each embedded endorsement verified on its own; never changes `verified`',
    }),
  })
  .meta({ id: 'VerificationResult' });

const presentationResultSchema = z
  .object({
    verified: z.boolean(),
    checks: z.array(checkSchema),
    warnings: z.array(z.string()),
    errors: z.array(z.string()),
    holder: z.string().nullable(),
    credentials: z.array(resultSchema),
  })
  .meta({ id: 'PresentationVerificationResult' });

/**
 * The VC-API verification options. Cairn always runs every check it knows, so `checks` cannot
 * turn one off; options it does not know are listed as warnings, never refused (VC-API).
 */
const KNOWN_OPTIONS = ['checks', 'expectedProofPurpose', 'challenge', 'domain', 'recipientEmail'] as const;
const verifyOptions = z
  .object({
    recipientEmail: email.optional(),
    checks: z.array(z.string()).optional(),
    expectedProofPurpose: z.string().optional(),
    challenge: z.string().optional(),
    domain: z.string().optional(),
  })
  .catchall(z.unknown());

function unknownOptionWarnings(options: Record<string, unknown> | undefined): string[] {
  return Object.keys(options ?? {})
    .filter((k) => !(KNOWN_OPTIONS as readonly string[]).includes(k))
    .map((k) => `The option "${k}" is not one Cairn knows; it was ignored`);
}

// The credential plus the envelope around it. A larger body is refused by its Content-Length,
// before the main thread spends time parsing it.
const VERIFY_BODY_LIMIT = VERIFY_LIMITS.maxBytes + 16 * 1024;

export type VerificationRoutesOptions = { deps: Deps; verifyPool?: VerifyPoolOptions };

/** Public verification: anybody may check a credential, without an account. */
export const verificationRoutes: FastifyPluginAsyncZod<VerificationRoutesOptions> = async (
  app,
  { deps, verifyPool },
) => {
  // Every untrusted verification (here and the wallet's) runs in this pool of worker threads.
  configureVerifyPool(verifyPool ?? {});
  app.addHook('onClose', async () => closeVerifyPool());
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2, parts: 3 } });

  app.post('/credentials/verify', {
    bodyLimit: VERIFY_BODY_LIMIT,
    schema: {
      tags: ['VC-API'],
      summary: 'Verify a credential (W3C VC-API)',
      description: `Takes a JSON credential or a compact VC-JWT string, and the VC-API options (unknown ones are reported as warnings). Answers 200 with every check when it verifies, 400 with the same report when any check failed. A credential over ${VERIFY_LIMITS.maxBytes / 1024} KB answers 413; one over the complexity limits (more than ${VERIFY_LIMITS.maxArrayLength} items in a list, ${VERIFY_LIMITS.maxEmbeddedCredentials} embedded credentials, ${VERIFY_LIMITS.maxEndorsements} endorsements, nesting deeper than ${VERIFY_LIMITS.maxDepth}) or taking too long to check answers 422.`,
      security: [],
      body: z.strictObject({
        verifiableCredential: z.union([z.record(z.string(), z.unknown()), z.string().min(1)]),
        options: verifyOptions.optional(),
      }),
      response: { 200: resultSchema, 400: z.union([resultSchema, problemSchema]), ...problemResponses },
    },
    handler: async (request, reply) => {
      const options = request.body.options;
      const expectedProof = {
        ...(options?.challenge !== undefined ? { challenge: options.challenge } : {}),
        ...(options?.domain !== undefined ? { domain: options.domain } : {}),
      };
      const result = await verifyPresentedCredential(deps, {
        credential: request.body.verifiableCredential,
        ...(options?.recipientEmail ? { recipientEmail: options.recipientEmail } : {}),
        ...(Object.keys(expectedProof).length > 0 ? { expectedProof } : {}),
      });
      const warnings = unknownOptionWarnings(options);
      if (options?.expectedProofPurpose !== undefined && options.expectedProofPurpose !== 'assertionMethod') {
        // A credential's proof is an assertion; asking for another purpose cannot be met.
        result.checks.push({
          id: 'proof',
          label: 'Proof has the expected purpose',
          status: 'failed',
          message: `The credential's proof is for assertionMethod, not ${options.expectedProofPurpose}`,
        });
        result.errors.push(`The credential's proof is for assertionMethod, not ${options.expectedProofPurpose}`);
        result.verified = false;
      }
      const body = { ...result, warnings: [...result.warnings, ...warnings] };
      // VC-API: a credential that does not verify answers 400, with the same report.
      return reply.status(body.verified ? 200 : 400).send(body);
    },
  });

  app.post('/presentations/verify', {
    bodyLimit: VERIFY_BODY_LIMIT,
    schema: {
      tags: ['VC-API'],
      summary: 'Verify a presentation (W3C VC-API)',
      description:
        'Takes a verifiable presentation, signed by its holder (`authentication` proof) or not. With `options.challenge` the presentation must be signed and its proof must carry that challenge; with `options.domain`, that domain. Every embedded credential is verified and reported. Answers 200 when everything verifies, 400 with the same report when not.',
      security: [],
      body: z.strictObject({
        verifiablePresentation: z.union([z.record(z.string(), z.unknown()), z.string().min(1)]),
        options: verifyOptions.optional(),
      }),
      response: {
        200: presentationResultSchema,
        400: z.union([presentationResultSchema, problemSchema]),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const options = request.body.options;
      const result = await verifyPresentedPresentation(deps, {
        presentation: request.body.verifiablePresentation,
        ...(options?.challenge !== undefined ? { challenge: options.challenge } : {}),
        ...(options?.domain !== undefined ? { domain: options.domain } : {}),
      });
      const body = { ...result, warnings: [...result.warnings, ...unknownOptionWarnings(options)] };
      return reply.status(body.verified ? 200 : 400).send(body);
    },
  });

  app.post('/api/v1/verify/upload', {
    schema: {
      tags: ['VC-API'],
      summary: 'Verify an uploaded credential file (.json, .jwt, or a baked .png / .svg badge)',
      description:
        'multipart/form-data with the credential in `file` (at most 10 MB) and, optionally, `recipientEmail`: an email compared with the salted identity hash in the credential (works for baked images too). Browsers send `X-Cairn-CSRF: 1`.',
      security: [],
      consumes: ['multipart/form-data'],
      response: { 200: resultSchema, ...problemResponses },
    },
    handler: async (request) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media_type', 'Upload the file as multipart/form-data in a field named "file".');
      // The email may come before or after the file, so the whole body is read first.
      let file: { bytes: Buffer; filename: string } | undefined;
      let recipientEmail: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          let bytes: Buffer;
          try {
            bytes = await part.toBuffer();
          } catch (error) {
            if (part.file.truncated || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
              throw new AppError(
                'payload_too_large',
                `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Credential files and badge images are much smaller.`,
              );
            }
            throw error;
          }
          if (part.fieldname === 'file') file = { bytes, filename: part.filename || 'the file' };
        } else if (part.fieldname === 'recipientEmail' && typeof part.value === 'string' && part.value.trim()) {
          const parsed = email.safeParse(part.value.trim());
          if (!parsed.success)
            throw new AppError('validation_failed', 'The email to check is not a valid email address.', {
              fields: [{ field: 'recipientEmail', message: 'Enter a valid email address.' }],
            });
          recipientEmail = parsed.data;
        }
      }
      if (!file)
        throw new AppError('validation_failed', 'No file was uploaded. Send it in a field named "file".', {
          fields: [{ field: 'file', message: 'Required' }],
        });
      return verifyPresentedFile(deps, file, recipientEmail ? { recipientEmail } : {});
    },
  });
};
