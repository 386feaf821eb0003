import type { AppContext } from '../app/context';
import { Disposables } from '../app/disposables';
import type { ClientPayloads, Device, YouView } from '../classroom/protocol';
import { thisDevice } from './device';

type Report = ClientPayloads['student:report'];

/**
 * What a student's page tells the server (docs/CLASSROOM.md): the station after every arrival,
 * each hands-on activity finished, and the device kind whenever it changes (entering or leaving VR
 * or AR). `send` drops reports while not in a class; `sync` catches up after a join or a resume,
 * from the server's own record of this student, so nothing said while offline is lost.
 */
export class Reports {
  private readonly d = new Disposables();
  private device: Device;

  constructor(private readonly ctx: AppContext, private readonly send: (r: Report) => boolean) {
    const { tour } = ctx;
    this.device = thisDevice(ctx.xr.mode);
    this.d.add(tour.addArrivalHook((station) => void this.send({ station })));
    this.d.add(tour.subscribe((s, prev) => {
      for (const id of s.done) if (!prev.done.includes(id)) this.send({ activity: id });
    }));
    // The XR system has one owner (the XR feature); a glance each second is enough for a dashboard.
    this.d.interval(() => {
      const now = thisDevice(ctx.xr.mode);
      if (now !== this.device && this.send({ device: now })) this.device = now;
    }, 1000);
  }

  /** After a join or resume: tell the server whatever its record of `you` lacks. */
  sync(you: YouView): void {
    const { state } = this.ctx.tour;
    if (!state) return;
    this.device = thisDevice(this.ctx.xr.mode);
    if (you.device !== this.device) this.send({ device: this.device });
    if (you.station !== state.station) this.send({ station: state.station });
    for (const id of state.done) if (!you.activities.includes(id)) this.send({ activity: id });
  }

  dispose(): void {
    this.d.dispose();
  }
}
