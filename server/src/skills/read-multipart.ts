import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error.js';

export type MultipartInput = {
  fields: Record<string, string>;
  file: { bytes: Buffer; filename: string; mimetype: string } | undefined;
};

/**
 * Reads a multipart/form-data body: its text fields and at most one file (field `file`),
 * in whatever order the client sent them. A file over `maxBytes` is a 413.
 */
export async function readMultipart(request: FastifyRequest, maxBytes: number): Promise<MultipartInput> {
  const fields: Record<string, string> = {};
  let file: MultipartInput['file'];
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
    if (part.type === 'file') {
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if (part.file.truncated || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
        }
        throw error;
      }
      if (part.fieldname === 'file') file = { bytes, filename: part.filename, mimetype: part.mimetype };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, file };
}
