import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { NewPasswordDto } from '../auth/auth.dto';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { CreateUserDto, SetRolesDto, UpdateUserDto, UserResponseDto } from './user.dto';
import { UserService } from './user.service';
import { PersonDto } from '../common/person.dto';

@ApiTags('users')
@Controller('users')
export class UserController {
  constructor(private readonly users: UserService) {}

  @Get()
  @Access.admin()
  @ApiOkResponse({ type: [UserResponseDto] })
  @ApiOperation({ operationId: 'listUsers', summary: 'Every account with its roles (admin)' })
  list(): Promise<UserResponseDto[]> {
    return this.users.list();
  }

  @Get('directory')
  @Access.signedIn()
  @ApiOkResponse({ type: [PersonDto] })
  @ApiOperation({
    operationId: 'listPeople',
    summary: 'Names and e-mail of the active accounts one shares a region or a project with (every account, for admins)',
    description:
      'For choosing a project team and seeing who takes part. A region role (regionråd, adviser, kommune contact) sees everyone with a role in that region or its projects; a project role sees the people of that project and the region roles of its region. Accounts of other regions and accounts with no role are not listed.',
  })
  directory(@CurrentUser() me: Principal): Promise<PersonDto[]> {
    return this.users.directory(me.roles);
  }

  @Get(':id')
  @Access.admin()
  @ApiOkResponse({ type: UserResponseDto })
  @ApiOperation({ operationId: 'getUser', summary: 'One account with its roles (admin)' })
  @ApiErrors(400, 404)
  get(@IdParam() id: string): Promise<UserResponseDto> {
    return this.users.get(id);
  }

  @Post()
  @Access.admin()
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiOperation({ operationId: 'createUser', summary: 'Create an account with a first password and roles (admin)' })
  @ApiErrors(400, 404, 409, 422)
  create(@Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @Access.admin()
  @ApiOkResponse({ type: UserResponseDto })
  @ApiOperation({ operationId: 'updateUser', summary: 'Change name, e-mail, or deactivate an account (admin)' })
  @ApiErrors(400, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateUserDto, @CurrentUser() me: Principal): Promise<UserResponseDto> {
    return this.users.update(id, dto, me.userId);
  }

  @Put(':id/roles')
  @Access.admin()
  @ApiOkResponse({ type: UserResponseDto })
  @ApiOperation({ operationId: 'setUserRoles', summary: 'Replace the roles of an account (admin)' })
  @ApiErrors(400, 404, 409, 422)
  setRoles(@IdParam() id: string, @Body() dto: SetRolesDto): Promise<UserResponseDto> {
    return this.users.setRoles(id, dto.roles);
  }

  @Post(':id/password')
  @HttpCode(204)
  @Access.admin()
  @ApiOperation({ operationId: 'setUserPassword', summary: 'Set a new password for an account; ends its sessions (admin)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  setPassword(@IdParam() id: string, @Body() dto: NewPasswordDto): Promise<void> {
    return this.users.setPassword(id, dto.newPassword);
  }
}
