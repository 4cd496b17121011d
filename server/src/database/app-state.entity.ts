import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Facts about the installation itself, e.g. when the demo data was loaded. */
@Entity('app_state')
export class AppState {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'app_state_pkey' })
  key: string;

  @Column({ type: 'text' })
  value: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
