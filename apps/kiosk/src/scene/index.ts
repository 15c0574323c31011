// The scene kit: draws a pack's Scene and reports taps on props. Its only public face.
export { SceneContent, SceneView, type SceneContentProps, type SceneViewProps } from './SceneView.tsx';
export type { RuyiSceneApi, SceneRenderInfo } from './testApi.ts';
export type { PropModelStatus } from './SceneProp.tsx';
export { PROP_MODELS, PropModel } from './PropModel.tsx';
