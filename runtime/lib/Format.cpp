//===- Format.cpp - sprintf, num2str and mat2str
//---------------------------===//
//
// MATLAB's formatted text: the sprintf/fprintf engine, num2str, int2str and
// mat2str, following the rules of MATLAB's own num2str.m/int2str.m/mat2str.m
// (column widths, recycled formats, trimming of common blank columns).
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Format.h"
#include "runmat/rt/Int64.h"
#include "runmat/rt/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>

namespace runmat::rt {

// ---- text helpers -----------------------------------------------------------

void appendCodePoint(std::string &out, uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    cp = 0xFFFD;
  if (cp < 0x80) {
    out += (char)cp;
  } else if (cp < 0x800) {
    out += (char)(0xC0 | (cp >> 6));
    out += (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += (char)(0xE0 | (cp >> 12));
    out += (char)(0x80 | ((cp >> 6) & 0x3F));
    out += (char)(0x80 | (cp & 0x3F));
  } else {
    out += (char)(0xF0 | (cp >> 18));
    out += (char)(0x80 | ((cp >> 12) & 0x3F));
    out += (char)(0x80 | ((cp >> 6) & 0x3F));
    out += (char)(0x80 | (cp & 0x3F));
  }
}

namespace {

uint32_t toUnit(double x) {
  if (!(x >= 0))
    return 0;
  if (x > 0xFFFF)
    return 0xFFFF;
  return (uint32_t)x;
}

bool isHigh(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool isLow(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

} // namespace

std::string unitsToUtf8(const double *units, size_t n) {
  std::string out;
  out.reserve(n);
  for (size_t k = 0; k < n; ++k) {
    uint32_t u = toUnit(units[k]);
    if (isHigh(u) && k + 1 < n && isLow(toUnit(units[k + 1]))) {
      uint32_t lo = toUnit(units[++k]);
      appendCodePoint(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
    } else {
      appendCodePoint(out, u);
    }
  }
  return out;
}

std::string charRowText(const Value &v, int64_t r) {
  int64_t rows = v.dims.empty() ? 0 : v.dims[0];
  int64_t n = (int64_t)v.re.size();
  if (rows <= 0 || r < 0 || r >= rows)
    return std::string();
  int64_t cols = n / rows;
  std::vector<double> units((size_t)cols);
  for (int64_t j = 0; j < cols; ++j)
    units[(size_t)j] = v.re[(size_t)(j * rows + r)];
  return unitsToUtf8(units.data(), units.size());
}

size_t textLength(const std::string &s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80)
      ++n;
  return n;
}

namespace {

/// UTF-8 text to UTF-16 code units (invalid bytes are kept as Latin-1).
std::vector<double> utf8ToUnits(const std::string &s) {
  std::vector<double> out;
  out.reserve(s.size());
  const unsigned char *p = (const unsigned char *)s.data();
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    uint32_t cp = c;
    size_t len = 1;
    auto cont = [&](size_t k) {
      return i + k < n && (p[i + k] & 0xC0) == 0x80;
    };
    if (c >= 0xC2 && c <= 0xDF && cont(1)) {
      cp = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
      cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
      len = 3;
      if (cp < 0x800)
        cp = c, len = 1;
    } else if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
      cp = ((c & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) |
           ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu);
      len = 4;
      if (cp < 0x10000 || cp > 0x10FFFF)
        cp = c, len = 1;
    }
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(0xD800 + (cp >> 10));
      out.push_back(0xDC00 + (cp & 0x3FF));
    } else {
      out.push_back(cp);
    }
  }
  return out;
}

} // namespace

ValueRef makeCharMatrix(const std::vector<std::string> &rows) {
  std::vector<std::vector<double>> units;
  size_t width = 0;
  for (const std::string &r : rows) {
    units.push_back(utf8ToUnits(r));
    width = std::max(width, units.back().size());
  }
  if (rows.empty())
    return makeArray(ClassId::Char, {0, 0});
  int64_t m = (int64_t)rows.size(), n = (int64_t)width;
  ValueRef v = makeArray(ClassId::Char, {m, n});
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      const std::vector<double> &u = units[(size_t)i];
      v->re[(size_t)(j * m + i)] = (size_t)j < u.size() ? u[(size_t)j] : 32.0;
    }
  return v;
}

// ---- escapes ----------------------------------------------------------------

