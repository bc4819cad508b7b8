import { z } from 'zod';
import { timestamp, uuid } from '../http/schemas.js';

export const levelSchema = z
  .number()
  .int()
  .min(1)
  .max(5)
  .meta({ description: "Cairn's 1-5 scale: 1 Aware, 2 Working, 3 Practitioner, 4 Advanced, 5 Expert" });

export const roleSkillInput = z.strictObject({
  skillId: uuid,
  level: levelSchema,
  essential: z.boolean().default(true),
});

export const roleBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  skills: z.array(roleSkillInput).max(200),
});

export const roleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    version: z.number().int(),
    escoOccupationUri: z.string().nullable(),
    skills: z.array(
      z.object({ skillId: z.string(), name: z.string(), level: z.number().int(), essential: z.boolean() }),
    ),
    updatedAt: timestamp,
  })
  .meta({ id: 'EmployerRole' });

export const roleDetailSchema = roleSchema
  .extend({
    versions: z.array(
      z.object({
        version: z.number().int(),
        name: z.string(),
        skills: z.array(z.object({ skillId: z.string(), level: z.number().int(), essential: z.boolean() })),
        createdAt: timestamp,
      }),
    ),
  })
  .meta({ id: 'EmployerRoleDetail' });

export const gapStatus = z.enum(['met', 'below', 'missing']);

export const roleGapsSchema = z
  .object({
    role: z.object({
      id: z.string(),
      name: z.string(),
      version: z.number().int(),
      skills: z.array(
        z.object({ skillId: z.string(), name: z.string(), level: z.number().int(), essential: z.boolean() }),
      ),
    }),
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        skills: z.array(
          z.object({
            skillId: z.string(),
            required: z.number().int(),
            essential: z.boolean(),
            verified: z.number().int().nullable(),
            selfAssessed: z.number().int().nullable(),
            managerAssessed: z.number().int().nullable(),
            status: gapStatus,
            expiresAt: timestamp.nullable(),
          }),
        ),
      }),
    ),
    summary: z.object({
      members: z.number().int(),
      requirements: z.number().int(),
      met: z.number().int(),
      metPercent: z.number(),
      expiring: z.number().int(),
    }),
  })
  .meta({ id: 'RoleGaps' });

const money = z.object({ amountMinor: z.number().int(), currency: z.string() });

const planSchema = z.object({
  steps: z.array(
    z.object({
      kind: z.enum(['programme', 'pathway']),
      id: z.string(),
      name: z.string(),
      slug: z.string().optional(),
      providerSlug: z.string().optional(),
      cost: money.nullable(),
      hours: z.number(),
      cpdHours: z.number(),
      durationWeeks: z.number().nullable(),
      skillIds: z.array(z.string()),
      covers: z.array(z.string()),
      isPrivate: z.boolean(),
    }),
  ),
  uncovered: z.array(z.string()),
  totals: z.object({ cost: z.array(money), converted: money.nullable(), hours: z.number(), cpdHours: z.number() }),
});

export const recommendationsSchema = z
  .object({
    role: z.object({ id: z.string(), name: z.string() }),
    needed: z.array(z.object({ skillId: z.string(), name: z.string() })),
    cheapest: planSchema,
    shortest: planSchema,
  })
  .meta({ id: 'GapRecommendations' });

export const shareSchema = z
  .object({
    orgSlug: z.string(),
    orgName: z.string(),
    credentials: z
      .union([z.literal('all'), z.array(z.string())])
      .nullable()
      .meta({ description: 'null: nothing shared' }),
    updatedAt: timestamp.nullable(),
  })
  .meta({ id: 'CredentialShare' });

export const assignmentStatus = z.enum(['assigned', 'in_progress', 'overdue', 'completed', 'not_shared']);

export const assignmentSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    userName: z.string(),
    microcredentialId: z.string(),
    title: z.string(),
    teamId: z.string().nullable(),
    roleId: z.string().nullable(),
    dueAt: timestamp,
    isSponsored: z.boolean(),
    assignedAt: timestamp,
    status: assignmentStatus,
    enrolledAt: timestamp.nullable(),
    completedAt: timestamp.nullable(),
    lastActivityAt: timestamp.nullable(),
  })
  .meta({ id: 'LearningAssignment' });

export const seatBudgetSchema = z
  .object({
    id: z.string(),
    microcredentialId: z.string(),
    title: z.string(),
    providerSlug: z.string(),
    slug: z.string(),
    seatsTotal: z.number().int(),
    seatsUsed: z.number().int(),
    seats: z.array(
      z.object({
        id: z.string(),
        userId: z.string(),
        userName: z.string(),
        sponsoredBy: z.string().nullable(),
        grantedAt: timestamp,
        claimedAt: timestamp.nullable(),
      }),
    ),
  })
  .meta({ id: 'SponsoredSeatBudget' });

export const dashboardSchema = z
  .object({
    sharingMembers: z.number().int(),
    assignments: z.object({
      assigned: z.number().int(),
      in_progress: z.number().int(),
      overdue: z.number().int(),
      completed: z.number().int(),
      not_shared: z.number().int(),
    }),
    months: z.array(
      z.object({
        month: z.string(),
        assigned: z.number().int(),
        started: z.number().int(),
        completed: z.number().int(),
        skillsGained: z.number().int(),
      }),
    ),
    roles: z.array(
      z.object({
        roleId: z.string(),
        name: z.string(),
        requirements: z.number().int(),
        met: z.number().int(),
        closedPercent: z.number(),
      }),
    ),
    atRisk: z.array(z.object({ userId: z.string(), name: z.string(), reasons: z.array(z.string()) })),
  })
  .meta({ id: 'TeamDashboard' });

export const teamSchema = z
  .object({ id: z.string(), name: z.string(), memberCount: z.number().int() })
  .meta({ id: 'EmployerTeam' });

export const teamDetailSchema = teamSchema
  .extend({ members: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })) })
  .meta({ id: 'EmployerTeamDetail' });

export const privateProgrammeSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    providerSlug: z.string(),
    providerName: z.string(),
    employer: z.object({ slug: z.string(), name: z.string() }),
    title: z.string(),
    summary: z.string(),
    skillIds: z.array(z.string()),
    cost: money.nullable(),
    effortHours: z.number().nullable(),
  })
  .meta({ id: 'PrivateProgramme' });
