import { Controller, Get, Logger, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { todayInOslo } from '@nvr/shared';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { portfolioCsvStream, portfolioXlsxStream } from './portfolio-export';
import { PortfolioDto, PortfolioExportQueryDto, PortfolioQueryDto, TimelineDto } from './portfolio.dto';
import { PortfolioService } from './portfolio.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('portfolio')
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get()
  @Access.signedIn()
  @ApiOkResponse({ type: PortfolioDto })
  @ApiOperation({
    operationId: 'getPortfolio',
    summary:
      'Every project you follow (adviser, regionråd, admin) with phase, time in phase, latest status, overdue deliverables and next gate',
  })
  @ApiErrors(400, 403, 404)
  get(@CurrentUser() user: Principal, @Query() query: PortfolioQueryDto): Promise<PortfolioDto> {
    return this.portfolio.portfolio(user.roles, query);
  }

  @Get('timeline')
  @Access.signedIn()
  @ApiOkResponse({ type: TimelineDto })
  @ApiOperation({
    operationId: 'getPortfolioTimeline',
    summary: 'The phases of the projects on one portfolio page, with planned and actual dates (for a timeline)',
  })
  @ApiErrors(400, 403, 404)
  timeline(@CurrentUser() user: Principal, @Query() query: PortfolioQueryDto): Promise<TimelineDto> {
    return this.portfolio.timeline(user.roles, query);
  }

  @Get('export')
  @Access.signedIn()
  @ApiProduces('text/csv', XLSX)
  @ApiOkResponse({
    description: 'The portfolio as a file',
    content: { 'text/csv': { schema: { type: 'string' } }, [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    operationId: 'exportPortfolio',
    summary:
      'Download every project that matches the filters, in the asked order, as CSV (semicolons, UTF-8 with BOM, for Norwegian Excel) or as an Excel workbook; streamed, whatever the size',
  })
  @ApiErrors(400, 403, 404)
  export(@CurrentUser() user: Principal, @Query() query: PortfolioExportQueryDto): StreamableFile {
    // Checks scope and filters before the first byte goes out: a refusal is still a clean 4xx.
    const rows = this.portfolio.exportRows(user.roles, query);
    const name = `portefolje-${todayInOslo()}`;
    if (query.format === 'xlsx') {
      return streamed(
        new StreamableFile(portfolioXlsxStream(rows, query.lang ?? 'nb'), {
          type: XLSX,
          disposition: `attachment; filename="${name}.xlsx"`,
        }),
      );
    }
    return streamed(
      new StreamableFile(portfolioCsvStream(rows, query.lang ?? 'nb'), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="${name}.csv"`,
      }),
    );
  }
}

/**
 * A failure while streaming (the database went away) is ours, not the client's: before the first byte
 * it answers 500 (Nest's default says 400 Bad Request); after it the connection is cut, so a truncated
 * file never looks complete.
 */
function streamed(file: StreamableFile): StreamableFile {
  const logger = new Logger('PortfolioExport');
  return file.setErrorHandler((err, res) => {
    if (res.destroyed) return;
    logger.error(`The export failed: ${err.message}`);
    if (res.headersSent) {
      res.destroy?.();
      return;
    }
    res.statusCode = 500;
    res.send('The export failed. Try again in a moment.');
  });
}
