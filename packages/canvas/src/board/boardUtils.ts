import { MotionShapeUtil } from '../storyboard/MotionShapeUtil'
import { ShotShapeUtil } from '../storyboard/ShotShapeUtil'
import { AnnotationBindingUtil, ReferenceBindingUtil } from '../storyboard/storyboardBindingUtils'

// Every custom shape and binding type in the shared board schema needs its util in every editor
// that shows a board (the live canvas, a read-only snapshot), or the editor refuses the store.
export const boardShapeUtils = [ShotShapeUtil, MotionShapeUtil]
export const boardBindingUtils = [ReferenceBindingUtil, AnnotationBindingUtil]
