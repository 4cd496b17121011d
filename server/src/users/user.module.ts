import { Module } from '@nestjs/common';
import { UserController } from './user.controller';
import { UserService } from './user.service';
import './user.errors'; // declares this feature's error codes

@Module({ controllers: [UserController], providers: [UserService], exports: [UserService] })
export class UserModule {}
