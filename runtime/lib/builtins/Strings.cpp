//===- Strings.cpp - Text builtins ----------------------------------------===//
//
// strcmp strcmpi strncmp strncmpi upper lower strtrim deblank blanks strrep
// strfind strtok strsplit strjoin strcat int2str str2num str2double contains
// startsWith endsWith regexp regexpi regexprep isspace isletter isstrprop and
// the base conversions (dec2bin bin2dec dec2hex hex2dec dec2base base2dec).
//
// Char arrays hold UTF-16 code units; the functions here work on those units
// (std::u16string). Regular expressions use std::regex (ECMAScript) after
// translating the MATLAB-specific syntax (named tokens, \< \>, '.' matching
// newlines, (?i)); matching runs on a thread with a large stack for long
// subjects, since std::regex recurses once per character.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Format.h"
#include "runmat/rt/Ops.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <exception>
#include <functional>
#include <limits>
#include <pthread.h>
#include <regex>
#include <string>
#include <vector>

namespace runmat::rt {

using namespace support;

namespace {

using U16 = std::u16string;

// ---- char <-> units -----------------------------------------------------------

char16_t unitOf(double d) {
  if (!(d >= 0))
    return 0;
  if (d > 65535)
    return 0xFFFF;
  return (char16_t)(uint32_t)d;
}

/// The code units of a char array, column-major (a row's text).
U16 unitsOf(const Value &v) {
  U16 s;
  s.resize(v.re.size());
  for (size_t i = 0; i < v.re.size(); ++i)
    s[i] = unitOf(v.re[i]);
  return s;
}

/// A 1xN char row (1x0 when s is empty).
ValueRef charRow(const U16 &s) {
  ValueRef r = newArray(ClassId::Char, Dims{1, (int64_t)s.size()});
  for (size_t i = 0; i < s.size(); ++i)
    r->re[i] = (double)s[i];
  return r;
}

/// Errors "Requested array exceeds the maximum possible size." when a text
/// of n units could not exist as a char array.
void checkTextLen(size_t n) {
  if (n > ((size_t)1 << 62))
    sizeLimit();
  checkedNumel(Dims{1, (int64_t)n});
}

/// A 0x0 char ('').
ValueRef emptyChar() { return makeArray(ClassId::Char, Dims{0, 0}); }

/// A piece of text cut out by regexp/strsplit: 1xN, or 0x0 when empty (as
/// MATLAB shows {0x0 char} for empty split pieces).
ValueRef piece(const U16 &s) { return s.empty() ? emptyChar() : charRow(s); }

U16 asciiU16(const char *s) {
  U16 r;
  for (; *s; ++s)
    r.push_back((char16_t)(unsigned char)*s);
  return r;
}

bool isCharRowish(const Value &v) { return v.cls == ClassId::Char && (v.isRow() || v.isEmpty()); }

bool isCellOfText(const Value &v) {
  if (v.cls != ClassId::Cell)
    return false;
  for (const ValueRef &c : v.cells)
    if (!c || !isCharRowish(*c))
      return false;
  return true;
}

ValueRef logicalArray(const Dims &d) { return newArray(ClassId::Logical, d); }

// ---- character classes -----------------------------------------------------

bool isWs(char16_t c) {
  switch (c) {
  case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
  case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
  case 0x205F: case 0x3000:
    return true;
  default:
    return c >= 0x2000 && c <= 0x200A;
  }
}

/// Whitespace strtrim removes: isspace minus the "significant" ones.
bool isTrimWs(char16_t c) {
  return isWs(c) && c != 0x85 && c != 0xA0 && c != 0x2007 && c != 0x202F;
}

bool isAsciiWs(char16_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

bool isUpperCh(char16_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x400 && c <= 0x42F);
}

bool isLowerCh(char16_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
         c == 0xB5 || (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F);
}

bool isLetterCh(char16_t c) {
  if (isUpperCh(c) || isLowerCh(c) || c == 0xAA || c == 0xBA)
    return true;
  if (c >= 0x100 && c <= 0x24F) // Latin Extended-A/B
    return true;
  if (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387)
    return true;
  if (c >= 0x400 && c <= 0x52F)
    return !(c >= 0x482 && c <= 0x489);
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3))
    return true;
  return false;
}

bool isDigitCh(char16_t c) { return c >= '0' && c <= '9'; }

bool isPunctCh(char16_t c) {
  if (c < 128)
    return c > 32 && c < 127 && !std::isalnum((int)c);
  return (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xBA && c != 0xB5) ||
         c == 0xD7 || c == 0xF7;
}

char16_t toUpperCh(char16_t c) {
  if (c >= 'a' && c <= 'z')
    return (char16_t)(c - 32);
  if (c < 128)
    return c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
    return (char16_t)(c - 32);
  if (c == 0xFF)
    return 0x178;
  if (c == 0xB5)
    return 0x39C;
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2)
    return (char16_t)(c - 32);
  if (c == 0x3C2)
    return 0x3A3;
  if (c >= 0x430 && c <= 0x44F)
    return (char16_t)(c - 32);
  if (c >= 0x450 && c <= 0x45F)
    return (char16_t)(c - 80);
  return c;
}

char16_t toLowerCh(char16_t c) {
  if (c >= 'A' && c <= 'Z')
    return (char16_t)(c + 32);
  if (c < 128)
    return c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
    return (char16_t)(c + 32);
  if (c == 0x178)
    return 0xFF;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
    return (char16_t)(c + 32);
  if (c >= 0x410 && c <= 0x42F)
    return (char16_t)(c + 32);
  if (c >= 0x400 && c <= 0x40F)
    return (char16_t)(c + 80);
  return c;
}

U16 lowerU16(U16 s) {
  for (char16_t &c : s)
    c = toLowerCh(c);
  return s;
}

/// Expands the escapes MATLAB's strsplit/strjoin accept in delimiters.
U16 expandEscapesU16(const U16 &s) {
  U16 out;
  for (size_t i = 0; i < s.size(); ++i) {
    char16_t c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out.push_back(c);
      continue;
    }
    char16_t e = s[++i];
    switch (e) {
    case 'n': out.push_back('\n'); break;
    case 't': out.push_back('\t'); break;
    case 'r': out.push_back('\r'); break;
    case 'f': out.push_back('\f'); break;
    case 'v': out.push_back('\v'); break;
    case 'a': out.push_back('\a'); break;
    case 'b': out.push_back('\b'); break;
    case '0': out.push_back(0); break;
    case '\\': out.push_back('\\'); break;
    default:
      out.push_back('\\');
      out.push_back(e);
    }
  }
  return out;
}

// ---- mapping over char arrays and cellstr ------------------------------------

/// Applies f to a char array, or to every element of a cell of char arrays
/// (result: a cell of the same size). Other classes: error.
ValueRef mapText(const ValueRef &in, const char *fn, const char *id,
                 const char *msg, const std::function<ValueRef(const ValueRef &)> &f) {
  const Value &v = *in;
  if (v.cls == ClassId::Char)
    return f(in);
  if (v.cls == ClassId::Cell) {
    ValueRef out = makeCell(v.dims);
    for (size_t k = 0; k < v.cells.size(); ++k) {
      const ValueRef &c = v.cells[k];
      if (!c || c->cls != ClassId::Char)
        throwErrorIn(fn, id, "%s", msg);
      out->cells[k] = f(c);
    }
    return out;
  }
  throwErrorIn(fn, id, "%s", msg);
}

// ---- comparison --------------------------------------------------------------

/// strcmp-style comparison of two values (each not a cell).
bool textEqual(const Value &a, const Value &b, bool icase, int64_t n) {
  if (a.cls != ClassId::Char || b.cls != ClassId::Char)
    return false;
  if (n < 0) {
    if (a.dims != b.dims) {
      // '' (0x0) and 1x0 compare equal: both are empty text.
      if (!(a.isEmpty() && b.isEmpty() && a.dims.size() == 2 && b.dims.size() == 2))
        return false;
    }
    for (size_t i = 0; i < a.re.size(); ++i) {
      char16_t x = unitOf(a.re[i]), y = unitOf(b.re[i]);
      if (icase ? toLowerCh(x) != toLowerCh(y) : x != y)
        return false;
    }
    return true;
  }
  // strncmp: the first n characters; shorter text must match completely.
  size_t la = a.re.size(), lb = b.re.size(), nn = (size_t)n;
  size_t ma = std::min(la, nn), mb = std::min(lb, nn);
  if (ma != mb)
    return false;
  for (size_t i = 0; i < ma; ++i) {
    char16_t x = unitOf(a.re[i]), y = unitOf(b.re[i]);
    if (icase ? toLowerCh(x) != toLowerCh(y) : x != y)
      return false;
  }
  return true;
}

Args strcmpFamily(const char *fn, const Args &args, bool icase, bool withN) {
  int64_t n = -1;
  if (withN) {
    const Value &nv = *args[2];
    if (!isArithmetic(nv) || nv.cls == ClassId::Char || nv.re.size() != 1 ||
        nv.complex || !(nv.re[0] >= 0) || std::floor(nv.re[0]) != nv.re[0])
      throwErrorIn(fn, "MATLAB:strncmp:InvalidNumber",
                   "N must be a nonnegative integer.");
    double d = nv.re[0];
    n = d > 9e18 ? (int64_t)9e18 : (int64_t)d;
  }
  const Value &a = *args[0], &b = *args[1];
  bool ca = a.cls == ClassId::Cell, cb = b.cls == ClassId::Cell;
  if (!ca && !cb)
    return {makeBool(textEqual(a, b, icase, n))};
  auto elemEq = [&](const ValueRef &x, const ValueRef &y) {
    return x && y && textEqual(*x, *y, icase, n);
  };
  if (ca && cb) {
    int64_t na = a.numel(), nb = b.numel();
    if (na == 1 || nb == 1 || a.dims == b.dims) {
      const Value &big = (na == 1 && nb != 1) ? b : a;
      ValueRef r = logicalArray(big.dims);
      int64_t m = big.numel();
      for (int64_t k = 0; k < m; ++k)
        r->re[(size_t)k] = elemEq(a.cells[(size_t)(na == 1 ? 0 : k)],
                                  b.cells[(size_t)(nb == 1 ? 0 : k)]);
      return {r};
    }
    throwErrorIn(fn, "MATLAB:strcmp:InputsSizeMismatch",
                 "Inputs must be the same size or either one can be a scalar.");
  }
  const Value &c = ca ? a : b;
  ValueRef other = ca ? args[1] : args[0];
  ValueRef r = logicalArray(c.dims);
  for (size_t k = 0; k < c.cells.size(); ++k)
    r->re[k] = elemEq(c.cells[k], other);
  return {r};
}

// ---- trimming ---------------------------------------------------------------

