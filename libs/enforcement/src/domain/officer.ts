/** A law-enforcement officer of the bureau; only certified officers may act on a case. */
export interface Officer {
  id: string;
  name: string;
  /** The number on the officer's law-enforcement certificate (执法证), unique in the bureau. */
  certificateNumber: string;
  /** Last calendar day the certificate is valid, as YYYY-MM-DD. */
  certificateValidUntil: string;
  createdAt: Date;
}
