//===- runmat/rt/Error.h - MATLAB errors in the runtime ---------*- C++ -*-===//
//
// Runtime code reports MATLAB errors by throwing MatlabError. The C ABI entry
// points (abi.cpp) catch it and unwind compiled code with longjmp, so no C++
// exception ever crosses compiled frames.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_ERROR_H
#define RUNMAT_RT_ERROR_H

#include <stdexcept>
#include <string>

namespace runmat::rt {

struct MatlabError : std::runtime_error {
  std::string identifier; // "MATLAB:badsubscript", "" when none
  std::string message;    // the text after "Error using NAME"
  std::string function;   // the builtin that raised it ("" when none)
  MatlabError(std::string id, std::string msg, std::string fn = "")
      : std::runtime_error(msg), identifier(std::move(id)),
        message(std::move(msg)), function(std::move(fn)) {}
};

/// Throws MatlabError(id, printf-formatted message).
[[noreturn]] void throwError(const char *id, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/// Same, naming the builtin that raised it ("Error using NAME").
/// MATLAB message identifiers ("comp:comp[:...]"): at least two
/// colon-separated components of letters, digits, underscores and hyphens.
bool isMessageIdentifier(const std::string &s);

[[noreturn]] void throwErrorIn(const char *fn, const char *id, const char *fmt,
                               ...) __attribute__((format(printf, 3, 4)));

} // namespace runmat::rt

#endif // RUNMAT_RT_ERROR_H
