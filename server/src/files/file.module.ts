import { Module } from '@nestjs/common';
import { FileService } from './file.service';
import './file.errors'; // declares this feature's error codes

/** Uploaded files (PDF, DOCX), stored in the database. */
@Module({
  providers: [FileService],
  exports: [FileService],
})
export class FileModule {}
