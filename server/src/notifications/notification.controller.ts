import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ListNotificationsQueryDto, NotificationDto, NotificationListDto, ReadAllDto, UnreadCountDto } from './notification.dto';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Access.signedIn()
  @ApiOkResponse({ type: NotificationListDto })
  @ApiOperation({
    operationId: 'listNotifications',
    summary: 'Your notifications (mentions, hand-overs and reminders), newest first, with the unread count',
  })
  @ApiErrors(400)
  list(@CurrentUser() user: Principal, @Query() query: ListNotificationsQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(user, query);
  }

  @Get('unread-count')
  @Access.signedIn()
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiOperation({ operationId: 'getUnreadNotificationCount', summary: 'How many of your notifications are unread' })
  unreadCount(@CurrentUser() user: Principal): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(user);
  }

  @Post('read-all')
  @HttpCode(200)
  @Access.signedIn()
  @ApiOkResponse({ type: ReadAllDto })
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: 'Mark all your notifications read' })
  readAll(@CurrentUser() user: Principal): Promise<ReadAllDto> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access.signedIn()
  @ApiOkResponse({ type: NotificationDto })
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark one of your notifications read' })
  @ApiErrors(400, 404)
  read(@CurrentUser() user: Principal, @IdParam() id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }
}
