/**
 * A file answered in pieces as a service streams it (import report, template). The first
 * piece is awaited before anything is sent, so a refusal (404, 403) still becomes a normal
 * error answer; a failure after that cuts the download short.
 */
import type { Response } from 'express';

export interface FilePiece {
  fileName: string;
  data: Uint8Array;
}

export class FileAnswer {
  private constructor(
    readonly contentType: string,
    readonly fileName: string,
    private readonly first: Uint8Array,
    private readonly rest: AsyncIterator<FilePiece>,
  ) {}

  /** Waits for the first piece of `pieces` (which names the file). */
  static async open(
    contentType: string,
    pieces: AsyncIterable<FilePiece>,
    fallbackName: string,
  ): Promise<FileAnswer> {
    const it = pieces[Symbol.asyncIterator]();
    const first = await it.next();
    const name = first.done ? fallbackName : first.value.fileName || fallbackName;
    return new FileAnswer(contentType, name, first.done ? new Uint8Array() : first.value.data, it);
  }

  /** Sends the file as an attachment with its name (RFC 6266, UTF-8 name). */
  async send(res: Response, status = 200): Promise<void> {
    const ascii = this.fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_');
    res.status(status);
    res.set('content-type', this.contentType);
    res.set(
      'content-disposition',
      `attachment; filename="${ascii || 'file'}"; filename*=UTF-8''${encodeURIComponent(this.fileName)}`,
    );
    res.set('cache-control', 'no-store');
    try {
      if (!res.write(this.first)) await new Promise((r) => res.once('drain', r));
      for (let next = await this.rest.next(); !next.done; next = await this.rest.next()) {
        if (!res.write(next.value.data)) await new Promise((r) => res.once('drain', r));
      }
      res.end();
    } catch {
      res.destroy(); // headers are gone: the client sees a cut download, never a wrong file
    }
  }
}
