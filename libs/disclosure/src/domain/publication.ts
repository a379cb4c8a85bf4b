/** What the bureau must or may make public (政务公开): the basis, the procedures, the results, news and policies. */
export const PUBLICATION_KINDS = ['basis', 'procedure', 'result', 'news', 'policy'] as const;

export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** One item of the public record; a withdrawn one stays in the table for the audit trail. */
export interface Publication {
  id: string;
  kind: PublicationKind;
  title: string;
  /** Already masked: personal data never enters the public record. */
  body: string;
  publishedAt: Date;
  withdrawnAt: Date | null;
}
