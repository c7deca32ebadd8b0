import { Type } from 'typebox';

export const LiveSchema = Type.Object({ status: Type.Literal('ok') });

export const ReadySchema = Type.Object({
  status: Type.Enum(['ready', 'not-ready']),
  redis: Type.Enum(['up', 'down']),
  networkVersion: Type.Union([Type.String(), Type.Null()]),
});
