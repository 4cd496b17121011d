import { Body, Controller, Delete, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { DateParam, PopulationDto, PopulationFigureResponseDto, PopulationHistoryResponseDto } from '../kommuner/kommune.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  AddMemberDto,
  CreateRegionDto,
  RegionResponseDto,
  RegionSummaryResponseDto,
  UpdateMembershipDto,
  UpdateRegionDto,
} from './region.dto';
import { RegionService } from './region.service';

@ApiTags('regions')
@Controller('regions')
export class RegionController {
  constructor(private readonly regions: RegionService) {}

  @Get()
  @Access.signedIn()
  @ApiOkResponse({ type: [RegionSummaryResponseDto] })
  @ApiOperation({ operationId: 'listRegions', summary: 'The regions you may see, with member count and total population' })
  list(@CurrentUser() user: Principal): Promise<RegionSummaryResponseDto[]> {
    return this.regions.list(user.roles);
  }

  @Get(':id')
  @Access.region('read')
  @ApiOkResponse({ type: RegionResponseDto })
  @ApiOperation({ operationId: 'getRegion', summary: 'Read a region with its members, current and past' })
  @ApiErrors(400, 404)
  get(@IdParam() id: string): Promise<RegionResponseDto> {
    return this.regions.get(id);
  }

  @Post()
  @Access.admin()
  @ApiCreatedResponse({ type: RegionResponseDto })
  @ApiOperation({ operationId: 'createRegion', summary: 'Create a region, optionally with its members' })
  @ApiErrors(400, 404, 409, 422)
  create(@Body() dto: CreateRegionDto): Promise<RegionResponseDto> {
    return this.regions.create(dto);
  }

  @Patch(':id')
  @Access.admin()
  @ApiOkResponse({ type: RegionResponseDto })
  @ApiOperation({ operationId: 'updateRegion', summary: 'Change a region’s name, regionråd or description' })
  @ApiErrors(400, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateRegionDto): Promise<RegionResponseDto> {
    return this.regions.update(id, dto);
  }

  @Post(':id/members')
  @Access.admin()
  @ApiCreatedResponse({ type: RegionResponseDto })
  @ApiOperation({ operationId: 'addRegionMember', summary: 'Add a kommune to the region from a date' })
  @ApiErrors(400, 404, 409, 422)
  addMember(@IdParam() id: string, @Body() dto: AddMemberDto): Promise<RegionResponseDto> {
    return this.regions.addMember(id, dto);
  }

  @Patch(':id/members/:membershipId')
  @Access.admin()
  @ApiOkResponse({ type: RegionResponseDto })
  @ApiOperation({ operationId: 'updateRegionMembership', summary: 'Change a membership’s dates (set validTo when a kommune leaves)' })
  @ApiErrors(400, 404, 409, 422)
  updateMembership(
    @IdParam() id: string,
    @IdParam('membershipId') membershipId: string,
    @Body() dto: UpdateMembershipDto,
  ): Promise<RegionResponseDto> {
    return this.regions.updateMembership(id, membershipId, dto);
  }

  @Delete(':id/members/:membershipId')
  @Access.admin()
  @ApiOkResponse({ type: RegionResponseDto })
  @ApiOperation({ operationId: 'removeRegionMembership', summary: 'Delete a membership registered by mistake' })
  @ApiErrors(400, 404)
  removeMembership(@IdParam() id: string, @IdParam('membershipId') membershipId: string): Promise<RegionResponseDto> {
    return this.regions.removeMembership(id, membershipId);
  }

  @Get(':id/kommuner/:kommuneId/population')
  @Access.region('read')
  @ApiOkResponse({ type: PopulationHistoryResponseDto })
  @ApiOperation({
    operationId: 'getRegionKommunePopulation',
    summary: 'A member kommune’s population figures (newest first, with who recorded them) and every change to them',
  })
  @ApiErrors(400, 404)
  populationHistory(@IdParam() id: string, @IdParam('kommuneId') kommuneId: string): Promise<PopulationHistoryResponseDto> {
    return this.regions.populationHistory(id, kommuneId);
  }

  @Put(':id/kommuner/:kommuneId/population')
  @Access.region('administer')
  @ApiOkResponse({ type: PopulationFigureResponseDto })
  @ApiOperation({
    operationId: 'saveRegionKommunePopulation',
    summary: 'Record a member kommune’s population on a date, or correct the figure of that date; answers the figure saved',
  })
  @ApiErrors(400, 404)
  savePopulation(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('kommuneId') kommuneId: string,
    @Body() dto: PopulationDto,
  ): Promise<PopulationFigureResponseDto> {
    return this.regions.savePopulation(id, kommuneId, dto, user);
  }

  @Delete(':id/kommuner/:kommuneId/population/:asOf')
  @Access.region('administer')
  @ApiOkResponse({ type: PopulationHistoryResponseDto })
  @ApiOperation({
    operationId: 'deleteRegionKommunePopulation',
    summary: 'Delete a member kommune’s population figure of a date (e.g. one recorded with a wrong date)',
  })
  @ApiErrors(400, 404)
  deletePopulation(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('kommuneId') kommuneId: string,
    @DateParam('asOf') asOf: string,
  ): Promise<PopulationHistoryResponseDto> {
    return this.regions.deletePopulation(id, kommuneId, asOf, user);
  }
}
