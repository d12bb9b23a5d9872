// Synthetic front camera for the browser tests, injected before the page loads (plain JS: it is sent as text).
// It replaces getUserMedia with a canvas stream that draws a real face photo and lights the face the way a real
// face reflects the phone screen: a few % of the face's light (in linear light), weaker on the wall behind,
// delayed by the camera pipeline, plus sensor noise, auto-exposure and white-balance drift and frame-time jitter.
// The browser's own JPEG encoder adds the compression. `window.__camera` configures it:
//   { photo: dataURL|null, faceBox: {x,y,width,height}|null, faceBoxes: [box…] (several faces),
//     respond: "screen"|"none"|"other"|"replay", replay: {restRgb, leadMs, colours: [{rgb, durationMs}]},
//     extraDelayMs, strength, fail: null|"NotAllowedError"|"NotReadableError"|"NotFoundError", noMediaDevices,
//     clips: { blink: { frames: [dataURL…], fps } … } }
// "clips" are real video frames of the same person (same size as the photo): when the page's prompt
// (`.hint[data-action=…]`) asks for an action, the camera plays that action's clip once at its own frame rate,
// then holds the clip's last frame; the screen's reflection is applied on top of whatever frame is shown.
// "replay" lights the face with another attempt's colour sequence, started when this attempt's flash starts:
// a recording of an earlier attempt played back in perfect time, only the colours differ.
(() => {
  const config = window.__camera;
  if (!config) return;
  if (config.noMediaDevices) {
    Object.defineProperty(navigator, "mediaDevices", { value: undefined, configurable: true });
    return;
  }
  const lin = (v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const toLinear = new Float32Array(256).map((_, v) => lin(v));
  const toSrgb = new Uint8ClampedArray(4096).map((_, i) => {
    const c = i / 4095;
    return Math.round((c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055) * 255);
  });
  const parse = (css) => {
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css || "");
    return m ? [toLinear[+m[1]], toLinear[+m[2]], toLinear[+m[3]]] : [1, 1, 1];
  };
  // What the screen shows, sampled every animation frame, so the camera can look it up with a delay.
  const history = [];
  let otherStart = 0;
  const otherColours = [
    [0.05, 0.2, 1],
    [1, 1, 0.03],
    [0.02, 0.8, 0.04],
    [0.7, 0.05, 0.8],
    [0.03, 0.75, 0.8],
    [1, 1, 1],
  ];
  const sampleScreen = (now) => {
    const flash = document.querySelector(".flash");
    const visible = flash && !flash.hidden;
    const colour = visible
      ? parse(getComputedStyle(flash).backgroundColor)
      : parse(getComputedStyle(document.body).backgroundColor);
    if (visible && !otherStart) otherStart = now;
    history.push({ t: now, colour });
    if (history.length > 400) history.shift();
    requestAnimationFrame(sampleScreen);
  };
  requestAnimationFrame(sampleScreen);
  const hex = (rgb) => [1, 3, 5].map((i) => toLinear[Number.parseInt(rgb.slice(i, i + 2), 16)]);
  const replayedAt = (elapsed) => {
    const replay = config.replay;
    let end = replay.leadMs;
    if (elapsed < end) return hex(replay.restRgb);
    for (const colour of replay.colours) {
      end += colour.durationMs;
      if (elapsed < end) return hex(colour.rgb);
    }
    return hex(replay.restRgb);
  };
  const screenAt = (t) => {
    if (config.respond === "replay" && otherStart && t >= otherStart) return replayedAt(t - otherStart);
    if (config.respond === "other") {
      if (!otherStart) return [0.22, 0.22, 0.22];
      return otherColours[Math.floor((t - otherStart) / 370) % otherColours.length];
    }
    for (let i = history.length - 1; i >= 0; i--) if (history[i].t <= t) return history[i].colour;
    return [1, 1, 1];
  };
  let seed = 12345;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const noise = new Float32Array(4096).map(() => (random() + random() + random() - 1.5) * 2.4);

  navigator.mediaDevices.getUserMedia = async () => {
    if (config.fail) throw new DOMException("synthetic camera refusal", config.fail);
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    let base = null;
    let width = 240;
    let height = 320;
    if (config.photo) {
      const image = new Image();
      image.src = config.photo;
      await image.decode();
      width = image.naturalWidth;
      height = image.naturalHeight;
      canvas.width = width;
      canvas.height = height;
      context.drawImage(image, 0, 0);
      base = context.getImageData(0, 0, width, height).data;
    } else {
      canvas.width = width;
      canvas.height = height;
    }
    const toLinearFrame = (pixels) => {
      const linear = new Float32Array(width * height * 3);
      for (let p = 0; p < width * height; p++)
        for (let c = 0; c < 3; c++) linear[p * 3 + c] = pixels ? toLinear[pixels[p * 4 + c]] : 0.2 + 0.05 * c;
      return linear;
    };
    let linearBase = toLinearFrame(base);
    // Each action's clip, decoded once into linear light at the photo's size.
    const clips = {};
    for (const [action, clip] of Object.entries(config.clips ?? {})) {
      const frames = [];
      for (const url of clip.frames) {
        const image = new Image();
        image.src = url;
        await image.decode();
        context.drawImage(image, 0, 0, width, height);
        frames.push(toLinearFrame(context.getImageData(0, 0, width, height).data));
      }
      clips[action] = { frames, fps: clip.fps, startedAt: 0 };
    }
    const sourceFrame = (now) => {
      const action = document.querySelector(".hint")?.dataset.action;
      const clip = action ? clips[action] : undefined;
      if (clip && !clip.startedAt) clip.startedAt = now;
      if (clip) {
        const index = Math.floor(((now - clip.startedAt) * clip.fps) / 1000);
        linearBase = clip.frames[Math.min(index, clip.frames.length - 1)];
      }
      return linearBase;
    };
    const boxes = config.faceBoxes ?? (config.faceBox ? [config.faceBox] : []);
    const strength = config.strength ?? 0.04;
    // Share of the screen's light each pixel reflects: the faces (near the screen) far more than the wall.
    const reflectance = new Float32Array(width * height).fill(strength * 0.04);
    for (const box of boxes)
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const ex = (x - box.x - box.width / 2) / (box.width / 2);
          const ey = (y - box.y - box.height / 2) / (box.height / 2);
          if (ex * ex + ey * ey <= 1) reflectance[y * width + x] = strength;
        }
    const latency = 45 + (config.extraDelayMs ?? 0);
    const gains = [1, 1, 1];
    let exposure = 1;
    const stream = canvas.captureStream(0);
    const [track] = stream.getVideoTracks();
    const frame = context.createImageData(width, height);
    const draw = () => {
      const now = performance.now();
      const screen = config.respond === "none" ? [0.22, 0.22, 0.22] : screenAt(now - latency);
      for (let c = 0; c < 3; c++) gains[c] *= 1 + (random() - 0.5) * 0.008;
      exposure += (1 - exposure) * 0.05 + (random() - 0.5) * 0.01;
      const out = frame.data;
      const source = sourceFrame(now);
      const dx = Math.round(Math.sin(now / 700) * 1.5);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const k = reflectance[y * width + x];
          const sx = Math.min(width - 1, Math.max(0, x - dx));
          const p = (y * width + sx) * 3;
          const o = (y * width + x) * 4;
          for (let c = 0; c < 3; c++) {
            const v = source[p + c] * (1 + k * screen[c] * 1.6) * exposure * gains[c];
            out[o + c] = toSrgb[Math.min(4095, (v * 4095) | 0)] + noise[(random() * 4096) | 0];
          }
          out[o + 3] = 255;
        }
      }
      context.putImageData(frame, 0, 0);
      track.requestFrame();
      setTimeout(draw, 33 + (random() - 0.5) * 16);
    };
    draw();
    return stream;
  };
})();
