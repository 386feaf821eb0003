/** 'VR' or 'AR', as said in notices ("VR did not start…"). */
export const modeName = (mode: 'vr' | 'ar'): string => (mode === 'vr' ? 'VR' : 'AR');
