import { resolveCorrelationId } from './correlation-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveCorrelationId', () => {
  it.each(['abc', 'order-42.retry:1', 'A_b', 'x'.repeat(128)])('adopts the safe id %s', (id) => {
    expect(resolveCorrelationId(id)).toBe(id);
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(129)],
    ['with a newline', 'abc\n{"level":"fatal"}'],
    ['with a space', 'a b'],
    ['a repeated header', ['a', 'b']],
    ['absent', undefined],
  ])('replaces an id that is %s with a new UUID', (_label, value) => {
    expect(resolveCorrelationId(value)).toMatch(UUID);
  });
});
