import { ApiProperty } from '@nestjs/swagger';
import { Publication, PUBLICATION_KINDS, PublicationKind } from '../../domain/publication';

export class PublicationResponse {
  @ApiProperty({ example: 'pub-2026-0001' })
  id: string;

  @ApiProperty({ enum: PUBLICATION_KINDS })
  kind: PublicationKind;

  @ApiProperty({ example: '2026年第三季度行政处罚结果公示' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  static from(publication: Publication): PublicationResponse {
    return {
      id: publication.id,
      kind: publication.kind,
      title: publication.title,
      body: publication.body,
      publishedAt: publication.publishedAt.toISOString(),
    };
  }
}

export class PublicationListResponse {
  @ApiProperty({ type: [PublicationResponse] })
  items: PublicationResponse[];
}
