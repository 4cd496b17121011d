import { Module } from '@nestjs/common';
import { InvitationModule } from '../invitations/invitation.module';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import './oidc.errors'; // declares this feature's error codes

/** Sign-in with OpenID Connect providers (Entra ID, ID-porten, …) configured by environment. */
@Module({
  imports: [InvitationModule],
  controllers: [OidcController],
  providers: [OidcService],
})
export class OidcModule {}
