import { DEFAULT_PROCEDURE_RULES } from '../domain/procedure-rules';
import { openCase, type ProcedureCase } from '../domain/procedure';
import { servedDocumentText } from './served-document';

const base: ProcedureCase = openCase({ partyKind: 'person', violationAt: '2026-03-01T08:00:00Z', officerIds: ['off-1', 'off-2'], now: new Date('2026-03-02T08:00:00Z') });
const facts = (procedure: ProcedureCase) => ({ caseId: 'case-1', partyName: '王某', category: 'street-vending', description: '占道经营', procedure, rules: DEFAULT_PROCEDURE_RULES });

describe('the text of a served document', () => {
  it('has no notice or decision to serve before the case holds one', () => {
    expect(servedDocumentText('notice', facts(base))).toBeUndefined();
    expect(servedDocumentText('decision', facts(base))).toBeUndefined();
  });

  it('tells the party of the proposed fine, the defence window and, where the law gives one, the hearing window', () => {
    const proposed = { warning: false, fineFen: 20_000_00, measures: [] };
    const withHearing = servedDocumentText('notice', facts({ ...base, notice: { issuedAt: '2026-03-03T08:00:00Z', proposed, hearingRight: true } }));
    expect(withHearing).toContain('拟作出的行政处罚：罚款人民币 20000.00 元');
    expect(withHearing).toContain('3 个工作日内进行陈述和申辩');
    expect(withHearing).toContain('5 个工作日内要求举行听证');
    const without = servedDocumentText('notice', facts({ ...base, notice: { issuedAt: '2026-03-03T08:00:00Z', proposed: { ...proposed, fineFen: 500_00 }, hearingRight: false } }));
    expect(without).not.toContain('听证');
  });

  it('states the fine, the 15-day payment term with the capped late fee, and the remedies', () => {
    const text = servedDocumentText('decision', facts({ ...base, decision: { at: '2026-03-05T08:00:00Z', outcome: 'penalty', penalty: { warning: true, fineFen: 500_00, measures: ['confiscation'] }, major: false } }));
    expect(text).toContain('行政处罚：警告；罚款人民币 500.00 元；没收违法所得、非法财物');
    expect(text).toContain('15 日内缴纳罚款');
    expect(text).toContain('3% 加处罚款');
    expect(text).toContain('六十日内申请行政复议');
  });

  it('states an education outcome without any payment term', () => {
    const text = servedDocumentText('decision', facts({ ...base, decision: { at: '2026-03-05T08:00:00Z', outcome: 'education', major: false } }));
    expect(text).toContain('不予行政处罚，予以教育');
    expect(text).not.toContain('缴纳');
  });
});
