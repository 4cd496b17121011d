import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from '../../src/auth/access.decorator';

export interface RouteInfo {
  method: string;
  path: string;
  handler: string;
  rule: AccessRule | undefined;
}

/** Every route of the running app, read from Nest's own metadata. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      const proto = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, fn);
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number];
        const path = `/api/${[base, String(sub)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '');
        const rule = Reflect.getMetadata(ACCESS_RULE, fn) ?? Reflect.getMetadata(ACCESS_RULE, type);
        routes.push({ method, path, handler: `${type.name}.${name}`, rule });
      }
    }
  }
  return routes;
}

/** A concrete URL for a route pattern, with a well-formed UUID for every parameter. */
export function concretePath(path: string, id = '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b'): string {
  return path.replace(/:[A-Za-z]+/g, id);
}