/// Removes leading (lead) and trailing columns of a 2-D char array whose
/// characters all satisfy pred.
ValueRef trimColumns(const ValueRef &in, bool lead, bool (*pred)(char16_t)) {
  const Value &v = *in;
  if (v.isEmpty())
    return in;
  int64_t r = v.rows(), c = v.cols();
  auto blankCol = [&](int64_t j) {
    for (int64_t i = 0; i < r; ++i)
      if (!pred(unitOf(v.re[(size_t)(j * r + i)])))
        return false;
    return true;
  };
  int64_t lo = 0, hi = c;
  if (lead)
    while (lo < c && blankCol(lo))
      ++lo;
  while (hi > lo && blankCol(hi - 1))
    --hi;
  if (lo == 0 && hi == c)
    return in;
  if (hi == lo) // nothing left: '' (0x0) for a row, as MATLAB returns
    return newArray(ClassId::Char, Dims{r == 1 ? 0 : r, 0});
  ValueRef out = newArray(ClassId::Char, Dims{r, hi - lo});
  for (int64_t j = lo; j < hi; ++j)
    for (int64_t i = 0; i < r; ++i)
      out->re[(size_t)((j - lo) * r + i)] = v.re[(size_t)(j * r + i)];
  return out;
}

bool isTrimWsOrNull(char16_t c) { return c == 0 || isWs(c); }

// ---- substring search ----------------------------------------------------------

/// All (overlapping) start positions of pat in s; none for an empty pat.
std::vector<size_t> findAll(const U16 &s, const U16 &pat, bool overlap = true) {
  std::vector<size_t> out;
  if (pat.empty() || pat.size() > s.size())
    return out;
  size_t pos = 0;
  while ((pos = s.find(pat, pos)) != U16::npos) {
    out.push_back(pos);
    pos += overlap ? 1 : pat.size();
  }
  return out;
}

/// MATLAB strrep: every (overlapping) occurrence is replaced.
U16 strrepText(const U16 &s, const U16 &from, const U16 &to) {
  std::vector<size_t> hits = findAll(s, from, true);
  if (hits.empty())
    return s;
  size_t grow = 0;
  if (__builtin_mul_overflow(hits.size(), to.size(), &grow))
    sizeLimit();
  checkTextLen(grow > ((size_t)1 << 62) ? grow : s.size() + grow);
  U16 out;
  size_t covered = 0, h = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (h < hits.size() && hits[h] == i) {
      out += to;
      covered = i + from.size();
      ++h;
    } else if (i >= covered) {
      out.push_back(s[i]);
    }
  }
  return out;
}

U16 replaceText(const U16 &s, const U16 &from, const U16 &to) {
  if (from.empty())
    return s;
  U16 out;
  size_t pos = 0;
  for (;;) {
    size_t k = s.find(from, pos);
    if (k == U16::npos)
      break;
    out.append(s, pos, k - pos);
    checkTextLen(out.size() + to.size());
    out += to;
    pos = k + from.size();
  }
  out.append(s, pos, U16::npos);
  return out;
}

/// A char result that keeps a 0x0 input as 0x0 and otherwise is a row.
ValueRef textResult(const Value &orig, const U16 &s) {
  if (s.empty() && orig.isEmpty() && orig.rows() == 0)
    return makeArray(ClassId::Char, orig.dims);
  return charRow(s);
}

// ---- name/value options ---------------------------------------------------------

bool logicalOption(const Value &v, const char *fn, const char *name) {
  if ((isArithmetic(v) && v.cls != ClassId::Char) && v.re.size() == 1 &&
      !std::isnan(v.re[0]))
    return v.re[0] != 0;
  throwErrorIn(fn, "MATLAB:InputParser:ArgumentFailedValidation",
               "The value of '%s' is invalid. It must be a logical scalar.",
               name);
}

// ---- regular expressions -------------------------------------------------------

struct RegexOptions {
  bool icase = false;
  bool dotAll = true;
  bool lineAnchors = false;
  bool emptyMatch = false;
  bool freeSpacing = false;
};

struct CompiledRegex {
  std::wregex re;
  std::vector<std::string> names; // per capture group (index 1..), "" unnamed
  size_t groups = 0;
};

std::wstring toW(const U16 &s) { return std::wstring(s.begin(), s.end()); }

