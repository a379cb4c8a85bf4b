import { BadRequestException, ConflictException, type Provider } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CONFIG } from '@civicflow/config';
import { RequestContext } from '@civicflow/observability';
import type { EnforcementConfig } from '../enforcement.config';
import { type AssessmentWeights, assessmentWeightsFromConfig } from './assessment-scoring';

export const ACCOUNTABILITY_SETTINGS = Symbol('enforcement.accountability-settings');

/** What the officer, training and assessment routes read from configuration, checked at start-up. */
export interface AccountabilitySettings {
  readonly renewalMinTrainingHours: number;
  readonly weights: AssessmentWeights;
}

export const accountabilitySettingsProvider: Provider = {
  provide: ACCOUNTABILITY_SETTINGS,
  inject: [CONFIG],
  useFactory: (config: EnforcementConfig): AccountabilitySettings => ({
    renewalMinTrainingHours: config.ENFORCEMENT_RENEWAL_MIN_TRAINING_HOURS ?? 40,
    weights: assessmentWeightsFromConfig(config.ENFORCEMENT_ASSESSMENT_WEIGHTS),
  }),
};

/** The bureau keeps Beijing time: a "day" of a period or a certificate is a Beijing calendar day. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of a Beijing calendar day. */
export function startOfBeijingDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS);
}

/** A period of whole Beijing days, `from` to `to` inclusive, as the half-open instants [from, to). */
export function periodOf(from: string, to: string): { from: Date; to: Date } {
  return { from: startOfBeijingDay(from), to: new Date(startOfBeijingDay(to).getTime() + 24 * 60 * 60 * 1000) };
}

export function correlationId(): string {
  return RequestContext.current()?.correlationId ?? uuidv7();
}

/** 409 `{ code, message }` for a step the rules refuse. */
export function refused(code: string, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, code, message });
}

export function invalid(code: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, code, message });
}

/** A period from query parameters: both days, in order, at most ~5 years apart. */
export function requirePeriod(from: string, to: string): { from: string; to: string } {
  if (to < from) throw invalid('invalid_request', 'to: is before from');
  if (Date.parse(to) - Date.parse(from) > 5 * 366 * 24 * 60 * 60 * 1000) throw invalid('invalid_request', 'to: the period may span at most 5 years');
  return { from, to };
}

/** Postgres unique violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
