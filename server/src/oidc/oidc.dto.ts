import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Optional } from '../common/validation';

export class ProviderDto {
  @ApiProperty({ example: 'entra' })
  id: string;

  @ApiProperty({ example: 'Microsoft Entra ID' })
  name: string;
}

/** How one may sign in here. */
export class SignInOptionsDto {
  @ApiProperty({ enum: ['on', 'off'], description: 'off: only break-glass administrators sign in with a password' })
  passwordSignIn: 'on' | 'off';

  @ApiProperty({ type: [ProviderDto] })
  providers: ProviderDto[];
}

/** A provider identity linked to the signed-in person's account. */
export class LinkedProviderDto {
  @ApiProperty({ example: 'entra', description: 'The provider’s id' })
  provider: string;

  @ApiProperty({ example: 'Microsoft Entra ID', description: 'Its display name (the id when the provider is no longer configured)' })
  name: string;

  @ApiProperty({ format: 'date-time' })
  linkedAt: string;
}

export class StartSignInQueryDto {
  @ApiProperty({ example: 'entra', description: 'The provider’s id' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,30}$/, { message: '$property must be a provider id' })
  provider: string;

  @ApiPropertyOptional({ description: 'The code of an invitation link to accept by this sign-in' })
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: '$property must be the code from the invitation link' })
  invitation?: string;
}

export class CallbackQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  code?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  state?: string;

  @ApiPropertyOptional({ description: 'Set by the provider when the sign-in was refused or cancelled' })
  @Optional()
  @IsString()
  error?: string;
}

export class LinkProviderDto {
  @ApiProperty({ example: 'entra' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,30}$/, { message: '$property must be a provider id' })
  provider: string;
}

export class RedirectDto {
  @ApiProperty({ nullable: true, type: String, description: 'Where the browser goes next (null: nowhere, stay in the app)' })
  redirectUrl: string | null;
}
