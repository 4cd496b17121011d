import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInOslo, type RoleAssignment } from '@nvr/shared';
import { DataSource } from 'typeorm';
import { UserService } from '../users/user.service';
import { ProjectPageDto } from './project.dto';
import { toProjectDto } from './project.service';
import { loadProjectPage } from './project-page.queries';

/**
 * A project's page in one answer (issue #13): the project, its history, and for those who manage it the
 * people and kommuner to choose from. One statement reads the project, and one more the people directory
 * for those who manage it (besides the access rule's check).
 */
@Injectable()
export class ProjectPageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserService,
  ) {}

  async page(projectId: string, roles: readonly RoleAssignment[]): Promise<ProjectPageDto> {
    const page = await loadProjectPage(this.db, projectId, todayInOslo());
    const project = toProjectDto(page.project, roles);
    // What only those who manage the project use (the team and kommuner dialogs): the same people as the directory answers them.
    const manage = project.permissions.manage;
    return {
      project,
      history: page.history,
      people: manage ? await this.users.directory(roles) : null,
      regionKommuner: manage ? page.regionKommuner : null,
    };
  }
}
