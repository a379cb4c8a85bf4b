import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CASE_STATES, type CaseState, type DecisionOutcome, type EvidenceKind, type OnSiteAct, SERVICE_METHODS, type ServiceMethod } from '../domain/procedure';
import { HEAVY_MEASURES, type HeavyMeasure, type PartyKind } from '../domain/procedure-rules';

const OFFICER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const EVIDENCE_KINDS: readonly EvidenceKind[] = ['photo', 'video', 'audio', 'document', 'statement'];
const ON_SITE_ACTS: readonly OnSiteAct[] = ['inspection', 'seizure', 'demolition'];

/** Every step may say where it happened, for the whole-process record. */
export class StepDto {
  @ApiPropertyOptional({ example: '100 Renmin Road, shop 3', description: 'Where the act took place.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  place?: string;
}

export class ReasonDto extends StepDto {
  @ApiProperty({ example: 'The violation was discovered more than 2 years after it ended (Art. 36).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

class LocationDto {
  @ApiProperty({ example: 31.2304 })
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ example: 121.4737 })
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiPropertyOptional({ example: '100 Renmin Road' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address?: string;
}

export class PartyDto {
  @ApiProperty({ enum: ['person', 'organisation'] })
  @IsIn(['person', 'organisation'])
  kind: PartyKind;

  @ApiProperty({ example: '张伟', description: 'Stored; returned masked.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '310101199001011234', description: 'Resident identity number or unified social credit code; returned masked.' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z]{6,32}$/, { message: 'party.idNumber must be 6 to 32 letters and digits' })
  idNumber?: string;

  @ApiPropertyOptional({ example: '13912345678', description: 'Returned masked.' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{4,30}$/, { message: 'party.phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ description: 'Returned only masked by omission: never in responses.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address?: string;
}

export class OpenCaseDto extends StepDto {
  @ApiProperty({ example: 'street-vending' })
  @Matches(/^[a-z0-9][a-z0-9.-]{0,63}$/, { message: 'category must be a category code such as street-vending' })
  category: string;

  @ApiProperty({ example: 'Stall occupying the pavement outside the metro exit, third time this month.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description: string;

  @ApiPropertyOptional({ example: 'Nanjing East Road Subdistrict' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  street?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiProperty({ format: 'date-time', description: 'When the violation happened (or ended, if continuing): the 2-year limit of Art. 36 runs from it.' })
  @IsISO8601({ strict: true })
  violationAt: string;

  @ApiPropertyOptional({ description: 'Harm to life, health or financial safety: the limit is 5 years.' })
  @IsOptional()
  @IsBoolean()
  seriousHarm?: boolean;

  @ApiProperty({ type: [String], example: ['off-1', 'off-2'], description: 'The officers on the case (at least 2 certified ones to register it).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(OFFICER_ID, { each: true, message: 'each of officerIds must be an officer id' })
  officerIds: string[];

  @ApiProperty({ type: PartyDto })
  @ValidateNested()
  @Type(() => PartyDto)
  party: PartyDto;
}

export class IdentifyPartyDto extends StepDto {
  @ApiProperty({ type: PartyDto })
  @ValidateNested()
  @Type(() => PartyDto)
  party: PartyDto;
}

export class AssignOfficersDto extends StepDto {
  @ApiProperty({ type: [String], example: ['off-1', 'off-2'], description: 'At least 2 certified officers; they replace those on the case.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(OFFICER_ID, { each: true, message: 'each of officerIds must be an officer id' })
  officerIds: string[];
}

export class EvidenceItemDto {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  kind: EvidenceKind;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 of the file, lower-case hex.' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256: string;

  @ApiPropertyOptional({ example: 'Photo of the stall, north side' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class EvidenceDto extends StepDto {
  @ApiProperty({ type: [EvidenceItemDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceItemDto)
  items: EvidenceItemDto[];

  @ApiPropertyOptional({ enum: ON_SITE_ACTS, description: 'An on-site act: needs 2 certified officers present and an audio/video item.' })
  @IsOptional()
  @IsIn(ON_SITE_ACTS)
  onSite?: OnSiteAct;

  @ApiPropertyOptional({ type: [String], example: ['off-1', 'off-2'] })
  @IsOptional()
  @ArrayMaxSize(10)
  @Matches(OFFICER_ID, { each: true, message: 'each of presentOfficerIds must be an officer id' })
  presentOfficerIds?: string[];
}

export class PenaltyDto {
  @ApiProperty({ description: 'A warning (警告).' })
  @IsBoolean()
  warning: boolean;

  @ApiProperty({ example: 500, description: 'The fine in CNY, at most 2 decimals; 0 for none.' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000_000)
  fineCny: number;

  @ApiProperty({ enum: HEAVY_MEASURES, isArray: true })
  @ArrayMaxSize(HEAVY_MEASURES.length)
  @ArrayUnique()
  @IsIn(HEAVY_MEASURES, { each: true })
  measures: HeavyMeasure[];
}

export class NoticeDto extends StepDto {
  @ApiProperty({ type: PenaltyDto, description: 'The proposed penalty; the decision cannot be heavier (Art. 45).' })
  @ValidateNested()
  @Type(() => PenaltyDto)
  proposed: PenaltyDto;

  @ApiProperty({ example: 'On 2 March 2026 the party occupied 12 m² of pavement to sell goods.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  facts: string;

  @ApiProperty({ example: 'Shanghai City Appearance and Environmental Sanitation Regulations, Art. 24' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  legalBasis: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was served, if handed over at once; otherwise POST notice/service later.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  servedAt?: string;
}

export class ServedAtDto extends StepDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  servedAt?: string;
}

export class HearingRecordDto extends StepDto {
  @ApiProperty({ example: 'The party said the stall was moved the next day.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary: string;

  @ApiProperty({ type: [EvidenceItemDto], description: 'At least one audio or video recording.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceItemDto)
  evidence: EvidenceItemDto[];
}

export class ScheduleHearingDto extends StepDto {
  @ApiProperty({ format: 'date-time', description: 'At least 7 working days after today (Art. 64).' })
  @IsISO8601({ strict: true })
  scheduledFor: string;

  @ApiProperty({ example: 'Hearing room 2, Huangpu enforcement bureau' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  hearingPlace: string;
}

export class LegalReviewDto extends StepDto {
  @ApiProperty({ description: 'False sends the case back to investigation.' })
  @IsBoolean()
  approved: boolean;

  @ApiProperty({ example: 'Facts clear, evidence sufficient, procedure lawful, penalty appropriate.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  opinion: string;
}

export class DecisionDto extends StepDto {
  @ApiProperty({ enum: ['education', 'rectification', 'penalty'] })
  @IsIn(['education', 'rectification', 'penalty'])
  outcome: DecisionOutcome;

  @ApiPropertyOptional({ type: PenaltyDto, description: 'Required when the outcome is penalty.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PenaltyDto)
  penalty?: PenaltyDto;

  @ApiProperty({ example: 'First violation, corrected at once: education (Art. 33).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reasons: string;
}

export class SummaryDecisionDto extends StepDto {
  @ApiProperty({ type: PenaltyDto, description: 'A warning or a fine up to 200 CNY (person) / 3,000 CNY (organisation) by default (Art. 51).' })
  @ValidateNested()
  @Type(() => PenaltyDto)
  penalty: PenaltyDto;

  @ApiProperty({ type: [String], example: ['off-1', 'off-2'] })
  @ArrayMaxSize(10)
  @Matches(OFFICER_ID, { each: true, message: 'each of presentOfficerIds must be an officer id' })
  presentOfficerIds: string[];

  @ApiProperty({ example: 'Shanghai City Appearance and Environmental Sanitation Regulations, Art. 24' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  legalBasis: string;
}

export class ServiceDto extends ServedAtDto {
  @ApiProperty({ enum: SERVICE_METHODS })
  @IsIn(SERVICE_METHODS)
  method: ServiceMethod;
}

export class PaymentDto extends StepDto {
  @ApiProperty({ example: 500, description: 'Amount received in CNY, at most 2 decimals.' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1_000_000_000)
  amountCny: number;

  @ApiPropertyOptional({ example: 'Bank receipt 2026-0412-88' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  receipt?: string;
}

export class ExtensionDto extends ReasonDto {
  @ApiProperty({ example: 30, description: 'Calendar days added to the decision deadline, approved by the supervisor (Art. 60).' })
  @IsInt()
  @Min(1)
  @Max(365)
  days: number;
}

export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES)
  state?: CaseState;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Education instead of a penalty (教育引导, 首违不罚, Art. 33). */
export class EducationDto extends StepDto {
  @ApiProperty({ example: 'Explained Art. 24 of the city appearance regulation and why the pavement must stay clear; showed where the licensed market is.', description: 'What was explained to the party.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  explained: string;

  @ApiProperty({ example: '2026-03-17', description: 'The last day (bureau time) to rectify; a follow-up inspection falls due then.' })
  @Matches(DATE, { message: 'rectifyBy must be a date YYYY-MM-DD' })
  rectifyBy: string;

  @ApiProperty({ description: 'The officers found the harm none or slight (Art. 33).' })
  @IsBoolean()
  harmMinor: boolean;
}

/** An order to rectify without a penalty (责令改正). */
export class RectificationOrderDto extends StepDto {
  @ApiProperty({ example: 'Remove the awning over the pavement.', description: 'What the party must correct.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  requirement: string;

  @ApiProperty({ example: '2026-03-24', description: 'The last day (bureau time) to rectify.' })
  @Matches(DATE, { message: 'rectifyBy must be a date YYYY-MM-DD' })
  rectifyBy: string;
}

/** The on-site follow-up inspection of a rectification. */
export class FollowUpDto extends HearingRecordDto {
  @ApiProperty({ description: 'Whether the party corrected the violation.' })
  @IsBoolean()
  rectified: boolean;

  @ApiProperty({ type: [String], example: ['off-1', 'off-2'], description: 'At least two certified officers on site (Art. 42).' })
  @ArrayMaxSize(10)
  @Matches(OFFICER_ID, { each: true, message: 'each of presentOfficerIds must be an officer id' })
  presentOfficerIds: string[];
}
