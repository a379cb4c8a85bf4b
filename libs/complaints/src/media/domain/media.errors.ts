export type MediaRefusalReason = 'too_large' | 'empty' | 'unsupported_type' | 'too_many' | 'complaint_finished';

/** A file that was not attached to a complaint, and why; the message names the file. */
export class MediaRefusedError extends Error {
  constructor(
    readonly filename: string,
    readonly reason: MediaRefusalReason,
    detail: string,
  ) {
    super(`${filename}: ${detail}`);
    this.name = 'MediaRefusedError';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