namespace {

int hexVal(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/// Expands the escape starting at fmt[i] == '\\'; advances i past it.
void expandOneEscape(const std::string &fmt, size_t &i, std::string &out) {
  size_t n = fmt.size();
  if (i + 1 >= n) { // a lone trailing backslash
    out += '\\';
    ++i;
    return;
  }
  char c = fmt[i + 1];
  i += 2;
  switch (c) {
  case 'n':
    out += '\n';
    return;
  case 't':
    out += '\t';
    return;
  case '\\':
    out += '\\';
    return;
  case 'a':
    out += '\a';
    return;
  case 'b':
    out += '\b';
    return;
  case 'f':
    out += '\f';
    return;
  case 'r':
    out += '\r';
    return;
  case 'v':
    out += '\v';
    return;
  case 'x': {
    uint32_t cp = 0;
    size_t start = i;
    while (i < n && hexVal(fmt[i]) >= 0) {
      if (cp <= 0x10FFFF)
        cp = cp * 16 + (uint32_t)hexVal(fmt[i]);
      ++i;
    }
    if (i == start) { // "\x" without digits: keep it as written
      out += "\\x";
      return;
    }
    appendCodePoint(out, cp);
    return;
  }
  default:
    break;
  }
  if (c >= '0' && c <= '7') {
    uint32_t cp = (uint32_t)(c - '0');
    for (int k = 0; k < 2 && i < n && fmt[i] >= '0' && fmt[i] <= '7'; ++k, ++i)
      cp = cp * 8 + (uint32_t)(fmt[i] - '0');
    appendCodePoint(out, cp);
    return;
  }
  // Not an escape MATLAB knows: keep both characters.
  out += '\\';
  out += c;
}

} // namespace

std::string expandEscapes(const std::string &fmt) {
  std::string out;
  out.reserve(fmt.size());
  for (size_t i = 0; i < fmt.size();) {
    if (fmt[i] == '\\')
      expandOneEscape(fmt, i, out);
    else
      out += fmt[i++];
  }
  return out;
}

// ---- the printf engine ------------------------------------------------------

namespace {

constexpr int kMaxWidth = 1 << 20;     // clamp for absurd widths
constexpr int kMaxPrecision = 1 << 12; // clamp for absurd precisions

struct Spec {
  bool minus = false, plus = false, space = false, zero = false, hash = false;
  int width = -1, prec = -1;
  bool widthStar = false, precStar = false;
  char bits = 0; // 'b' (double bits) or 't' (single bits) modifier
  char conv = 0;
};

struct Piece {
  bool literal = true;
  std::string text; // literal text (UTF-8, escapes expanded)
  Spec spec;
};

int saturatingDigits(const std::string &f, size_t &i) {
  long long v = 0;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
    v = v * 10 + (f[i] - '0');
    if (v > kMaxWidth)
      v = kMaxWidth;
    ++i;
  }
  return (int)v;
}

/// Splits a format into literal pieces and conversions.
std::vector<Piece> parseFormat(const std::string &f) {
  std::vector<Piece> pieces;
  std::string lit;
  auto flushLit = [&] {
    if (!lit.empty()) {
      Piece p;
      p.text = std::move(lit);
      pieces.push_back(std::move(p));
      lit.clear();
    }
  };
  size_t n = f.size();
  for (size_t i = 0; i < n;) {
    char c = f[i];
    if (c == '\\') {
      expandOneEscape(f, i, lit);
      continue;
    }
    if (c != '%') {
      lit += c;
      ++i;
      continue;
    }
    if (i + 1 < n && f[i + 1] == '%') {
      lit += '%';
      i += 2;
      continue;
    }
    ++i;
    Spec s;
    for (; i < n; ++i) {
      char g = f[i];
      if (g == '-')
        s.minus = true;
      else if (g == '+')
        s.plus = true;
      else if (g == ' ')
        s.space = true;
      else if (g == '0')
        s.zero = true;
      else if (g == '#')
        s.hash = true;
      else
        break;
    }
    if (i < n && f[i] == '*') {
      s.widthStar = true;
      ++i;
    } else if (i < n && f[i] >= '0' && f[i] <= '9') {
      s.width = saturatingDigits(f, i);
    }
    if (i < n && f[i] == '.') {
      ++i;
      if (i < n && f[i] == '*') {
        s.precStar = true;
        ++i;
      } else {
        s.prec = std::min(saturatingDigits(f, i), kMaxPrecision);
      }
    }
    while (i < n && (f[i] == 'l' || f[i] == 'h'))
      ++i;
    if (i < n && (f[i] == 'b' || f[i] == 't') && i + 1 < n &&
        std::strchr("diouxX", f[i + 1])) {
      s.bits = f[i];
      ++i;
    }
    if (i >= n) // a conversion cut off by the end of the format: dropped
      break;
    char conv = f[i];
    if (!std::strchr("diouxXfFeEgGcs", conv)) {
      // An invalid operator: MATLAB prints the text before it and discards
      // the rest of the format ('value = %z' prints 'value = ').
      break;
    }
    ++i;
    s.conv = conv;
    flushLit();
    Piece p;
    p.literal = false;
    p.spec = s;
    pieces.push_back(std::move(p));
  }
  flushLit();
  return pieces;
}

/// The flattened elements of all arguments, read in order.
class DataCursor {
public:
  explicit DataCursor(const std::vector<const Value *> &args) : args(args) {
    for (const Value *v : args)
      if (v)
        total += (int64_t)v->re.size();
  }
  int64_t totalItems() const { return total; }
  bool has() {
    while (a < args.size() && (!args[a] || e >= (int64_t)args[a]->re.size())) {
      ++a;
      e = 0;
    }
    return a < args.size();
  }
  bool currentIsChar() { return has() && args[a]->cls == ClassId::Char; }
  ClassId currentClass() { return has() ? args[a]->cls : ClassId::Double; }
  double take() { return args[a]->re[(size_t)e++]; }
  /// The current element's exact value when it is an int64/uint64 beyond
  /// 2^53 (then taken), else nothing.
  std::optional<wide_t> takeWide() {
    const Value *v = args[a];
    if (!isWide(*v))
      return std::nullopt;
    return exactAt(*v, e++);
  }
  /// The rest of the current (char) argument as UTF-8.
  std::string takeRestText() {
    const Value *v = args[a];
    size_t n = v->re.size();
    std::string s = unitsToUtf8(v->re.data() + e, n - (size_t)e);
    e = (int64_t)n;
    return s;
  }

private:
  const std::vector<const Value *> &args;
  size_t a = 0;
  int64_t e = 0;
  int64_t total = 0;
};

std::string flagText(const Spec &s, bool allowZero = true) {
  std::string f = "%";
  if (s.minus)
    f += '-';
  if (s.plus)
    f += '+';
  if (s.space)
    f += ' ';
  if (s.zero && allowZero)
    f += '0';
  if (s.hash)
    f += '#';
  return f;
}

/// snprintf with a runtime format that takes "*" width (and ".*" precision
/// when prec >= 0) before the value.
template <class T>
std::string cFormat(const std::string &f, int width, int prec, T value) {
  char small[256];
  auto run = [&](char *buf, size_t size) {
    if (prec >= 0)
      return std::snprintf(buf, size, f.c_str(), width, prec, value);
    return std::snprintf(buf, size, f.c_str(), width, value);
  };
  int n = run(small, sizeof small);
  if (n < 0)
    return std::string();
  if ((size_t)n < sizeof small)
    return std::string(small, (size_t)n);
  std::string big((size_t)n + 1, '\0');
  run(&big[0], big.size());
  big.resize((size_t)n);
  return big;
}

std::string pad(const std::string &s, int width, bool left) {
  size_t len = textLength(s);
  if (width <= 0 || len >= (size_t)width)
    return s;
  std::string fill((size_t)width - len, ' ');
  return left ? s + fill : fill + s;
}

std::string nonFinite(double x, const Spec &s, int width) {
  std::string t;
  if (std::isnan(x))
    t = "NaN";
  else if (x < 0)
    t = "-Inf";
  else
    t = s.plus ? "+Inf" : (s.space ? " Inf" : "Inf");
  return pad(t, width, s.minus);
}

std::string floatConv(const Spec &s, int width, int prec, char conv, double x) {
  if (!std::isfinite(x))
    return nonFinite(x, s, width);
  std::string f =
      flagText(s) + (prec >= 0 ? "*.*" : "*") + std::string(1, conv);
  return cFormat(f, width, prec, x);
}

bool isIntegral(double x) { return std::isfinite(x) && x == std::trunc(x); }

/// %d %i %u %o %x %X of an exact int64/uint64 value.
std::string wideConv(const Spec &s, int width, int prec, char conv, wide_t x) {
  std::string f = flagText(s) + (prec >= 0 ? "*.*ll" : "*ll");
  if (conv == 'd' || conv == 'i' || (conv == 'u' && x < 0)) {
    if (x > (wide_t)INT64_MAX) // uint64 beyond int64
      return cFormat(flagText(s) + (prec >= 0 ? "*.*llu" : "*llu"), width, prec,
                     (unsigned long long)x);
    return cFormat(f + "d", width, prec, (long long)x);
  }
  return cFormat(f + std::string(1, conv), width, prec,
                 (unsigned long long)(uint64_t)(int64_t)x);
}

std::string integerConv(const Spec &s, int width, int prec, char conv, double x,
                        ClassId cls) {
  if (!std::isfinite(x))
    return nonFinite(x, s, width);
  // intmax('int64') and intmax('uint64') round up as doubles: print the
  // class's true maximum.
  if (cls == ClassId::Int64 && x >= 9223372036854775807.0 && !s.bits) {
    std::string f = flagText(s) + (prec >= 0 ? "*.*ll" : "*ll") +
                    std::string(1, conv == 'i' ? 'd' : conv);
    if (conv == 'd' || conv == 'i' || conv == 'u')
      return cFormat(f, width, prec, (long long)INT64_MAX);
    return cFormat(f, width, prec, (unsigned long long)INT64_MAX);
  }
  if (cls == ClassId::UInt64 && x >= 18446744073709551615.0 && !s.bits) {
    std::string f = flagText(s) + (prec >= 0 ? "*.*ll" : "*ll") +
                    std::string(1, conv == 'd' || conv == 'i' ? 'u' : conv);
    return cFormat(f, width, prec, (unsigned long long)UINT64_MAX);
  }
  if (s.bits) {
    uint64_t bits;
    if (s.bits == 'b') {
      std::memcpy(&bits, &x, sizeof bits);
    } else {
      float fx = (float)x;
      uint32_t b32;
      std::memcpy(&b32, &fx, sizeof b32);
      bits = b32;
    }
    char c = conv == 'd' || conv == 'i' ? 'u' : conv;
    std::string f =
        flagText(s) + (prec >= 0 ? "*.*ll" : "*ll") + std::string(1, c);
    return cFormat(f, width, prec, (unsigned long long)bits);
  }
  if (!isIntegral(x)) // MATLAB switches to %e for non-integers
    return floatConv(s, width, prec, 'e', x);
  bool unsignedConv = conv == 'o' || conv == 'x' || conv == 'X';
  if (unsignedConv) {
    if (x < 0)
      return floatConv(s, width, prec, 'e', x);
    if (x < 18446744073709551616.0) {
      std::string f =
          flagText(s) + (prec >= 0 ? "*.*ll" : "*ll") + std::string(1, conv);
      return cFormat(f, width, prec, (unsigned long long)x);
    }
    return floatConv(s, width, -1, 'e', x);
  }
  if (x == 0)
    x = 0; // no "-0"
  if (x >= -9223372036854775808.0 && x < 9223372036854775808.0) {
    std::string f = flagText(s) + (prec >= 0 ? "*.*lld" : "*lld");
    return cFormat(f, width, prec, (long long)x);
  }
  std::string f = flagText(s) + "*.*f";
  return cFormat(f, width, 0, x);
}

std::string charConv(const Spec &s, int width, int prec, double x,
                     bool isText) {
  if (!std::isfinite(x))
    return nonFinite(x, s, width);
  if (!isIntegral(x) || x < 0 || x > 0x10FFFF)
    return floatConv(s, width, prec, 'e', x);
  std::string t;
  if (isText) {
    double u = x;
    t = unitsToUtf8(&u, 1);
  } else {
    appendCodePoint(t, (uint32_t)x);
  }
  return pad(t, width, s.minus);
}

std::string truncateText(const std::string &s, int prec) {
  if (prec < 0)
    return s;
  size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if (((unsigned char)s[i] & 0xC0) != 0x80) {
      if (count == (size_t)prec)
        break;
      ++count;
    }
  }
  return s.substr(0, i);
}

} // namespace

