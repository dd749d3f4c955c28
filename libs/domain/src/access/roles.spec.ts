import { can, ROLES, rolesThatCan } from './roles';

describe('roles', () => {
  it.each([
    ['forecaster', 'acknowledge_flood', true],
    ['forecaster', 'acknowledge_equipment', false],
    ['forecaster', 'maintain', false],
    ['maintainer', 'maintain', true],
    ['maintainer', 'acknowledge_equipment', true],
    ['maintainer', 'acknowledge_flood', false],
    ['dispatcher', 'read', true],
    ['dispatcher', 'acknowledge_flood', false],
    ['dispatcher', 'maintain', false],
    ['forecaster', 'administer', false],
    ['admin', 'administer', true],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('lets every role read, and names who may do what', () => {
    expect(ROLES.every((role) => can(role, 'read'))).toBe(true);
    expect(rolesThatCan('maintain')).toEqual(['maintainer', 'admin']);
  });
});
