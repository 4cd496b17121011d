import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { SaveTemplateDto, TemplateVersionDto } from './template.dto';
import { TemplateService } from './template.service';

@ApiTags('templates')
@Controller('templates')
export class TemplateController {
  constructor(private readonly templates: TemplateService) {}

  @Get()
  @Access.signedIn()
  @ApiOkResponse({ type: [TemplateVersionDto] })
  @ApiOperation({ operationId: 'listTemplates', summary: 'The template library: the newest version of each template' })
  list(): Promise<TemplateVersionDto[]> {
    return this.templates.listLatest();
  }

  @Get(':key/versions')
  @Access.signedIn()
  @ApiOkResponse({ type: [TemplateVersionDto] })
  @ApiOperation({ operationId: 'listTemplateVersions', summary: 'Every version of a template, newest first' })
  @ApiErrors(404)
  versions(@Param('key') key: string): Promise<TemplateVersionDto[]> {
    return this.templates.versions(key);
  }

  @Get(':key/versions/:version')
  @Access.signedIn()
  @ApiOkResponse({ type: TemplateVersionDto })
  @ApiOperation({ operationId: 'getTemplateVersion', summary: 'One version of a template' })
  @ApiErrors(400, 404)
  version(@Param('key') key: string, @Param('version', ParseIntPipe) version: number): Promise<TemplateVersionDto> {
    return this.templates.version(key, version);
  }

  @Put(':key')
  @Access.admin()
  @ApiOkResponse({ type: TemplateVersionDto })
  @ApiOperation({ operationId: 'saveTemplate', summary: 'Save an edited template as its next version (admin)' })
  @ApiErrors(400, 404, 409)
  save(@CurrentUser() user: Principal, @Param('key') key: string, @Body() dto: SaveTemplateDto): Promise<TemplateVersionDto> {
    return this.templates.save(key, dto, user);
  }
}
