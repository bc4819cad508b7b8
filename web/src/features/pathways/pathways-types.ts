/** Names for the pathways API's types, derived from the generated `schema.d.ts` (see api/types.ts). */
import type { Answer, components } from '../../api/types';

type Schemas = components['schemas'];

export type PathwaySummary = Schemas['PathwaySummary'];
export type ProviderRef = PathwaySummary['provider'];
export type CompletionPlan = Schemas['PathwayCompletionPlan'];
export type PlanCost = CompletionPlan['cost'];
export type PathwayMapData = Schemas['PathwayMap'];
export type MapNode = PathwayMapData['nodes'][number];
export type MapNodeKind = MapNode['kind'];
export type PublicPathway = Schemas['PublicPathway'];
export type MyPathway = Schemas['MyPathway'];
export type MyPathwayDetail = Schemas['MyPathwayDetail'];
export type NodeStatus = MyPathwayDetail['nodes'][string];
export type WalletItem = Schemas['WalletCredential'];
export type AddedWalletItem = Answer<'/api/v1/me/wallet', 'post'>;