int hexDigit(char16_t c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

[[noreturn]] void regexUnsupported(const char *fn, const char *what) {
  throwErrorIn(fn, "RunMat:regexp:unsupported",
               "The regular expression construct %s is not supported.", what);
}

void appendHexEscape(std::wstring &out, uint32_t cp) {
  static const char *hx = "0123456789ABCDEF";
  if (cp > 0xFFFF)
    cp = 0xFFFD;
  out += L"\\u";
  for (int sh = 12; sh >= 0; sh -= 4)
    out.push_back((wchar_t)hx[(cp >> sh) & 15]);
}

/// Translates a MATLAB regular expression into ECMAScript for std::regex.
CompiledRegex compileRegex(const char *fn, const U16 &pat, RegexOptions opt) {
  CompiledRegex cr;
  std::wstring out;
  size_t n = pat.size();
  std::vector<std::pair<std::string, size_t>> named;
  for (size_t i = 0; i < n; ++i) {
    char16_t c = pat[i];
    if (opt.freeSpacing) {
      if (isAsciiWs(c))
        continue;
      if (c == '#') {
        while (i < n && pat[i] != '\n')
          ++i;
        continue;
      }
    }
    if (c == '\\') {
      if (i + 1 >= n) {
        out += L"\\\\";
        continue;
      }
      char16_t e = pat[++i];
      if (e == '<' || e == '>') {
        out += L"\\b";
      } else if (e == 'a') {
        out += L"\\x07";
      } else if (e == 'e') {
        out += L"\\x1B";
      } else if (e == 'x' && i + 1 < n && pat[i + 1] == '{') {
        uint32_t cp = 0;
        size_t j = i + 2;
        while (j < n && hexDigit(pat[j]) >= 0) {
          cp = std::min<uint32_t>(cp * 16 + (uint32_t)hexDigit(pat[j]), 0x10FFFF);
          ++j;
        }
        if (j < n && pat[j] == '}')
          i = j;
        appendHexEscape(out, cp);
      } else if (e == 'o' && i + 1 < n && pat[i + 1] == '{') {
        uint32_t cp = 0;
        size_t j = i + 2;
        while (j < n && pat[j] >= '0' && pat[j] <= '7') {
          cp = std::min<uint32_t>(cp * 8 + (uint32_t)(pat[j] - '0'), 0x10FFFF);
          ++j;
        }
        if (j < n && pat[j] == '}')
          i = j;
        appendHexEscape(out, cp);
      } else if (e == 'k' && i + 1 < n && pat[i + 1] == '<') {
        size_t j = i + 2;
        std::string name;
        while (j < n && pat[j] != '>')
          name.push_back((char)pat[j++]);
        size_t g = 0;
        for (auto &p : named)
          if (p.first == name)
            g = p.second;
        if (!g)
          throwErrorIn(fn, "MATLAB:regexp:badNamedToken",
                       "Unknown named token '%s'.", name.c_str());
        out += L"\\" + std::to_wstring(g);
        i = j;
      } else {
        out.push_back(L'\\');
        out.push_back((wchar_t)e);
      }
      continue;
    }
    if (c == '[') {
      // Copy a character class verbatim (a leading ']' is literal).
      out.push_back(L'[');
      size_t j = i + 1;
      if (j < n && pat[j] == '^')
        out.push_back(L'^'), ++j;
      if (j < n && pat[j] == ']')
        out += L"\\]", ++j;
      for (; j < n && pat[j] != ']'; ++j) {
        if (pat[j] == '\\' && j + 1 < n) {
          out.push_back(L'\\');
          out.push_back((wchar_t)pat[++j]);
        } else if (pat[j] == '[' && j + 1 < n && pat[j + 1] == ':') {
          size_t close = pat.find(u":]", j + 2);
          if (close == U16::npos) {
            out += L"\\[";
            continue;
          }
          for (size_t q = j; q < close + 2; ++q)
            out.push_back((wchar_t)pat[q]);
          j = close + 1;
        } else if (pat[j] == '[') {
          out += L"\\[";
        } else {
          out.push_back((wchar_t)pat[j]);
        }
      }
      if (j >= n)
        throwErrorIn(fn, "MATLAB:regexp:UnmatchedBracket",
                     "The regular expression has an unmatched '['.");
      out.push_back(L']');
      i = j;
      continue;
    }
    if (c == '(') {
      if (i + 1 < n && pat[i + 1] == '?') {
        char16_t k = i + 2 < n ? pat[i + 2] : 0;
        if (k == ':' || k == '=' || k == '!') {
          out += L"(?";
          out.push_back((wchar_t)k);
          i += 2;
          continue;
        }
        if (k == '<' && i + 3 < n && (pat[i + 3] == '=' || pat[i + 3] == '!'))
          regexUnsupported(fn, "(?<=...) (lookbehind)");
        if (k == '<') {
          size_t j = i + 3;
          std::string name;
          while (j < n && pat[j] != '>')
            name.push_back((char)pat[j++]);
          if (j >= n || name.empty())
            throwErrorIn(fn, "MATLAB:regexp:badNamedToken",
                         "The named token syntax is incorrect.");
          ++cr.groups;
          cr.names.resize(cr.groups + 1);
          cr.names[cr.groups] = name;
          named.push_back({name, cr.groups});
          out.push_back(L'(');
          i = j;
          continue;
        }
        if (k == '#') {
          size_t j = i + 2;
          while (j < n && pat[j] != ')')
            ++j;
          i = j;
          continue;
        }
        // Inline flags (?i) (?-i) (?s) (?-s) (?m) (?x) at the start only.
        size_t j = i + 2;
        bool neg = false, ok = true;
        RegexOptions o2 = opt;
        for (; j < n && pat[j] != ')'; ++j) {
          char16_t f = pat[j];
          if (f == '-')
            neg = true;
          else if (f == 'i')
            o2.icase = !neg;
          else if (f == 's')
            o2.dotAll = !neg;
          else if (f == 'm')
            o2.lineAnchors = !neg;
          else if (f == 'x')
            o2.freeSpacing = !neg;
          else {
            ok = false;
            break;
          }
        }
        if (!ok || j >= n)
          regexUnsupported(fn, "(?...)");
        if (o2.icase != opt.icase || o2.lineAnchors != opt.lineAnchors) {
          if (!out.empty())
            regexUnsupported(fn, "inline (?i)/(?m) after the start");
        }
        opt = o2;
        i = j;
        continue;
      }
      ++cr.groups;
      cr.names.resize(cr.groups + 1);
      out.push_back(L'(');
      continue;
    }
    if (c == '.') {
      out += opt.dotAll ? L"[\\s\\S]" : L"[^\\n]";
      continue;
    }
    if ((c == '+') && !out.empty() && i > 0 &&
        (pat[i - 1] == '*' || pat[i - 1] == '+' || pat[i - 1] == '?' ||
         pat[i - 1] == '}') &&
        !(i >= 2 && pat[i - 2] == '\\')) {
      // A possessive quantifier: approximated by the greedy one.
      if (!(pat[i - 1] == '?' && i >= 2 &&
            (pat[i - 2] == '*' || pat[i - 2] == '+' || pat[i - 2] == '}'))) {
        continue;
      }
    }
    out.push_back((wchar_t)c);
  }
  cr.names.resize(cr.groups + 1);
  auto flags = std::regex_constants::ECMAScript | std::regex_constants::optimize;
  if (opt.icase)
    flags |= std::regex_constants::icase;
  if (opt.lineAnchors)
    flags |= std::regex_constants::multiline;
  try {
    cr.re.assign(out, flags);
  } catch (const std::regex_error &e) {
    throwErrorIn(fn, "MATLAB:regexp:invalidPattern",
                 "Invalid regular expression: %s", e.what());
  }
  return cr;
}

struct Match {
  size_t start = 0, end = 0;              // [start, end) in units
  std::vector<std::pair<long, long>> grp; // per group: start, end (-1 unmatched)
};

/// Runs f on a thread with a stack large enough for std::regex's recursion
/// over a subject of n units (inline for short subjects).
void withRegexStack(size_t n, const std::function<void()> &f) {
  if (n < 2000) {
    f();
    return;
  }
  struct Ctx {
    const std::function<void()> *f;
    std::exception_ptr err;
  } ctx{&f, nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  size_t stack = (size_t)256 << 20;
  size_t want = n * 2048;
  if (want > stack)
    stack = std::min(want, (size_t)16 << 30);
  pthread_attr_setstacksize(&attr, stack);
  pthread_t th;
  auto body = [](void *p) -> void * {
    Ctx *c = (Ctx *)p;
    try {
      (*c->f)();
    } catch (...) {
      c->err = std::current_exception();
    }
    return nullptr;
  };
  if (pthread_create(&th, &attr, body, &ctx) != 0) {
    pthread_attr_destroy(&attr);
    f();
    return;
  }
  pthread_attr_destroy(&attr);
  pthread_join(th, nullptr);
  if (ctx.err)
    std::rethrow_exception(ctx.err);
}

/// All matches of cr in s (first only when once).
std::vector<Match> findMatches(const char *fn, const CompiledRegex &cr,
                               const U16 &s16, bool once, bool emptyMatch) {
  std::vector<Match> out;
  std::wstring s = toW(s16);
  withRegexStack(s.size(), [&] {
    try {
      size_t pos = 0;
      while (pos <= s.size()) {
        std::wsmatch m;
        auto flags = std::regex_constants::match_default;
        if (pos > 0)
          flags |= std::regex_constants::match_prev_avail;
        if (!std::regex_search(s.cbegin() + (long)pos, s.cend(), m, cr.re, flags))
          break;
        Match mt;
        mt.start = (size_t)(m[0].first - s.cbegin());
        mt.end = (size_t)(m[0].second - s.cbegin());
        if (mt.end == mt.start && !emptyMatch) {
          // Zero-length matches are ignored (MATLAB's 'noemptymatch').
          pos = mt.start + 1;
          continue;
        }
        for (size_t g = 1; g <= cr.groups && g < m.size(); ++g) {
          if (m[g].matched)
            mt.grp.push_back({(long)(m[g].first - s.cbegin()),
                              (long)(m[g].second - s.cbegin())});
          else
            mt.grp.push_back({-1, -1});
        }
        while (mt.grp.size() < cr.groups)
          mt.grp.push_back({-1, -1});
        out.push_back(mt);
        if (once)
          break;
        pos = mt.end > mt.start ? mt.end : mt.end + 1;
      }
    } catch (const std::regex_error &e) {
      throwErrorIn(fn, "MATLAB:regexp:complexity",
                   "The regular expression is too complex to evaluate: %s",
                   e.what());
    }
  });
  return out;
}

enum class ROut { Start, End, TokenExtents, Match, Tokens, Names, Split };

bool parseRegexOption(const Value &o, RegexOptions &opt, bool &once) {
  if (textIs(o, "once"))
    once = true;
  else if (textIs(o, "ignorecase"))
    opt.icase = true;
  else if (textIs(o, "matchcase"))
    opt.icase = false;
  else if (textIs(o, "emptymatch"))
    opt.emptyMatch = true;
  else if (textIs(o, "noemptymatch"))
    opt.emptyMatch = false;
  else if (textIs(o, "dotall"))
    opt.dotAll = true;
  else if (textIs(o, "dotexceptnewline"))
    opt.dotAll = false;
  else if (textIs(o, "lineanchors"))
    opt.lineAnchors = true;
  else if (textIs(o, "stringanchors"))
    opt.lineAnchors = false;
  else if (textIs(o, "freespacing"))
    opt.freeSpacing = true;
  else if (textIs(o, "literalspacing"))
    opt.freeSpacing = false;
  else if (textIs(o, "warnings") || textIs(o, "preservecase"))
    ;
  else
    return false;
  return true;
}

ValueRef rowOfDoubles(const std::vector<double> &v) {
  ValueRef r = newArray(ClassId::Double, Dims{1, (int64_t)v.size()});
  for (size_t i = 0; i < v.size(); ++i)
    r->re[i] = v[i];
  return r;
}

ValueRef tokenText(const U16 &s, long a, long b) {
  if (a < 0)
    return emptyChar();
  return piece(s.substr((size_t)a, (size_t)(b - a)));
}

/// The regexp output `k` for one subject.
ValueRef regexpOutput(ROut k, const U16 &s, const CompiledRegex &cr,
                      const std::vector<Match> &ms, bool once) {
  size_t n = ms.size();
  auto tokensOf = [&](const Match &m) {
    if (cr.groups == 0) {
      ValueRef t = makeCell(Dims{1, 1});
      t->cells[0] = piece(s.substr(m.start, m.end - m.start));
      return t;
    }
    ValueRef t = makeCell(Dims{1, (int64_t)cr.groups});
    for (size_t g = 0; g < cr.groups; ++g)
      t->cells[g] = tokenText(s, m.grp[g].first, m.grp[g].second);
    return t;
  };
  auto extentsOf = [&](const Match &m) {
    if (cr.groups == 0) {
      ValueRef e = newArray(ClassId::Double, Dims{1, 2});
      e->re[0] = (double)m.start + 1;
      e->re[1] = (double)m.end;
      return e;
    }
    int64_t g = (int64_t)cr.groups;
    ValueRef e = newArray(ClassId::Double, Dims{g, 2});
    for (int64_t q = 0; q < g; ++q) {
      long a = m.grp[(size_t)q].first, b = m.grp[(size_t)q].second;
      e->re[(size_t)q] = a < 0 ? (double)m.start + 1 : (double)a + 1;
      e->re[(size_t)(q + g)] = a < 0 ? (double)m.start : (double)b;
    }
    return e;
  };
  switch (k) {
  case ROut::Start:
  case ROut::End: {
    std::vector<double> v;
    for (const Match &m : ms)
      v.push_back(k == ROut::Start ? (double)m.start + 1 : (double)m.end);
    if (once)
      return v.empty() ? makeEmpty() : makeDouble(v[0]);
    return rowOfDoubles(v);
  }
  case ROut::TokenExtents: {
    if (once)
      return n ? extentsOf(ms[0]) : makeEmpty();
    ValueRef c = makeCell(Dims{1, (int64_t)n});
    for (size_t i = 0; i < n; ++i)
      c->cells[i] = extentsOf(ms[i]);
    return c;
  }
  case ROut::Match: {
    if (once)
      return n ? piece(s.substr(ms[0].start, ms[0].end - ms[0].start))
               : emptyChar();
    ValueRef c = makeCell(Dims{1, (int64_t)n});
    for (size_t i = 0; i < n; ++i)
      c->cells[i] = piece(s.substr(ms[i].start, ms[i].end - ms[i].start));
    return c;
  }
  case ROut::Tokens: {
    if (once)
      return n ? tokensOf(ms[0]) : makeCell(Dims{0, 0});
    ValueRef c = makeCell(Dims{1, (int64_t)n});
    for (size_t i = 0; i < n; ++i)
      c->cells[i] = tokensOf(ms[i]);
    return c;
  }
  case ROut::Names: {
    std::vector<std::string> fields;
    std::vector<size_t> gidx;
    for (size_t g = 1; g <= cr.groups; ++g)
      if (!cr.names[g].empty() &&
          std::find(fields.begin(), fields.end(), cr.names[g]) == fields.end()) {
        fields.push_back(cr.names[g]);
        gidx.push_back(g - 1);
      }
    if (fields.empty())
      return makeStruct(Dims{1, 1}, {});
    size_t cnt = once ? std::min<size_t>(n, 1) : n;
    ValueRef st = makeStruct(cnt == 0 ? Dims{0, 0} : Dims{1, (int64_t)cnt}, fields);
    for (size_t i = 0; i < cnt; ++i)
      for (size_t f = 0; f < fields.size(); ++f) {
        auto g = ms[i].grp[gidx[f]];
        st->cells[i * fields.size() + f] = tokenText(s, g.first, g.second);
      }
    return st;
  }
  case ROut::Split: {
    ValueRef c = makeCell(Dims{1, (int64_t)n + 1});
    size_t prev = 0;
    for (size_t i = 0; i < n; ++i) {
      c->cells[i] = piece(s.substr(prev, ms[i].start - prev));
      prev = ms[i].end;
    }
    c->cells[n] = piece(s.substr(prev));
    return c;
  }
  }
  return makeEmpty();
}

Args regexpImpl(const char *fn, int nargout, const Args &args, bool icase) {
  const Value &str = *args[0], &pat = *args[1];
  bool strCell = str.cls == ClassId::Cell, patCell = pat.cls == ClassId::Cell;
  if (!(str.cls == ClassId::Char || isCellOfText(str)))
    throwErrorIn(fn, "MATLAB:regexp:InvalidInput",
                 "The first argument (STRING) must be a character vector or a "
                 "cell array of character vectors.");
  if (!(pat.cls == ClassId::Char || isCellOfText(pat)))
    throwErrorIn(fn, "MATLAB:regexp:InvalidInput",
                 "The second argument (EXPRESSION) must be a character vector "
                 "or a cell array of character vectors.");
  RegexOptions opt;
  opt.icase = icase;
  bool once = false, forceCell = false;
  std::vector<ROut> order;
  for (size_t a = 2; a < args.size(); ++a) {
    const Value &o = *args[a];
    if (!isCharRowish(o))
      throwErrorIn(fn, "MATLAB:regexp:InvalidOption",
                   "All options must be character vectors.");
    if (parseRegexOption(o, opt, once))
      continue;
    if (textIs(o, "forceCellOutput")) {
      forceCell = true;
      continue;
    }
    ROut k;
    if (textIs(o, "start"))
      k = ROut::Start;
    else if (textIs(o, "end"))
      k = ROut::End;
    else if (textIs(o, "tokenExtents"))
      k = ROut::TokenExtents;
    else if (textIs(o, "match"))
      k = ROut::Match;
    else if (textIs(o, "tokens"))
      k = ROut::Tokens;
    else if (textIs(o, "names"))
      k = ROut::Names;
    else if (textIs(o, "split"))
      k = ROut::Split;
    else
      throwErrorIn(fn, "MATLAB:regexp:UnknownOption",
                   "Invalid option for regexp: %s.", textOf(o).c_str());
    order.push_back(k);
  }
  const ROut defaults[] = {ROut::Start,  ROut::End,   ROut::TokenExtents,
                           ROut::Match,  ROut::Tokens, ROut::Names,
                           ROut::Split};
  for (ROut d : defaults)
    if (std::find(order.begin(), order.end(), d) == order.end())
      order.push_back(d);
  int nout = std::max(nargout, 1);
  if (nout > 7)
    throwErrorIn(fn, "MATLAB:TooManyOutputs", "Too many output arguments.");
  order.resize((size_t)nout);

  // Subjects and patterns: a cell on either side gives cell outputs.
  Dims outDims{1, 1};
  size_t count = 1;
  if (strCell || patCell) {
    if (strCell && patCell && str.numel() != 1 && pat.numel() != 1 &&
        str.dims != pat.dims)
      throwErrorIn(fn, "MATLAB:regexp:CellSizeMismatch",
                   "Cell arguments must be the same size or scalar.");
    outDims = strCell && (!patCell || str.numel() != 1 || pat.numel() == 1)
                  ? str.dims
                  : pat.dims;
    count = (size_t)numelOf(outDims);
  }
  Args outs;
  for (size_t q = 0; q < order.size(); ++q)
    outs.push_back((strCell || patCell) ? makeCell(outDims) : ValueRef());
  for (size_t i = 0; i < count; ++i) {
    const Value &sv =
        strCell ? *str.cells[str.numel() == 1 ? 0 : i] : str;
    const Value &pv = patCell ? *pat.cells[pat.numel() == 1 ? 0 : i] : pat;
    U16 s = unitsOf(sv);
    CompiledRegex cr = compileRegex(fn, unitsOf(pv), opt);
    std::vector<Match> ms = findMatches(fn, cr, s, once, opt.emptyMatch);
    for (size_t q = 0; q < order.size(); ++q) {
      ValueRef r = regexpOutput(order[q], s, cr, ms, once);
      if (strCell || patCell)
        outs[q]->cells[i] = r;
      else
        outs[q] = r;
    }
  }
  if (forceCell && !strCell && !patCell)
    for (ValueRef &o : outs) {
      ValueRef c = makeCell(Dims{1, 1});
      c->cells[0] = o;
      o = c;
    }
  return outs;
}

/// Expands a regexprep replacement for one match.
U16 expandReplacement(const U16 &rep, const U16 &s, const Match &m,
                      const CompiledRegex &cr) {
  U16 out;
  size_t n = rep.size();
  auto group = [&](size_t g) {
    checkTextLen(out.size() + s.size());
    if (g == 0) {
      out.append(s, m.start, m.end - m.start);
    } else if (g <= m.grp.size() && m.grp[g - 1].first >= 0) {
      out.append(s, (size_t)m.grp[g - 1].first,
                 (size_t)(m.grp[g - 1].second - m.grp[g - 1].first));
    }
  };
  for (size_t i = 0; i < n; ++i) {
    char16_t c = rep[i];
    if (c == '$' && i + 1 < n) {
      char16_t d = rep[i + 1];
      if (isDigitCh(d)) {
        size_t g = (size_t)(d - '0');
        ++i;
        // A second digit when such a token exists.
        if (i + 1 < n && isDigitCh(rep[i + 1]) &&
            g * 10 + (size_t)(rep[i + 1] - '0') <= cr.groups) {
          g = g * 10 + (size_t)(rep[i + 1] - '0');
          ++i;
        }
        group(g);
        continue;
      }
      if (d == '<') {
        size_t close = rep.find(u'>', i + 2);
        if (close != U16::npos) {
          std::string name;
          for (size_t q = i + 2; q < close; ++q)
            name.push_back((char)rep[q]);
          for (size_t g = 1; g <= cr.groups; ++g)
            if (cr.names[g] == name) {
              group(g);
              break;
            }
          i = close;
          continue;
        }
      }
      out.push_back(c);
      continue;
    }
    if (c == '\\' && i + 1 < n) {
      char16_t e = rep[++i];
      switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'f': out.push_back('\f'); break;
      case 'v': out.push_back('\v'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'x': {
        uint32_t cp = 0;
        size_t j = i + 1;
        bool brace = j < n && rep[j] == '{';
        if (brace)
          ++j;
        size_t st = j;
        while (j < n && hexDigit(rep[j]) >= 0) {
          cp = std::min<uint32_t>(cp * 16 + (uint32_t)hexDigit(rep[j]), 0xFFFF);
          ++j;
        }
        if (j == st) {
          out.push_back('x');
          break;
        }
        if (brace && j < n && rep[j] == '}')
          ++j;
        out.push_back((char16_t)cp);
        i = j - 1;
        break;
      }
      default:
        out.push_back(e);
      }
      continue;
    }
    out.push_back(c);
  }
  return out;
}

U16 regexprepOne(const U16 &s, const U16 &pat, const U16 &rep,
                 const RegexOptions &opt, bool once, int64_t nth) {
  CompiledRegex cr = compileRegex("regexprep", pat, opt);
  std::vector<Match> ms =
      findMatches("regexprep", cr, s, once && nth <= 0, opt.emptyMatch);
  if (ms.empty())
    return s;
  U16 out;
  size_t prev = 0;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (nth > 0 && (int64_t)i + 1 != nth)
      continue;
    out.append(s, prev, ms[i].start - prev);
    U16 r = expandReplacement(rep, s, ms[i], cr);
    checkTextLen(out.size() + r.size());
    out += r;
    prev = ms[i].end;
  }
  out.append(s, prev, U16::npos);
  return out;
}

// ---- numbers from text --------------------------------------------------------

/// Parses a real number (digits with optional thousands commas, decimal
/// point, exponent e/E/d/D, Inf, NaN) at s[i]; advances i.
bool parseReal(const U16 &s, size_t &i, double &out, bool commas) {
  size_t n = s.size(), j = i;
  auto lowerAt = [&](size_t k) { return k < n ? (char)toLowerCh(s[k]) : '\0'; };
  if (lowerAt(j) == 'i' && lowerAt(j + 1) == 'n' && lowerAt(j + 2) == 'f') {
    j += 3;
    if (lowerAt(j) == 'i' && lowerAt(j + 1) == 'n' && lowerAt(j + 2) == 'i' &&
        lowerAt(j + 3) == 't' && lowerAt(j + 4) == 'y')
      j += 5;
    out = std::numeric_limits<double>::infinity();
    i = j;
    return true;
  }
  if (lowerAt(j) == 'n' && lowerAt(j + 1) == 'a' && lowerAt(j + 2) == 'n') {
    out = std::numeric_limits<double>::quiet_NaN();
    i = j + 3;
    return true;
  }
  std::string txt;
  bool digits = false;
  while (j < n && (isDigitCh(s[j]) || (commas && s[j] == ',' && digits))) {
    if (s[j] != ',')
      txt.push_back((char)s[j]);
    digits = true;
    ++j;
  }
  if (j < n && s[j] == '.') {
    txt.push_back('.');
    ++j;
    while (j < n && isDigitCh(s[j])) {
      txt.push_back((char)s[j++]);
      digits = true;
    }
  }
  if (!digits)
    return false;
  char e = lowerAt(j);
  if (e == 'e' || e == 'd') {
    size_t k = j + 1;
    std::string ex = "e";
    if (k < n && (s[k] == '+' || s[k] == '-'))
      ex.push_back((char)s[k++]);
    if (k < n && isDigitCh(s[k])) {
      while (k < n && isDigitCh(s[k]))
        ex.push_back((char)s[k++]);
      txt += ex;
      j = k;
    }
  }
  out = std::strtod(txt.c_str(), nullptr);
  i = j;
  return true;
}

/// str2double of one text: NaN when it is not exactly one number.
std::complex<double> str2doubleText(const U16 &s) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  size_t i = 0, n = s.size();
  auto skipWs = [&] {
    while (i < n && isWs(s[i]))
      ++i;
  };
  auto isImagUnit = [&](size_t k) {
    return k < n && (s[k] == 'i' || s[k] == 'j' || s[k] == 'I' || s[k] == 'J');
  };
  skipWs();
  double re = 0, im = 0;
  bool haveRe = false, haveIm = false;
  // Up to two signed terms, one real, one imaginary.
  for (int term = 0; term < 2; ++term) {
    skipWs();
    if (i >= n)
      break;
    double sign = 1;
    bool sawSign = false;
    if (s[i] == '+' || s[i] == '-') {
      sign = s[i] == '-' ? -1 : 1;
      sawSign = true;
      ++i;
      skipWs();
    }
    if (term == 1 && !sawSign)
      return {nan, 0};
    double v;
    size_t save = i;
    bool num = parseReal(s, i, v, true);
    if (!num) {
      // A bare imaginary unit: "i", "-i".
      if (isImagUnit(i) && !(i + 1 < n && std::isalnum((int)(s[i + 1] & 0x7F)) && s[i + 1] < 128)) {
        v = 1;
        num = true;
      } else {
        i = save;
        return {nan, 0};
      }
    }
    if (isImagUnit(i)) {
      ++i;
      if (haveIm)
        return {nan, 0};
      im = sign * v;
      haveIm = true;
    } else if (i < n && s[i] == '*' && isImagUnit(i + 1)) {
      i += 2;
      if (haveIm)
        return {nan, 0};
      im = sign * v;
      haveIm = true;
    } else {
      if (haveRe || haveIm)
        return {nan, 0};
      re = sign * v;
      haveRe = true;
    }
  }
  skipWs();
  if (i != n || (!haveRe && !haveIm))
    return {nan, 0};
  return {re, im};
}

