import { Module } from '@nestjs/common';
import { DocumentModule } from '../documents/document.module';
import { ProjectModule } from '../projects/project.module';
import { ArchiveController } from './archive.controller';
import { ArchiveService } from './archive.service';
import './archive.errors'; // declares this feature's error codes
import '../documents/document.errors'; // the case documents it renders can refuse with these

/**
 * Archive export: a project's cases as a Noark 5 arkivuttrekk, and one gate's case as a package for the
 * kommuner. It renders the saksframlegg and protokollutdrag with the documents feature's DocumentService.
 */
@Module({
  imports: [ProjectModule, DocumentModule],
  controllers: [ArchiveController],
  providers: [ArchiveService],
})
export class ArchiveModule {}
