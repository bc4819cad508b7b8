import { validateAchievementCredential } from '@cairn/credentials';
import { describe, expect, it } from 'vitest';
import { buildAchievement, type BuildAchievementOptions } from './achievement.js';

const options: BuildAchievementOptions = {
  version: {
    id: '7d3f7a5e-1c1b-4a40-9a8e-1f2e3d4c5b6a',
    versionNumber: 2,
    title: 'Data Literacy Foundations',
    summary: 'Read, question and present data responsibly.',
    outcomes: ['Choose a suitable chart', 'Spot a misleading statistic'],
    criteriaNarrative: 'Score at least 70% overall and pass the final quiz.',
    level: 4,
    format: 'self_paced',
    language: 'en',
    passMark: 70,
    effortHours: 12,
  },
  skills: [
    {
      id: 'a0000000-0000-4000-8000-000000000001',
      code: 'CAIRN-DATA-01',
      name: 'Data literacy',
      description: 'Reads charts critically.',
      uri: null,
      frameworkName: 'Cairn Starter Skills',
    },
    {
      id: 'a0000000-0000-4000-8000-000000000002',
      code: '0a1b',
      name: 'lead a team',
      description: 'Guides people.',
      uri: 'http://data.example/esco/skill/0a1b',
      frameworkName: 'ESCO',
    },
  ],
  modules: [
    { id: 'm1', title: 'Charts', activity: { type: 'quiz', passMark: 80 } },
    { id: 'm2', title: 'Reading', activity: null },
    { id: 'm3', title: 'Data brief', activity: { type: 'assignment', maxPoints: 7, passPoints: 4 } },
  ],
  issuer: {
    did: 'did:web:cairn.test:orgs:northwind',
    name: 'Northwind Academy',
    url: 'https://cairn.test/orgs/northwind/profile',
  },
  publicUrl: new URL('https://cairn.test'),
  programmeUrl: 'https://cairn.test/catalog/northwind/data-literacy',
  imageUrl: 'https://cairn.test/api/v1/images/abc',
};

describe('buildAchievement', () => {
  it('builds a MicroCredential Achievement with alignments, results, tags and version', () => {
    const a = buildAchievement(options);
    expect(a).toMatchObject({
      id: 'https://cairn.test/achievements/7d3f7a5e-1c1b-4a40-9a8e-1f2e3d4c5b6a',
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      name: 'Data Literacy Foundations',
      description: 'Read, question and present data responsibly.',
      creator: { id: 'did:web:cairn.test:orgs:northwind', type: ['Profile'], name: 'Northwind Academy' },
      image: { id: 'https://cairn.test/api/v1/images/abc', type: 'Image' },
      version: '2',
      inLanguage: 'en',
    });
    expect((a.criteria as { narrative: string }).narrative).toBe(
      'Score at least 70% overall and pass the final quiz.\n\nLearning outcomes:\n- Choose a suitable chart\n- Spot a misleading statistic',
    );
    expect(a.alignment).toEqual([
      {
        type: ['Alignment'],
        targetName: 'Data literacy',
        targetDescription: 'Reads charts critically.',
        targetUrl: 'https://cairn.test/api/v1/skills/a0000000-0000-4000-8000-000000000001',
        targetFramework: 'Cairn Starter Skills',
        targetCode: 'CAIRN-DATA-01',
        targetType: 'ceasn:Competency',
      },
      expect.objectContaining({
        targetUrl: 'http://data.example/esco/skill/0a1b',
        targetCode: '0a1b',
        targetFramework: 'ESCO',
      }),
    ]);
    expect(
      (a.resultDescription as { name: string; resultType: string; requiredValue?: string; valueMax: string }[]).map(
        (r) => [r.name, r.resultType, r.requiredValue, r.valueMax],
      ),
    ).toEqual([
      ['Overall score', 'Percent', '70', '100'],
      ['Quiz: Charts', 'Percent', '80', '100'],
      ['Assignment: Data brief', 'RubricScore', '4', '7'],
    ]);
    expect(a.tag).toEqual(['micro-credential', 'EQF level 4', 'self-paced', 'Data literacy', 'lead a team']);
  });

  it('is pure: the same input gives the same JSON', () => {
    expect(JSON.stringify(buildAchievement(options))).toBe(JSON.stringify(buildAchievement(options)));
  });

  it('makes a credential that meets the OB 3.0 schema', () => {
    const credential = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'https://cairn.test/credentials/1',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: options.issuer.did, type: ['Profile'], name: options.issuer.name },
      validFrom: '2026-11-29T10:00:00Z',
      name: options.version.title,
      credentialSubject: {
        id: 'did:example:learner',
        type: ['AchievementSubject'],
        achievement: buildAchievement(options),
      },
    };
    const result = validateAchievementCredential(credential);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
