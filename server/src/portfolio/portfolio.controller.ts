import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { todayInOslo } from '@nvr/shared';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { portfolioCsv, portfolioXlsx } from './portfolio-export';
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
    summary: 'The phases of every project you follow, with planned and actual dates (for a timeline)',
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
    summary: 'Download the portfolio as CSV (semicolons, UTF-8 with BOM, for Norwegian Excel) or as an Excel workbook',
  })
  @ApiErrors(400, 403, 404)
  async export(@CurrentUser() user: Principal, @Query() query: PortfolioExportQueryDto): Promise<StreamableFile> {
    const { rows } = await this.portfolio.portfolio(user.roles, query);
    const name = `portefolje-${todayInOslo()}`;
    if (query.format === 'xlsx') {
      const data = await portfolioXlsx(rows, query.lang);
      return new StreamableFile(data, { type: XLSX, disposition: `attachment; filename="${name}.xlsx"`, length: data.length });
    }
    const data = portfolioCsv(rows, query.lang);
    return new StreamableFile(data, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}.csv"`,
      length: data.length,
    });
  }
}
