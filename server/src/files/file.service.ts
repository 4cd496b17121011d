import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { queryOne } from '../database/sql';
import type { CheckedFile } from './file-validation';

export class FileInfoDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Sluttrapport forstudie.pdf' })
  filename: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType: string;

  @ApiProperty()
  sizeBytes: number;

  @ApiProperty({ format: 'date-time' })
  uploadedAt: string;
}

export interface FileContent {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** A stored file's description, as `RETURNING`/`SELECT id, filename, content_type, size_bytes, uploaded_at` answers it. */
export interface StoredFileRow {
  id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  uploaded_at: Date;
}

interface StoredFileContentRow {
  filename: string;
  content_type: string;
  data: Buffer;
}

/** Files kept in Postgres (bytea), so every API instance sees them without shared disks. */
@Injectable()
export class FileService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async store(tx: EntityManager, file: CheckedFile, uploadedBy: string): Promise<FileInfoDto> {
    const row = await queryOne<StoredFileRow>(
      tx,
      `INSERT INTO stored_file (filename, content_type, size_bytes, sha256, data, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, filename, content_type, size_bytes, uploaded_at`,
      [file.filename, file.contentType, file.size, file.sha256, file.data, uploadedBy],
    );
    if (!row) throw new Error('INSERT … RETURNING answered no row');
    return mapFile(row);
  }

  async read(fileId: string, em: EntityManager = this.db.manager): Promise<FileContent> {
    const row = await queryOne<StoredFileContentRow>(em, `SELECT filename, content_type, data FROM stored_file WHERE id = $1`, [fileId]);
    if (!row) throw new DomainError('FILE_NOT_FOUND', `There is no file with id ${fileId}.`);
    return { filename: row.filename, contentType: row.content_type, data: row.data };
  }
}

export function mapFile(row: StoredFileRow): FileInfoDto {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}
