import { type CategoryInput, type MajorClass, type SubClass, catalogueProblems, placementProblems, routeFor, validateCategory } from './category';

const streetOrder: MajorClass = { level: 'major', code: 'street-order', tree: 'event', standardCode: '05', name: { 'zh-CN': '街面秩序', en: 'Street order' }, active: true };

const streetVending: SubClass = {
  level: 'sub',
  code: 'street-vending',
  tree: 'event',
  standardCode: '0501',
  name: { 'zh-CN': '流动摊贩占道经营', en: 'Street vending on the road' },
  active: true,
  majorCode: 'street-order',
  class721: 'management',
  defaultHandlingUnit: 'street-order-squad',
  deadline: { amount: 4, unit: 'working_hours' },
};

function problemPaths(input: CategoryInput): string[] {
  const validation = validateCategory(input);
  return validation.ok ? [] : validation.problems.map((problem) => problem.path);
}

describe('routeFor', () => {
  it('routes a service item to its handling unit as a service', () => {
    expect(routeFor({ class721: 'service', defaultHandlingUnit: 'sanitation-team' })).toEqual({ kind: 'service', handlingUnit: 'sanitation-team' });
  });

  it('routes a management item as management, for a rectification notice', () => {
    expect(routeFor(streetVending)).toEqual({ kind: 'management', handlingUnit: 'street-order-squad' });
  });

  it('routes an enforcement item as enforcement', () => {
    expect(routeFor({ class721: 'enforcement', defaultHandlingUnit: 'enforcement-brigade' })).toEqual({ kind: 'enforcement', handlingUnit: 'enforcement-brigade' });
  });

  it('sends another department’s item to that department, whatever its 721 class', () => {
    for (const class721 of ['service', 'management', 'enforcement'] as const) {
      expect(routeFor({ class721, defaultHandlingUnit: 'street-order-squad', department: 'traffic-police' })).toEqual({
        kind: 'department',
        handlingUnit: 'street-order-squad',
        department: 'traffic-police',
      });
    }
  });
});

describe('validateCategory', () => {
  it('accepts a well-formed major class and a well-formed sub class', () => {
    expect(validateCategory(streetOrder)).toEqual({ ok: true, definition: streetOrder });
    expect(validateCategory(streetVending)).toEqual({ ok: true, definition: streetVending });
  });

  it('makes a class active unless told otherwise and trims its names', () => {
    const { active: _active, ...withoutActive } = streetOrder;
    const validation = validateCategory({ ...withoutActive, name: { 'zh-CN': ' 街面秩序 ', en: ' Street order ' } });
    expect(validation).toEqual({ ok: true, definition: streetOrder });
  });

  it.each([
    ['an upper-case code', { code: 'Street-Vending' }, 'code'],
    ['a code with a space', { code: 'street vending' }, 'code'],
    ['a code longer than 64 characters', { code: 'a'.repeat(65) }, 'code'],
    ['an unknown tree', { tree: 'incident' }, 'tree'],
    ['an unknown level', { level: 'minor' }, 'level'],
    ['a three-digit standard code', { standardCode: '501' }, 'standardCode'],
    ['a standard code with sub class 00', { standardCode: '0500' }, 'standardCode'],
    ['no Chinese name', { name: { en: 'Street vending' } }, 'name.zh-CN'],
    ['a blank English name', { name: { 'zh-CN': '占道经营', en: '  ' } }, 'name.en'],
    ['an English name in the Chinese field', { name: { 'zh-CN': 'Street vending', en: 'Street vending' } }, 'name.zh-CN'],
    ['a Chinese name in the English field', { name: { 'zh-CN': '占道经营', en: '占道经营' } }, 'name.en'],
    ['a name of 101 characters', { name: { 'zh-CN': '摊'.repeat(101), en: 'Street vending' } }, 'name.zh-CN'],
    ['no major class', { majorCode: undefined }, 'majorCode'],
    ['itself as its major class', { majorCode: 'street-vending' }, 'majorCode'],
    ['an unknown 721 class', { class721: 'education' }, 'class721'],
    ['no handling unit', { defaultHandlingUnit: undefined }, 'defaultHandlingUnit'],
    ['a handling unit with capitals', { defaultHandlingUnit: 'Street-Order-Squad' }, 'defaultHandlingUnit'],
    ['a department with a space', { department: 'traffic police' }, 'department'],
    ['no deadline', { deadline: undefined }, 'deadline'],
    ['a deadline of zero hours', { deadline: { amount: 0, unit: 'working_hours' } }, 'deadline.amount'],
    ['a negative deadline', { deadline: { amount: -1, unit: 'working_days' } }, 'deadline.amount'],
    ['a fractional deadline', { deadline: { amount: 1.5, unit: 'working_days' } }, 'deadline.amount'],
    ['a deadline of 81 working hours', { deadline: { amount: 81, unit: 'working_hours' } }, 'deadline.amount'],
    ['a deadline of 61 working days', { deadline: { amount: 61, unit: 'working_days' } }, 'deadline.amount'],
    ['a deadline of 366 calendar days', { deadline: { amount: 366, unit: 'calendar_days' } }, 'deadline.amount'],
    ['a deadline in weeks', { deadline: { amount: 1, unit: 'weeks' } }, 'deadline.unit'],
  ])('refuses a sub class with %s, naming the field', (_case, change, path) => {
    expect(problemPaths({ ...streetVending, ...change } as CategoryInput)).toEqual([path]);
  });

  it('accepts the longest deadline of each unit', () => {
    expect(problemPaths({ ...streetVending, deadline: { amount: 80, unit: 'working_hours' } })).toEqual([]);
    expect(problemPaths({ ...streetVending, deadline: { amount: 60, unit: 'working_days' } })).toEqual([]);
    expect(problemPaths({ ...streetVending, deadline: { amount: 365, unit: 'calendar_days' } })).toEqual([]);
  });

  it('refuses sub-class fields on a major class', () => {
    expect(problemPaths({ ...streetOrder, class721: 'service', deadline: { amount: 1, unit: 'working_days' } })).toEqual(['class721', 'deadline']);
  });

  it('refuses a four-digit standard code on a major class', () => {
    expect(problemPaths({ ...streetOrder, standardCode: '0501' })).toEqual(['standardCode']);
  });

  it('reports every broken rule at once, each message starting with its field path', () => {
    const validation = validateCategory({ code: 'x', level: 'sub', tree: 'event', standardCode: '0501', name: {}, majorCode: 'street-order', class721: 'service', defaultHandlingUnit: 'sanitation-team', deadline: { amount: 0, unit: 'working_days' } });
    expect(validation.ok).toBe(false);
    const messages = validation.ok ? [] : validation.problems.map((problem) => problem.message);
    expect(messages).toEqual([
      'name.zh-CN must not be empty: every class is named in zh-CN and en',
      'name.en must not be empty: every class is named in zh-CN and en',
      'deadline.amount must be a whole number from 1 to 60 working days',
    ]);
  });
});

