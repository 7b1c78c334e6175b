//===- Text.cpp - Text and output builtins
//---------------------------------===//
//
// disp display fprintf sprintf num2str mat2str format error: thin wrappers
// over Display.cpp and Format.cpp that check MATLAB's argument rules.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Display.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/Format.h"
#include "runmat/rt/Io.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace runmat::rt {

namespace {

/// The characters of a char array (column-major, as MATLAB flattens it).
std::string charText(const Value &v) {
  return unitsToUtf8(v.re.data(), v.re.size());
}

/// A format argument: char required.
std::string formatArg(const char *fn, const Value &v) {
  if (v.cls != ClassId::Char)
    throwErrorIn(fn, "MATLAB:printf:invalidFormat",
                 "Format must be a character vector.");
  return charText(v);
}

std::vector<const Value *> dataArgs(const Args &args, size_t from) {
  std::vector<const Value *> out;
  for (size_t k = from; k < args.size(); ++k)
    out.push_back(args[k].get());
  return out;
}

bool isNumericOrLogical(const Value &v) {
  return isNumericClass(v.cls) || v.cls == ClassId::Logical;
}


const Value *structField(const Value &s, const char *name) {
  for (size_t f = 0; f < s.fields.size(); ++f)
    if (s.fields[f] == name && f < s.cells.size())
      return s.cells[f].get();
  return nullptr;
}

} // namespace

Args bi_disp(int, const Args &args) {
  dispValue(*args[0]);
  return {};
}

Args bi_display(int, const Args &args) {
  std::string name = "ans";
  if (args.size() > 1) {
    if (args[1]->cls != ClassId::Char)
      throwErrorIn("display", "MATLAB:display:invalidName",
                   "Name must be a character vector.");
    name = charText(*args[1]);
  }
  displayValue(name, *args[0]);
  return {};
}

Args bi_fprintf(int nargout, const Args &args) {
  size_t first = 0;
  int fid = 1;
  if (isNumericOrLogical(*args[0])) {
    const Value &f = *args[0];
    if (f.re.size() != 1 || args.size() < 2)
      throwErrorIn("fprintf", "MATLAB:FileIO:InvalidFid",
                   "Invalid file identifier. Use fopen to generate a valid "
                   "file identifier.");
    double d = f.re[0];
    if (d != std::floor(d) || d < 1)
      throwErrorIn("fprintf", "MATLAB:FileIO:InvalidFid",
                   "Invalid file identifier. Use fopen to generate a valid "
                   "file identifier.");
    fid = (int)d;
    first = 1;
  }
  std::string fmt = formatArg("fprintf", *args[first]);
  std::string text = formatPrintf(fmt, dataArgs(args, first + 1));
  if (fid == 2)
    writeErr(text);
  else if (fid == 1)
    writeOut(text);
  else if (!writeFile(fid, text))
    throwErrorIn("fprintf", "MATLAB:FileIO:InvalidFid",
                 "Invalid file identifier. Use fopen to generate a valid "
                 "file identifier.");
  if (nargout > 0)
    return {makeDouble((double)text.size())};
  return {};
}

Args bi_sprintf(int, const Args &args) {
  std::string fmt = formatArg("sprintf", *args[0]);
  return {makeCharMatrix({formatPrintf(fmt, dataArgs(args, 1))})};
}

Args bi_num2str(int, const Args &args) {
  const Value &x = *args[0];
  if (x.cls == ClassId::Char)
    return {args[0]};
  if (!isNumericOrLogical(x))
    throwErrorIn("num2str", "MATLAB:num2str:nonNumericInput",
                 "Input to num2str must be numeric.");
  if (args.size() == 1)
    return {makeCharMatrix(num2str(x))};
  const Value &f = *args[1];
  if (f.cls == ClassId::Char)
    return {makeCharMatrix(num2str(x, charText(f)))};
  if (isNumericOrLogical(f) && !f.re.empty()) {
    double p = std::round(f.re[0]);
    if (!std::isfinite(p))
      p = 0;
    int prec = p > 10000 ? 10000 : (p < 0 ? 0 : (int)p);
    return {makeCharMatrix(num2str(x, prec))};
  }
  throwErrorIn("num2str", "MATLAB:num2str:invalidSecondArgument",
               "Second argument to num2str must be char or numeric.");
}

Args bi_mat2str(int, const Args &args) {
  int precision = 0;
  bool withClass = false;
  for (size_t k = 1; k < args.size(); ++k) {
    const Value &o = *args[k];
    if (o.cls == ClassId::Char) {
      std::string s = charText(o);
      for (char &c : s)
        c = (char)std::tolower((unsigned char)c);
      if (s != "class")
        throwErrorIn("mat2str", "MATLAB:mat2str:InvalidOptionString",
                     "Invalid option '%s'.", charText(o).c_str());
      withClass = true;
    } else if (isNumericOrLogical(o) && !o.re.empty()) {
      double p = std::round(o.re[0]);
      precision = !(p > 0) ? 1 : (p > 10000 ? 10000 : (int)p);
    } else {
      throwErrorIn("mat2str", "MATLAB:mat2str:InvalidOptionType",
                   "Options must be a precision or 'class'.");
    }
  }
  return {makeCharMatrix({mat2str(*args[0], precision, withClass)})};
}

/// clc: clears the Command Window; a program's output is a stream, so
/// there is nothing to clear.
Args bi_clc(int, const Args &) { return {}; }

