import { z } from 'zod';
import { credentialText, slug as orgSlug, timestamp, uuid } from '../http/schemas.js';

const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use 1-40 letters, digits, "-" or "_"');
// Titles, names and descriptions are copied into the pathway's signed Achievement.
const title = credentialText({ max: 200 }).min(1).optional();
const did = z
  .string()
  .regex(/^did:[a-z0-9]+:\S+$/, 'Must be a DID, like did:web:example.org or did:key:z6Mk…')
  .max(500);

export type RequirementNodeInput =
  | { id?: string | undefined; type: 'all'; title?: string | undefined; children: RequirementNodeInput[] }
  | {
      id?: string | undefined;
      type: 'atLeast';
      n: number;
      title?: string | undefined;
      children: RequirementNodeInput[];
    }
  | {
      id?: string | undefined;
      type: 'achievement';
      title?: string | undefined;
      ref:
        | { kind: 'microcredential'; microcredentialId: string }
        | { kind: 'pathway'; pathwayId: string }
        | { kind: 'external'; achievementId: string; issuerDids: string[]; name?: string | undefined };
    }
  | { id?: string | undefined; type: 'minCpdHours'; title?: string | undefined; hours: number }
  | { id?: string | undefined; type: 'minCredits'; title?: string | undefined; credits: number }
  | {
      id?: string | undefined;
      type: 'skills';
      title?: string | undefined;
      skillIds: string[];
      minCount?: number | undefined;
    };

export const achievementRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('microcredential'), microcredentialId: uuid }),
  z.strictObject({ kind: z.literal('pathway'), pathwayId: uuid }),
  z.strictObject({
    kind: z.literal('external'),
    achievementId: z
      .string()
      .min(3)
      .max(2000)
      .regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'Must be a URI (the achievement id in the credentials you accept)'),
    issuerDids: z.array(did).max(20),
    name: credentialText({ max: 200 }).min(1).optional(),
  }),
]);

/** One requirement: a group of requirements or a leaf. Ids are optional; the server names unnamed ones. */
export const requirementNode: z.ZodType<RequirementNodeInput> = z
  .lazy(() =>
    z.discriminatedUnion('type', [
      z.strictObject({
        id: nodeId.optional(),
        type: z.literal('all'),
        title,
        children: z.array(requirementNode).max(50),
      }),
      z.strictObject({
        id: nodeId.optional(),
        type: z.literal('atLeast'),
        n: z.number().int().min(1).max(50),
        title,
        children: z.array(requirementNode).max(50),
      }),
      z.strictObject({ id: nodeId.optional(), type: z.literal('achievement'), title, ref: achievementRef }),
      z.strictObject({
        id: nodeId.optional(),
        type: z.literal('minCpdHours'),
        title,
        hours: z.number().positive().max(100000),
      }),
      z.strictObject({
        id: nodeId.optional(),
        type: z.literal('minCredits'),
        title,
        credits: z.number().positive().max(100000),
      }),
      z.strictObject({
        id: nodeId.optional(),
        type: z.literal('skills'),
        title,
        skillIds: z.array(uuid).max(100),
        minCount: z.number().int().min(1).max(100).optional(),
      }),
    ]),
  )
  .meta({ id: 'RequirementNode' });

export const pathwayFields = {
  name: credentialText({ max: 200 }).min(1),
  description: credentialText({ max: 5000, isMultiline: true }).default(''),
  achievementType: z
    .string()
    .regex(/^(ext:)?[A-Za-z]{2,40}$/, 'An OB 3.0 achievementType such as Certificate, Diploma or Degree')
    .default('Certificate'),
  criteriaNarrative: credentialText({ max: 10000, isMultiline: true }).default(''),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
  tree: requirementNode,
  recommendedOrder: z.array(nodeId).max(200).default([]),
};

export const createPathwayBody = z.strictObject({
  slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/, 'Use 3-80 lowercase letters, digits and hyphens'),
  ...pathwayFields,
});
export const updateDraftBody = z.strictObject(pathwayFields);

export const orgPathwayParams = z.object({ slug: orgSlug, id: uuid });

const anyObject = z.record(z.string(), z.unknown());

export const versionSchema = z
  .object({
    id: z.string(),
    versionNumber: z.number().int(),
    status: z.enum(['draft', 'published']),
    name: z.string(),
    description: z.string(),
    achievementType: z.string(),
    criteriaNarrative: z.string(),
    imageUrl: z.string().nullable(),
    tree: requirementNode,
    recommendedOrder: z.array(z.string()),

    achievement: anyObject.nullable(),
    publishedAt: timestamp.nullable(),
    updatedAt: timestamp,
  })
  .meta({ id: 'PathwayVersion' });

export const pathwayDetailSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    provider: z.object({ slug: z.string(), name: z.string() }),
    createdAt: timestamp,
    versions: z.array(versionSchema),
    learners: z.object({ total: z.number().int(), awarded: z.number().int() }),
  })
  .meta({ id: 'PathwayForEditor' });

