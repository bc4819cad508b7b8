// Status tampering, from both ends. In the credential: fields of the status entry removed, the
// entry pointed at another list, its index or purpose changed: the signed meaning changed, so it
// must not verify, even when the list it now names is one the attacker signed. At the list: the
// credential untouched but the list served for its URL swapped (bits cleared under the issuer's
// proof, signed by someone else, unsigned, another list of the issuer, wrong purpose, too short,
// not yet valid, unreachable): the status cannot be trusted, so it must not verify either.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bitstring, buildStatusListCredential, encodeList } from '../../src/index.js';
import type { JsonObject, JsonValue } from '../../src/util/json.js';
import {
  ACTIVE_INDEX,
  corpus,
  LIST_URLS,
  NOW,
  PARTIES,
  signedMeaning,
  signedStatusList,
  verify,
  type Corpus,
  type FetchStatusList,
  type Subject,
} from './corpus.js';
import { runs, SEED, TEST_TIMEOUT } from './generators.js';
import { Tally } from './tally.js';

const tally = new Tally('status-tampering');
let inputs: Corpus;

beforeAll(async () => {
  inputs = await corpus();
}, TEST_TIMEOUT);
afterAll(() => tally.print());

const ENTRY_FIELDS = [
  'id',
  'type',
  'statusPurpose',
  'statusListIndex',
  'statusListCredential',
  '(the whole entry)',
] as const;

type Tamper =
  | { op: 'remove'; field: (typeof ENTRY_FIELDS)[number] }
  | { op: 'point-at'; url: string }
  | { op: 'index'; value: JsonValue }
  | { op: 'purpose'; value: string }
  | { op: 'type'; value: string }
  | { op: 'add-entry'; url: string };

const otherUrls = [
  LIST_URLS.attacker,
  LIST_URLS.otherWeb,
  LIST_URLS.victimWebSecond,
  LIST_URLS.victimKey,
  LIST_URLS.victimWeb,
  'https://attacker.example/status/new',
];

const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), field: fc.constantFrom(...ENTRY_FIELDS) }),
  fc.record({ op: fc.constant('point-at' as const), url: fc.constantFrom(...otherUrls) }),
  fc.record({
    op: fc.constant('index' as const),
    value: fc.oneof(
      fc.constantFrom<JsonValue>(String(ACTIVE_INDEX), '07', ' 7', '7.0', '-1', ACTIVE_INDEX, '131072', ''),
      fc.nat({ max: 131_071 }).map(String),
    ),
  }),
  fc.record({
    op: fc.constant('purpose' as const),
    value: fc.constantFrom('suspension', 'refresh', 'message', 'Revocation', 'revocation '),
  }),
  fc.record({
    op: fc.constant('type' as const),
    value: fc.constantFrom('StatusList2021Entry', 'BitstringStatusListEntry2', 'RevocationList2020Status'),
  }),
  fc.record({ op: fc.constant('add-entry' as const), url: fc.constantFrom(...otherUrls) }),
);

function applyTamper(credential: JsonObject, t: Tamper): { document: JsonObject; description: string } {
  const document = structuredClone(credential);
  const entry = document.credentialStatus as JsonObject;
  switch (t.op) {
    case 'remove':
      if (t.field === '(the whole entry)') delete document.credentialStatus;
      else delete entry[t.field];
      return { document, description: `remove ${t.field} from the status entry` };
    case 'point-at':
      entry.statusListCredential = t.url;
      return { document, description: `statusListCredential → ${t.url}` };
    case 'index':
      entry.statusListIndex = t.value;
      return { document, description: `statusListIndex → ${JSON.stringify(t.value)}` };
    case 'purpose':
      entry.statusPurpose = t.value;
      return { document, description: `statusPurpose → ${JSON.stringify(t.value)}` };
    case 'type':
      entry.type = t.value;
      return { document, description: `status entry type → ${t.value}` };
    case 'add-entry':
      document.credentialStatus = [
        entry,
        {
          ...entry,
          id: `${t.url}#${ACTIVE_INDEX}`,
          statusListCredential: t.url,
          statusListIndex: String(ACTIVE_INDEX),
        },
      ];
      return { document, description: `a second revocation entry at ${t.url}` };
  }
}

const payloadOf = (token: string): JsonObject =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as JsonObject;
const withPayload = (token: string, payload: JsonObject): string => {
  const [h, , s] = token.split('.') as [string, string, string];
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
};

// Lists the attacker signs for whatever URL is asked, with every bit clear.
const attackerLists = new Map<string, Promise<JsonObject>>();
const attackerListFor = (url: string): Promise<JsonObject> => {
  let list = attackerLists.get(url);
  if (!list) attackerLists.set(url, (list = signedStatusList({ url, issuer: PARTIES.attacker, setIndexes: [] })));
  return list;
};
const attackerServesEverything: FetchStatusList = (url) => attackerListFor(url);

