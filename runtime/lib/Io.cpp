//===- Io.cpp - Buffered program output -----------------------------------===//
//
// stdout is buffered in the runtime and written in large blocks (or at every
// newline when it is a terminal); stderr output flushes stdout first.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Io.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace runmat::rt {

namespace {

constexpr size_t kFlushThreshold = 1 << 16;

struct OutBuffer {
  std::string data;
  bool tty = false;
  OutBuffer() {
    tty = isatty(1) != 0;
    data.reserve(kFlushThreshold + 1024);
    std::atexit([] { flushOut(); });
  }
};

OutBuffer &buffer() {
  static OutBuffer *b = new OutBuffer; // never destroyed: usable at exit
  return *b;
}

} // namespace

void writeOut(const char *s, size_t n) {
  OutBuffer &b = buffer();
  b.data.append(s, n);
  if (b.data.size() >= kFlushThreshold ||
      (b.tty && std::memchr(s, '\n', n) != nullptr))
    flushOut();
}

void writeOut(const std::string &s) { writeOut(s.data(), s.size()); }

void flushOut() {
  OutBuffer &b = buffer();
  if (!b.data.empty()) {
    std::fwrite(b.data.data(), 1, b.data.size(), stdout);
    b.data.clear();
  }
  std::fflush(stdout);
}

void writeErr(const std::string &s) {
  flushOut();
  std::fwrite(s.data(), 1, s.size(), stderr);
  std::fflush(stderr);
}

void writeWarning(const std::string &message) {
  writeErr("Warning: " + message + "\n");
}

} // namespace runmat::rt
