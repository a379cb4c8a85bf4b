import { parseW3cDateTime, readServiceRequestQuery } from './service-request.query';

const now = new Date('2026-11-25T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** Thrown as the GeoReport error of this status, with a description matching `description`. */
const refusedWith = (status: number, description: RegExp) => expect.objectContaining({ status, message: expect.stringMatching(description) });

describe('readServiceRequestQuery', () => {
  it('defaults to the last 90 days, first page of 1,000, both statuses', () => {
    expect(readServiceRequestQuery({}, now)).toEqual({ kind: 'search', from: new Date(now.getTime() - 90 * DAY), to: now, page: 1, pageSize: 1000, extensions: false });
  });

  it('takes the 90 days from a start date alone, and up to an end date alone', () => {
    expect(readServiceRequestQuery({ start_date: '2026-01-01T00:00:00Z' }, now)).toMatchObject({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
    expect(readServiceRequestQuery({ end_date: '2026-04-01T00:00:00+08:00' }, now)).toMatchObject({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-03-31T16:00:00Z') });
  });

  it('refuses dates more than 90 days apart or the wrong way round', () => {
    expect(() => readServiceRequestQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, now)).toThrow(refusedWith(400, /90 days/));
    expect(() => readServiceRequestQuery({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }, now)).toThrow(refusedWith(400, /before start_date/));
  });

  it('reads comma lists and repeated parameters alike', () => {
    expect(readServiceRequestQuery({ service_code: ['a,b', 'c'], status: 'open' }, now)).toMatchObject({ serviceCodes: ['a', 'b', 'c'], status: 'open' });
    expect(readServiceRequestQuery({ status: 'open,closed' }, now)).not.toHaveProperty('status');
  });

  it('lets a list of ids override every other filter, upper-casing them', () => {
    expect(readServiceRequestQuery({ service_request_id: 'cf-7k3m-q9tx,CF-2M8P-4RTZ', status: 'closed', extensions: 'true' }, now)).toEqual({
      kind: 'ids',
      trackingCodes: ['CF-7K3M-Q9TX', 'CF-2M8P-4RTZ'],
      extensions: true,
    });
  });

  it.each([
    [{ status: 'pending' }, /status must be open or closed/],
    [{ page: '0' }, /page must be a whole number/],
    [{ page_size: '1001' }, /page_size must be a whole number from 1 to 1000/],
    [{ extensions: 'yes' }, /extensions must be true or false/],
    [{ service_request_id: '42' }, /not a service request id/],
    [{ start_date: '2026-13-01' }, /start_date must be a W3C date-time/],
    [{ sort: 'asc' }, /unknown parameter sort/],
    [{ page: ['1', '2'] }, /page must be given once/],
  ])('refuses %j', (params, message) => {
    expect(() => readServiceRequestQuery(params, now)).toThrow(refusedWith(400, message));
  });
});

describe('parseW3cDateTime', () => {
  it.each([
    ['2026-11-25T08:00:00Z', '2026-11-25T08:00:00.000Z'],
    ['2026-11-25T16:00:00+08:00', '2026-11-25T08:00:00.000Z'],
    ['2026-11-25T16:00+08:00', '2026-11-25T08:00:00.000Z'],
    ['2026-11-25T08:00:00.250Z', '2026-11-25T08:00:00.250Z'],
    ['2026-11-25', '2026-11-25T00:00:00.000Z'],
    // An unencoded + in a query string arrives as a space.
    ['2026-11-25T16:00:00 08:00', '2026-11-25T08:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseW3cDateTime(raw)?.toISOString()).toBe(iso);
  });

  it.each(['2026-02-30T00:00:00Z', '2026-11-25T08:00:00', '2026-11-25T24:00:00Z', '25/11/2026', '2026-11-25T08:00:00+15:00'])('refuses %s', (raw) => {
    expect(parseW3cDateTime(raw)).toBeUndefined();
  });
});
