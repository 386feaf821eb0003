/**
 * Snap turning from a thumbstick: one turn per flick. The stick must come back near the centre
 * before it can turn again, so holding it over does not spin the visitor (a comfort rule).
 */
export const SNAP_PRESS = 0.7;
export const SNAP_RELEASE = 0.3;

export class SnapTurner {
  private armed = true;

  /**
   * Feeds the stick's x axis (-1 left … 1 right); returns the turn to apply now, in degrees:
   * positive turns left (counter-clockwise seen from above, three.js' +yaw), 0 for no turn.
   */
  update(axisX: number, angle: number): number {
    if (!this.armed) {
      if (Math.abs(axisX) < SNAP_RELEASE) this.armed = true;
      return 0;
    }
    if (Math.abs(axisX) < SNAP_PRESS) return 0;
    this.armed = false;
    return axisX > 0 ? -angle : angle;
  }

  reset(): void {
    this.armed = true;
  }
}