describe('placementProblems', () => {
  it('accepts a sub class under an active major class of its tree whose standard code it extends', () => {
    expect(placementProblems(streetVending, streetOrder)).toEqual([]);
  });

  it('refuses a sub class whose major class does not exist', () => {
    expect(placementProblems(streetVending, undefined)).toEqual([{ path: 'majorCode', message: 'majorCode names street-order, which is no class of the catalogue' }]);
  });

  it('refuses a sub class placed under another sub class', () => {
    expect(placementProblems(streetVending, { ...streetVending, code: 'stall-occupying-road', standardCode: '0502' })[0]?.message).toMatch(/is a sub class/);
  });

  it('refuses a sub class placed under a major class of the other tree', () => {
    expect(placementProblems(streetVending, { ...streetOrder, tree: 'component' })[0]?.message).toMatch(/of the component tree, not of the event tree/);
  });

  it('refuses a standard code that does not start with the major class’s', () => {
    expect(placementProblems({ ...streetVending, standardCode: '0401' }, streetOrder)).toEqual([
      { path: 'standardCode', message: 'standardCode must start with 05, the standard code of its major class street-order' },
    ]);
  });

  it('refuses an active sub class under an inactive major class, and accepts an inactive one', () => {
    expect(placementProblems(streetVending, { ...streetOrder, active: false })[0]?.message).toMatch(/inactive/);
    expect(placementProblems({ ...streetVending, active: false }, { ...streetOrder, active: false })).toEqual([]);
  });
});

describe('catalogueProblems', () => {
  it('finds nothing wrong with a major class and its sub class', () => {
    expect(catalogueProblems([streetOrder, streetVending])).toEqual([]);
  });

  it('reports a code used twice', () => {
    expect(catalogueProblems([streetOrder, streetVending, { ...streetVending, standardCode: '0502' }]).map((problem) => problem.path)).toEqual(['street-vending.code']);
  });

  it('reports a standard code used twice in one tree, but not across trees', () => {
    const twin: SubClass = { ...streetVending, code: 'stall-occupying-road' };
    expect(catalogueProblems([streetOrder, streetVending, twin]).map((problem) => problem.path)).toEqual(['stall-occupying-road.standardCode']);
    const componentMajor: MajorClass = { ...streetOrder, code: 'other-facilities', tree: 'component' };
    expect(catalogueProblems([streetOrder, componentMajor])).toEqual([]);
  });

  it('reports a sub class whose major class is missing from the catalogue', () => {
    expect(catalogueProblems([streetVending]).map((problem) => problem.path)).toEqual(['street-vending.majorCode']);
  });
});
