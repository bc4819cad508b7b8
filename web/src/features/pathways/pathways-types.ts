/** Types of the pathways API (server/src/pathways/pathways.schemas.ts). */
export type ProviderRef = { slug: string; name: string };

export type PathwaySummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  achievementType: string;
  imageUrl: string | null;
  provider: ProviderRef;
  versionNumber: number;
  publishedAt: string;
};

export type PlanCost = { currency: string; amountMinor: number }[];

export type CompletionPlan = {
  offers: { microcredentialId: string; title: string; providerName: string; costMinor: number; currency: string | null; effortHours: number; durationWeeks: number }[];
  cost: PlanCost;
  costMinor: number;
  effortHours: number;
  durationWeeks: number;
  cpdHours: number;
};

export type MapNodeKind = 'qualification' | 'all' | 'atLeast' | 'achievement' | 'minCpdHours' | 'minCredits' | 'skills';

export type MapNode = {
  id: string;
  kind: MapNodeKind;
  label: string;
  parentId: string | null;
  depth: number;
  n?: number;
  of?: number;
  amount?: number;
  skills?: { id: string; name: string }[];
  achievement?: {
    kind: 'microcredential' | 'pathway' | 'external';
    id: string;
    name: string;
    provider: ProviderRef | null;
    issuerDids?: string[];
    programme: { slug: string; effortHours: number; durationWeeks: number; costMinor: number | null; currency: string | null; cpdHours: number } | null;
  };
  recommendedPosition: number | null;
};

export type PathwayMapData = {
  nodes: MapNode[];
  edges: { from: string; to: string; kind: 'stacksOnto' | 'then' }[];
};

export type PublicPathway = {
  id: string;
  slug: string;
  versionId: string;
  versionNumber: number;
  name: string;
  description: string;
  achievementType: string;
  imageUrl: string | null;
  provider: ProviderRef;
  providers: { slug: string | null; name: string; did: string }[];
  achievement: Record<string, unknown>;
  totals: { cheapest: CompletionPlan | null; shortest: CompletionPlan | null; cpdHours: number; requirementCount: number };
  map: PathwayMapData;
  recommendedOrder: string[];
  publishedAt: string;
};

export type MyPathway = {
  id: string;
  name: string;
  awarded: boolean;
  progress: { done: number; required: number };
  versionId: string;
  isJoined: boolean;
  credentialId: string | null;
  clrCredentialId: string | null;
  isSuspended: boolean;
  /** Every requirement is met; the award is being issued in the background. */
  isAwardPending: boolean;
};

export type NodeStatus = { isSatisfied: boolean; done: number; required: number; counted: string[]; amount?: { have: number; need: number } };

export type MyPathwayDetail = MyPathway & {
  versionNumber: number;
  isNewerVersionPublished: boolean;
  nodes: Record<string, NodeStatus>;
  done: { nodeId: string; label: string; credentials: { ref: string; name: string }[] }[];
  remaining: { nodeId: string; type: string; label: string; need: number; options: string[] }[];
  completion: { isSatisfied: boolean; cheapest: CompletionPlan | null; shortest: CompletionPlan | null; isExact: boolean; unreachableNodeIds: string[] };
  estimate: { costMinor: number | null; cost: PlanCost; effortHours: number | null; durationWeeks: number | null };
  map: PathwayMapData;
};

export type WalletItem = {
  id: string;
  credentialId: string | null;
  format: 'ldp' | 'jwt';
  achievementId: string;
  achievementName: string | null;
  issuer: { did: string; name: string | null };
  validFrom: string | null;
  validUntil: string | null;
  addedAt: string;
  verifiableCredential: Record<string, unknown> | string;
  pathways: { id: string; name: string }[];
  /** As last read from the issuer's status lists; only active entries count toward pathways. */
  /** `untrusted`: it no longer verifies under Cairn's rules (e.g. a programme's badge its provider never signed). */
  status: 'active' | 'revoked' | 'suspended' | 'untrusted';
  statusReason: string | null;
  statusCheckedAt: string | null;
  /** Why the last check could not read a list; the status is then the one before. */
  statusCheckError: string | null;
};

export type AddedWalletItem = WalletItem & { awardedPathwayIds: string[] };
