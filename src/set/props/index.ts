import type { PropType } from '../../content/types';
import type { PropBuilder } from '../prop-types';
import { ART_PROPS } from './art';
import { CAMERA_PROPS } from './camera';
import { HOT_SET_PROPS } from './hot-set';
import { LIGHTING_PROPS } from './lighting';
import { OFFICE_PROPS } from './office';
import { SOUND_GRIP_PROPS } from './sound-grip';
import { TECH_PROPS } from './tech';

/** One builder per prop type; the Record type makes a missing type a compile error. */
export const PROP_BUILDERS: Readonly<Record<PropType, PropBuilder>> = {
  ...CAMERA_PROPS,
  ...LIGHTING_PROPS,
  ...SOUND_GRIP_PROPS,
  ...ART_PROPS,
  ...OFFICE_PROPS,
  ...TECH_PROPS,
  ...HOT_SET_PROPS,
};
