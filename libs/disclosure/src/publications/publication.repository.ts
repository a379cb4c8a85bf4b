import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Publication, PublicationKind } from '../domain/publication';

interface PublicationRow {
  id: string;
  kind: PublicationKind;
  title: string;
  body: string;
  published_at: Date;
  withdrawn_at: Date | null;
}

@Injectable()
export class PublicationRepository {
  constructor(@InjectDataSource('disclosure') private readonly dataSource: DataSource) {}

  /** Newest first; scheduled items appear once their time comes, withdrawn ones no longer. */
  async listOnRecord(): Promise<Publication[]> {
    const rows: PublicationRow[] = await this.dataSource.query(
      `SELECT id, kind, title, body, published_at, withdrawn_at
         FROM "disclosure".publication
        WHERE withdrawn_at IS NULL AND published_at <= now()
        ORDER BY published_at DESC, id`,
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      publishedAt: row.published_at,
      withdrawnAt: row.withdrawn_at,
    }));
  }
}
