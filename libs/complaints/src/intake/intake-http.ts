import { BadRequestException } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { RequestContext } from '@civicflow/observability';
import { InvalidComplaintError } from '../domain/complaint';

/** The request's correlation id, so that the complaint's events carry it onward. */
export function correlationIdOfRequest(): string {
  return RequestContext.current()?.correlationId ?? uuidv7();
}

/** What the domain refuses after the DTO checks (e.g. a location with neither coordinates nor address) is the caller's error: a 400. */
export async function refuseInvalidComplaint<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidComplaintError) {
      throw new BadRequestException({ statusCode: 400, code: 'invalid_request', message: [`${error.field}: ${error.message}`] });
    }
    throw error;
  }
}
