import { readFileSync } from 'node:fs';
import { createDocumentLoader, type DocumentLoader } from '../src/index.js';
import type { JsonObject } from '../src/util/json.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function fixture(name: string): JsonObject {
  return JSON.parse(fixtureText(name)) as JsonObject;
}

/**
 * The 1EdTech fixtures use https issuers that do not resolve; their verification method
 * fragment is the Multikey itself. Serve a controller document for each, in tests only.
 */
export function controllerDocumentsFor(...documents: unknown[]): Record<string, JsonObject> {
  const methods = new Set(JSON.stringify(documents).match(/https:\/\/[^"#\s]+#z6Mk[1-9A-HJ-NP-Za-km-z]+/g) ?? []);
  const out: Record<string, JsonObject> = {};
  for (const vm of methods) {
    const [controller, publicKeyMultibase] = vm.split('#') as [string, string];
    const existing = out[controller];
    const method = { id: vm, type: 'Multikey', controller, publicKeyMultibase };
    if (existing && Array.isArray(existing.verificationMethod) && Array.isArray(existing.assertionMethod)) {
      existing.verificationMethod.push(method);
      existing.assertionMethod.push(vm);
    } else {
      out[controller] = {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: controller,
        verificationMethod: [method],
        assertionMethod: [vm],
      };
    }
  }
  return out;
}

export function fixtureLoader(...documents: unknown[]): DocumentLoader {
  return createDocumentLoader({ extra: controllerDocumentsFor(...documents) });
}

export const statusListFixture = (): JsonObject => fixture('bitstring-status-list-credential-1edtech.json');

/** A ~1.5 KB OB 3.0 credential for an issuer, unsigned. */
export function sampleCredential(issuerId: string, overrides: JsonObject = {}): JsonObject {
  return {
    // The extensions context defines 1EdTechJsonSchemaValidator2019: without it, JSON-LD safe
    // mode rejects the credentialSchema type and the credential cannot be signed.
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ],
    id: 'urn:uuid:2f3e1c0a-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Safe Lifting Practices',
    issuer: { id: issuerId, type: ['Profile'], name: 'Acme Training', url: 'https://acme.example' },
    validFrom: '2025-01-15T09:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          hashed: true,
          identityType: 'emailAddress',
          salt: 'pepper-1',
          identityHash: 'sha256$2a1f6c2a9f3c5b0b7d0f5f2f8b8a1f6f2f0f1f3c2b5a8e7d6c5b4a3f2e1d0c9b',
        },
      ],
      achievement: {
        id: 'https://acme.example/achievements/safe-lifting',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Safe Lifting Practices',
        description: 'Demonstrates safe manual handling of loads up to 25 kg in a warehouse setting.',
        criteria: { narrative: 'Completed the two-hour practical course and passed the observed assessment.' },
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Manual handling',
            targetUrl: 'https://example.org/frameworks/manual-handling',
            targetType: 'ceasn:Competency',
            targetFramework: 'Warehouse Skills',
            targetCode: 'MH-1',
          },
        ],
        tag: ['safety', 'warehouse'],
      },
      result: [{ type: ['Result'], status: 'Completed' }],
    },
    credentialSchema: [
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ],
    ...overrides,
  };
}
