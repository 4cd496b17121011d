import { ApiParam } from '@nestjs/swagger';
import { PHASE_KEYS } from '@nvr/shared';

/** Documents the `:phaseKey` path parameter; the service answers 404 PHASE_NOT_FOUND for any other value. */
export const PhaseKeyParam = () => ApiParam({ name: 'phaseKey', enum: PHASE_KEYS });
