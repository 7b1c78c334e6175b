//===- runmat/rt/Io.h - Program output of the runtime -----------*- C++ -*-===//
//
// All program output (disp, fprintf, auto-display) goes through writeOut,
// which buffers stdout. Anything written to stderr (errors, warnings) goes
// through writeErr, which flushes the buffered stdout first so that the two
// streams interleave as the program wrote them.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_IO_H
#define RUNMAT_RT_IO_H

#include <cstddef>
#include <string>

namespace runmat::rt {

/// Appends program output to the stdout buffer.
void writeOut(const std::string &s);
void writeOut(const char *s, size_t n);
/// Writes the buffered output to stdout and flushes it.
void flushOut();
/// Flushes stdout, then writes s to stderr (unbuffered).
void writeErr(const std::string &s);
/// "Warning: MESSAGE\n" on stderr (MATLAB's warning text).
void writeWarning(const std::string &message);
/// Writes bytes to a file fopen opened (builtins/FileIo.cpp); false when
/// fid is not one.
bool writeFile(int fid, const std::string &bytes);

} // namespace runmat::rt

#endif // RUNMAT_RT_IO_H
