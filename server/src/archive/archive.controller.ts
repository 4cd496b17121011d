import { Controller, Get, Logger, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { PhaseKeyParam } from '../common/params';
import { IdParam } from '../common/validation';
import { contentDisposition } from '../files/file-validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ArchiveExportQueryDto, ArchivePackageQueryDto } from './archive.dto';
import { ArchiveService, type ArchiveZip } from './archive.service';

const ZipResponse = () =>
  ApiOkResponse({
    description:
      'A Noark 5 v5.0 arkivuttrekk as a ZIP: arkivstruktur.xml, the documents under dokumenter/, the XSDs and sjekksummer.sha256',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  });

@ApiTags('archive')
@Controller('projects/:id')
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @Get('archive-export')
  @Access.project('read')
  @ZipResponse()
  @ApiOperation({
    operationId: 'exportProjectArchive',
    summary:
      'The project’s cases (each gate submission a saksmappe, with case documents, decisions, minutes and attachments) as a Noark 5 arkivuttrekk; of one phase and/or submitted or decided within a date range; streamed',
  })
  @ApiErrors(400, 404)
  async exportProject(@CurrentUser() user: Principal, @IdParam() id: string, @Query() q: ArchiveExportQueryDto): Promise<StreamableFile> {
    return streamed(await this.archive.exportProject(id, q, user.roles));
  }

  @Get('phases/:phaseKey/gate/archive-package')
  @Access.project('read')
  @PhaseKeyParam()
  @ZipResponse()
  @ApiOperation({
    operationId: 'downloadGateArchivePackage',
    summary: 'The gate’s case (the phase’s newest submission) as a Noark 5 arkivuttrekk with one saksmappe, to send to the kommuner',
  })
  @ApiErrors(400, 404, 409)
  async casePackage(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Query() q: ArchivePackageQueryDto,
  ): Promise<StreamableFile> {
    return streamed(await this.archive.casePackage(id, phaseKey, q.lang ?? 'nb', user.roles));
  }
}

/**
 * Everything was read and checked before the first byte, so a refusal is a clean 4xx. A failure while
 * streaming (a document fails to render, the database goes away) answers 500 before the first byte and
 * cuts the connection after it, so a truncated extract never looks complete.
 */
function streamed(zip: ArchiveZip): StreamableFile {
  const logger = new Logger('ArchiveExport');
  return new StreamableFile(zip.stream, { type: 'application/zip', disposition: contentDisposition(zip.filename) }).setErrorHandler(
    (err, res) => {
      if (res.destroyed) return;
      logger.error(`The archive export failed: ${err.message}`);
      if (res.headersSent) {
        res.destroy?.();
        return;
      }
      res.statusCode = 500;
      res.send('The archive export failed. Try again in a moment.');
    },
  );
}
