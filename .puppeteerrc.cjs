// Puppeteer must not download its own browser (no network for that here); it drives the system Chromium.
module.exports = {
  skipDownload: true,
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
};