/// A tiny evaluator for str2num: numeric matrix literals with scalar
/// arithmetic (+ - * / ^, parentheses, pi Inf NaN eps i j true false).
class NumParser {
public:
  explicit NumParser(const U16 &s) : s(s) {}

  bool parse(std::vector<std::vector<std::complex<double>>> &rows) {
    skipWs(true);
    bool bracket = false;
    if (i < s.size() && s[i] == '[') {
      bracket = true;
      ++i;
    }
    std::vector<std::complex<double>> row;
    for (;;) {
      skipWs(false);
      if (i >= s.size())
        break;
      char16_t c = s[i];
      if (bracket && c == ']') {
        ++i;
        skipWs(true);
        if (i != s.size())
          return false;
        bracket = false;
        break;
      }
      if (c == ';' || c == '\n' || c == '\r') {
        ++i;
        if (!row.empty())
          rows.push_back(row);
        row.clear();
        continue;
      }
      if (c == ',') {
        if (row.empty())
          return false;
        ++i;
        continue;
      }
      std::complex<double> v;
      if (!expr(v, true))
        return false;
      size_t save = i;
      skipWs(false);
      if (i < s.size() && s[i] == ':') {
        // a:b or a:step:b inside the matrix.
        ++i;
        std::complex<double> b, c;
        if (!expr(b, true))
          return false;
        size_t save2 = i;
        skipWs(false);
        if (i < s.size() && s[i] == ':') {
          ++i;
          if (!expr(c, true))
            return false;
          std::swap(b, c); // a:step:b with step = first b
        } else {
          i = save2;
          c = 1;
        }
        ValueRef r = colonRange(v.real(), c.real(), b.real());
        checkTextLen(row.size() + r->re.size());
        for (double x : r->re)
          row.push_back(x);
        continue;
      }
      i = save;
      row.push_back(v);
    }
    if (bracket)
      return false;
    if (!row.empty())
      rows.push_back(row);
    for (auto &r : rows)
      if (r.size() != rows[0].size())
        return false;
    return true;
  }

private:
  const U16 &s;
  size_t i = 0;
  int depth = 0;

