/**
 * The dependency rules of ARCHITECTURE.md, checked in CI (`npm run deps:check`).
 * A new exception needs a reason here, not a silenced rule.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make initialisation order matter and areas inseparable.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'credentials-stands-alone',
      severity: 'error',
      comment: 'The standards library imports no other workspace.',
      from: { path: '^credentials/src' },
      to: { path: '^(server|web|e2e|bench)/' },
    },
    {
      name: 'web-talks-http-only',
      severity: 'error',
      comment: 'The web app reaches the server over HTTP only (types come from the generated schema).',
      from: { path: '^web/src' },
      to: { path: '^(server|credentials|e2e|bench)/' },
    },
    {
      name: 'server-not-into-tests',
      severity: 'error',
      comment: 'Production code never imports tests or test helpers.',
      from: { path: '^server/src', pathNot: ['\\.test\\.ts$', '/testing/', '-test-helpers\\.ts$'] },
      to: { path: ['\\.test\\.ts$', '/testing/', '-test-helpers\\.ts$'] },
    },
    {
      name: 'only-the-entry-points-assemble',
      severity: 'error',
      comment: 'app.ts and main.ts assemble the areas; nothing inside an area imports them.',
      from: {
        path: '^server/src/(?!main\\.ts|openapi/|testing/)[^/]+/',
        pathNot: ['\\.test\\.ts$', '/testing/', '-test-helpers\\.ts$'],
      },
      to: { path: '^server/src/(main|app)\\.ts$' },
    },
    {
      name: 'events-know-no-consumer',
      severity: 'error',
      comment: 'Recording an event never imports the code that reacts to it; jobs/job-handlers.ts wires consumers.',
      from: { path: '^server/src/events/' },
      to: { path: '^server/src/(pathways|webhooks|catalog|mail|audit|learning|issuance)/' },
    },
    {
      name: 'job-handlers-are-the-composition-root',
      severity: 'error',
      comment: 'Only the entry points and tests import the composition root of background work.',
      from: {
        path: '^server/src/',
        pathNot: [
          '^server/src/(main|app)\\.ts$',
          '^server/src/testing/',
          '^server/src/openapi/',
          '\\.test\\.ts$',
          '^server/src/db/testing/',
        ],
      },
      to: { path: '^server/src/jobs/job-handlers\\.ts$' },
    },
    {
      name: 'issuance-does-not-know-pathways',
      severity: 'error',
      comment:
        'Issuing a credential announces it (credential.issued); pathways listen. The reverse import would bring the old cycle back.',
      from: { path: '^server/src/(issuance|learning)/' },
      to: { path: '^server/src/pathways/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.d\\.ts$', '/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
