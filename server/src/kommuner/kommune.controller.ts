import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  CreateKommuneDto,
  DateParam,
  KommuneNumbersResponseDto,
  KommuneQueryDto,
  KommuneResponseDto,
  PopulationDto,
  PopulationHistoryResponseDto,
  ResolvedKommuneNumberResponseDto,
  ResolveKommuneNumberQueryDto,
  SsbImportDto,
  SsbImportResponseDto,
  SsbTableResponseDto,
  UpdateKommuneDto,
} from './kommune.dto';
import { KommuneService } from './kommune.service';

@ApiTags('kommuner')
@Controller('kommuner')
export class KommuneController {
  constructor(private readonly kommuner: KommuneService) {}

  @Get()
  @Access.signedIn()
  @ApiOkResponse({ type: [KommuneResponseDto] })
  @ApiOperation({ operationId: 'listKommuner', summary: 'List kommuner, optionally filtered by name/number or county' })
  @ApiErrors(400)
  list(@Query() query: KommuneQueryDto): Promise<KommuneResponseDto[]> {
    return this.kommuner.list(query);
  }

  @Get('numbers/resolve')
  @Access.signedIn()
  @ApiOkResponse({ type: ResolvedKommuneNumberResponseDto })
  @ApiOperation({
    operationId: 'resolveKommuneNumber',
    summary: 'The kommune a number in use on a date belongs to today (SSB classification 131: renumberings, mergers, splits)',
  })
  @ApiErrors(400)
  resolveNumber(@Query() query: ResolveKommuneNumberQueryDto): Promise<ResolvedKommuneNumberResponseDto> {
    return this.kommuner.resolveNumber(query);
  }

  @Get('population/ssb')
  @Access.admin()
  @ApiOkResponse({ type: SsbTableResponseDto })
  @ApiOperation({
    operationId: 'getSsbPopulationTable',
    summary:
      'The years of SSB table 07459 (population on 1 January) that can be imported, and whether and when figures were fetched from SSB',
  })
  @ApiErrors()
  ssbTable(): Promise<SsbTableResponseDto> {
    return this.kommuner.ssbTable();
  }

  @Post('population/ssb-import')
  @HttpCode(200)
  @Access.admin()
  @ApiOkResponse({ type: SsbImportResponseDto })
  @ApiOperation({
    operationId: 'importSsbPopulation',
    summary: 'Import SSB’s population on 1 January of the chosen years onto today’s kommuner (idempotent; hand-typed figures are kept)',
  })
  @ApiErrors(400, 422)
  importSsb(@CurrentUser() user: Principal, @Body() dto: SsbImportDto): Promise<SsbImportResponseDto> {
    return this.kommuner.importSsbPopulation(dto, user);
  }

  @Post('population/ssb-refresh')
  @HttpCode(200)
  @Access.admin()
  @ApiOkResponse({ type: SsbImportResponseDto })
  @ApiOperation({
    operationId: 'refreshSsbPopulation',
    summary: 'Fetch the chosen years of table 07459 from SSB (PxWebApi v2) and import them like the shipped snapshot',
    description: 'Answers 409 SSB_REFRESH_OFF when the server is set not to reach SSB (SSB_API_URL=off), 503 when SSB cannot be reached.',
  })
  @ApiErrors(400, 409, 503)
  refreshSsb(@CurrentUser() user: Principal, @Body() dto: SsbImportDto): Promise<SsbImportResponseDto> {
    return this.kommuner.refreshSsbPopulation(dto, user);
  }

  @Get(':id/numbers')
  @Access.signedIn()
  @ApiOkResponse({ type: KommuneNumbersResponseDto })
  @ApiOperation({
    operationId: 'getKommuneNumbers',
    summary: 'A kommune’s numbers and counties over time, and the kommuner merged into it',
  })
  @ApiErrors(400, 404)
  numbers(@IdParam() id: string): Promise<KommuneNumbersResponseDto> {
    return this.kommuner.numbers(id);
  }

  @Get(':id')
  @Access.signedIn()
  @ApiOkResponse({ type: KommuneResponseDto })
  @ApiOperation({ operationId: 'getKommune', summary: 'Read one kommune with its newest population figure' })
  @ApiErrors(400, 404)
  get(@IdParam() id: string): Promise<KommuneResponseDto> {
    return this.kommuner.get(id);
  }

  @Post()
  @Access.admin()
  @ApiCreatedResponse({ type: KommuneResponseDto })
  @ApiOperation({ operationId: 'createKommune', summary: 'Register a kommune' })
  @ApiErrors(400, 409, 422)
  create(@CurrentUser() user: Principal, @Body() dto: CreateKommuneDto): Promise<KommuneResponseDto> {
    return this.kommuner.create(dto, user);
  }

  @Patch(':id')
  @Access.admin()
  @ApiOkResponse({ type: KommuneResponseDto })
  @ApiOperation({ operationId: 'updateKommune', summary: 'Change a kommune’s name or county' })
  @ApiErrors(400, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateKommuneDto): Promise<KommuneResponseDto> {
    return this.kommuner.update(id, dto);
  }

  @Put(':id/population')
  @Access.admin()
  @ApiOkResponse({ type: KommuneResponseDto })
  @ApiOperation({
    operationId: 'recordKommunePopulation',
    summary: 'Record or correct the population on a date; answers the kommune with its newest figure',
    description: 'To get the figure saved back, use PUT /api/regions/{id}/kommuner/{kommuneId}/population.',
  })
  @ApiErrors(400, 404)
  recordPopulation(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: PopulationDto): Promise<KommuneResponseDto> {
    return this.kommuner.recordPopulation(id, dto, user);
  }

  @Get(':id/population')
  @Access.admin()
  @ApiOkResponse({ type: PopulationHistoryResponseDto })
  @ApiOperation({
    operationId: 'getKommunePopulationHistory',
    summary: 'Every population figure of a kommune (newest first, with who recorded it) and every change',
  })
  @ApiErrors(400, 404)
  populationHistory(@IdParam() id: string): Promise<PopulationHistoryResponseDto> {
    return this.kommuner.populationHistory(id);
  }

  @Delete(':id/population/:asOf')
  @Access.admin()
  @ApiOkResponse({ type: PopulationHistoryResponseDto })
  @ApiOperation({ operationId: 'deleteKommunePopulation', summary: 'Delete the population figure of a date (e.g. one with a wrong date)' })
  @ApiErrors(400, 404)
  deletePopulation(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @DateParam('asOf') asOf: string,
  ): Promise<PopulationHistoryResponseDto> {
    return this.kommuner.deletePopulation(id, asOf, user);
  }
}
