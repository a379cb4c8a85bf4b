import type { FastifyReply } from 'fastify';

/** Sends CSV as a download; a UTF-8 BOM so that spreadsheet programs read Chinese text right. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): string {
  void reply.header('content-type', 'text/csv; charset=utf-8');
  void reply.header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  return `\uFEFF${csv}`;
}
