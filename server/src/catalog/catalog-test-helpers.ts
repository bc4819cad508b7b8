import type { App } from '../app.js';
import type { TestUser } from '../testing/test-app.js';

/** Ids of starter skills by code, read through the public skills API. */
export async function starterSkillIds(app: App, query: string, count = 3): Promise<{ id: string; name: string }[]> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/skills?q=${encodeURIComponent(query)}&limit=${count}` });
  return res.json<{ items: { id: string; name: string }[] }>().items;
}

export const sampleQuiz = {
  type: 'quiz',
  passMark: 70,
  attemptsLimit: 3,
  questions: [
    {
      kind: 'single',
      prompt: 'Which chart suits a share of a whole best?',
      options: [
        { text: 'A stacked bar', isCorrect: true, feedback: 'Right: parts add up to the whole.' },
        { text: 'A scatter plot', isCorrect: false, feedback: 'Scatter plots show relationships.' },
      ],
    },
    { kind: 'numeric', prompt: 'What is the mean of 2, 4 and 9?', answer: 5, tolerance: 0.01 },
  ],
};

export const sampleAssignment = {
  type: 'assignment',
  instructions: 'Write a one-page data brief for your team.',
  rubric: {
    criteria: [
      {
        title: 'Clarity',
        levels: [
          { title: 'Unclear', points: 0 },
          { title: 'Clear', points: 2 },
          { title: 'Compelling', points: 4 },
        ],
      },
      {
        title: 'Accuracy',
        levels: [
          { title: 'Errors', points: 0 },
          { title: 'Accurate', points: 3 },
        ],
      },
    ],
  },
  evidence: { kinds: ['text', 'file'], fileTypes: ['application/pdf'], maxFileBytes: 5_000_000 },
};

export type CreatedProgramme = { id: string; versionId: string; slug: string };

/** Creates, fills and (unless told otherwise) publishes a micro-credential through the API. */
export async function createProgramme(
  app: App,
  user: TestUser,
  orgSlug: string,
  fields: Record<string, unknown> & { slug: string },
  options: { publish?: boolean; modules?: Record<string, unknown>[] } = {},
): Promise<CreatedProgramme> {
  const headers = { cookie: user.cookie };
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgSlug}/microcredentials`,
    headers,
    payload: {
      title: 'Untitled',
      summary: 'A short programme.',
      description: 'Learn **useful** things.',
      outcomes: ['Do the thing'],
      level: 4,
      effortHours: 10,
      durationWeeks: 2,
      cpdHours: 10,
      format: 'self_paced',
      language: 'en',
      criteriaNarrative: 'Pass the quiz.',
      passMark: 70,
      cost: null,
      ...fields,
    },
  });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const body = created.json<{ id: string; current: { id: string } }>();
  const modules = options.modules ?? [
    { title: 'Introduction', content: 'Welcome.', estimatedMinutes: 30, activity: sampleQuiz },
  ];
  for (const m of modules) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgSlug}/microcredentials/${body.id}/versions/${body.current.id}/modules`,
      headers,
      payload: m,
    });
    if (res.statusCode !== 201) throw new Error(`module failed: ${res.statusCode} ${res.body}`);
  }
  if (options.publish ?? true) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgSlug}/microcredentials/${body.id}/versions/${body.current.id}/publish`,
      headers,
      payload: {},
    });
    if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  }
  return { id: body.id, versionId: body.current.id, slug: fields.slug };
}
