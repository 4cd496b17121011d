import { Module } from '@nestjs/common';
import { CaseRouteService } from './case-route.service';

/** A region's bodies and case route, and each gate case's steps through them. */
@Module({
  providers: [CaseRouteService],
  exports: [CaseRouteService],
})
export class CaseRouteModule {}
