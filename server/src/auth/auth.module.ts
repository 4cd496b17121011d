import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/app-config';
import { AuthChangeListener } from './auth-change-listener';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionCache } from './session-cache';
import { SessionService } from './session.service';
import './auth.errors'; // declares this feature's error codes

/** Sessions kept per instance at most; beyond it the oldest is forgotten. */
const SESSION_CACHE_MAX_ENTRIES = 10_000;

@Global()
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionService,
    {
      provide: SessionCache,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new SessionCache({ ttlMs: config.sessionCacheSeconds * 1000, maxEntries: SESSION_CACHE_MAX_ENTRIES }),
    },
    AuthChangeListener,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService, AuthService],
})
export class AuthModule {}
