import type { ProcedureCase } from '../domain/procedure';
import type { Penalty, ProcedureRules } from '../domain/procedure-rules';

export type ServedDocument = 'notice' | 'decision';

export const DOCUMENT_TITLES: Readonly<Record<ServedDocument, string>> = {
  notice: '行政处罚事先告知书',
  decision: '行政处罚决定书',
};

const MEASURE_NAMES: Readonly<Record<string, string>> = {
  confiscation: '没收违法所得、非法财物',
  licence_revocation: '吊销许可证件',
  stop_business: '责令停产停业',
  demolition: '限期拆除',
  seizure: '查封、扣押',
};

const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  education: '不予行政处罚，予以教育',
  rectification: '责令改正，不予行政处罚',
  penalty: '给予行政处罚',
};

export interface DocumentFacts {
  readonly caseId: string;
  readonly partyName: string;
  readonly category: string;
  readonly description: string;
  readonly procedure: ProcedureCase;
  readonly rules: ProcedureRules;
}

function penaltyText(penalty: Penalty): string {
  const parts = [penalty.warning ? '警告' : null, penalty.fineFen > 0 ? `罚款人民币 ${(penalty.fineFen / 100).toFixed(2)} 元` : null, ...penalty.measures.map((measure) => MEASURE_NAMES[measure] ?? measure)];
  return parts.filter(Boolean).join('；') || '无';
}

/**
 * The text of a document as served, in Chinese as the bureau issues it: the facts, what is
 * proposed or decided, and the party's rights with their time limits (Art. 44, 45, 63, 64, 67).
 * Returns undefined when the case holds no such document yet.
 */
export function servedDocumentText(document: ServedDocument, facts: DocumentFacts): string | undefined {
  const { procedure, rules } = facts;
  const head = [`当事人：${facts.partyName}`, `案件编号：${facts.caseId}`, `违法类别：${facts.category}`, `违法事实：${facts.description}`];
  if (document === 'notice') {
    if (!procedure.notice) return undefined;
    const rights = [`你（单位）有权在收到本告知书之日起 ${rules.statement.amount} 个工作日内进行陈述和申辩。`];
    if (procedure.notice.hearingRight) rights.push(`你（单位）有权在收到本告知书之日起 ${rules.hearingRequest.amount} 个工作日内要求举行听证；逾期视为放弃听证权利。`);
    return [...head, `拟作出的行政处罚：${penaltyText(procedure.notice.proposed)}`, ...rights].join('\n');
  }
  if (!procedure.decision) return undefined;
  const lines = [...head, `处理决定：${OUTCOME_NAMES[procedure.decision.outcome] ?? procedure.decision.outcome}`];
  if (procedure.decision.penalty) {
    lines.push(`行政处罚：${penaltyText(procedure.decision.penalty)}`);
    if (procedure.decision.penalty.fineFen > 0) {
      lines.push(
        `请自收到本决定书之日起 ${rules.payment.amount} 日内缴纳罚款。到期不缴纳的，每日按罚款数额的 ${rules.lateFeePercentPerDay}% 加处罚款，加处罚款的数额不超过罚款数额。`,
      );
    }
  }
  lines.push('如不服本决定，可以自收到本决定书之日起六十日内申请行政复议，或者自收到之日起六个月内依法提起行政诉讼。');
  return lines.join('\n');
}
