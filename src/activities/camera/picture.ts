import * as THREE from 'three';
import { SET_LAYER } from '../../take/monitor';

/**
 * The camera's picture, as its monitor shows it: the set drawn from the lens into a render target
 * with a depth texture, then one pass over that picture.
 *
 * - Depth of field. Each pixel's distance comes from the depth texture, and its blur circle from
 *   the thin-lens formula (the same as params.ts blurMm: f² / (N (S − f)) × |D − S| / D, as a share
 *   of the sensor's width, then in pixels). A pixel gathers 40 taps on a disc as wide as the
 *   largest blur drawn; a tap counts if its own blur reaches the pixel and it is nearer (a soft
 *   foreground spills over what is behind it) or the pixel is itself that blurred. So the actor
 *   not in focus, and the painted flat behind, are as soft as that lens at that stop makes them.
 * - Focus peaking, as on a focus puller's monitor: a hard edge where the picture is in focus (its
 *   blur under a pixel and a half) is tinted red; a blurred edge has no hard step left to show.
 * - The monitor's marks on top: the camera's status line, the focus aid's brackets round the face
 *   in focus and, when the visitor compares, the storyboard's sketch in yellow lines.
 *
 * It runs only when asked (a control changed, or the card opened): the set in one frame, the pass
 * in the next, then the screen shows the finished picture until the next change.
 */

export const PICTURE_SIZE = { width: 640, height: 360 } as const;
const SIZE = PICTURE_SIZE;
/** The widest blur drawn, pixels across: beyond it a far background is simply as soft as this. */
const MAX_BLUR_PX = 30;
const TAPS = 40;

const quadVertex = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}`;

const pictureFragment = /* glsl */ `
#include <packing>
uniform sampler2D tColor;
uniform sampler2D tDepth;
uniform sampler2D tOverlay;
uniform sampler2D tGhost;
uniform float ghostOn;
uniform vec2 texel;
uniform float cameraNear;
uniform float cameraFar;
uniform float focusM;
uniform float cocScale;
uniform float maxRadius;
varying vec2 vUv;

float distanceAt(vec2 uv) {
  return -perspectiveDepthToViewZ(texture2D(tDepth, uv).x, cameraNear, cameraFar);
}

// Blur circle radius in pixels of something D metres away (cocScale folds f, N and the sensor in).
float radiusAt(float D) {
  return min(maxRadius, 0.5 * cocScale * abs(D - focusM) / max(D, 0.001));
}

float luma(vec2 uv) {
  return dot(texture2D(tColor, uv).rgb, vec3(0.2126, 0.7152, 0.0722));
}

