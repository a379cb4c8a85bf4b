/** A department the bureau routes work to (another bureau, a district office, a utility). */
export interface Department {
  /** Short stable code, e.g. `water-affairs`. */
  code: string;
  nameZh: string;
  nameEn: string;
  /** Where its task notifications go; absent when the department works from the console only. */
  contactWebhookUrl: string | null;
  createdAt: Date;
}
