import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OperatorPolicy } from '../admin/operators.js';
import type { Deps } from '../deps.js';
import { problemResponses } from '../http/schemas.js';
import { backupArchiveChunks, backupFileName } from './backup-archive.js';
import { takeOnlineBackup } from './take-online-backup.js';

export type BackupRoutesOptions = { deps: Deps; operators: OperatorPolicy };

/** Backups of the running instance, for the operators named in CAIRN_OPERATOR_EMAILS. */
export const backupRoutes: FastifyPluginAsyncZod<BackupRoutesOptions> = async (app, { deps, operators }) => {
  app.post('/api/v1/admin/backup', {
    schema: {
      tags: ['Operations'],
      summary: 'Download a consistent backup of the embedded database',
      description:
        'Instance operators only (CAIRN_OPERATOR_EMAILS): 401 without a session, 403 for anyone else, API keys included. Answers a tar archive (manifest.json and the PGlite data directory, gzipped), the same as `npm run backup` writes, taken while no transaction is open. The master key is never included: keep it apart. Restore with `npm run restore -- FILE`. On PostgreSQL this answers 409: use pg_dump (docs/backup.md).',
      response: { 200: z.any().meta({ description: 'application/x-tar' }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const { manifest, contents } = await takeOnlineBackup(deps, operators, request.actor);
      request.log.info(
        {
          bytes: manifest.database.bytes,
          migrations: manifest.migrations.length,
          userId: request.actor.kind === 'user' ? request.actor.userId : undefined,
        },
        'backup taken by an operator',
      );
      return reply
        .type('application/x-tar')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${backupFileName(contents.now)}"`)
        .send(Readable.from(backupArchiveChunks(manifest, contents)));
    },
  });
};
