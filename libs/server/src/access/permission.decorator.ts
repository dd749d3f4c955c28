import type { Permission } from '@hydro/domain';
import { SetMetadata } from '@nestjs/common';

export const PERMISSION_KEY = 'hydro:permission';

/** What a route needs; routes under /api without it need `read`. */
export const Requires = (permission: Permission): MethodDecorator & ClassDecorator => SetMetadata(PERMISSION_KEY, permission);
