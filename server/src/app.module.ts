import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from './config/app-config.token';
import type { AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { KommuneModule } from './kommuner/kommune.module';
import { ProjectModule } from './projects/project.module';
import { TemplateModule } from './templates/template.module';
import { PlanModule } from './plans/plan.module';
import { DeliverableModule } from './deliverables/deliverable.module';
import { GateModule } from './gates/gate.module';
import { CaseRouteModule } from './case-route/case-route.module';
import { KommuneCaseModule } from './kommune-cases/kommune-case.module';
import { DocumentModule } from './documents/document.module';
import { ArchiveModule } from './archive/archive.module';
import { RegionModule } from './regions/region.module';
import { UserModule } from './users/user.module';
import { StatusReportModule } from './status-reports/status-report.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { CommentModule } from './comments/comment.module';
import { NotificationModule } from './notifications/notification.module';
import { InboxModule } from './inbox/inbox.module';
import { SurveyModule } from './surveys/survey.module';
import { ConversationModule } from './conversations/conversation.module';
import { RecommendationModule } from './recommendations/recommendation.module';
import { BenefitModule } from './benefits/benefit.module';
import { RiskModule } from './risks/risk.module';
import { ClosingModule } from './closing/closing.module';
import { InvitationModule } from './invitations/invitation.module';
import { OidcModule } from './oidc/oidc.module';

@Module({})
export class AppModule {
  /** `databaseUrl` is resolved by the caller (embedded or external Postgres). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        AuthModule,
        UserModule,
        KommuneModule,
        RegionModule,
        ProjectModule,
        TemplateModule,
        PlanModule,
        DeliverableModule,
        CaseRouteModule,
        KommuneCaseModule,
        GateModule,
        DocumentModule,
        ArchiveModule,
        StatusReportModule,
        PortfolioModule,
        CommentModule,
        NotificationModule,
        InboxModule,
        SurveyModule,
        ConversationModule,
        RecommendationModule,
        BenefitModule,
        RiskModule,
        ClosingModule,
        InvitationModule,
        OidcModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
