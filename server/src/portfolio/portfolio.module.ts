import { Module } from '@nestjs/common';
import { PortfolioController } from './portfolio.controller';
import { PortfolioService } from './portfolio.service';
import './portfolio.errors'; // declares this feature's error codes

/** The adviser's national view: every followed project, its timeline, and an export for Excel. */
@Module({
  controllers: [PortfolioController],
  providers: [PortfolioService],
})
export class PortfolioModule {}
