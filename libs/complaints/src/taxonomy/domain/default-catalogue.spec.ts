import { type Class721, type SubClass, catalogueProblems, CATEGORY_CODE_PATTERN, routeFor } from './category';
import { DEFAULT_CATALOGUE } from './default-catalogue';

const subClasses = DEFAULT_CATALOGUE.filter((definition): definition is SubClass => definition.level === 'sub');
const majorClasses = DEFAULT_CATALOGUE.filter((definition) => definition.level === 'major');

function subClass(code: string): SubClass {
  const found = subClasses.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`the default catalogue has no sub class ${code}`);
  return found;
}

describe('the default catalogue', () => {
  it('is a valid catalogue: every class valid, codes and standard codes unique, every sub class under a major class of its tree', () => {
    expect(catalogueProblems(DEFAULT_CATALOGUE)).toEqual([]);
  });

  it('has at least 8 major and 35 sub classes, in both trees', () => {
    expect(majorClasses.length).toBeGreaterThanOrEqual(8);
    expect(subClasses.length).toBeGreaterThanOrEqual(35);
    expect(new Set(subClasses.map((subClass) => subClass.tree))).toEqual(new Set(['component', 'event']));
  });

  it('names every class in zh-CN and en', () => {
    for (const definition of DEFAULT_CATALOGUE) {
      expect(definition.name['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(definition.name.en).toMatch(/^[A-Z][A-Za-z ,'-]+$/);
    }
  });

  it('uses codes the intake accepts as a complaint category, each once', () => {
    const codes = DEFAULT_CATALOGUE.map((definition) => definition.code);
    expect(codes.filter((code) => !CATEGORY_CODE_PATTERN.test(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('covers what citizens report most', () => {
    const codes = new Set(subClasses.map((subClass) => subClass.code));
    for (const code of [
      'street-vending',
      'stall-occupying-road',
      'business-outside-shopfront',
      'unauthorised-outdoor-advertising',
      'illegal-signboard',
      'illegal-posters',
      'graffiti',
      'exposed-garbage',
      'overflowing-bins',
      'construction-waste-dumping',
      'muck-truck-spillage',
      'illegal-construction',
      'manhole-cover-damaged',
      'street-lamp-damaged',
      'guardrail-damaged',
      'bench-damaged',
      'green-space-damaged',
      'green-space-occupied',
      'shop-noise',
      'night-construction-noise',
      'open-burning',
      'pavement-parking',
      'shared-bicycles-piled-up',
      'unlicensed-food-stall',
      'road-damage',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it('gives service the largest share of the 721 mix, then management, then enforcement', () => {
    const count = (class721: Class721) => subClasses.filter((subClass) => subClass.class721 === class721).length;
    expect(count('service')).toBeGreaterThan(subClasses.length / 2);
    expect(count('service')).toBeGreaterThan(count('management'));
    expect(count('management')).toBeGreaterThan(count('enforcement'));
    expect(count('enforcement')).toBeGreaterThan(0);
  });

  it('routes the other departments’ items to them', () => {
    const departmentOf = (code: string) => routeFor(subClass(code));
    expect(departmentOf('night-construction-noise')).toMatchObject({ kind: 'department', department: 'ecology-environment' });
    expect(departmentOf('pavement-parking')).toMatchObject({ kind: 'department', department: 'traffic-police' });
    expect(departmentOf('unlicensed-food-stall')).toMatchObject({ kind: 'department', department: 'market-supervision' });
    expect(departmentOf('street-vending')).toEqual({ kind: 'management', handlingUnit: 'street-order-squad' });
  });

  it('gives a missing manhole cover the shortest deadline, in working hours', () => {
    expect(subClass('manhole-cover-damaged').deadline).toEqual({ amount: 2, unit: 'working_hours' });
    const inHours = ({ deadline }: SubClass) => (deadline.unit === 'working_hours' ? deadline.amount : deadline.amount * 8);
    expect(Math.min(...subClasses.map(inHours))).toBe(2);
  });

  it('gives most sub classes between 1 and 5 working days', () => {
    const inDays = subClasses.filter((subClass) => subClass.deadline.unit === 'working_days' && subClass.deadline.amount <= 5);
    expect(inDays.length).toBeGreaterThan(subClasses.length / 2);
    expect(subClasses.every((subClass) => subClass.deadline.unit !== 'calendar_days')).toBe(true);
  });
});
