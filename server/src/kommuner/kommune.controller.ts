import { Body, Controller, Delete, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  CreateKommuneDto,
  DateParam,
  KommuneQueryDto,
  KommuneResponseDto,
  PopulationDto,
  PopulationHistoryResponseDto,
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
