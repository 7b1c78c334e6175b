//===- runmat/rt/Display.h - MATLAB value display ---------------*- C++ -*-===//
//
// MATLAB's Command Window display: auto-display (`x = 5` without a
// semicolon), disp(), and the `format` state they depend on. The rules are
// those of shared/DISPLAY.md (format short/long/shortE/longE/shortG/longG,
// loose/compact, scale factors, `Columns N through M` wrapping at 80
// columns, class headers, empty arrays, N-D pages, cells, structs and
// function handles). Output is UTF-8 (sizes use U+00D7).
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_DISPLAY_H
#define RUNMAT_RT_DISPLAY_H

#include "runmat/rt/Value.h"

#include <string>

namespace runmat::rt {

/// The numeric display styles of `format`.
enum class NumericFormat { Short, Long, ShortE, LongE, ShortG, LongG };

void setFormat(NumericFormat f);
NumericFormat currentFormat();
/// `format compact` (true) / `format loose` (false).
void setCompact(bool compact);
bool isCompact();
/// `format` with no argument: short and loose.
void resetFormat();
/// Applies one `format` argument ("short", "long", "shortE", "longE",
/// "shortG", "longG", "compact", "loose", "default"; case-insensitive).
/// Returns false for a style this runtime does not know.
bool setFormatByName(const std::string &name);

/// Width of the Command Window used for `Columns ... through ...` (80).
constexpr int kDisplayWidth = 80;

/// The complete text auto-display prints for `name = v` (MATLAB's display).
std::string displayToString(const std::string &name, const Value &v);
/// The text disp(v) prints.
std::string dispToString(const Value &v);

/// Writes displayToString(name, v) / dispToString(v) to the program output.
void displayValue(const std::string &name, const Value &v);
void dispValue(const Value &v);

} // namespace runmat::rt

#endif // RUNMAT_RT_DISPLAY_H