  void skipWs(bool newlines) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' ||
                            (newlines && (s[i] == '\n' || s[i] == '\r'))))
      ++i;
  }
  bool atWs() const {
    return i < s.size() && (s[i] == ' ' || s[i] == '\t');
  }

  // In a matrix row, "1 -2" is two elements while "1 - 2" is one.
  bool expr(std::complex<double> &v, bool inRow) {
    if (++depth > 200)
      return false;
    bool ok = term(v, inRow);
    while (ok) {
      size_t save = i;
      bool ws = atWs();
      skipWs(false);
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        if (inRow && ws && depth == 1 && i + 1 < s.size() && s[i + 1] != ' ' &&
            s[i + 1] != '\t') {
          i = save;
          break;
        }
        char16_t op = s[i++];
        skipWs(false);
        std::complex<double> r;
        if (!term(r, inRow)) {
          ok = false;
          break;
        }
        v = op == '+' ? v + r : v - r;
      } else {
        i = save;
        break;
      }
    }
    --depth;
    return ok;
  }

  bool term(std::complex<double> &v, bool inRow) {
    if (!unary(v, inRow))
      return false;
    for (;;) {
      size_t save = i;
      skipWs(false);
      bool dot = i + 1 < s.size() && s[i] == '.' &&
                 (s[i + 1] == '*' || s[i + 1] == '/');
      if (dot)
        ++i;
      if (i < s.size() && (s[i] == '*' || s[i] == '/')) {
        char16_t op = s[i++];
        skipWs(false);
        std::complex<double> r;
        if (!unary(r, inRow))
          return false;
        v = op == '*' ? v * r : v / r;
      } else {
        i = save;
        return true;
      }
    }
  }

  bool unary(std::complex<double> &v, bool inRow) {
    skipWs(false);
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      char16_t op = s[i++];
      if (!unary(v, inRow))
        return false;
      if (op == '-')
        v = -v;
      return true;
    }
    return power(v, inRow);
  }

  bool power(std::complex<double> &v, bool inRow) {
    if (!primary(v))
      return false;
    size_t save = i;
    skipWs(false);
    bool dot = i + 1 < s.size() && s[i] == '.' && s[i + 1] == '^';
    if (dot)
      ++i;
    if (i < s.size() && s[i] == '^') {
      ++i;
      skipWs(false);
      std::complex<double> e;
      double sign = 1;
      if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        sign = s[i++] == '-' ? -1 : 1;
      if (!primary(e))
        return false;
      e *= sign;
      if (v.imag() == 0 && e.imag() == 0 &&
          (v.real() >= 0 || e.real() == std::floor(e.real())))
        v = std::pow(v.real(), e.real());
      else
        v = std::pow(v, e);
      (void)inRow;
      return true;
    }
    i = save;
    return true;
  }

  bool primary(std::complex<double> &v) {
    skipWs(false);
    if (i >= s.size())
      return false;
    char16_t c = s[i];
    if (c == '(') {
      ++i;
      int saveDepth = depth;
      depth = 1000; // not a matrix row inside parentheses
      std::complex<double> r;
      bool ok = exprInParens(r);
      depth = saveDepth;
      skipWs(false);
      if (!ok || i >= s.size() || s[i] != ')')
        return false;
      ++i;
      v = r;
      return imagSuffix(v);
    }
    if (isDigitCh(c) || c == '.') {
      double d;
      if (!parseReal(s, i, d, false))
        return false;
      v = d;
      return imagSuffix(v);
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      std::string id;
      while (i < s.size() && s[i] < 128 &&
             (std::isalnum((int)s[i]) || s[i] == '_'))
        id.push_back((char)s[i++]);
      if (id == "pi")
        v = M_PI;
      else if (id == "Inf" || id == "inf")
        v = std::numeric_limits<double>::infinity();
      else if (id == "NaN" || id == "nan")
        v = std::numeric_limits<double>::quiet_NaN();
      else if (id == "eps")
        v = std::numeric_limits<double>::epsilon();
      else if (id == "true")
        v = 1;
      else if (id == "false")
        v = 0;
      else if (id == "i" || id == "j" || id == "I" || id == "J")
        v = std::complex<double>(0, 1);
      else if (i < s.size() && s[i] == '(')
        return call(id, v);
      else
        return false;
      return true;
    }
    return false;
  }

  /// A few elementwise functions of one scalar: sqrt(2), abs(-1), ...
  bool call(const std::string &id, std::complex<double> &v) {
    ++i; // '('
    std::complex<double> x;
    if (!exprInParens(x))
      return false;
    skipWs(false);
    if (i >= s.size() || s[i] != ')')
      return false;
    ++i;
    bool real = x.imag() == 0;
    auto rnd = [](double d) { return d < 0 ? -std::floor(-d + 0.5) : std::floor(d + 0.5); };
    if (id == "sqrt")
      v = real && x.real() >= 0 ? std::sqrt(x.real()) : std::sqrt(x);
    else if (id == "abs")
      v = std::abs(x);
    else if (id == "exp")
      v = real ? std::exp(x.real()) : std::exp(x);
    else if (id == "log")
      v = real && x.real() >= 0 ? std::log(x.real()) : std::log(x);
    else if (id == "log10")
      v = real && x.real() >= 0 ? std::log10(x.real()) : std::log10(x);
    else if (id == "sin")
      v = real ? std::sin(x.real()) : std::sin(x);
    else if (id == "cos")
      v = real ? std::cos(x.real()) : std::cos(x);
    else if (id == "tan")
      v = real ? std::tan(x.real()) : std::tan(x);
    else if (id == "floor")
      v = {std::floor(x.real()), std::floor(x.imag())};
    else if (id == "ceil")
      v = {std::ceil(x.real()), std::ceil(x.imag())};
    else if (id == "round")
      v = {rnd(x.real()), rnd(x.imag())};
    else if (id == "fix")
      v = {std::trunc(x.real()), std::trunc(x.imag())};
    else
      return false;
    return true;
  }

  bool exprInParens(std::complex<double> &v) {
    int save = depth;
    depth = 5;
    bool ok = expr(v, false);
    depth = save;
    return ok;
  }

  bool imagSuffix(std::complex<double> &v) {
    if (i < s.size() && (s[i] == 'i' || s[i] == 'j' || s[i] == 'I' || s[i] == 'J') &&
        !(i + 1 < s.size() && s[i + 1] < 128 &&
          (std::isalnum((int)s[i + 1]) || s[i + 1] == '_'))) {
      ++i;
      v = v * std::complex<double>(0, 1);
    }
    return true;
  }
};

// ---- base conversions -----------------------------------------------------------

const char *kDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

ValueRef decToBase(const char *fn, const Value &d, int base, int minLen) {
  if (!(isArithmetic(d)) || d.complex)
    throwErrorIn(fn, "MATLAB:dec2base:FirstArg",
                 "Input must be a real numeric array.");
  std::vector<std::string> rows;
  size_t width = (size_t)std::max(minLen, 1);
  int negBits = 0;
  for (double x : d.re) {
    if (std::isnan(x) || std::isinf(x) || x >= 18446744073709551616.0)
      throwErrorIn(fn, "MATLAB:dec2base:FirstArg",
                   "Input must be finite, nonnegative and less than flintmax.");
    if (x < 0) {
      if (base != 2 && base != 16)
        throwErrorIn(fn, "MATLAB:dec2base:FirstArg",
                     "Input must contain only nonnegative integers.");
      double t = std::ceil(x);
      int bits = t >= -128 ? 8 : t >= -32768 ? 16 : t >= -2147483648.0 ? 32 : 64;
      if (t < -9223372036854775808.0)
        throwErrorIn(fn, "MATLAB:dec2base:FirstArg",
                     "Input is out of the range of int64.");
      negBits = std::max(negBits, bits);
    }
  }
  for (double x : d.re) {
    uint64_t u;
    if (x < 0) {
      int64_t t = (int64_t)std::ceil(x);
      u = (uint64_t)t;
      if (negBits < 64)
        u &= (((uint64_t)1 << negBits) - 1);
    } else {
      u = (uint64_t)std::floor(x);
    }
    std::string s;
    do {
      s.push_back(kDigits[u % (uint64_t)base]);
      u /= (uint64_t)base;
    } while (u);
    std::reverse(s.begin(), s.end());
    rows.push_back(s);
    width = std::max(width, s.size());
  }
  if (negBits) {
    size_t w = base == 2 ? (size_t)negBits : (size_t)negBits / 4;
    width = std::max(width, w);
  }
  if (rows.empty())
    return emptyChar();
  for (size_t k = 0; k < rows.size(); ++k) {
    std::string &s = rows[k];
    char pad = '0';
    if (d.re[k] < 0)
      pad = base == 2 ? '1' : 'F';
    s = std::string(width - s.size(), pad) + s;
  }
  return makeCharMatrix(rows);
}

ValueRef baseToDec(const char *fn, const Value &v, int base) {
  std::vector<U16> items;
  bool cell = v.cls == ClassId::Cell;
  if (cell) {
    if (!isCellOfText(v))
      throwErrorIn(fn, "MATLAB:base2dec:InvalidInput",
                   "Input must be a character vector or a cell array of "
                   "character vectors.");
    for (const ValueRef &c : v.cells)
      items.push_back(unitsOf(*c));
  } else if (v.cls == ClassId::Char) {
    int64_t r = v.rows(), c = v.cols();
    for (int64_t i = 0; i < r; ++i) {
      U16 s;
      for (int64_t j = 0; j < c; ++j)
        s.push_back(unitOf(v.re[(size_t)(j * r + i)]));
      items.push_back(s);
    }
  } else {
    throwErrorIn(fn, "MATLAB:base2dec:InvalidInput",
                 "Input must be a character vector or a cell array of "
                 "character vectors.");
  }
  std::vector<double> out;
  for (const U16 &s0 : items) {
    U16 s = s0;
    size_t from = 0;
    while (from < s.size() && isWs(s[from]))
      ++from;
    if (base == 16 && from + 1 < s.size() && s[from] == '0' &&
        (s[from + 1] == 'x' || s[from + 1] == 'X'))
      from += 2;
    double acc = 0;
    for (size_t k = from; k < s.size(); ++k) {
      char16_t c = s[k];
      if (c == ' ' || c == 0)
        continue;
      int dv = -1;
      if (c >= '0' && c <= '9')
        dv = c - '0';
      else if (c >= 'a' && c <= 'z')
        dv = c - 'a' + 10;
      else if (c >= 'A' && c <= 'Z')
        dv = c - 'A' + 10;
      if (dv < 0 || dv >= base) {
        if (base == 2)
          throwErrorIn(fn, "MATLAB:bin2dec:IllegalBinaryString",
                       "Binary character vector may consist only of "
                       "characters 0 and 1.");
        if (base == 16)
          throwErrorIn(fn, "MATLAB:hex2dec:IllegalHexadecimal",
                       "Input character vector must contain only hexadecimal "
                       "digits.");
        throwErrorIn(fn, "MATLAB:base2dec:IllegalInput",
                     "Input must contain only digits valid in the base.");
      }
      acc = acc * base + dv;
    }
    out.push_back(acc);
  }
  if (out.empty())
    return makeEmpty();
  ValueRef r = newArray(ClassId::Double, Dims{(int64_t)out.size(), 1});
  r->re = out;
  return r;
}

