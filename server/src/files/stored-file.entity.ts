import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUser } from '../users/user.entity';

/** An uploaded file, stored in the database with its SHA-256. */
@Entity('stored_file')
@Check('stored_file_size', `size_bytes > 0`)
export class StoredFile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'stored_file_pkey' })
  id: string;

  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  /** The bytes; not loaded unless asked for (`select: [..., 'data']` or `addSelect`). */
  @Column({ type: 'bytea', select: false })
  data?: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'stored_file_uploaded_by_fkey' })
  uploader?: AppUser | null;
}
