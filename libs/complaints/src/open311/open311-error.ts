/**
 * A request the GeoReport v2 specification answers with an error: 400 for a bad or missing
 * parameter, 403 for a bad api_key, 404 for an unknown service, request, jurisdiction or
 * format. The description goes to the client as is, so it names the parameter at fault.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

export const badParameter = (description: string) => new Open311Error(400, description);
export const notFound = (description: string) => new Open311Error(404, description);
