import { ROLES, type Role } from '@hydro/domain';
import { IsIn, IsString, Length } from 'class-validator';

export class IssueTokenDto {
  /** Who or what holds it: "duty desk 2", "SMS gateway". */
  @IsString() @Length(1, 80)
  name!: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
