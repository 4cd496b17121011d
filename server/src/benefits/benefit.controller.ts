import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { PersonDto } from '../common/person.dto';
import { IdParam } from '../common/validation';
import { fileResponse } from '../files/file-endpoints';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  BenefitDto,
  BenefitExportQueryDto,
  BenefitRegisterDto,
  BenefitReportQueryDto,
  CreateBenefitDto,
  CreateIndicatorDto,
  CreateMeasurementDto,
  RegionBenefitsDto,
  UpdateBenefitDto,
  UpdateIndicatorDto,
  UpdateMeasurementDto,
} from './benefit.dto';
import { BenefitService } from './benefit.service';
import { BenefitFileService } from './benefit-files.service';
import { BenefitMeasurementService } from './benefit-measurement.service';
import { BenefitRegionService } from './benefit-region.service';
import { BenefitRegisterService } from './benefit-register.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const binary = { schema: { type: 'string', format: 'binary' } } as const;

/**
 * A project's benefits register. Every route needs the project's read access; who may write depends on
 * the project's state and on the benefit's owner (shared mayEditBenefits, mayRecordMeasurement), so the
 * service checks it and answers 403.
 */
@ApiTags('benefits')
@Controller('projects/:id/benefits')
export class BenefitController {
  constructor(
    private readonly benefits: BenefitService,
    private readonly changes: BenefitRegisterService,
    private readonly measurements: BenefitMeasurementService,
    private readonly files: BenefitFileService,
  ) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: BenefitRegisterDto })
  @ApiOperation({
    operationId: 'getBenefitRegister',
    summary: 'The benefits register: benefits with owner, indicators, measurements and trends',
  })
  @ApiErrors(400)
  register(@CurrentUser() user: Principal, @IdParam() id: string): Promise<BenefitRegisterDto> {
    return this.benefits.register(id, user);
  }

  @Post()
  @Access.project('read')
  @ApiCreatedResponse({ type: BenefitDto })
  @ApiOperation({
    operationId: 'createBenefit',
    summary:
      'Add a benefit (gevinst) with its owner, optionally under a plan’s benefit area and with indicators (project editors, regionråd)',
  })
  @ApiErrors(400, 409, 422)
  create(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateBenefitDto): Promise<BenefitDto> {
    return this.changes.create(id, dto, user);
  }

  @Get('owners')
  @Access.project('read')
  @ApiOkResponse({ type: [PersonDto] })
  @ApiOperation({
    operationId: 'listBenefitOwners',
    summary: 'The people who may own a benefit: the project’s leader and members, the region’s regionråd and kommune contacts',
  })
  @ApiErrors(400)
  owners(@CurrentUser() user: Principal, @IdParam() id: string): Promise<PersonDto[]> {
    return this.benefits.owners(id, user);
  }

  @Get('export')
  @Access.project('read')
  @ApiProduces('text/csv', XLSX)
  @ApiOkResponse({ description: 'The register as a file', content: { 'text/csv': { schema: { type: 'string' } }, [XLSX]: binary } })
  @ApiOperation({
    operationId: 'exportBenefits',
    summary:
      'Download the register as CSV (semicolons, UTF-8 with BOM, for Norwegian Excel) or Excel: a row per indicator, and every measurement',
  })
  @ApiErrors(400)
  async export(@CurrentUser() user: Principal, @IdParam() id: string, @Query() q: BenefitExportQueryDto): Promise<StreamableFile> {
    return fileResponse(await this.files.export(id, q, user));
  }

  @Get('report')
  @Access.project('read')
  @ApiProduces('application/pdf', DOCX)
  @ApiOkResponse({ description: 'The benefits report', content: { 'application/pdf': binary, [DOCX]: binary } })
  @ApiOperation({ operationId: 'downloadBenefitReport', summary: 'The benefits report (gevinstrapport) as PDF or Word, in nb, nn or en' })
  @ApiErrors(400)
  async report(@CurrentUser() user: Principal, @IdParam() id: string, @Query() q: BenefitReportQueryDto): Promise<StreamableFile> {
    return fileResponse(await this.files.report(id, q, user));
  }

  @Patch(':benefitId')
  @Access.project('read')
  @ApiOkResponse({ type: BenefitDto })
  @ApiOperation({ operationId: 'updateBenefit', summary: 'Change a benefit: title, description, benefit area, owner' })
  @ApiErrors(400, 409, 422)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('benefitId') benefitId: string,
    @Body() dto: UpdateBenefitDto,
  ): Promise<BenefitDto> {
    return this.changes.update(id, benefitId, dto, user);
  }

  @Delete(':benefitId')
  @HttpCode(204)
  @Access.project('read')
  @ApiNoContentResponse({ description: 'The benefit and its indicators are deleted' })
  @ApiOperation({ operationId: 'deleteBenefit', summary: 'Delete a benefit that has no measurements' })
  @ApiErrors(400, 409)
  remove(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('benefitId') benefitId: string): Promise<void> {
    return this.changes.remove(id, benefitId, user);
  }

  @Post(':benefitId/indicators')
  @Access.project('read')
  @ApiCreatedResponse({ type: BenefitDto, description: 'The benefit with the new indicator' })
  @ApiOperation({ operationId: 'addBenefitIndicator', summary: 'Add an indicator: unit, start value and date, target value and date' })
  @ApiErrors(400, 409, 422)
  addIndicator(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('benefitId') benefitId: string,
    @Body() dto: CreateIndicatorDto,
  ): Promise<BenefitDto> {
    return this.changes.addIndicator(id, benefitId, dto, user);
  }

  @Patch(':benefitId/indicators/:indicatorId')
  @Access.project('read')
  @ApiOkResponse({ type: BenefitDto })
  @ApiOperation({
    operationId: 'updateBenefitIndicator',
    summary: 'Change an indicator, or close it (no longer followed up) or open it again',
  })
  @ApiErrors(400, 409, 422)
  updateIndicator(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('benefitId') benefitId: string,
    @IdParam('indicatorId') indicatorId: string,
    @Body() dto: UpdateIndicatorDto,
  ): Promise<BenefitDto> {
    return this.changes.updateIndicator(id, benefitId, indicatorId, dto, user);
  }

  @Delete(':benefitId/indicators/:indicatorId')
  @Access.project('read')
  @ApiOkResponse({ type: BenefitDto, description: 'The benefit without the indicator' })
  @ApiOperation({ operationId: 'deleteBenefitIndicator', summary: 'Delete an indicator that has no measurements' })
  @ApiErrors(400, 409)
  removeIndicator(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('benefitId') benefitId: string,
    @IdParam('indicatorId') indicatorId: string,
  ): Promise<BenefitDto> {
    return this.changes.removeIndicator(id, benefitId, indicatorId, user);
  }

  @Post(':benefitId/indicators/:indicatorId/measurements')
  @Access.project('read')
  @ApiCreatedResponse({ type: BenefitDto, description: 'The benefit with the new measurement and its trend' })
  @ApiOperation({
    operationId: 'recordBenefitMeasurement',
    summary: 'Record a measurement (date, value, comment); also after the project has ended, by the benefit’s owner or the regionråd',
  })
  @ApiErrors(400, 409, 422)
  addMeasurement(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('benefitId') benefitId: string,
    @IdParam('indicatorId') indicatorId: string,
    @Body() dto: CreateMeasurementDto,
  ): Promise<BenefitDto> {
    return this.measurements.addMeasurement(id, benefitId, indicatorId, dto, user);
  }

  @Patch(':benefitId/indicators/:indicatorId/measurements/:measurementId')
  @Access.project('read')
  @ApiOkResponse({ type: BenefitDto })
  @ApiOperation({ operationId: 'updateBenefitMeasurement', summary: 'Correct a measurement' })
  @ApiErrors(400, 409, 422)
  updateMeasurement(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('benefitId') benefitId: string,
    @IdParam('indicatorId') indicatorId: string,
    @IdParam('measurementId') measurementId: string,
    @Body() dto: UpdateMeasurementDto,
  ): Promise<BenefitDto> {
    return this.measurements.updateMeasurement(id, benefitId, indicatorId, measurementId, dto, user);
  }

  @Delete(':benefitId/indicators/:indicatorId/measurements/:measurementId')
  @Access.project('read')
  @ApiOkResponse({ type: BenefitDto })
  @ApiOperation({ operationId: 'deleteBenefitMeasurement', summary: 'Delete a measurement recorded by mistake' })
  @ApiErrors(400)
  removeMeasurement(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('benefitId') benefitId: string,
    @IdParam('indicatorId') indicatorId: string,
    @IdParam('measurementId') measurementId: string,
  ): Promise<BenefitDto> {
    return this.measurements.removeMeasurement(id, benefitId, indicatorId, measurementId, user);
  }
}

/** The benefits of all the region's projects the reader may see, for the regionråd's follow-up after the projects. */
@ApiTags('benefits', 'regions')
@Controller('regions/:id/benefits')
export class RegionBenefitController {
  constructor(private readonly benefits: BenefitRegionService) {}

  @Get()
  @Access.region('read')
  @ApiOkResponse({ type: RegionBenefitsDto })
  @ApiOperation({
    operationId: 'getRegionBenefits',
    summary:
      'Every benefit of the region’s projects the reader may see, with trends: the regionråd’s follow-up also after the projects end',
  })
  @ApiErrors(400)
  region(@CurrentUser() user: Principal, @IdParam() id: string): Promise<RegionBenefitsDto> {
    return this.benefits.region(id, user);
  }
}
