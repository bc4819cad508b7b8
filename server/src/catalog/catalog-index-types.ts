import type { LearningFormat } from '../db/schema.js';

/** The fields of a catalogue row that filters, facets and sorts need (no text). */
export type IndexRow = {
  id: string;
  providerSlug: string;
  providerName: string;
  skillIds: string[];
  partnerSlugs: string[];
  /** Organisations whose signed accreditation / endorsement of the programme is in force. */
  accreditorSlugs?: string[];
  endorserSlugs?: string[];
  level: number | null;
  format: LearningFormat;
  language: string;
  costMajor: number;
  /** ISO 4217 code of the price; null when free. */
  costCurrency?: string | null;
  isFree: boolean;
  effortHours: number;
  cpdHours: number;
  durationWeeks: number;
  publishedAt: number;
};

export type FacetName =
  'skill' | 'provider' | 'partner' | 'level' | 'format' | 'language' | 'accreditedBy' | 'endorsedBy';
export type SortOrder = 'newest' | 'shortest' | 'cheapest';

export type IndexQuery = {
  skills: string[];
  providers: string[];
  partners: string[];
  /** Accrediting bodies' slugs (any of them); absent means no filter. */
  accreditedBy?: string[];
  /** Endorsing organisations' slugs (any of them); absent means no filter. */
  endorsedBy?: string[];
  levels: number[];
  formats: LearningFormat[];
  languages: string[];
  minCost?: number;
  maxCost?: number;
  /** The currency a cost filter is in: paid programmes priced in another currency are left out. */
  costCurrency?: string;
  maxHours?: number;
  minCpd?: number;
  maxWeeks?: number;
  isFree?: boolean;
};

export type IndexResult = {
  total: number;
  /** Ids of the requested page, in order. */
  pageIds: string[];
  /** Facet counts, highest first (each facet counted without its own filter). */
  facets: Record<FacetName, { value: string; count: number }[]>;
  /** Display names of providers, by slug. */
  providerNames: Map<string, string>;
};
