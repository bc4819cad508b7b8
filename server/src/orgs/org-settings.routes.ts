import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { credentialText, problemResponses, slug, uuid } from '../http/schemas.js';
import { getShowcaseSettings, updateShowcaseSettings } from './use-cases/manage-showcase-settings.js';

const settingsSchema = z
  .object({
    logoFileId: uuid.nullable().meta({ description: 'An image uploaded to the organisation (POST …/images)' }),
    linkedInOrganizationId: z
      .string()
      .regex(
        /^\d{1,20}$/,
        'The LinkedIn page id is the number in your page admin URL (linkedin.com/company/{id}/admin)',
      )
      .nullable()
      .meta({ description: 'Published in the issuer Profile as otherIdentifier ext:LinkedIn:organizationId' }),
    certificateColour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #rrggbb')
      .nullable(),
    signatoryName: credentialText({ max: 120 }).nullable(),
    signatoryTitle: credentialText({ max: 120 }).nullable(),
  })
  .meta({ id: 'OrganizationShowcaseSettings' });

/** Organisation settings shown on certificates, LinkedIn and the issuer Profile. */
export const orgSettingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Organizations'];
  app.get('/api/v1/orgs/:slug/showcase-settings', {
    schema: {
      tags,
      summary: 'Logo, LinkedIn page id, certificate colour and signatory',
      params: z.object({ slug }),
      response: { 200: settingsSchema, ...problemResponses },
    },
    handler: async (request) => getShowcaseSettings(deps, request.actor, request.params.slug),
  });

  app.put('/api/v1/orgs/:slug/showcase-settings', {
    schema: {
      tags,
      summary: 'Replace the logo, LinkedIn page id, certificate colour and signatory (owners and admins)',
      params: z.object({ slug }),
      body: settingsSchema.strict(),
      response: { 200: settingsSchema, ...problemResponses },
    },
    handler: async (request) => {
      const b = request.body;
      return updateShowcaseSettings(deps, request.actor, request.params.slug, {
        logoFileId: b.logoFileId,
        linkedInOrganizationId: b.linkedInOrganizationId,
        certificateColour: b.certificateColour?.toLowerCase() ?? null,
        signatoryName: b.signatoryName?.trim() || null,
        signatoryTitle: b.signatoryTitle?.trim() || null,
      });
    },
  });
};
