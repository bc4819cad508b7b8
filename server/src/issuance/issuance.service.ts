/**
 * The issuance use cases, one file each under ./use-cases (issue, issue for an organisation or
 * API key, change status, read a credential, list what an organisation issued). Re-exported
 * here so callers keep one import path.
 */
export * from './use-cases/issue-credential.js';
export * from './use-cases/issue-credential-for-org.js';
export * from './use-cases/change-credential-status.js';
export * from './use-cases/get-credential-document.js';
export * from './use-cases/list-issued-credentials.js';
export * from './credential-lifecycle.js';
