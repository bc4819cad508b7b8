import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's request log in one line a request instead of two ("incoming request", then
 * "request completed"): the completed line carries the request too. Writing log lines was a
 * large share of what a cheap request (a verification, a health check) cost the server.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
