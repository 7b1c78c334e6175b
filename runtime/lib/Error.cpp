//===- Error.cpp - Raising MATLAB errors ----------------------------------===//
//
// throwError / throwErrorIn: printf-style formatting into a MatlabError.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Error.h"

#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <vector>

namespace runmat::rt {

namespace {

std::string vformat(const char *fmt, va_list ap) {
  if (!fmt)
    return std::string();
  char small[512];
  va_list copy;
  va_copy(copy, ap);
  int n = std::vsnprintf(small, sizeof small, fmt, copy);
  va_end(copy);
  if (n < 0)
    return std::string(fmt);
  if ((size_t)n < sizeof small)
    return std::string(small, (size_t)n);
  std::vector<char> big((size_t)n + 1);
  std::vsnprintf(big.data(), big.size(), fmt, ap);
  return std::string(big.data(), (size_t)n);
}

} // namespace

void throwError(const char *id, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::string msg = vformat(fmt, ap);
  va_end(ap);
  throw MatlabError(id ? id : "", std::move(msg));
}

void throwErrorIn(const char *fn, const char *id, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::string msg = vformat(fmt, ap);
  va_end(ap);
  throw MatlabError(id ? id : "", std::move(msg), fn ? fn : "");
}

bool isMessageIdentifier(const std::string &s) {
  if (s.find(':') == std::string::npos)
    return false;
  size_t start = 0;
  for (;;) {
    size_t end = s.find(':', start);
    std::string part = s.substr(
        start, end == std::string::npos ? std::string::npos : end - start);
    if (part.empty())
      return false;
    for (char c : part)
      if (!(std::isalnum((unsigned char)c) || c == '_' || c == '-'))
        return false;
    if (end == std::string::npos)
      return true;
    start = end + 1;
  }
}

} // namespace runmat::rt
