// The ES module build of react-three-fiber, which tests load in place of its CommonJS main (see headlessScene.ts).
declare module '@react-three/fiber/dist/react-three-fiber.esm.js' {
  export * from '@react-three/fiber';
}