/// close / close all: RunMat has no figures, so there are none to close;
/// a figure handle names a figure that does not exist.
Args bi_close(int nargout, const Args &args) {
  for (const ValueRef &a : args) {
    if (a->cls == ClassId::Char) {
      std::string t = charText(*a);
      if (t == "all" || t == "force" || t == "hidden")
        continue;
    }
    throwErrorIn("close", "MATLAB:close:InvalidFigureHandle",
                 "Specified window does not exist.");
  }
  if (nargout > 0)
    return {makeScalar(1.0, ClassId::Double)};
  return {};
}

Args bi_format(int, const Args &args) {
  if (args.empty()) {
    resetFormat();
    return {};
  }
  const Value &a = *args[0];
  if (a.cls != ClassId::Char)
    throwErrorIn("format", "MATLAB:format:invalidInput",
                 "Format style must be a character vector.");
  std::string s;
  for (char c : charText(a))
    if (c != ' ')
      s += c;
  if (setFormatByName(s))
    return {};
  std::string lower;
  for (char c : s)
    lower += (char)std::tolower((unsigned char)c);
  static const char *known[] = {"hex", "bank",     "rat",    "rational",
                                "+",   "shorteng", "longeng"};
  for (const char *k : known)
    if (lower == k)
      throwErrorIn("format", "RunMat:format:unsupported",
                   "Display format '%s' is not supported.", s.c_str());
  throwErrorIn("format", "MATLAB:format:invalidFormat",
               "Unknown display format '%s'.", s.c_str());
}

Args bi_error(int, const Args &args) {
  const Value &a = *args[0];
  if (a.cls == ClassId::Struct) {
    // error(errorStruct): fields message and identifier; empty message = no-op.
    const Value *m = structField(a, "message");
    const Value *id = structField(a, "identifier");
    std::string msg = m && m->cls == ClassId::Char ? charText(*m) : "";
    if (msg.empty())
      return {};
    throw MatlabError(id && id->cls == ClassId::Char ? charText(*id) : "", msg);
  }
  if (a.cls != ClassId::Char)
    throwErrorIn("error", "MATLAB:error:invalidInput",
                 "The message must be a character vector.");
  std::string first = charText(a);
  if (args.size() == 1) {
    // One argument: the text is the message as is (no escapes, no %).
    if (first.empty())
      return {};
    throw MatlabError("", first);
  }
  std::string id, fmt;
  size_t data = 1;
  if (isMessageIdentifier(first)) {
    id = first;
    if (args[1]->cls != ClassId::Char)
      throwErrorIn("error", "MATLAB:error:invalidInput",
                   "The message must be a character vector.");
    fmt = charText(*args[1]);
    data = 2;
  } else {
    fmt = first;
  }
  std::string msg = formatPrintf(fmt, dataArgs(args, data));
  if (msg.empty())
    return {};
  throw MatlabError(id, msg);
}

// ---- warning / lastwarn -----------------------------------------------------------

namespace {
struct WarningState {
  bool allOff = false;
  std::map<std::string, bool> byId; // explicit on/off per identifier
  std::string lastMessage, lastId;
  bool enabled(const std::string &id) const {
    auto it = byId.find(id);
    if (!id.empty() && it != byId.end())
      return it->second;
    return !allOff;
  }
};
WarningState &warnings() {
  static WarningState w;
  return w;
}

ValueRef warningStateStruct(const std::string &id, bool on) {
  ValueRef s = makeStruct({1, 1}, {"identifier", "state"});
  s->cells[0] = makeString(id);
  s->cells[1] = makeString(on ? "on" : "off");
  return s;
}
} // namespace

/// warning(msg), warning(fmt, ...), warning(id, fmt, ...): prints
/// "Warning: MESSAGE" to stderr unless that warning is off.
/// warning('off'|'on'|'query', id|'all') controls and reads the state.
Args bi_warning(int nargout, const Args &args) {
  WarningState &w = warnings();
  const Value &a = *args[0];
  if (a.cls == ClassId::Struct) // warning(stateStruct): restore states
    return {};
  if (a.cls != ClassId::Char)
    throwErrorIn("warning", "MATLAB:warning:invalidInput",
                 "The message must be a character vector.");
  std::string first = charText(a);
  if (first == "on" || first == "off" || first == "query") {
    std::string id = args.size() > 1 ? charText(*args[1]) : "all";
    if (first != "query") {
      bool on = first == "on";
      if (id == "all") {
        w.allOff = !on;
        w.byId.clear();
      } else {
        w.byId[id] = on;
      }
    }
    if (nargout > 0 || first == "query")
      return {warningStateStruct(id, id == "all" ? !w.allOff : w.enabled(id))};
    return {};
  }
  std::string id, msg;
  if (args.size() == 1) {
    msg = first; // one argument: the text as is
  } else {
    size_t data = 1;
    std::string fmt = first;
    if (isMessageIdentifier(first)) {
      id = first;
      fmt = charText(*args[1]);
      data = 2;
    }
    msg = formatPrintf(fmt, dataArgs(args, data));
  }
  if (msg.empty() || !w.enabled(id))
    return {};
  w.lastMessage = msg;
  w.lastId = id;
  writeWarning(msg);
  return {};
}

/// [msg, id] = lastwarn: the last warning issued.
Args bi_lastwarn(int nargout, const Args &args) {
  WarningState &w = warnings();
  Args out{makeString(w.lastMessage)};
  if (nargout > 1)
    out.push_back(makeString(w.lastId));
  if (!args.empty()) {
    w.lastMessage = charText(*args[0]);
    w.lastId = args.size() > 1 ? charText(*args[1]) : "";
  }
  return out;
}

} // namespace runmat::rt