int baseArg(const char *fn, const Value &b) {
  if (!isArithmetic(b) || b.re.size() != 1 || !(b.re[0] >= 2 && b.re[0] <= 36) ||
      std::floor(b.re[0]) != b.re[0])
    throwErrorIn(fn, "MATLAB:dec2base:BadBase",
                 "The base must be an integer between 2 and 36.");
  return (int)b.re[0];
}

int lenArg(const char *fn, const Value &n) {
  if (!isArithmetic(n) || n.re.size() != 1 || !(n.re[0] >= 0) ||
      std::floor(n.re[0]) != n.re[0])
    throwErrorIn(fn, "MATLAB:dec2base:BadLength",
                 "The number of digits must be a nonnegative integer.");
  if (n.re[0] > 1e6)
    sizeLimit();
  return (int)n.re[0];
}

/// contains/startsWith/endsWith.
Args patternTest(const char *fn, const Args &args, int mode) {
  const Value &str = *args[0], &pat = *args[1];
  bool icase = false;
  if (args.size() == 3)
    throwErrorIn(fn, "MATLAB:InputParser:ParamMissingValue",
                 "Name-value arguments must come in pairs.");
  if (args.size() == 4) {
    if (!textIs(*args[2], "IgnoreCase"))
      throwErrorIn(fn, "MATLAB:InputParser:UnmatchedParameter",
                   "'%s' is not a recognized parameter.",
                   textOf(*args[2]).c_str());
    icase = logicalOption(*args[3], fn, "IgnoreCase");
  }
  bool strCell = str.cls == ClassId::Cell;
  if (!(isCharRowish(str) || isCellOfText(str)))
    throwErrorIn(fn, "MATLAB:string:MustBeCharCellOrString",
                 "First argument must be text.");
  std::vector<U16> pats;
  if (isCharRowish(pat))
    pats.push_back(unitsOf(pat));
  else if (isCellOfText(pat))
    for (const ValueRef &c : pat.cells)
      pats.push_back(unitsOf(*c));
  else
    throwErrorIn(fn, "MATLAB:string:MustBeCharCellOrString",
                 "Search term must be a text or pattern array.");
  if (icase)
    for (U16 &p : pats)
      p = lowerU16(p);
  auto test = [&](const Value &v) {
    U16 s = unitsOf(v);
    if (icase)
      s = lowerU16(s);
    for (const U16 &p : pats) {
      if (p.size() > s.size())
        continue;
      if (mode == 0 && s.find(p) != U16::npos)
        return true;
      if (mode == 1 && s.compare(0, p.size(), p) == 0)
        return true;
      if (mode == 2 && s.compare(s.size() - p.size(), p.size(), p) == 0)
        return true;
    }
    return false;
  };
  if (!strCell)
    return {makeBool(test(str))};
  ValueRef r = logicalArray(str.dims);
  for (size_t k = 0; k < str.cells.size(); ++k)
    r->re[k] = test(*str.cells[k]);
  return {r};
}

/// isspace/isletter/isstrprop over the characters of v.
ValueRef charPredicate(const Value &v, const std::function<bool(char16_t)> &p,
                       bool numericAsCodes) {
  ValueRef r = logicalArray(v.dims);
  if (v.cls == ClassId::Char || (numericAsCodes && isArithmetic(v)))
    for (size_t k = 0; k < v.re.size(); ++k) {
      double d = v.re[k];
      r->re[k] = d >= 0 && d <= 65535 && d == std::floor(d) && p(unitOf(d));
    }
  return r;
}

} // namespace

// ---- comparison -------------------------------------------------------------------

Args bi_strcmp(int, const Args &args) {
  return strcmpFamily("strcmp", args, false, false);
}
Args bi_strcmpi(int, const Args &args) {
  return strcmpFamily("strcmpi", args, true, false);
}
Args bi_strncmp(int, const Args &args) {
  return strcmpFamily("strncmp", args, false, true);
}
Args bi_strncmpi(int, const Args &args) {
  return strcmpFamily("strncmpi", args, true, true);
}

// ---- case -----------------------------------------------------------------------------

static Args caseMap(const char *fn, const Args &args, bool up) {
  const Value &v = *args[0];
  if (isArithmetic(v) && v.cls != ClassId::Char)
    return {args[0]}; // numbers are returned unchanged
  return {mapText(args[0], fn, "MATLAB:upper:wrongInputType",
                  "Input must be a character array, a cell array of character "
                  "vectors, or a string array.",
                  [&](const ValueRef &c) {
                    ValueRef r = copyValue(*c);
                    for (double &d : r->re)
                      d = (double)(up ? toUpperCh(unitOf(d)) : toLowerCh(unitOf(d)));
                    return r;
                  })};
}

Args bi_upper(int, const Args &args) { return caseMap("upper", args, true); }
Args bi_lower(int, const Args &args) { return caseMap("lower", args, false); }

// ---- whitespace ------------------------------------------------------------------

Args bi_strtrim(int, const Args &args) {
  return {mapText(args[0], "strtrim", "MATLAB:strtrim:InputClass",
                  "Input must be a character array, a cell array of character "
                  "vectors, or a string array.",
                  [](const ValueRef &c) {
                    return trimColumns(c, true, isTrimWs);
                  })};
}

Args bi_deblank(int, const Args &args) {
  const Value &v = *args[0];
  if (isArithmetic(v) && v.cls != ClassId::Char && v.isEmpty())
    return {args[0]};
  return {mapText(args[0], "deblank", "MATLAB:deblank:NonStringInput",
                  "Input must be a character array, a cell array of character "
                  "vectors, or a string array.",
                  [](const ValueRef &c) {
                    return trimColumns(c, false, isTrimWsOrNull);
                  })};
}

Args bi_blanks(int, const Args &args) {
  const Value &n = *args[0];
  if (!isArithmetic(n) || n.re.size() != 1 || n.complex || !(n.re[0] >= 0) ||
      std::floor(n.re[0]) != n.re[0])
    throwErrorIn("blanks", "MATLAB:blanks:NonNegativeInteger",
                 "N must be a non-negative integer.");
  ValueRef r = newArray(ClassId::Char, Dims{1, (int64_t)std::min(n.re[0], 9.2e18)});
  std::fill(r->re.begin(), r->re.end(), 32.0);
  return {r};
}

Args bi_newline(int, const Args &) { return {charRow(u"\n")}; }

// ---- replace and find ------------------------------------------------------------

Args bi_strrep(int, const Args &args) {
  const char *msg = "Char or cell arguments expected.";
  for (int k = 1; k < 3; ++k)
    if (!isCharRowish(*args[(size_t)k]))
      throwErrorIn("strrep", "MATLAB:strrep:InvalidInputType",
                   "Input strings must have one row.");
  U16 from = unitsOf(*args[1]), to = unitsOf(*args[2]);
  return {mapText(args[0], "strrep", "MATLAB:strrep:InvalidInputType", msg,
                  [&](const ValueRef &c) -> ValueRef {
                    if (!isCharRowish(*c))
                      throwErrorIn("strrep", "MATLAB:strrep:InvalidInputType",
                                   "Input strings must have one row.");
                    U16 s = unitsOf(*c);
                    U16 r = strrepText(s, from, to);
                    if (r == s)
                      return c;
                    return textResult(*c, r);
                  })};
}

static Args replaceImpl(const char *fn, const ValueRef &str, const Value &oldV,
                        const U16 *to) {
  std::vector<U16> olds;
  if (isCharRowish(oldV))
    olds.push_back(unitsOf(oldV));
  else if (isCellOfText(oldV))
    for (const ValueRef &c : oldV.cells)
      olds.push_back(unitsOf(*c));
  else
    throwErrorIn(fn, "MATLAB:string:MustBeCharCellOrString",
                 "Search term must be a text or pattern array.");
  if (!(isCharRowish(*str) || isCellOfText(*str)))
    throwErrorIn(fn, "MATLAB:string:MustBeCharCellOrString",
                 "First argument must be text.");
  return {mapText(str, fn, "MATLAB:string:MustBeCharCellOrString",
                  "First argument must be text.", [&](const ValueRef &c) {
                    U16 s = unitsOf(*c);
                    for (const U16 &o : olds)
                      s = replaceText(s, o, to ? *to : U16());
                    return textResult(*c, s);
                  })};
}

Args bi_replace(int, const Args &args) {
  if (!isCharRowish(*args[2]))
    throwErrorIn("replace", "MATLAB:string:MustBeCharCellOrString",
                 "Replacement text must be text.");
  U16 to = unitsOf(*args[2]);
  return replaceImpl("replace", args[0], *args[1], &to);
}

Args bi_erase(int, const Args &args) {
  return replaceImpl("erase", args[0], *args[1], nullptr);
}

Args bi_strfind(int, const Args &args) {
  const Value &text = *args[0], &pat = *args[1];
  bool forceCell = false;
  if (args.size() == 3)
    throwErrorIn("strfind", "MATLAB:strfind:InvalidArguments",
                 "Name-value arguments must come in pairs.");
  if (args.size() == 4) {
    if (!textIs(*args[2], "ForceCellOutput"))
      throwErrorIn("strfind", "MATLAB:strfind:InvalidArguments",
                   "Invalid parameter name '%s'.", textOf(*args[2]).c_str());
    forceCell = logicalOption(*args[3], "strfind", "ForceCellOutput");
  }
  if (!isCharRowish(pat))
    throwErrorIn("strfind", "MATLAB:strfind:PatternMustBeText",
                 "PATTERN must be a character vector or string scalar.");
  U16 p = unitsOf(pat);
  auto find = [&](const Value &v) -> ValueRef {
    std::vector<size_t> hits = findAll(unitsOf(v), p, true);
    if (hits.empty())
      return makeEmpty();
    ValueRef r = newArray(ClassId::Double, Dims{1, (int64_t)hits.size()});
    for (size_t k = 0; k < hits.size(); ++k)
      r->re[k] = (double)hits[k] + 1;
    return r;
  };
  if (isCharRowish(text)) {
    if (!forceCell)
      return {find(text)};
    ValueRef c = makeCell(Dims{1, 1});
    c->cells[0] = find(text);
    return {c};
  }
  if (isCellOfText(text)) {
    ValueRef c = makeCell(text.dims);
    for (size_t k = 0; k < text.cells.size(); ++k)
      c->cells[k] = find(*text.cells[k]);
    return {c};
  }
  throwErrorIn("strfind", "MATLAB:strfind:TextMustBeText",
               "TEXT must be a character vector, a cell array of character "
               "vectors, or a string array.");
}

