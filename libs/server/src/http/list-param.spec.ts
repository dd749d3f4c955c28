import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { booleanParam, listParam } from './list-param';

const STATES = ['active', 'acknowledged', 'resolved'] as const;

describe('listParam', () => {
  it.each<[string, string | string[], string[]]>([
    ['one value', 'active', ['active']],
    ['comma-separated values', 'active,resolved', ['active', 'resolved']],
    ['repeated parameters', ['active', 'acknowledged'], ['active', 'acknowledged']],
    ['repeated parameters that also hold commas', ['active,acknowledged', 'resolved'], ['active', 'acknowledged', 'resolved']],
    ['spaces around values', ' active , resolved ', ['active', 'resolved']],
    ['empty entries between commas', 'active,,resolved,', ['active', 'resolved']],
  ])('reads %s', (_, value, expected) => {
    expect(listParam('state', value, STATES)).toEqual(expected);
  });

  it('leaves an absent parameter absent', () => {
    expect(listParam('state', undefined, STATES)).toBeUndefined();
  });

  // `?state=` sent by a form with nothing chosen means "no filter", not "match nothing".
  it.each<[string | string[]]>([[''], [' '], [','], [['', '']]])('leaves a parameter with no values (%j) absent', (value) => {
    expect(listParam('state', value, STATES)).toBeUndefined();
  });

  it('refuses a value outside the choices with a 400 naming the parameter, the wrong values and the choices', () => {
    expect(() => listParam('state', 'active,open,closed', STATES)).toThrow(BadRequestException);
    expect(() => listParam('state', 'active,open,closed', STATES)).toThrow('state: "open", "closed" is not one of active, acknowledged, resolved');
  });

  it('is case-sensitive: choices are the API words exactly', () => {
    expect(() => listParam('state', 'Active', STATES)).toThrow('state: "Active" is not one of active, acknowledged, resolved');
  });
});

describe('booleanParam', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ] as const)('reads %s as %s', (text, expected) => {
    expect(booleanParam('degraded', text)).toBe(expected);
  });

  it('leaves an absent parameter absent', () => {
    expect(booleanParam('degraded', undefined)).toBeUndefined();
  });

  it.each(['', 'yes', 'TRUE', '2', 'true '])('refuses %j with a 400 naming the parameter', (text) => {
    expect(() => booleanParam('degraded', text)).toThrow(BadRequestException);
    expect(() => booleanParam('degraded', text)).toThrow(`degraded must be true or false, not "${text}"`);
  });
});
