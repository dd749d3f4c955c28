import { Module } from '@nestjs/common';
import { SimulationLifecycle } from './simulation-lifecycle';

/** The station simulator inside the centre (SIMULATE); idle when SIMULATE=off. */
@Module({ providers: [SimulationLifecycle] })
export class SimulationModule {}