Args bi_strtok(int nargout, const Args &args) {
  std::vector<char16_t> delims;
  if (args.size() > 1) {
    const Value &d = *args[1];
    if (d.cls != ClassId::Char)
      throwErrorIn("strtok", "MATLAB:strtok:InvalidDelimiter",
                   "Delimiters must be a character vector.");
    for (double x : d.re)
      delims.push_back(unitOf(x));
  } else {
    for (char16_t c : {u'\t', u'\n', u'\v', u'\f', u'\r', u' '})
      delims.push_back(c);
  }
  auto isDelim = [&](char16_t c) {
    return std::find(delims.begin(), delims.end(), c) != delims.end();
  };
  auto tok = [&](const Value &v, ValueRef &t, ValueRef &rest) {
    U16 s = unitsOf(v);
    size_t i = 0;
    while (i < s.size() && isDelim(s[i]))
      ++i;
    size_t j = i;
    while (j < s.size() && !isDelim(s[j]))
      ++j;
    t = i < j ? charRow(s.substr(i, j - i)) : (s.empty() ? ValueRef(args[0]) : charRow(U16()));
    rest = j < s.size() ? charRow(s.substr(j)) : charRow(U16());
    if (s.empty() && v.rows() == 0) {
      t = emptyChar();
      rest = emptyChar();
    }
  };
  const Value &v = *args[0];
  if (isCharRowish(v)) {
    ValueRef t, r;
    tok(v, t, r);
    if (nargout >= 2)
      return {t, r};
    return {t};
  }
  if (isCellOfText(v)) {
    ValueRef tc = makeCell(v.dims), rc = makeCell(v.dims);
    for (size_t k = 0; k < v.cells.size(); ++k)
      tok(*v.cells[k], tc->cells[k], rc->cells[k]);
    if (nargout >= 2)
      return {tc, rc};
    return {tc};
  }
  throwErrorIn("strtok", "MATLAB:strtok:InvalidInput",
               "Input must be a character vector, a cell array of character "
               "vectors, or a string array.");
}

// ---- split and join -------------------------------------------------------------

Args bi_strsplit(int nargout, const Args &args) {
  const Value &str = *args[0];
  if (!isCharRowish(str))
    throwErrorIn("strsplit", "MATLAB:strsplit:InvalidStringType",
                 "First input must be either a character vector or a string "
                 "scalar.");
  U16 s = unitsOf(str);
  size_t nv = 1;
  std::vector<U16> delims;
  bool haveDelim = false;
  if (args.size() >= 2 && args.size() % 2 == 0) {
    const Value &d = *args[1];
    if (isCharRowish(d))
      delims.push_back(unitsOf(d));
    else if (isCellOfText(d) && d.numel() > 0)
      for (const ValueRef &c : d.cells)
        delims.push_back(unitsOf(*c));
    else
      throwErrorIn("strsplit", "MATLAB:strsplit:InvalidDelimiterType",
                   "Delimiter must be a character vector, a string, or a cell "
                   "array of character vectors.");
    haveDelim = true;
    nv = 2;
  }
  bool collapse = true, regex = false;
  for (size_t k = nv; k + 1 < args.size() + 1 && k < args.size(); k += 2) {
    const Value &name = *args[k];
    if (k + 1 >= args.size())
      throwErrorIn("strsplit", "MATLAB:strsplit:ParamMissingValue",
                   "Name-value arguments must come in pairs.");
    if (textIs(name, "CollapseDelimiters"))
      collapse = logicalOption(*args[k + 1], "strsplit", "CollapseDelimiters");
    else if (textIs(name, "DelimiterType")) {
      const Value &t = *args[k + 1];
      if (textIs(t, "RegularExpression"))
        regex = true;
      else if (textIs(t, "Simple"))
        regex = false;
      else
        throwErrorIn("strsplit", "MATLAB:strsplit:InvalidDelimiterType",
                     "DelimiterType must be 'Simple' or 'RegularExpression'.");
    } else {
      throwErrorIn("strsplit", "MATLAB:strsplit:UnknownParameter",
                   "'%s' is not a recognized parameter.", textOf(name).c_str());
    }
  }
  if (!haveDelim)
    for (const char *w : {" ", "\f", "\n", "\r", "\t", "\v"})
      delims.push_back(asciiU16(w));
  else if (!regex)
    for (U16 &d : delims)
      d = expandEscapesU16(d);
  for (const U16 &d : delims)
    if (d.empty())
      throwErrorIn("strsplit", "MATLAB:strsplit:EmptyDelimiter",
                   "Delimiters must not be empty.");
  std::vector<std::pair<size_t, size_t>> hits; // [start, end)
  if (regex) {
    U16 pat;
    for (size_t k = 0; k < delims.size(); ++k) {
      if (k)
        pat += u"|";
      pat += u"(?:" + delims[k] + u")";
    }
    if (collapse)
      pat = u"(?:" + pat + u")+";
    RegexOptions opt;
    CompiledRegex cr = compileRegex("strsplit", pat, opt);
    for (const Match &m : findMatches("strsplit", cr, s, false, false))
      hits.push_back({m.start, m.end});
  } else {
    std::vector<U16> sorted = delims;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const U16 &a, const U16 &b) { return a.size() > b.size(); });
    auto matchAt = [&](size_t i) -> size_t {
      for (const U16 &d : sorted)
        if (s.compare(i, d.size(), d) == 0 && i + d.size() <= s.size())
          return d.size();
      return 0;
    };
    for (size_t i = 0; i < s.size();) {
      size_t len = matchAt(i);
      if (!len) {
        ++i;
        continue;
      }
      size_t end = i + len;
      if (collapse)
        while (end < s.size()) {
          size_t more = matchAt(end);
          if (!more)
            break;
          end += more;
        }
      hits.push_back({i, end});
      i = end;
    }
  }
  ValueRef parts = makeCell(Dims{1, (int64_t)hits.size() + 1});
  size_t prev = 0;
  for (size_t k = 0; k < hits.size(); ++k) {
    parts->cells[k] = piece(s.substr(prev, hits[k].first - prev));
    prev = hits[k].second;
  }
  parts->cells[hits.size()] = piece(s.substr(prev));
  if (nargout < 2)
    return {parts};
  ValueRef ms = makeCell(Dims{1, (int64_t)hits.size()});
  for (size_t k = 0; k < hits.size(); ++k)
    ms->cells[k] = piece(s.substr(hits[k].first, hits[k].second - hits[k].first));
  return {parts, ms};
}

Args bi_strjoin(int, const Args &args) {
  const Value &c = *args[0];
  if (!isCellOfText(c) || !(c.isVector() || c.isEmpty()))
    throwErrorIn("strjoin", "MATLAB:strjoin:InvalidCellType",
                 "First input must be a 1xN cell array of character vectors.");
  std::vector<U16> seps;
  size_t n = c.cells.size();
  if (args.size() > 1) {
    const Value &d = *args[1];
    if (isCharRowish(d)) {
      seps.assign(n ? n - 1 : 0, expandEscapesU16(unitsOf(d)));
    } else if (isCellOfText(d)) {
      if ((size_t)d.numel() != (n ? n - 1 : 0))
        throwErrorIn("strjoin", "MATLAB:strjoin:WrongNumberOfDelimiterElements",
                     "The number of delimiters must be one less than the "
                     "number of strings.");
      for (const ValueRef &x : d.cells)
        seps.push_back(unitsOf(*x));
    } else {
      throwErrorIn("strjoin", "MATLAB:strjoin:InvalidDelimiterType",
                   "Delimiter must be a character vector or a cell array of "
                   "character vectors.");
    }
  } else {
    seps.assign(n ? n - 1 : 0, u" ");
  }
  U16 out;
  for (size_t k = 0; k < n; ++k) {
    if (k)
      out += seps[k - 1];
    out += unitsOf(*c.cells[k]);
    checkTextLen(out.size());
  }
  return {charRow(out)};
}

Args bi_strcat(int, const Args &args) {
  if (args.empty())
    return {emptyChar()};
  bool anyCell = false;
  for (const ValueRef &a : args) {
    const Value &v = *a;
    if (v.cls == ClassId::Cell)
      anyCell = true;
    else if (!isArithmetic(v))
      throwErrorIn("strcat", "MATLAB:strcat:InvalidInputType",
                   "Inputs must be character arrays, cell arrays of character "
                   "vectors, or string arrays.");
  }
  if (!anyCell) {
    // Char: trailing ASCII whitespace of each argument is removed; rows must
    // agree (empty arguments vanish).
    int64_t rows = -1;
    std::vector<ValueRef> parts;
    for (const ValueRef &a : args) {
      ValueRef v = a;
      if (v->cls != ClassId::Char)
        v = convertClass(*v, ClassId::Char);
      else
        v = trimColumns(v, false, isAsciiWs);
      if (v->dims.size() > 2)
        throwErrorIn("strcat", "MATLAB:strcat:InvalidInputType",
                     "Inputs must be 2-D.");
      if (v->isEmpty())
        continue;
      if (rows >= 0 && v->rows() != rows)
        throwErrorIn("strcat", "MATLAB:strcat:NumberOfInputRows",
                     "All the inputs must have the same number of rows or a "
                     "single row.");
      rows = v->rows();
      parts.push_back(v);
    }
    if (parts.empty())
      return {charRow(U16())};
    int64_t cols = 0;
    for (auto &p : parts)
      cols += p->cols();
    ValueRef r = newArray(ClassId::Char, Dims{rows, cols});
    int64_t off = 0;
    for (auto &p : parts) {
      std::copy(p->re.begin(), p->re.end(), r->re.begin() + off * rows);
      off += p->cols();
    }
    return {r};
  }
  // Cell: elementwise concatenation; char arguments keep their whitespace
  // and apply to every element; scalar cells expand.
  Dims dims;
  bool haveDims = false;
  for (const ValueRef &a : args) {
    if (a->cls != ClassId::Cell || a->numel() == 1)
      continue;
    if (haveDims && a->dims != dims)
      throwErrorIn("strcat", "MATLAB:strcat:CellSizeMismatch",
                   "All the cell and string inputs must be the same size or "
                   "scalars.");
    dims = a->dims;
    haveDims = true;
  }
  if (!haveDims)
    dims = Dims{1, 1};
  ValueRef out = makeCell(dims);
  int64_t n = numelOf(dims);
  for (int64_t k = 0; k < n; ++k) {
    U16 s;
    for (const ValueRef &a : args) {
      const Value *v = a.get();
      if (v->cls == ClassId::Cell) {
        const ValueRef &e = v->cells[(size_t)(v->numel() == 1 ? 0 : k)];
        if (!e || !isCharRowish(*e))
          throwErrorIn("strcat", "MATLAB:strcat:InvalidInputType",
                       "Inputs must be character arrays, cell arrays of "
                       "character vectors, or string arrays.");
        s += unitsOf(*e);
        checkTextLen(s.size());
      } else {
        if (v->rows() > 1)
          throwErrorIn("strcat", "MATLAB:strcat:InvalidInputType",
                       "Character arrays combined with cell arrays must have "
                       "one row.");
        s += unitsOf(*v);
      }
    }
    out->cells[(size_t)k] = charRow(s);
  }
  return {out};
}

Args bi_strlength(int, const Args &args) {
  const Value &v = *args[0];
  if (isCharRowish(v))
    return {makeDouble((double)v.numel())};
  if (isCellOfText(v)) {
    ValueRef r = newArray(ClassId::Double, v.dims);
    for (size_t k = 0; k < v.cells.size(); ++k)
      r->re[k] = (double)v.cells[k]->numel();
    return {r};
  }
  throwErrorIn("strlength", "MATLAB:string:MustBeCharCellOrString",
               "Input must be text.");
}

