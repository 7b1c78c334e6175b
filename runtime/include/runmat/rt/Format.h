//===- runmat/rt/Format.h - sprintf, num2str and mat2str --------*- C++ -*-===//
//
// MATLAB's text formatting: the sprintf/fprintf engine (escapes, format
// recycling, column-major argument flattening), num2str, int2str and
// mat2str. Everything returns UTF-8 text; char arrays are UTF-16 code units.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_FORMAT_H
#define RUNMAT_RT_FORMAT_H

#include "runmat/rt/Value.h"

#include <cstdint>
#include <string>
#include <vector>

namespace runmat::rt {

/// MATLAB sprintf/fprintf: expands the escapes of `fmt` (UTF-8), then applies
/// it to the elements of `args` in column-major order, recycling the format
/// while data remains. Throws MatlabError for cell, struct and function
/// handle arguments.
std::string formatPrintf(const std::string &fmt,
                         const std::vector<const Value *> &args);

/// Expands the escape sequences MATLAB recognises in a format (\n \t \\ \a
/// \b \f \r \v \xHH \ooo); `%%` is left alone.
std::string expandEscapes(const std::string &fmt);

/// num2str(x): the rows of the resulting char matrix (UTF-8, one string per
/// row, all of equal length in characters). Char input is returned as is.
std::vector<std::string> num2str(const Value &x);
/// num2str(x, precision).
std::vector<std::string> num2str(const Value &x, int precision);
/// num2str(x, format).
std::vector<std::string> num2str(const Value &x, const std::string &format);
/// int2str(x).
std::vector<std::string> int2str(const Value &x);

/// mat2str(x), mat2str(x, precision) (precision <= 0: the default 15),
/// mat2str(x, ..., 'class'). Errors for N-D and non-numeric input.
std::string mat2str(const Value &x, int precision = 0, bool withClass = false);

// ---- text helpers shared with Display -----------------------------------
/// Appends code point cp to out as UTF-8.
void appendCodePoint(std::string &out, uint32_t cp);
/// UTF-8 text of char code units (doubles holding UTF-16 units; surrogate
/// pairs are combined, lone ones become U+FFFD).
std::string unitsToUtf8(const double *units, size_t n);
/// Row r of a 2-D char array as UTF-8.
std::string charRowText(const Value &v, int64_t r);
/// Number of characters (code points) in UTF-8 text.
size_t textLength(const std::string &s);
/// A char matrix whose rows are `rows` (UTF-8, padded with spaces to equal
/// length); no rows gives a 0x0 char.
ValueRef makeCharMatrix(const std::vector<std::string> &rows);

} // namespace runmat::rt

#endif // RUNMAT_RT_FORMAT_H