std::string formatPrintf(const std::string &fmt,
                         const std::vector<const Value *> &args) {
  for (const Value *v : args) {
    if (!v)
      continue;
    if (v->cls == ClassId::Cell || v->cls == ClassId::Struct ||
        v->cls == ClassId::FunctionHandle)
      throwError("MATLAB:printf:invalidInputType",
                 "Function is not defined for '%s' inputs.", className(v->cls));
  }
  std::vector<Piece> pieces = parseFormat(fmt);
  bool anyConv = false;
  for (const Piece &p : pieces)
    anyConv |= !p.literal;
  std::string out;
  if (!anyConv) {
    for (const Piece &p : pieces)
      out += p.text;
    return out;
  }
  DataCursor data(args);
  bool noData = data.totalItems() == 0;
  for (;;) {
    for (const Piece &p : pieces) {
      if (p.literal) {
        out += p.text;
        continue;
      }
      if (!data.has()) {
        // sprintf(literalText): the first conversion and everything after
        // it are dropped. With data arguments that are all empty
        // (sprintf('%d\n', [])) the conversions print nothing and the
        // literal text stays.
        if (args.empty())
          return out;
        if (noData)
          continue;
        return out; // stop before the first conversion lacking data
      }
      const Spec &s = p.spec;
      int width = s.width, prec = s.prec;
      Spec eff = s;
      if (s.widthStar) {
        double w = data.take();
        if (!data.has())
          return out;
        if (std::isnan(w))
          w = 0;
        if (w < 0) {
          eff.minus = true;
          w = -w;
        }
        width = (int)std::min<double>(w, kMaxWidth);
      }
      if (s.precStar) {
        double q = data.take();
        if (!data.has())
          return out;
        prec = std::isnan(q) || q < 0 ? -1
                                      : (int)std::min<double>(q, kMaxPrecision);
      }
      char conv = s.conv;
      if (conv == 's') {
        if (data.currentIsChar()) {
          out += pad(truncateText(data.takeRestText(), prec), width, eff.minus);
        } else {
          double x = data.take();
          std::string t = charConv(eff, -1, prec, x, false);
          if (isIntegral(x) && x >= 0 && x <= 0x10FFFF)
            t = truncateText(t, prec);
          out += pad(t, width, eff.minus);
        }
      } else if (conv == 'c') {
        bool text = data.currentIsChar();
        out += charConv(eff, width, prec, data.take(), text);
      } else if (std::strchr("diuoxX", conv)) {
        ClassId cls = data.currentClass();
        if (auto w = data.takeWide())
          out += wideConv(eff, width, prec, conv, *w);
        else
          out += integerConv(eff, width, prec, conv, data.take(), cls);
      } else {
        out += floatConv(eff, width, prec, conv, data.take());
      }
    }
    if (!data.has())
      break;
  }
  return out;
}

