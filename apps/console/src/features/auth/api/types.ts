import type { paths } from '@society-hub/client';

export type LoginBody = NonNullable<paths['/v1/auth/login']['post']['requestBody']>['content']['application/json'];
export type PasswordChangeBody = NonNullable<
  paths['/v1/auth/password']['post']['requestBody']
>['content']['application/json'];
