import { Body, Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
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
}
