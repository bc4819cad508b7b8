import type { SchemeRow } from './stores/scheme.store.js';
import type { ScopeLimits } from './scope-limits.js';

/** A scheme as the API shows it. */
export type SchemeView = {
  id: string;
  slug: string;
  name: string;
  summary: string;
  criteriaMarkdown: string;
  checklist: string[];
  evidenceItems: string[];
  validityMonths: number;
  reviewIntervalMonths: number | null;
  scope: ScopeLimits;
  feeNote: string;
  isOpen: boolean;
  updatedAt: Date;
};

export function limitsOf(row: SchemeRow): ScopeLimits {
  return {
    fields: row.scope_fields,
    eqfLevels: row.scope_eqf_levels,
    jurisdictions: row.scope_jurisdictions,
    credentialTypes: row.scope_credential_types,
  };
}

export function presentScheme(row: SchemeRow): SchemeView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    criteriaMarkdown: row.criteria_markdown,
    checklist: row.checklist,
    evidenceItems: row.evidence_items,
    validityMonths: row.validity_months,
    reviewIntervalMonths: row.review_interval_months,
    scope: limitsOf(row),
    feeNote: row.fee_note,
    isOpen: row.is_open,
    updatedAt: row.updated_at,
  };
}
