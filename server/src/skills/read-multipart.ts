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

export type MultipartFilesInput = {
  fields: Record<string, string>;
  files: { bytes: Buffer; filename: string; mimetype: string }[];
};

/**
 * Reads a multipart/form-data body with many files (any field name) and its text fields. More
 * than `maxFiles` files, a file over `maxFileBytes` or more than `maxTotalBytes` in all is a 413
 * naming the limit.
 */
export async function readMultipartFiles(
  request: FastifyRequest,
  limits: { maxFiles: number; maxFileBytes: number; maxTotalBytes: number },
): Promise<MultipartFilesInput> {
  const fields: Record<string, string> = {};
  const files: MultipartFilesInput['files'] = [];
  let total = 0;
  const tooMany = () =>
    new AppError(
      'payload_too_large',
      `Send at most ${limits.maxFiles} files at once; split the rest into another upload.`,
    );
  try {
    for await (const part of request.parts({
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles + 1,
        fields: 20,
        fieldSize: 1024 * 1024,
        parts: limits.maxFiles + 21,
      },
    })) {
      if (part.type === 'file') {
        if (files.length >= limits.maxFiles) throw tooMany();
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if (part.file.truncated || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError(
              'payload_too_large',
              `${part.filename} is larger than ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB.`,
            );
          throw error;
        }
        total += bytes.length;
        if (total > limits.maxTotalBytes)
          throw new AppError(
            'payload_too_large',
            `The files add up to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB; send fewer at once.`,
          );
        files.push({ bytes, filename: part.filename, mimetype: part.mimetype });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw tooMany();
    throw error;
  }
  return { fields, files };
}
