//===- Time.cpp - The tic/toc stopwatch, pause ----------------------------===//
//
// `tic` starts the process-wide stopwatch; `id = tic` returns a timer id
// (microseconds on a monotonic clock, as a double rather than MATLAB's
// uint64) without touching the stopwatch; `toc` / `toc(id)` print or return
// the elapsed seconds.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Io.h"

#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <thread>

namespace runmat::rt {

using namespace support;

namespace {

double nowMicros() {
  using namespace std::chrono;
  return (double)duration_cast<microseconds>(
             steady_clock::now().time_since_epoch())
      .count();
}

bool ticStarted = false;
double ticStart = 0;

} // namespace

Args bi_tic(int nargout, const Args &) {
  double now = nowMicros();
  if (nargout > 0)
    return {makeDouble(now)};
  ticStarted = true;
  ticStart = now;
  return {};
}

Args bi_toc(int nargout, const Args &args) {
  double now = nowMicros();
  double start;
  if (!args.empty()) {
    const Value &id = *args[0];
    if (!isNumericClass(id.cls) || id.numel() != 1 || hasImag(id) ||
        !std::isfinite(id.re[0]) || id.re[0] < 0)
      throwError("MATLAB:toc:invalidInput",
                 "Input argument must be a timer value returned by TIC.");
    start = id.re[0];
  } else {
    if (!ticStarted)
      throwError("MATLAB:toc:callTicFirst",
                 "You must call TIC without an output argument before "
                 "calling TOC without an input argument.");
    start = ticStart;
  }
  double elapsed = (now - start) / 1e6;
  if (nargout > 0)
    return {makeDouble(elapsed)};
  char buf[64];
  std::snprintf(buf, sizeof buf, "Elapsed time is %f seconds.\n", elapsed);
  writeOut(buf);
  return {};
}

// etime(t1, t0): seconds from clock vector t0 to t1 (6 elements each).
Args bi_etime(int, const Args &args) {
  auto seconds = [](const Value &c) {
    if (c.numel() != 6 || !isArithmetic(c))
      throwErrorIn("etime", "MATLAB:etime:InvalidInput",
                   "Inputs must be 6-element date vectors (clock).");
    struct tm t = {};
    t.tm_year = (int)c.re[0] - 1900;
    t.tm_mon = (int)c.re[1] - 1;
    t.tm_mday = (int)c.re[2];
    t.tm_hour = (int)c.re[3];
    t.tm_min = (int)c.re[4];
    t.tm_sec = 0;
    t.tm_isdst = 0;
    return (double)timegm(&t) + c.re[5];
  };
  return {makeDouble(seconds(*args[0]) - seconds(*args[1]))};
}

// pause(n) sleeps n seconds (output written so far appears first);
// pause('on'/'off') enables or disables it; `state = pause('query')`. A
// bare pause waits for a key in MATLAB's desktop: with no terminal to read
// here it returns at once.

namespace {
bool pauseEnabled = true;
} // namespace

Args bi_pause(int nargout, const Args &args) {
  if (args.empty())
    return {};
  const Value &a = *args[0];
  if (isText(a)) {
    std::string old = pauseEnabled ? "on" : "off";
    if (textIs(a, "on"))
      pauseEnabled = true;
    else if (textIs(a, "off"))
      pauseEnabled = false;
    else if (!textIs(a, "query"))
      throwErrorIn("pause", "MATLAB:pause:InvalidInput",
                   "Input must be a nonnegative real number, or 'on', 'off' "
                   "or 'query'.");
    if (nargout > 0 || textIs(a, "query"))
      return {makeString(old)};
    return {};
  }
  double n = scalarOf(a, "pause time");
  if (!(n >= 0))
    throwErrorIn("pause", "MATLAB:pause:InvalidInput",
                 "Input must be a nonnegative real number.");
  flushOut();
  if (pauseEnabled && std::isfinite(n))
    std::this_thread::sleep_for(std::chrono::duration<double>(n));
  return {};
}

} // namespace runmat::rt
