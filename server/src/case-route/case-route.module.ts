import { Module } from '@nestjs/common';
import { FileModule } from '../files/file.module';
import { NotificationModule } from '../notifications/notification.module';
import { ProjectModule } from '../projects/project.module';
import { CaseRouteController, CaseStepController } from './case-route.controller';
import { CaseRouteService } from './case-route.service';
import './case-route.errors'; // declares this feature's error codes

/** A region's bodies and case route, and each gate case's steps through them. */
@Module({
  imports: [ProjectModule, FileModule, NotificationModule],
  controllers: [CaseRouteController, CaseStepController],
  providers: [CaseRouteService],
  exports: [CaseRouteService],
})
export class CaseRouteModule {}