void main() {
  float centreD = distanceAt(vUv);
  float centreR = radiusAt(centreD);
  vec3 sum = texture2D(tColor, vUv).rgb;
  float weight = 1.0;
  for (int i = 1; i < ${TAPS}; i++) {
    float k = float(i) / float(${TAPS});
    float dist = sqrt(k) * maxRadius;
    float a = float(i) * 2.39996;
    vec2 uv = vUv + vec2(cos(a), sin(a)) * dist * texel;
    float D = distanceAt(uv);
    float r = radiusAt(D);
    // A tap belongs to this pixel's blur if its own circle reaches here and it is in front (or this pixel is as blurred).
    float reaches = smoothstep(dist - 1.0, dist + 0.5, r);
    float inFront = D < centreD + 0.05 ? 1.0 : smoothstep(dist - 1.0, dist + 0.5, centreR);
    float w = reaches * inFront;
    sum += texture2D(tColor, uv).rgb * w;
    weight += w;
  }
  vec3 c = sum / weight;
  // Peaking: a big step between neighbours, where this pixel is in focus.
  float gx = luma(vUv + vec2(texel.x, 0.0)) - luma(vUv - vec2(texel.x, 0.0));
  float gy = luma(vUv + vec2(0.0, texel.y)) - luma(vUv - vec2(0.0, texel.y));
  float edge = smoothstep(0.05, 0.12, sqrt(gx * gx + gy * gy)) * (1.0 - smoothstep(0.75, 1.5, centreR));
  c = mix(c, vec3(1.0, 0.05, 0.03), edge * 0.85);
  vec4 ghost = texture2D(tGhost, vUv);
  c = mix(c, ghost.rgb, ghost.a * ghostOn);
  vec4 o = texture2D(tOverlay, vUv);
  c = mix(c, o.rgb, o.a);
  gl_FragColor = vec4(c, 1.0);
}`;

export interface Optics {
  /** Vertical angle of view, degrees. */
  readonly fov: number;
  readonly focalMm: number;
  readonly stop: number;
  readonly sensorWidthMm: number;
  readonly focusM: number;
}

export class Picture {
  readonly camera = new THREE.PerspectiveCamera(40, SIZE.width / SIZE.height, 0.2, 40);
  /** The finished picture, for the screen's material. */
  readonly texture: THREE.Texture;
  private readonly sceneTarget: THREE.WebGLRenderTarget;
  private readonly finalTarget: THREE.WebGLRenderTarget;
  private readonly quad: THREE.Mesh<THREE.PlaneGeometry, THREE.ShaderMaterial>;
  private readonly quadScene = new THREE.Scene();
  private readonly quadCamera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly material: THREE.ShaderMaterial;
  /** The pass to run next frame: 0 none, 1 the set, 2 the picture's pass. */
  private stage = 0;
  /** False until the programs the passes need are compiled (see warm). */
  private ready = true;
  /** Tests and the bench: pictures finished and passes run. */
  readonly stats = { pictures: 0, passes: 0 };

  constructor(overlay: THREE.Texture, ghost: THREE.Texture) {
    const depthTexture = new THREE.DepthTexture(SIZE.width, SIZE.height);
    this.sceneTarget = new THREE.WebGLRenderTarget(SIZE.width, SIZE.height, { depthBuffer: true, depthTexture });
    this.finalTarget = new THREE.WebGLRenderTarget(SIZE.width, SIZE.height, { depthBuffer: false });
    this.texture = this.finalTarget.texture;
    this.material = new THREE.ShaderMaterial({
      vertexShader: quadVertex,
      fragmentShader: pictureFragment,
      uniforms: {
        tColor: { value: this.sceneTarget.texture },
        tDepth: { value: depthTexture },
        tOverlay: { value: overlay },
        tGhost: { value: ghost },
        ghostOn: { value: 0 },
        texel: { value: new THREE.Vector2(1 / SIZE.width, 1 / SIZE.height) },
        cameraNear: { value: this.camera.near },
        cameraFar: { value: this.camera.far },
        focusM: { value: 2 },
        cocScale: { value: 0 },
        maxRadius: { value: MAX_BLUR_PX / 2 },
      },
      depthTest: false,
      depthWrite: false,
    });
    this.quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.material);
    this.quad.frustumCulled = false;
    this.quadScene.add(this.quad);
    this.camera.layers.set(SET_LAYER);
    // The name every monitor's camera has (src/take/monitor.ts): the bench counts a monitor's
    // render with the frame's draw calls but apart from the triangles of the visitor's view.
    this.camera.name = 'take-monitor-camera';
  }

  /** Sets the lens: angle of view, and the blur the depth-of-field pass will draw. */
  setOptics(o: Optics): void {
    this.camera.fov = o.fov;
    this.camera.updateProjectionMatrix();
    const u = this.material.uniforms;
    u['focusM']!.value = o.focusM;
    // blur circle diameter in pixels = f² / (N (S − f)) × |D − S| / D / sensor width × picture width
    const S = o.focusM * 1000;
    u['cocScale']!.value = ((o.focalMm * o.focalMm) / (o.stop * Math.max(1, S - o.focalMm)) / o.sensorWidthMm) * SIZE.width;
  }

  /**
   * Compiles, without waiting on the main thread where the browser can (KHR_parallel_shader_compile),
   * the programs the picture needs: the set's materials as drawn into a render target (a variant of
   * their own) and the pass. Until they are ready no pass runs.
   */
  warm(renderer: THREE.WebGLRenderer, materials: readonly THREE.Material[]): void {
    const scene = new THREE.Scene();
    const tiny = new THREE.PlaneGeometry(0.01, 0.01);
    for (const m of [...materials, this.material]) scene.add(new THREE.Mesh(tiny, m));
    const previous = renderer.getRenderTarget();
    renderer.setRenderTarget(this.sceneTarget);
    this.ready = false;
    const done = (): void => {
      this.ready = true;
      tiny.dispose();
    };
    renderer.compileAsync(scene, this.camera).then(done, done);
    renderer.setRenderTarget(previous);
  }

  /** Lays the storyboard's sketch over the picture (from the next picture on), or takes it off. */
  setGhost(on: boolean): void {
    this.material.uniforms['ghostOn']!.value = on ? 1 : 0;
  }

  /** Asks for a new picture: the passes run over the next frames. */
  request(): void {
    this.stage = 1;
  }

  get pending(): boolean {
    return this.stage !== 0 || !this.ready;
  }

  /** Whether the next pass draws the set itself (the other only works on the picture). */
  get drawsSet(): boolean {
    return this.stage === 1 && this.ready;
  }

  /** Runs the next pass if one is due; `root` is what the lens sees (its set layer). */
  step(renderer: THREE.WebGLRenderer, root: THREE.Object3D): void {
    if (this.stage === 0 || !this.ready) return;
    const xr = renderer.xr.enabled;
    const previous = renderer.getRenderTarget();
    // A headset's renderer would otherwise draw the picture from the visitor's eyes.
    renderer.xr.enabled = false;
    if (this.stage === 1) {
      renderer.setRenderTarget(this.sceneTarget);
      renderer.clear();
      renderer.render(root, this.camera);
    } else {
      renderer.setRenderTarget(this.finalTarget);
      renderer.render(this.quadScene, this.quadCamera);
    }
    renderer.setRenderTarget(previous);
    renderer.xr.enabled = xr;
    this.stats.passes++;
    this.stage = this.stage === 2 ? 0 : 2;
    if (this.stage === 0) this.stats.pictures++;
  }

  dispose(): void {
    this.sceneTarget.depthTexture?.dispose();
    this.sceneTarget.dispose();
    this.finalTarget.dispose();
    this.quad.geometry.dispose();
    this.material.dispose();
  }
}
