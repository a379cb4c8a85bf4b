import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { CaseDesk } from '../cases/case-desk.service';
import { CaseRecordRepository } from './case-record.repository';
import { type ChainVerdict, type HashedRecordEntry, verifyChain } from './record-chain';

/** The whole-process record of a case (执法全过程记录): its verification and its export to auditors. */
@ApiTags('enforcement')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: "The role may not read the record, or the case is another department's (code other_department)." })
@ApiNotFoundResponse({ description: 'No such case.' })
@Controller('api/v1/enforcement/cases/:id/record')
export class CaseRecordHttpController {
  constructor(
    private readonly desk: CaseDesk,
    private readonly record: CaseRecordRepository,
  ) {}

  @Get('verify')
  @Roles(Role.Auditor, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: "Recompute the case's hash chain and report the first broken link" })
  @ApiOkResponse({ description: '`intact: true` with the last hash, or `intact: false` with `brokenAt` (the sequence) and the reason.' })
  async verify(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ChainVerdict & { caseId: string }> {
    await this.desk.assertAccess(id, user);
    return this.desk.withRecord(id, async (manager) => ({ caseId: id, ...verifyChain(await this.record.list(manager, id)) }));
  }

  @Get('export')
  @Roles(Role.Auditor)
  @ApiOperation({ summary: "The case's record for an auditor: every entry with its hashes, the evidence hashes, and the verdict" })
  @ApiOkResponse({ description: 'The chain in sequence order; recompute each hash as SHA-256 over the canonical JSON (sorted keys) of the entry without `hash`.' })
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ caseId: string; exportedAt: string; verdict: ChainVerdict; evidenceSha256: string[]; entries: HashedRecordEntry[] }> {
    await this.desk.assertAccess(id, user);
    return this.desk.withRecord(id, async (manager) => {
      const entries = await this.record.list(manager, id);
      return {
        caseId: id,
        exportedAt: new Date().toISOString(),
        verdict: verifyChain(entries),
        evidenceSha256: [...new Set(entries.flatMap((entry) => entry.evidenceSha256))],
        entries,
      };
    });
  }
}
