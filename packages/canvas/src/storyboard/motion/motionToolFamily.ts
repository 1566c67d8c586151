import { atom } from 'tldraw'
import type { MotionFamily } from './motionFamilies'

/** The move the camera-move tool puts on a shot next; chosen in the tool's palette. */
export const motionToolFamily = atom<MotionFamily>('camera-move tool family', 'pan')
