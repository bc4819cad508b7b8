import type { Db } from '../db/transaction.js';
import type {
  AccreditationDecision,
  AccreditationMessageKind,
  AccreditationSubjectType,
  ApplicationState,
  ReviewOutcome,
} from '../db/schema.js';
import { presentAccreditation, type AccreditationView } from './accreditation-view.js';
import { presentScheme, type SchemeView } from './scheme-view.js';
import * as applications from './stores/application.store.js';
import type { ApplicationRow } from './stores/application.store.js';
import { listApplicationEvidence } from './stores/application-evidence.store.js';
import { listAccreditationsOfApplication, findAccreditationView } from './stores/accreditation.store.js';
import { findSchemeById } from './stores/scheme.store.js';
import { findOrganizationById, findPublishedProgrammes } from './stores/provider-lookup.store.js';

export type ApplicationDetail = {
  id: string;
  state: ApplicationState;
  subjectType: AccreditationSubjectType;
  statement: string;
  jurisdiction: string | null;
  decision: AccreditationDecision | null;
  decisionReasons: string | null;
  publicReportUrl: string | null;
  decidedAt: Date | null;
  renewsId: string | null;
  createdAt: Date;
  updatedAt: Date;
  provider: { id: string; slug: string; name: string };
  accreditor: { id: string; slug: string; name: string };
  scheme: SchemeView;
  programmes: { id: string; slug: string; title: string | null; level: number | null }[];
  evidence: {
    id: string;
    filename: string;
    mediaType: string;
    size: number;
    evidenceItem: string | null;
    createdAt: Date;
  }[];
  messages: {
    id: string;
    kind: AccreditationMessageKind;
    body: string;
    createdAt: Date;
    orgName: string;
    authorName: string | null;
  }[];
  /** The review checklist: one entry per criterion of the scheme; only the accrediting body sees it. */
  checklist: { criterion: string; outcome: ReviewOutcome | null; note: string }[] | null;
  history: {
    id: string;
    state: ApplicationState;
    decision: AccreditationDecision | null;
    decisionReasons: string | null;
    decidedAt: Date | null;
    createdAt: Date;
  }[];
  accreditations: AccreditationView[];
};

/** Everything about an application that `viewerOrgId` (its accrediting body or its provider) may see. */
export async function loadApplicationDetail(
  db: Db,
  row: ApplicationRow,
  viewerOrgId: string,
  /** The time the accreditations' statuses are read at. */
  now: Date,
): Promise<ApplicationDetail> {
  const [scheme, provider, accreditor, programmeRows, evidence, messages, checks, history, granted] = await Promise.all(
    [
      findSchemeById(db, row.scheme_id),
      findOrganizationById(db, row.provider_org_id),
      findOrganizationById(db, row.accreditor_org_id),
      applications.listApplicationProgrammes(db, row.id),
      listApplicationEvidence(db, row.id),
      applications.listMessages(db, row.id),
      applications.listChecks(db, row.id),
      applications.listHistory(db, row),
      listAccreditationsOfApplication(db, row.id),
    ],
  );
  const published = await findPublishedProgrammes(
    db,
    row.provider_org_id,
    programmeRows.map((p) => p.microcredential_id),
  );
  const isAccreditor = viewerOrgId === row.accreditor_org_id;
  const views: AccreditationView[] = [];
  for (const a of granted) {
    const v = await findAccreditationView(db, a.id);
    if (v) views.push(presentAccreditation(v, now));
  }
  return {
    id: row.id,
    state: row.state,
    subjectType: row.subject_type,
    statement: row.statement,
    jurisdiction: row.jurisdiction,
    decision: row.decision,
    decisionReasons: row.decision_reasons,
    publicReportUrl: row.public_report_url,
    decidedAt: row.decided_at,
    renewsId: row.renews_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    provider: { id: provider!.id, slug: provider!.slug, name: provider!.name },
    accreditor: { id: accreditor!.id, slug: accreditor!.slug, name: accreditor!.name },
    scheme: presentScheme(scheme!),
    programmes: programmeRows.map((p) => {
      const version = published.find((v) => v.microcredentialId === p.microcredential_id);
      return { id: p.microcredential_id, slug: p.slug, title: version?.title ?? null, level: version?.level ?? null };
    }),
    evidence: evidence.map((e) => ({
      id: e.id,
      filename: e.filename,
      mediaType: e.media_type,
      size: e.size,
      evidenceItem: e.evidence_item,
      createdAt: e.created_at,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      createdAt: m.created_at,
      orgName: m.org_name,
      authorName: m.user_name,
    })),
    checklist: isAccreditor
      ? scheme!.checklist.map((criterion) => {
          const check = checks.find((c) => c.criterion === criterion);
          return { criterion, outcome: check?.outcome ?? null, note: check?.note ?? '' };
        })
      : null,
    history: history.map((h) => ({
      id: h.id,
      state: h.state,
      decision: h.decision,
      decisionReasons: h.decision_reasons,
      decidedAt: h.decided_at,
      createdAt: h.created_at,
    })),
    accreditations: views,
  };
}