describe('status tampering in the credential', () => {
  it(
    "a changed status entry is refused, even when the list it names is the attacker's",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), tamper, fc.boolean(), async (which, t, isAttackerServing) => {
          const subject = inputs.subjects[which % inputs.subjects.length]!;
          const isJwt = subject.format === 'jwt';
          const original = isJwt ? payloadOf(subject.signed as string) : (subject.signed as JsonObject);
          const { document, description } = applyTamper(original, t);
          const candidate = isJwt ? withPayload(subject.signed as string, document) : document;
          const fetchStatusList = isAttackerServing ? attackerServesEverything : inputs.fetchStatusList;
          const [before, after, result] = await Promise.all([
            signedMeaning(subject.signed, subject.format),
            signedMeaning(candidate, subject.format),
            verify(candidate, fetchStatusList),
          ]);
          tally.sites.add(`${subject.format} ${t.op} ${description}`);
          tally.judge({
            mutationClass: `entry/${t.op}`,
            subject: subject.name,
            description: `${description}${isAttackerServing ? ' (attacker serves signed lists at every URL)' : ''}`,
            isMeaningChanged: after === undefined || after !== before,
            wasVerified: subject.isVerified,
            result,
          });
        }),
        { seed: SEED, numRuns: runs(16, 0.05) },
      );
      expect(tally.violationReport('entry/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );
});

type Substitute = { name: string; serve: (issuer: Subject['issuer']) => Promise<unknown> };

const SECOND_LIST_OF_KEY_ISSUER = 'https://acme.example/status/revocation-2';

const SUBSTITUTES: Substitute[] = [
  {
    name: 'bits-cleared-under-issuer-proof',
    serve: async (issuer) => {
      const list = structuredClone(inputs.lists[LIST_URLS[issuer]]!);
      (list.credentialSubject as JsonObject).encodedList = encodeList(new Bitstring());
      return list;
    },
  },
  {
    name: 'signed-by-attacker',
    serve: (issuer) => signedStatusList({ url: LIST_URLS[issuer], issuer: PARTIES.attacker, setIndexes: [] }),
  },
  {
    name: 'signed-by-other-organisation',
    serve: (issuer) => signedStatusList({ url: LIST_URLS[issuer], issuer: PARTIES.otherWeb, setIndexes: [] }),
  },
  {
    name: 'unsigned',
    serve: (issuer) =>
      Promise.resolve(
        buildStatusListCredential({
          id: LIST_URLS[issuer],
          issuer: PARTIES[issuer].did,
          statusPurpose: 'revocation',
          bitstring: new Bitstring(),
          validFrom: new Date('2025-01-01T00:00:00Z'),
        }),
      ),
  },
  {
    // A genuine list of the same issuer, published at another URL, where the bit is clear.
    name: 'issuers-list-from-another-url',
    serve: (issuer) =>
      issuer === 'victimWeb'
        ? Promise.resolve(inputs.lists[LIST_URLS.victimWebSecond])
        : signedStatusList({ url: SECOND_LIST_OF_KEY_ISSUER, issuer: PARTIES.victimKey, setIndexes: [] }),
  },
  {
    name: 'issuers-suspension-list',
    serve: (issuer) =>
      signedStatusList({ url: LIST_URLS[issuer], issuer: PARTIES[issuer], setIndexes: [], purpose: 'suspension' }),
  },
  {
    name: 'shorter-than-the-spec-allows',
    serve: (issuer) =>
      signedStatusList({ url: LIST_URLS[issuer], issuer: PARTIES[issuer], setIndexes: [], bytes: new Uint8Array(16) }),
  },
  {
    name: 'not-yet-valid',
    serve: (issuer) =>
      signedStatusList({
        url: LIST_URLS[issuer],
        issuer: PARTIES[issuer],
        setIndexes: [],
        validFrom: new Date(NOW.getTime() + 86_400_000),
      }),
  },
  { name: 'unreachable', serve: () => Promise.reject(new Error('connection refused')) },
  { name: 'not-json', serve: () => Promise.resolve('<html>Service unavailable</html>') },
  { name: 'a-credential-not-a-list', serve: () => Promise.resolve(inputs.subjects[0]!.signed) },
];

describe('status tampering at the list', () => {
  it(
    "a list that is not the issuer's genuine list for that URL never lets a credential verify",
    async () => {
      const served = new Map<string, Promise<unknown>>();
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.constantFrom(...SUBSTITUTES), async (which, substitute) => {
          const subject = inputs.subjects[which % inputs.subjects.length]!;
          const target = LIST_URLS[subject.issuer];
          const key = `${substitute.name} ${subject.issuer}`;
          if (!served.has(key))
            served.set(
              key,
              substitute.serve(subject.issuer).catch((error: unknown) => error),
            );
          const fetchStatusList: FetchStatusList = async (url) => {
            if (url !== target) return inputs.fetchStatusList(url);
            const value = await served.get(key);
            if (value instanceof Error) throw value;
            return structuredClone(value);
          };
          const result = await verify(subject.signed, fetchStatusList);
          tally.sites.add(`${subject.name} ${substitute.name}`);
          tally.mustRefuse({
            mutationClass: `list/${substitute.name}`,
            subject: subject.name,
            description: `${target} served as ${substitute.name}`,
            result,
          });
        }),
        { seed: SEED, numRuns: runs(16, 0.05) },
      );
      expect(tally.violationReport('list/')).toBe('no violations');
    },
    TEST_TIMEOUT,
  );
});