Args bi_cellstr(int, const Args &args) {
  const Value &v = *args[0];
  if (v.cls == ClassId::Cell) {
    if (!isCellOfText(v))
      throwErrorIn("cellstr", "MATLAB:cellstr:MustContainText",
                   "Cell array must contain only character vectors.");
    return {args[0]};
  }
  if (v.cls != ClassId::Char)
    throwErrorIn("cellstr", "MATLAB:cellstr:InputClass",
                 "Input must be a string, a character array, or a cell array "
                 "of character vectors.");
  if (v.dims.size() > 2)
    throwErrorIn("cellstr", "MATLAB:cellstr:InputShape",
                 "Input must be a 2-D character array.");
  if (v.isEmpty()) {
    ValueRef c = makeCell(Dims{1, 1});
    c->cells[0] = emptyChar();
    return {c};
  }
  int64_t r = v.rows(), cols = v.cols();
  ValueRef c = makeCell(Dims{r, 1});
  for (int64_t i = 0; i < r; ++i) {
    U16 s;
    for (int64_t j = 0; j < cols; ++j)
      s.push_back(unitOf(v.re[(size_t)(j * r + i)]));
    size_t end = s.size();
    while (end > 0 && isTrimWsOrNull(s[end - 1]))
      --end;
    c->cells[(size_t)i] = end ? charRow(s.substr(0, end)) : emptyChar();
  }
  return {c};
}

Args bi_isstring(int, const Args &) { return {makeBool(false)}; }

// ---- numbers and text ----------------------------------------------------------------

Args bi_int2str(int, const Args &args) {
  const Value &v = *args[0];
  if (v.cls == ClassId::Char) {
    ValueRef d = convertClass(v, ClassId::Double);
    return {makeCharMatrix(int2str(*d))};
  }
  if (!(isNumericClass(v.cls) || v.cls == ClassId::Logical))
    throwErrorIn("int2str", "MATLAB:int2str:nonNumericInput",
                 "Input must be numeric.");
  return {makeCharMatrix(int2str(v))};
}

Args bi_str2num(int nargout, const Args &args) {
  const Value &v = *args[0];
  if (v.cls != ClassId::Char)
    throwErrorIn("str2num", "MATLAB:str2num:InvalidArgument",
                 "Input must be a character vector or string scalar.");
  U16 s;
  if (v.dims.size() == 2 && v.rows() > 1) {
    int64_t r = v.rows(), c = v.cols();
    for (int64_t i = 0; i < r; ++i) {
      for (int64_t j = 0; j < c; ++j)
        s.push_back(unitOf(v.re[(size_t)(j * r + i)]));
      s.push_back(';');
    }
  } else {
    s = unitsOf(v);
  }
  std::vector<std::vector<std::complex<double>>> rows;
  NumParser p(s);
  bool ok = p.parse(rows);
  ValueRef out;
  if (!ok) {
    out = makeEmpty();
  } else if (rows.empty()) {
    out = makeEmpty();
  } else {
    int64_t m = (int64_t)rows.size(), n = (int64_t)rows[0].size();
    bool cplx = false;
    for (auto &r : rows)
      for (auto &x : r)
        if (x.imag() != 0)
          cplx = true;
    out = newArray(ClassId::Double, Dims{m, n}, cplx);
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        out->re[(size_t)(j * m + i)] = rows[(size_t)i][(size_t)j].real();
        if (cplx)
          out->im[(size_t)(j * m + i)] = rows[(size_t)i][(size_t)j].imag();
      }
  }
  if (nargout >= 2)
    return {out, makeBool(ok)};
  return {out};
}

Args bi_str2double(int, const Args &args) {
  const Value &v = *args[0];
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (v.cls == ClassId::Char) {
    if (!(v.isRow() || v.isEmpty()))
      return {makeDouble(nan)};
    std::complex<double> z = str2doubleText(unitsOf(v));
    if (z.imag() == 0)
      return {makeDouble(z.real())};
    ValueRef r = newArray(ClassId::Double, Dims{1, 1}, true);
    r->re[0] = z.real();
    r->im[0] = z.imag();
    return {r};
  }
  if (v.cls == ClassId::Cell) {
    std::vector<std::complex<double>> vals(v.cells.size(), {nan, 0});
    bool cplx = false;
    for (size_t k = 0; k < v.cells.size(); ++k) {
      const ValueRef &c = v.cells[k];
      if (c && c->cls == ClassId::Char && c->isRow()) {
        vals[k] = str2doubleText(unitsOf(*c));
        if (vals[k].imag() != 0)
          cplx = true;
      }
    }
    ValueRef r = newArray(ClassId::Double, v.dims, cplx);
    for (size_t k = 0; k < vals.size(); ++k) {
      r->re[k] = vals[k].real();
      if (cplx)
        r->im[k] = vals[k].imag();
    }
    return {r};
  }
  return {makeDouble(nan)};
}

// ---- pattern tests --------------------------------------------------------------

Args bi_contains(int, const Args &args) { return patternTest("contains", args, 0); }
Args bi_startsWith(int, const Args &args) {
  return patternTest("startsWith", args, 1);
}
Args bi_endsWith(int, const Args &args) { return patternTest("endsWith", args, 2); }

// ---- regular expressions ------------------------------------------------------------

Args bi_regexp(int nargout, const Args &args) {
  return regexpImpl("regexp", nargout, args, false);
}

Args bi_regexpi(int nargout, const Args &args) {
  return regexpImpl("regexpi", nargout, args, true);
}

Args bi_regexprep(int, const Args &args) {
  const Value &str = *args[0], &pat = *args[1], &rep = *args[2];
  if (!(str.cls == ClassId::Char || isCellOfText(str)))
    throwErrorIn("regexprep", "MATLAB:regexprep:InvalidInput",
                 "The first argument (STRING) must be a character vector or a "
                 "cell array of character vectors.");
  std::vector<U16> pats, reps;
  if (isCharRowish(pat))
    pats.push_back(unitsOf(pat));
  else if (isCellOfText(pat))
    for (const ValueRef &c : pat.cells)
      pats.push_back(unitsOf(*c));
  else
    throwErrorIn("regexprep", "MATLAB:regexprep:InvalidInput",
                 "The second argument (EXPRESSION) must be a character vector "
                 "or a cell array of character vectors.");
  if (isCharRowish(rep))
    reps.push_back(unitsOf(rep));
  else if (isCellOfText(rep))
    for (const ValueRef &c : rep.cells)
      reps.push_back(unitsOf(*c));
  else
    throwErrorIn("regexprep", "MATLAB:regexprep:InvalidInput",
                 "The third argument (REPLACE) must be a character vector or "
                 "a cell array of character vectors.");
  if (reps.size() != 1 && reps.size() != pats.size())
    throwErrorIn("regexprep", "MATLAB:regexprep:CellSizeMismatch",
                 "The REPLACE cell array must have one element or as many as "
                 "the EXPRESSION cell array.");
  RegexOptions opt;
  bool once = false;
  int64_t nth = 0;
  for (size_t a = 3; a < args.size(); ++a) {
    const Value &o = *args[a];
    if (isArithmetic(o) && o.cls != ClassId::Char) {
      if (o.re.size() != 1 || !(o.re[0] >= 1) || std::floor(o.re[0]) != o.re[0])
        throwErrorIn("regexprep", "MATLAB:regexprep:InvalidOption",
                     "The match number must be a positive integer.");
      nth = (int64_t)std::min(o.re[0], 9e18);
      continue;
    }
    if (!isCharRowish(o) || !parseRegexOption(o, opt, once))
      throwErrorIn("regexprep", "MATLAB:regexprep:UnknownOption",
                   "Invalid option for regexprep: %s.", textOf(o).c_str());
  }
  auto apply = [&](const ValueRef &c) -> ValueRef {
    U16 s = unitsOf(*c);
    for (size_t k = 0; k < pats.size(); ++k)
      s = regexprepOne(s, pats[k], reps[reps.size() == 1 ? 0 : k], opt, once, nth);
    if (s == unitsOf(*c))
      return c;
    return textResult(*c, s);
  };
  return {mapText(args[0], "regexprep", "MATLAB:regexprep:InvalidInput",
                  "Input must be text.", apply)};
}

// ---- character classes -------------------------------------------------------------

Args bi_isspace(int, const Args &args) {
  return {charPredicate(*args[0], isWs, false)};
}

Args bi_isletter(int, const Args &args) {
  return {charPredicate(*args[0], isLetterCh, false)};
}

Args bi_isstrprop(int, const Args &args) {
  const Value &t = *args[1];
  std::function<bool(char16_t)> p;
  if (textIs(t, "alpha"))
    p = isLetterCh;
  else if (textIs(t, "digit"))
    p = isDigitCh;
  else if (textIs(t, "alphanum"))
    p = [](char16_t c) { return isLetterCh(c) || isDigitCh(c); };
  else if (textIs(t, "wspace"))
    p = isWs;
  else if (textIs(t, "upper"))
    p = isUpperCh;
  else if (textIs(t, "lower"))
    p = isLowerCh;
  else if (textIs(t, "punct"))
    p = isPunctCh;
  else if (textIs(t, "cntrl"))
    p = [](char16_t c) { return c < 32 || (c >= 127 && c < 160); };
  else if (textIs(t, "xdigit"))
    p = [](char16_t c) { return hexDigit(c) >= 0; };
  else if (textIs(t, "graphic") || textIs(t, "graph"))
    p = [](char16_t c) { return c > 32 && c != 127 && !(c >= 128 && c <= 160) && !isWs(c); };
  else if (textIs(t, "print"))
    p = [](char16_t c) { return c >= 32 && c != 127 && !(c >= 128 && c < 160); };
  else if (textIs(t, "ascii"))
    p = [](char16_t c) { return c < 128; };
  else
    throwErrorIn("isstrprop", "MATLAB:isstrprop:InvalidCategory",
                 "Invalid category '%s'.", textOf(t).c_str());
  bool forceCell = false;
  if (args.size() == 3)
    throwErrorIn("isstrprop", "MATLAB:isstrprop:InvalidArguments",
                 "Name-value arguments must come in pairs.");
  (void)forceCell;
  const Value &v = *args[0];
  if (v.cls == ClassId::Cell) {
    ValueRef c = makeCell(v.dims);
    for (size_t k = 0; k < v.cells.size(); ++k)
      c->cells[k] = charPredicate(*v.cells[k], p, true);
    return {c};
  }
  if (!isArithmetic(v))
    throwErrorIn("isstrprop", "MATLAB:isstrprop:InvalidInput",
                 "Input must be text or numeric.");
  return {charPredicate(v, p, true)};
}

// ---- base conversion -----------------------------------------------------------------

Args bi_dec2bin(int, const Args &args) {
  return {decToBase("dec2bin", *args[0], 2,
                    args.size() > 1 ? lenArg("dec2bin", *args[1]) : 1)};
}

Args bi_dec2hex(int, const Args &args) {
  return {decToBase("dec2hex", *args[0], 16,
                    args.size() > 1 ? lenArg("dec2hex", *args[1]) : 1)};
}

Args bi_dec2base(int, const Args &args) {
  int base = baseArg("dec2base", *args[1]);
  return {decToBase("dec2base", *args[0], base,
                    args.size() > 2 ? lenArg("dec2base", *args[2]) : 1)};
}

Args bi_bin2dec(int, const Args &args) { return {baseToDec("bin2dec", *args[0], 2)}; }
Args bi_hex2dec(int, const Args &args) { return {baseToDec("hex2dec", *args[0], 16)}; }
Args bi_base2dec(int, const Args &args) {
  return {baseToDec("base2dec", *args[0], baseArg("base2dec", *args[1]))};
}

} // namespace runmat::rt
