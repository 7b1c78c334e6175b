//===- Diagnostics.cpp - Front-end diagnostics ----------------------------===//

#include "runmat/Frontend/Diagnostics.h"

using namespace runmat;

std::string runmat::formatDiagnostic(const std::string &path,
                                     const std::string &source,
                                     const Diagnostic &diag) {
  std::string out = path + ":" + std::to_string(diag.loc.line) + ":" +
                    std::to_string(diag.loc.col) + ": error: " + diag.message +
                    "\n";

  // Find the source line (1-based); an out-of-range line prints empty.
  size_t begin = 0;
  for (uint32_t l = 1; l < diag.loc.line && begin != std::string::npos; ++l) {
    begin = source.find('\n', begin);
    if (begin != std::string::npos)
      ++begin;
  }
  std::string lineText;
  if (begin != std::string::npos && begin <= source.size() &&
      diag.loc.line >= 1) {
    size_t end = source.find('\n', begin);
    lineText = source.substr(begin, end == std::string::npos ? std::string::npos
                                                             : end - begin);
  }
  std::string shown;
  for (char c : lineText)
    if (c != '\r')
      shown += c;
  out += shown + "\n";

  std::string caret;
  for (uint32_t i = 1; i < diag.loc.col; ++i)
    caret += (i - 1 < lineText.size() && lineText[i - 1] == '\t') ? '\t' : ' ';
  out += caret + "^\n";
  return out;
}