export const validationResultSchema = z.object({
  valid: z.boolean(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

const costSchema = z.array(z.object({ currency: z.string(), amountMinor: z.number() }));
export const planSchema = z
  .object({
    offers: z.array(
      z.object({
        microcredentialId: z.string(),
        title: z.string(),
        providerName: z.string(),
        costMinor: z.number(),
        currency: z.string().nullable(),
        effortHours: z.number(),
        durationWeeks: z.number(),
      }),
    ),
    cost: costSchema,
    costMinor: z.number(),
    effortHours: z.number(),
    durationWeeks: z.number(),
    cpdHours: z.number(),
  })
  .meta({ id: 'PathwayCompletionPlan' });

export const completionSchema = z.object({
  isSatisfied: z.boolean(),
  cheapest: planSchema.nullable(),
  shortest: planSchema.nullable(),
  isExact: z.boolean(),
  unreachableNodeIds: z.array(z.string()),
});

const mapNode = z.object({
  id: z.string(),
  kind: z.enum(['qualification', 'all', 'atLeast', 'achievement', 'minCpdHours', 'minCredits', 'skills']),
  label: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  n: z.number().int().optional(),
  of: z.number().int().optional(),
  amount: z.number().optional(),
  skills: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  achievement: z
    .object({
      kind: z.enum(['microcredential', 'pathway', 'external']),
      id: z.string(),
      name: z.string(),
      provider: z.object({ slug: z.string(), name: z.string() }).nullable(),
      issuerDids: z.array(z.string()).optional(),
      programme: z
        .object({
          slug: z.string(),
          effortHours: z.number(),
          durationWeeks: z.number(),
          costMinor: z.number().nullable(),
          currency: z.string().nullable(),
          cpdHours: z.number(),
        })
        .nullable(),
    })
    .optional(),
  recommendedPosition: z.number().int().nullable(),
});

export const pathwayMapSchema = z
  .object({
    nodes: z.array(mapNode),
    edges: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(['stacksOnto', 'then']) })),
  })
  .meta({ id: 'PathwayMap' });

export const publicPathwaySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    versionId: z.string(),
    versionNumber: z.number().int(),
    name: z.string(),
    description: z.string(),
    achievementType: z.string(),
    imageUrl: z.string().nullable(),
    provider: z.object({ slug: z.string(), name: z.string() }),
    providers: z.array(z.object({ slug: z.string().nullable(), name: z.string(), did: z.string() })),
    achievement: anyObject,
    totals: z.object({
      cheapest: planSchema.nullable(),
      shortest: planSchema.nullable(),
      cpdHours: z.number(),
      requirementCount: z.number().int(),
    }),
    map: pathwayMapSchema,
    recommendedOrder: z.array(z.string()),
    publishedAt: timestamp,
  })
  .meta({ id: 'PublicPathway' });

export const pathwaySummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    achievementType: z.string(),
    imageUrl: z.string().nullable(),
    provider: z.object({ slug: z.string(), name: z.string() }),
    versionNumber: z.number().int(),
    publishedAt: timestamp,
  })
  .meta({ id: 'PathwaySummary' });

const nodeStatus = z.object({
  isSatisfied: z.boolean(),
  done: z.number(),
  required: z.number(),
  counted: z.array(z.string()),
  amount: z.object({ have: z.number(), need: z.number() }).optional(),
});

export const myPathwaySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    awarded: z.boolean(),
    progress: z.object({ done: z.number(), required: z.number() }),
    versionId: z.string(),
    isJoined: z.boolean(),
    credentialId: z.string().nullable(),
    clrCredentialId: z.string().nullable(),
    isSuspended: z.boolean(),
    isAwardPending: z
      .boolean()
      .describe(
        'Every requirement is met and the award is being issued in the background (usually within seconds): poll until `awarded`',
      ),
  })
  .meta({ id: 'MyPathway' });

export const myPathwayDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    awarded: z.boolean(),
    progress: z.object({ done: z.number(), required: z.number() }),
    versionId: z.string(),
    versionNumber: z.number().int(),
    isJoined: z.boolean(),
    isNewerVersionPublished: z.boolean(),
    credentialId: z.string().nullable(),
    clrCredentialId: z.string().nullable(),
    isSuspended: z.boolean(),
    isAwardPending: myPathwaySchema.shape.isAwardPending,
    nodes: z.record(z.string(), nodeStatus),

    done: z.array(
      z.object({
        nodeId: z.string(),
        label: z.string(),
        credentials: z.array(z.object({ ref: z.string(), name: z.string() })),
      }),
    ),
    remaining: z.array(
      z.object({
        nodeId: z.string(),
        type: z.string(),
        label: z.string(),
        need: z.number(),
        options: z.array(z.string()),
      }),
    ),
    completion: completionSchema,
    estimate: z.object({
      costMinor: z.number().nullable(),
      cost: costSchema,
      effortHours: z.number().nullable(),
      durationWeeks: z.number().nullable(),
    }),
    map: pathwayMapSchema,
  })
  .meta({ id: 'MyPathwayDetail' });

export const walletItemSchema = z
  .object({
    id: z.string(),
    credentialId: z.string().nullable(),
    format: z.enum(['ldp', 'jwt']),
    achievementId: z.string(),
    achievementName: z.string().nullable(),
    issuer: z.object({ did: z.string(), name: z.string().nullable() }),
    validFrom: timestamp.nullable(),
    validUntil: timestamp.nullable(),
    addedAt: timestamp,
    verifiableCredential: z.union([anyObject, z.string()]),
    pathways: z.array(z.object({ id: z.string(), name: z.string() })),
    status: z
      .enum(['active', 'revoked', 'suspended', 'untrusted'])
      .describe(
        'As last read from the issuer’s status lists (untrusted: it no longer verifies under Cairn’s rules); only active entries count toward pathways',
      ),
    statusReason: z.string().nullable(),
    statusCheckedAt: timestamp.nullable(),
    statusCheckError: z
      .string()
      .nullable()
      .describe('Why the last check could not read a status list; the status is then the one before'),
  })
  .meta({ id: 'WalletCredential' });