// ---- num2str / int2str ------------------------------------------------------

namespace {

bool isWhite(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r' || c == '\0';
}

/// Splits UTF-8 text into characters (each a short UTF-8 string).
std::vector<std::string> chars(const std::string &s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i + 1;
    while (j < s.size() && ((unsigned char)s[j] & 0xC0) == 0x80)
      ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

/// A char matrix held as rows of characters.
using CharGrid = std::vector<std::vector<std::string>>;

CharGrid toGrid(const std::vector<std::string> &rows) {
  CharGrid g;
  size_t w = 0;
  for (const std::string &r : rows) {
    g.push_back(chars(r));
    w = std::max(w, g.back().size());
  }
  for (auto &r : g)
    r.resize(w, " ");
  return g;
}

bool blankColumn(const CharGrid &g, size_t c) {
  for (const auto &r : g)
    if (!(r[c].size() == 1 && isWhite(r[c][0])))
      return false;
  return true;
}

/// strtrim of a char matrix: drops leading and trailing columns that are
/// blank in every row.
std::vector<std::string> trimGrid(const CharGrid &g) {
  std::vector<std::string> out;
  if (g.empty())
    return out;
  size_t w = g[0].size(), lo = 0, hi = w;
  while (lo < hi && blankColumn(g, lo))
    ++lo;
  while (hi > lo && blankColumn(g, hi - 1))
    --hi;
  if (lo == hi && g.size() == 1)
    return {std::string()};
  for (const auto &r : g) {
    std::string s;
    for (size_t c = lo; c < hi; ++c)
      s += r[c];
    out.push_back(s);
  }
  return out;
}

/// MATLAB's sprintf('%W.Pg', x) for one element (NaN/Inf spelled MATLAB's way).
std::string gText(double x, int width, int prec) {
  if (!std::isfinite(x)) {
    std::string t = std::isnan(x) ? "NaN" : (x < 0 ? "-Inf" : "Inf");
    return pad(t, width, false);
  }
  return cFormat(std::string("%*.*g"), width, prec, x);
}

std::string intText(double x) {
  if (std::isnan(x))
    return "NaN";
  if (std::isinf(x))
    return x < 0 ? "-Inf" : "Inf";
  if (x == 0)
    x = 0;
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.0f", x);
  return buf;
}

double roundHalfAway(double x) { return std::round(x); }

/// The real parts of x seen as a 2-D matrix (N-D arrays fold their trailing
/// dimensions into columns, as reshape(x, size(x,1), [])).
struct Matrix2D {
  int64_t m = 0, n = 0;
  const Value *v = nullptr;
  double re(int64_t i, int64_t j) const { return v->re[(size_t)(j * m + i)]; }
  double im(int64_t i, int64_t j) const {
    size_t k = (size_t)(j * m + i);
    return v->complex && k < v->im.size() ? v->im[k] : 0.0;
  }
};

Matrix2D as2D(const Value &v) {
  Matrix2D M;
  M.v = &v;
  M.m = v.dims.empty() ? 0 : v.dims[0];
  int64_t n = (int64_t)v.re.size();
  M.n = M.m > 0 ? n / M.m : 0;
  return M;
}

bool isComplexValue(const Value &v) {
  if (!v.complex || v.im.empty())
    return false;
  return true;
}

void checkNumericInput(const Value &x, const char *fn) {
  if (!(isNumericClass(x.cls) || x.cls == ClassId::Logical))
    throwError((std::string("MATLAB:") + fn + ":nonNumericInput").c_str(),
               "Input to %s must be numeric.", fn);
}

/// num2str's convertUsingRecycledSprintf: '%{d+7}.{d}g' over each row, a
/// space inserted before a '-' that touches the previous number, strtrim.
std::vector<std::string> recycledG(const Value &x, int d) {
  Matrix2D M = as2D(x);
  int w = d + 7;
  std::vector<std::string> rows;
  std::vector<bool> pads;
  for (int64_t i = 0; i < M.m; ++i) {
    std::string s;
    double rowMin = std::numeric_limits<double>::infinity();
    for (int64_t j = 0; j < M.n; ++j) {
      double v = M.re(i, j);
      if (v == 0)
        v = 0;
      s += gText(v, w, d);
      if (!std::isnan(v))
        rowMin = std::min(rowMin, v);
    }
    if (M.n > 1 && rowMin < 0) {
      for (size_t p = 0; p + 1 < s.size(); ++p)
        if (s[p + 1] == '-' && !isWhite(s[p]) && s[p] != 'e' && s[p] != 'E') {
          if (pads.size() <= p + 1)
            pads.resize(p + 2, false);
          pads[p + 1] = true; // insert a blank column before column p+1
        }
    }
    rows.push_back(s);
  }
  CharGrid g = toGrid(rows);
  for (size_t c = pads.size(); c-- > 0;)
    if (pads[c])
      for (auto &r : g)
        r.insert(r.begin() + (ptrdiff_t)std::min(c, r.size()), " ");
  return trimGrid(g);
}

/// Right-justifies a column of texts (MATLAB's strjust(char(c))).
std::vector<std::string> justifyRight(const std::vector<std::string> &col) {
  CharGrid g = toGrid(col);
  std::vector<std::string> out;
  for (auto &r : g) {
    size_t t = 0;
    while (t < r.size() && r[r.size() - 1 - t] == " ")
      ++t;
    std::string s(t, ' ');
    for (size_t c = 0; c + t < r.size(); ++c)
      s += r[c];
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> padRightColumn(const std::vector<std::string> &col) {
  CharGrid g = toGrid(col);
  std::vector<std::string> out;
  for (auto &r : g) {
    std::string s;
    for (auto &c : r)
      s += c;
    out.push_back(s);
  }
  return out;
}

std::string formatOne(const std::string &fmt, double x) {
  ValueRef v = makeDouble(x);
  return formatPrintf(fmt, {v.get()});
}

/// num2str's column path: each element formatted on its own, columns
/// justified and padded to a common width, then strtrim.
std::vector<std::string> columnsPath(const Value &x, const std::string &f,
                                     bool isPrintfFormat, int forceWidth,
                                     bool padColumnsWithSpace) {
  Matrix2D M = as2D(x);
  bool cplx = isComplexValue(x);
  bool isLeft = isPrintfFormat && f.find("%-") != std::string::npos;
  std::vector<std::vector<std::string>> cols;
  size_t maxWidth = (size_t)std::max(forceWidth, 0);
  for (int64_t j = 0; j < M.n; ++j) {
    std::vector<std::string> raw, imagRaw;
    for (int64_t i = 0; i < M.m; ++i) {
      double r = M.re(i, j);
      if (r == 0)
        r = 0;
      raw.push_back(formatOne(f, r));
      if (cplx) {
        double im = M.im(i, j);
        std::string sign =
            (im < 0 || (im == 0 && std::signbit(im))) ? "-" : "+";
        imagRaw.push_back(sign + formatOne(f, std::fabs(im)) + "i");
      }
    }
    std::vector<std::string> col =
        isLeft && !cplx ? padRightColumn(raw) : justifyRight(raw);
    if (cplx) {
      std::vector<std::string> im = padRightColumn(imagRaw);
      for (size_t k = 0; k < col.size(); ++k)
        col[k] += im[k];
    }
    size_t w = col.empty() ? 0 : textLength(col[0]);
    maxWidth = std::max(maxWidth, w);
    cols.push_back(col);
  }
  std::vector<std::string> rows((size_t)M.m);
  for (auto &col : cols) {
    size_t w = col.empty() ? 0 : textLength(col[0]);
    for (size_t k = 0; k < col.size(); ++k) {
      rows[k] += std::string(maxWidth - w, ' ') + col[k];
      if (padColumnsWithSpace)
        rows[k] += ' ';
    }
  }
  return trimGrid(toGrid(rows));
}

double maxAbsForWidth(const Value &x) {
  // num2str replaces NaN/Inf by a 3-digit number for the width computation.
  double m = 0;
  size_t n = x.re.size();
  for (size_t k = 0; k < n; ++k) {
    double a = std::isfinite(x.re[k]) ? std::fabs(x.re[k]) : 314.0;
    m = std::max(m, a);
    if (x.complex && k < x.im.size()) {
      double b = std::isfinite(x.im[k]) ? std::fabs(x.im[k]) : 314.0;
      m = std::max(m, b);
    }
  }
  return m;
}

bool allIntegralOrNonFinite(const Value &x) {
  for (double v : x.re)
    if (std::isfinite(v) && v != std::trunc(v))
      return false;
  if (x.complex)
    for (double v : x.im)
      if (std::isfinite(v) && v != std::trunc(v))
        return false;
  return true;
}

std::vector<std::string> charRows(const Value &x) {
  std::vector<std::string> rows;
  int64_t m = x.dims.empty() ? 0 : x.dims[0];
  if (x.re.empty())
    return rows;
  for (int64_t i = 0; i < m; ++i)
    rows.push_back(charRowText(x, i));
  return rows;
}

int floorLog10(double x) { return (int)std::floor(std::log10(x)); }

} // namespace

std::vector<std::string> int2str(const Value &x) {
  checkNumericInput(x, "int2str");
  if (x.re.empty())
    return {};
  Matrix2D M = as2D(x);
  // int64/uint64 beyond 2^53 (Int64.h) print their exact digits.
  bool wide = isWide(x);
  auto text = [&](int64_t k) {
    return wide ? exactIntText(x, k) : intText(roundHalfAway(x.re[(size_t)k]));
  };
  if (x.re.size() == 1)
    return {text(0)};
  int d;
  if (wide) {
    size_t digits = 1;
    for (int64_t k = 0; k < x.numel(); ++k) {
      wide_t v = exactAt(x, k);
      digits = std::max(digits, wideText(v < 0 ? -v : v).size());
    }
    d = (int)digits;
  } else {
    double xmax = 0;
    bool nonFiniteSeen = false;
    for (double v : x.re) {
      double r = roundHalfAway(v);
      if (std::isfinite(r))
        xmax = std::max(xmax, std::fabs(r));
      else
        nonFiniteSeen = true;
    }
    d = xmax == 0 ? 1 : floorLog10(xmax) + 1;
    if (nonFiniteSeen)
      d = std::max(d, 3);
  }
  std::vector<std::string> rows;
  for (int64_t i = 0; i < M.m; ++i) {
    std::string s;
    for (int64_t j = 0; j < M.n; ++j)
      s += pad(text(j * M.m + i), d + 2, false);
    rows.push_back(s);
  }
  CharGrid g = toGrid(rows);
  // Trim leading blank columns only (int2str keeps the matrix rectangular).
  size_t lo = 0, w = g.empty() ? 0 : g[0].size();
  while (lo < w && blankColumn(g, lo))
    ++lo;
  std::vector<std::string> out;
  for (auto &r : g) {
    std::string s;
    for (size_t c = lo; c < r.size(); ++c)
      s += r[c];
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> num2str(const Value &x) {
  if (x.cls == ClassId::Char)
    return charRows(x);
  if (x.re.empty())
    return {};
  checkNumericInput(x, "num2str");
  double xmax = maxAbsForWidth(x);
  bool cplx = isComplexValue(x);
  if (allIntegralOrNonFinite(x) &&
      (isIntegerClass(x.cls) || x.cls == ClassId::Logical ||
       xmax < 9007199254740992.0)) {
    if (!cplx)
      return int2str(x);
    int d = xmax == 0 ? 1 : std::min(12, floorLog10(xmax) + 1);
    return columnsPath(x, "%d", false, 2 * (d + 1) + 2, true);
  }
  int d = xmax == 0 ? 1 : std::min(12, std::max(1, floorLog10(xmax) + 1)) + 4;
  if (!cplx)
    return recycledG(x, d);
  return columnsPath(x, "%." + std::to_string(d) + "g", false, 2 * (d + 6) + 2,
                     true);
}

std::vector<std::string> num2str(const Value &x, int precision) {
  if (x.cls == ClassId::Char)
    return charRows(x);
  if (x.re.empty())
    return {};
  checkNumericInput(x, "num2str");
  if (isIntegerClass(x.cls))
    return num2str(x);
  precision = std::max(0, std::min(precision, kMaxPrecision));
  if (!isComplexValue(x))
    return recycledG(x, precision);
  return columnsPath(x, "%." + std::to_string(precision) + "g", false,
                     2 * (precision + 6) + 2, true);
}

std::vector<std::string> num2str(const Value &x, const std::string &format) {
  if (x.cls == ClassId::Char)
    return charRows(x);
  if (x.re.empty())
    return {};
  checkNumericInput(x, "num2str");
  if (format.find('%') == std::string::npos)
    throwError("MATLAB:num2str:fmtInvalid", "'%s' is an invalid format.",
               format.c_str());
  return columnsPath(x, format, true, 0, false);
}

// ---- mat2str ----------------------------------------------------------------

std::string mat2str(const Value &x, int precision, bool withClass) {
  if (x.dims.size() > 2)
    throwError("MATLAB:mat2str:TwoDInput", "Input matrix must be 2-D.");
  if (!(isNumericClass(x.cls) || x.cls == ClassId::Char ||
        x.cls == ClassId::Logical))
    throwError("MATLAB:mat2str:NumericInput",
               "Input matrix must be a numeric, logical, or char array.");
  int64_t rows = x.dims[0], cols = x.dims[1];
  int n = precision > 0 ? std::min(precision, kMaxPrecision) : 15;
  std::string s;
  if (withClass) {
    s = std::string(className(x.cls)) + "(";
  } else if (x.cls == ClassId::Char && !x.re.empty()) {
    bool concat = rows > 1;
    std::vector<std::string> parts;
    for (int64_t i = 0; i < rows; ++i) {
      std::string q;
      for (int64_t j = 0; j < cols; ++j) {
        double u = x.re[(size_t)(j * rows + i)];
        if (u == 0 || (u >= 10 && u <= 13)) {
          q += "' char(" + intText(u) + ") '";
          concat = true;
        } else if (u == '\'') {
          q += "''";
        } else {
          q += unitsToUtf8(&u, 1);
        }
      }
      parts.push_back("'" + q + "'");
    }
    std::string out = concat ? "[" : "";
    for (size_t k = 0; k < parts.size(); ++k)
      out += (k ? ";" : "") + parts[k];
    if (concat)
      out += "]";
    return out;
  }
  if (x.re.empty()) {
    if (rows == 0 && cols == 0)
      s += x.cls == ClassId::Char ? "''" : "[]";
    else
      s += "zeros(" + std::to_string(rows) + "," + std::to_string(cols) + ")";
    if (withClass)
      s += ")";
    return s;
  }
  auto num = [&](double v) {
    if (v == 0)
      v = 0;
    if (std::isnan(v))
      return std::string("NaN");
    if (std::isinf(v))
      return std::string(v < 0 ? "-Inf" : "Inf");
    return cFormat(std::string("%*.*g"), 0, n, v);
  };
  bool cplx = isComplexValue(x);
  if (rows * cols != 1)
    s += "[";
  for (int64_t i = 0; i < rows; ++i) {
    for (int64_t j = 0; j < cols; ++j) {
      size_t k = (size_t)(j * rows + i);
      double v = x.re[k];
      if (x.cls == ClassId::Logical) {
        s += v != 0 ? "true" : "false";
      } else if (cplx) {
        double im = k < x.im.size() ? x.im[k] : 0.0;
        s += num(v);
        s += im < 0 ? "-" : "+";
        if (std::isfinite(im))
          s += num(std::fabs(im)) + "i";
        else
          s += "1i*" + num(std::fabs(im));
      } else if (isIntegerClass(x.cls)) {
        s += exactIntText(x, (int64_t)k); // every digit, as MATLAB
      } else {
        s += num(v);
      }
      if (j + 1 < cols)
        s += " ";
    }
    if (i + 1 < rows)
      s += ";";
  }
  if (rows * cols != 1)
    s += "]";
  if (withClass)
    s += ")";
  return s;
}

} // namespace runmat::rt
