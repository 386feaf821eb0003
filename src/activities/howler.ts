/**
 * Howler for the activities' sound, as a module of our own: importing the CommonJS 'howler'
 * package dynamically needs Rolldown's ESM-interop helper, which would join the runtime chunk that
 * every visit loads; imported statically here (as src/audio/ does), it does not.
 */
export { Howler } from 'howler';
