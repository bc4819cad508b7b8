import type { Db } from '../../db/transaction.js';

// Evidence of an application: the files live in `evidence_files` (the learning area's upload
// table, reused: org = the provider, uploader = the member who sent it); the link is ours.

export async function insertApplicationEvidence(
  db: Db,
  evidence: {
    applicationId: string;
    providerOrgId: string;
    uploadedBy: string;
    evidenceItem: string | null;
    filename: string;
    mediaType: string;
    size: number;
    sha256: string;
    bytes: Uint8Array;
    at: Date;
  },
): Promise<string> {
  const file = await db
    .insertInto('evidence_files')
    .values({
      org_id: evidence.providerOrgId,
      learner_id: evidence.uploadedBy,
      filename: evidence.filename,
      media_type: evidence.mediaType,
      size: evidence.size,
      sha256: evidence.sha256,
      bytes: evidence.bytes,
      created_at: evidence.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('accreditation_application_evidence')
    .values({
      application_id: evidence.applicationId,
      provider_org_id: evidence.providerOrgId,
      file_id: file.id,
      evidence_item: evidence.evidenceItem,
      created_at: evidence.at,
    })
    .execute();
  return file.id;
}

export function listApplicationEvidence(db: Db, applicationId: string) {
  return db
    .selectFrom('accreditation_application_evidence as e')
    .innerJoin('evidence_files as f', 'f.id', 'e.file_id')
    .select(['f.id', 'f.filename', 'f.media_type', 'f.size', 'e.evidence_item', 'e.created_at'])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.created_at')
    .execute();
}

/** One evidence file of an application (the caller has checked the application is theirs to see). */
export function findApplicationEvidenceFile(db: Db, applicationId: string, fileId: string) {
  return db
    .selectFrom('accreditation_application_evidence as e')
    .innerJoin('evidence_files as f', 'f.id', 'e.file_id')
    .select(['f.filename', 'f.media_type', 'f.bytes', 'f.size'])
    .where('e.application_id', '=', applicationId)
    .where('e.file_id', '=', fileId)
    .executeTakeFirst();
}
