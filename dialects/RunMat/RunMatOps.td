//===- RunMatOps.td - The runmat dialect -------------------*- tablegen -*-===//
//
// The `runmat` dialect models MATLAB programs after the front end: values are
// either native scalars (f64 for an inferred real double scalar, i1 for a
// logical scalar) or `!runmat.value`, a reference-counted MATLAB value of any
// class and shape owned by the runtime. Variables live in `!runmat.slot<T>`.
//
// Ownership: an op that produces a `!runmat.value` returns an owned (+1)
// reference that is released with `runmat.release`; operands are borrowed.
// `runmat.load_var` returns a borrowed reference; `runmat.store_var` retains
// what it stores and releases what the slot held.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_OPS_TD
#define RUNMAT_OPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Dialect
//===----------------------------------------------------------------------===//

def RunMat_Dialect : Dialect {
  let name = "runmat";
  let cppNamespace = "::runmat";
  let summary = "MATLAB values, operators, indexing and builtins";
  let description = [{
    The `runmat` dialect is the IR the RunMat front end emits. Inferred
    scalars are builtin `f64`/`i1` values, so scalar code lowers to native
    arithmetic; everything else is a `!runmat.value` handled by the runtime's
    C ABI (`runtime/include/runmat/rt/abi.h`). Elementwise operators follow
    MATLAB's implicit expansion.
  }];
  let useDefaultTypePrinterParser = 1;
}

class RunMat_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<RunMat_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def RunMat_ValueType : RunMat_Type<"Value", "value"> {
  let summary = "a MATLAB value of any class and shape";
  let description = [{
    A reference-counted runtime value: an N-D array of class double, single,
    an integer class, logical, char, or a cell, struct or function handle.
    Lowers to an opaque pointer (`rm_value*`).
  }];
}

def RunMat_SlotType : RunMat_Type<"Slot", "slot"> {
  let summary = "a variable's storage";
  let description = [{
    The storage of one MATLAB variable holding values of `elementType`
    (`f64`, `i1` or `!runmat.value`). A slot also knows whether the variable
    has been assigned: reading an unassigned variable is a MATLAB error.
    Example: `!runmat.slot<f64>`.
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def RunMat_Scalar : AnyTypeOf<[F64, I1]>;
def RunMat_AnyVal : AnyTypeOf<[F64, I1, RunMat_ValueType]>;

class RunMat_Op<string mnemonic, list<Trait> traits = []>
    : Op<RunMat_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Constants and conversions
//===----------------------------------------------------------------------===//

def RunMat_StringOp : RunMat_Op<"string"> {
  let summary = "a char row vector literal";
  let description = [{
    Creates the char row vector of a MATLAB `'...'` literal.

    ```mlir
    %s = runmat.string "hello"
    ```
  }];
  let arguments = (ins StrAttr:$value);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$value attr-dict";
  let builders = [OpBuilder<(ins "::llvm::StringRef":$value), [{
    build($_builder, $_state, ValueType::get($_builder.getContext()),
          $_builder.getStringAttr(value));
  }]>];
}

def RunMat_DenseMatrixOp : RunMat_Op<"dense_matrix"> {
  let summary = "a matrix literal of real numeric constants";
  let description = [{
    The double matrix of a literal such as `[1 2.5; -3 4]` whose elements
    are all real number constants (NaN and Inf included), with the shape
    and values of its `rows x columns` tensor attribute. It stands for the
    `runmat.concat` of boxed scalars that a large data table would
    otherwise become, and lowers to one constant array copied by the
    runtime.

    ```mlir
    %m = runmat.dense_matrix dense<[[1.0, 2.5], [-3.0, 4.0]]> : tensor<2x2xf64>
    ```
  }];
  let arguments = (ins F64ElementsAttr:$values);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$values attr-dict";
  let hasVerifier = 1;
}

def RunMat_EmptyOp : RunMat_Op<"empty"> {
  let summary = "the empty matrix []";
  let description = [{
    ```mlir
    %e = runmat.empty
    ```
  }];
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "attr-dict";
  let builders = [OpBuilder<(ins), [{
    build($_builder, $_state, ValueType::get($_builder.getContext()));
  }]>];
}

def RunMat_ColonAllOp : RunMat_Op<"colon_all"> {
  let summary = "the whole-dimension subscript `:`";
  let description = [{
    The magic `:` subscript of `A(:, 1)`.

    ```mlir
    %c = runmat.colon_all
    ```
  }];
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "attr-dict";
  let builders = [OpBuilder<(ins), [{
    build($_builder, $_state, ValueType::get($_builder.getContext()));
  }]>];
}

def RunMat_BoxOp : RunMat_Op<"box"> {
  let summary = "boxes a native scalar into a value";
  let description = [{
    A 1×1 double (from `f64`) or logical (from `i1`) value.

    ```mlir
    %v = runmat.box %x : f64
    ```
  }];
  let arguments = (ins RunMat_Scalar:$input);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let builders = [OpBuilder<(ins "::mlir::Value":$input), [{
    build($_builder, $_state, ValueType::get($_builder.getContext()), input);
  }]>];
}

def RunMat_UnboxOp : RunMat_Op<"unbox"> {
  let summary = "a real numeric scalar value as f64";
  let description = [{
    Raises a MATLAB error when the value is not a real scalar.

    ```mlir
    %x = runmat.unbox %v
    ```
  }];
  let arguments = (ins RunMat_ValueType:$input);
  let results = (outs F64:$result);
  let assemblyFormat = "$input attr-dict";
  let builders = [OpBuilder<(ins "::mlir::Value":$input), [{
    build($_builder, $_state, $_builder.getF64Type(), input);
  }]>];
}

def RunMat_TruthOp : RunMat_Op<"truth"> {
  let summary = "the truth of a condition";
  let description = [{
    MATLAB's `if`/`while` rule: true when the value is non-empty and every
    element is nonzero. With `scalar`, the `&&`/`||` rule instead: the value
    must be convertible to a logical scalar.

    ```mlir
    %c = runmat.truth %v
    %d = runmat.truth %v {scalar}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$input, UnitAttr:$scalar);
  let results = (outs I1:$result);
  let assemblyFormat = "$input attr-dict";
  let builders = [OpBuilder<(ins "::mlir::Value":$input, "bool":$scalar), [{
    build($_builder, $_state, $_builder.getI1Type(), input,
          scalar ? $_builder.getUnitAttr() : ::mlir::UnitAttr());
  }]>];
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

// A binary operator: both operands f64 (native scalar arithmetic) or both
// !runmat.value (the runtime, with implicit expansion).
class RunMat_BinaryOp<string mnemonic, string matlabSpelling,
                      string abiKind, bit isPredicate = 0>
    : RunMat_Op<mnemonic, !if(isPredicate, [AllTypesMatch<["lhs", "rhs"]>],
                              [AllTypesMatch<["lhs", "rhs", "result"]>])> {
  let summary = "MATLAB `" # matlabSpelling # "`";
  let description = !strconcat("MATLAB's `", matlabSpelling, [{` operator. On
    two `f64` scalars it is native arithmetic; on two `!runmat.value`
    operands the runtime computes it with MATLAB's class rules and implicit
    expansion.

    ```mlir
    %r = runmat.}], mnemonic, !if(isPredicate, " %a, %b : f64 -> i1", " %a, %b : f64"), [{
    %s = runmat.}], mnemonic, !if(isPredicate, " %x, %y : !runmat.value -> !runmat.value", " %x, %y : !runmat.value"), [{
    ```
  }]);
  let arguments = (ins RunMat_AnyVal:$lhs, RunMat_AnyVal:$rhs);
  let results = (outs RunMat_AnyVal:$result);
  let assemblyFormat = !if(isPredicate,
      "$lhs `,` $rhs attr-dict `:` type($lhs) `->` type($result)",
      "$lhs `,` $rhs attr-dict `:` type($result)");
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The rm_binop_kind of the runtime ABI.
    static constexpr int kAbiKind = }] # abiKind # [{;
    static constexpr bool kIsPredicate = }] # !if(isPredicate, "true", "false") # [{;
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Value":$lhs, "::mlir::Value":$rhs), [{
      ::mlir::Type t = lhs.getType();
      if (kIsPredicate && t.isF64())
        t = $_builder.getI1Type();
      build($_builder, $_state, t, lhs, rhs);
    }]>
  ];
}

def RunMat_PlusOp : RunMat_BinaryOp<"plus", "+", "0">;
def RunMat_MinusOp : RunMat_BinaryOp<"minus", "-", "1">;
def RunMat_TimesOp : RunMat_BinaryOp<"times", ".*", "2">;
def RunMat_RDivideOp : RunMat_BinaryOp<"rdivide", "./", "3">;
def RunMat_LDivideOp : RunMat_BinaryOp<"ldivide", ".\\", "4">;
def RunMat_PowerOp : RunMat_BinaryOp<"power", ".^", "5">;
def RunMat_MTimesOp : RunMat_BinaryOp<"mtimes", "*", "6">;
def RunMat_MRDivideOp : RunMat_BinaryOp<"mrdivide", "/", "7">;
def RunMat_MLDivideOp : RunMat_BinaryOp<"mldivide", "\\", "8">;
def RunMat_MPowerOp : RunMat_BinaryOp<"mpower", "^", "9">;
def RunMat_EqOp : RunMat_BinaryOp<"eq", "==", "10", 1>;
def RunMat_NeOp : RunMat_BinaryOp<"ne", "~=", "11", 1>;
def RunMat_LtOp : RunMat_BinaryOp<"lt", "<", "12", 1>;
def RunMat_LeOp : RunMat_BinaryOp<"le", "<=", "13", 1>;
def RunMat_GtOp : RunMat_BinaryOp<"gt", ">", "14", 1>;
def RunMat_GeOp : RunMat_BinaryOp<"ge", ">=", "15", 1>;
def RunMat_AndOp : RunMat_BinaryOp<"and", "&", "16", 1>;
def RunMat_OrOp : RunMat_BinaryOp<"or", "|", "17", 1>;

class RunMat_UnaryOp<string mnemonic, string matlabSpelling, string abiKind,
                     bit isPredicate = 0>
    : RunMat_Op<mnemonic, !if(isPredicate, [], [AllTypesMatch<["input", "result"]>])> {
  let summary = "MATLAB " # matlabSpelling;
  let description = !strconcat("MATLAB's ", matlabSpelling, [{ on an `f64`
    scalar (native) or a `!runmat.value` (the runtime).

    ```mlir
    %r = runmat.}], mnemonic, [{ %a : !runmat.value
    ```
  }]);
  let arguments = (ins RunMat_AnyVal:$input);
  let results = (outs RunMat_AnyVal:$result);
  let assemblyFormat = !if(isPredicate,
      "$input attr-dict `:` type($input) `->` type($result)",
      "$input attr-dict `:` type($result)");
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    static constexpr int kAbiKind = }] # abiKind # [{;
    static constexpr bool kIsPredicate = }] # !if(isPredicate, "true", "false") # [{;
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Value":$input), [{
      ::mlir::Type t = input.getType();
      if (kIsPredicate && t.isF64())
        t = $_builder.getI1Type();
      build($_builder, $_state, t, input);
    }]>
  ];
}

def RunMat_NegOp : RunMat_UnaryOp<"neg", "unary minus `-x`", "0">;
def RunMat_NotOp : RunMat_UnaryOp<"not", "logical not `~x`", "2", 1>;
def RunMat_CTransposeOp : RunMat_UnaryOp<"ctranspose", "complex conjugate transpose `x'`", "3">;
def RunMat_TransposeOp : RunMat_UnaryOp<"transpose", "transpose `x.'`", "4">;

def RunMat_RangeOp : RunMat_Op<"range"> {
  let summary = "the colon operator `a:b` or `a:step:b`";
  let description = [{
    Builds the row vector of MATLAB's colon operator, with MATLAB's element
    count and endpoint rules.

    ```mlir
    %r = runmat.range %a to %b
    %s = runmat.range %a step %d to %b
    ```
  }];
  let arguments = (ins RunMat_ValueType:$start, Optional<RunMat_ValueType>:$step,
                   RunMat_ValueType:$stop);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$start (`step` $step^)? `to` $stop attr-dict";
}

def RunMat_RangeCountOp : RunMat_Op<"range_count", [Pure]> {
  let summary = "the number of elements of a scalar range";
  let description = [{
    `numel(start:step:stop)` for f64 scalars, computed natively (MATLAB's
    count with its endpoint tolerance). Used by `for` loops over ranges.

    ```mlir
    %n = runmat.range_count %a, %d, %b
    ```
  }];
  let arguments = (ins F64:$start, F64:$step, F64:$stop);
  let results = (outs I64:$count);
  let assemblyFormat = "$start `,` $step `,` $stop attr-dict";
}

def RunMat_RangeLastOp : RunMat_Op<"range_last", [Pure]> {
  let summary = "the last element of a scalar range";
  let description = [{
    The last of the `count` elements of `start:step:stop`: `stop` itself when
    `start + (count-1)*step` is within MATLAB's tolerance of it.

    ```mlir
    %l = runmat.range_last %a, %d, %b, %n
    ```
  }];
  let arguments = (ins F64:$start, F64:$step, F64:$stop, I64:$count);
  let results = (outs F64:$result);
  let assemblyFormat = "$start `,` $step `,` $stop `,` $count attr-dict";
}

def RunMat_RangeElementOp : RunMat_Op<"range_element", [Pure]> {
  let summary = "element k (0-based) of a scalar range";
  let description = [{
    Element `index` of a range with `count` elements from `start` to `last`
    (see `runmat.range_last`), exactly as the runtime fills ranges: counted
    from the start for the first half, from the end for the second.

    ```mlir
    %x = runmat.range_element %a, %d, %l, %n, %k
    ```
  }];
  let arguments = (ins F64:$start, F64:$step, F64:$last, I64:$count, I64:$index);
  let results = (outs F64:$result);
  let assemblyFormat = "$start `,` $step `,` $last `,` $count `,` $index attr-dict";
}

def RunMat_ConcatOp : RunMat_Op<"concat"> {
  let summary = "matrix construction `[a b; c d]`";
  let description = [{
    Concatenates its operands row by row: `row_lengths` gives the number of
    operands in each row. Empty operands vanish; char wins over numbers.

    ```mlir
    %m = runmat.concat [2, 2](%a, %b, %c, %d)
    ```
  }];
  let arguments = (ins DenseI64ArrayAttr:$row_lengths,
                   Variadic<RunMat_ValueType>:$elements);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$row_lengths `(` $elements `)` attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Indexing
//===----------------------------------------------------------------------===//

def RunMat_IndexOp : RunMat_Op<"index"> {
  let summary = "subscripted reference `A(i, j, ...)`";
  let description = [{
    Linear, N-D and logical indexing; a subscript may be `runmat.colon_all`.

    ```mlir
    %r = runmat.index %A[%i, %j]
    ```
  }];
  let arguments = (ins RunMat_ValueType:$base, Variadic<RunMat_ValueType>:$indices);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$base `[` $indices `]` attr-dict";
}

def RunMat_IndexScalarOp : RunMat_Op<"index_scalar"> {
  let summary = "`A(i)` or `A(i, j)` of a double array with scalar subscripts";
  let description = [{
    The fast path the front end emits when `A` is known to be a real double
    array and the subscripts are f64 scalars; bounds are still checked.

    ```mlir
    %x = runmat.index_scalar %A[%i, %j] : f64
    ```
  }];
  let arguments = (ins RunMat_ValueType:$base, Variadic<F64>:$indices);
  let results = (outs F64:$result);
  let assemblyFormat = "$base `[` $indices `]` attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def RunMat_EndOp : RunMat_Op<"end"> {
  let summary = "the value of `end` in a subscript";
  let description = [{
    `end` in subscript `position` (0-based) of `count` subscripts of `base`.

    ```mlir
    %e = runmat.end %A {position = 1 : i64, count = 2 : i64}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$base, I64Attr:$position, I64Attr:$count);
  let results = (outs F64:$result);
  let assemblyFormat = "$base attr-dict";
  let hasVerifier = 1;
}

def RunMat_IndexAssignOp : RunMat_Op<"index_assign"> {
  let summary = "subscripted assignment `A(i, ...) = rhs` or deletion";
  let description = [{
    Assigns into the variable in `slot` (in place when its value is not
    shared, else copy-on-write). With `is_delete`, `rhs` must be `[]` and the
    selected elements are removed (`A(idx) = []`).

    ```mlir
    runmat.index_assign %A[%i, %j] = %v : !runmat.slot<!runmat.value>[!runmat.value, !runmat.value], !runmat.value
    runmat.index_assign %A[%i] = %x : !runmat.slot<!runmat.value>[f64], f64
    ```
  }];
  let arguments = (ins RunMat_SlotType:$slot, Variadic<RunMat_AnyVal>:$indices,
                   RunMat_AnyVal:$rhs, UnitAttr:$is_delete);
  let assemblyFormat = "$slot `[` $indices `]` `=` $rhs attr-dict `:` type($slot) `[` type($indices) `]` `,` type($rhs)";
  let hasVerifier = 1;
}

def RunMat_AppendOp : RunMat_Op<"append"> {
  let summary = "`x = [x, a, b]` or `x = [x; a; b]`: growth at the end";
  let description = [{
    Sets the variable in `slot` to the concatenation of its value and
    `values` (side by side, or stacked with `vertical`), with the rules of
    `runmat.concat`. When the variable's value is not shared and the result
    only extends its elements (a row grown by rows of its class, a column by
    columns), the elements are appended in place with amortised growth, so
    a loop that builds a string or a vector this way takes linear time.

    ```mlir
    runmat.append %s(%t) : !runmat.slot<!runmat.value>, !runmat.value
    runmat.append %v(%x) {vertical} : !runmat.slot<!runmat.value>, !runmat.value
    ```
  }];
  let arguments = (ins RunMat_SlotType:$slot, Variadic<RunMat_ValueType>:$values,
                   UnitAttr:$vertical);
  let assemblyFormat = "$slot `(` $values `)` attr-dict `:` type($slot) `,` type($values)";
}

def RunMat_SubsrefOp : RunMat_Op<"subsref"> {
  let summary = "chained indexing `s.a(2).b{3}`";
  let description = [{
    Applies a chain of subscripts to `base`: `kinds` gives each level (0 for
    `()`, 1 for `{}`, 2 for `.field`) and `counts` its number of operands,
    taken in order from `args` (a field level takes one char operand, its
    name). With `as_list`, a result that is a comma-separated list of other
    than one value (`c{:}`, `s.f` of a struct array) is returned as a list,
    which calls, `[...]` and `{...}` expand.

    ```mlir
    %v = runmat.subsref %s [2, 0] [1, 1] (%name, %i)
    %l = runmat.subsref %c [1] [1] (%colon) {as_list}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$base, DenseI32ArrayAttr:$kinds,
                   DenseI64ArrayAttr:$counts, Variadic<RunMat_ValueType>:$args,
                   UnitAttr:$as_list);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$base $kinds $counts `(` $args `)` attr-dict";
  let hasVerifier = 1;
}

def RunMat_SubsasgnOp : RunMat_Op<"subsasgn"> {
  let summary = "chained assignment `s.a(2).b{3} = rhs`";
  let description = [{
    Assigns `rhs` through a subscript chain (encoded as for `runmat.subsref`)
    into the variable in `slot`, creating missing structs, fields, cells and
    elements, with copy-on-write at every level. With `is_delete` (`rhs` is
    `[]`), the elements the last `(...)` level selects are deleted.

    ```mlir
    runmat.subsasgn %s [2] [1] (%name) = %v : !runmat.slot<!runmat.value>
    ```
  }];
  let arguments = (ins RunMat_SlotType:$slot, DenseI32ArrayAttr:$kinds,
                   DenseI64ArrayAttr:$counts, Variadic<RunMat_ValueType>:$args,
                   RunMat_ValueType:$rhs, UnitAttr:$is_delete);
  let assemblyFormat = "$slot $kinds $counts `(` $args `)` `=` $rhs attr-dict `:` type($slot)";
  let hasVerifier = 1;
}

def RunMat_ListElementOp : RunMat_Op<"list_element"> {
  let summary = "value k of a comma-separated list";
  let description = [{
    For `[a, b] = c{1:2}`: value `index` (0-based) of a list of `count`
    expected values; an error when the list is shorter.

    ```mlir
    %b = runmat.list_element %l {index = 1 : i64, count = 2 : i64}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$list, I64Attr:$index, I64Attr:$count);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$list attr-dict";
}

def RunMat_CellLiteralOp : RunMat_Op<"cell_literal"> {
  let summary = "cell array construction `{a b; c d}`";
  let description = [{
    A cell array whose elements are the operands, row by row
    (`row_lengths` operands per row); comma-separated lists are expanded.

    ```mlir
    %c = runmat.cell_literal [2](%a, %b)
    ```
  }];
  let arguments = (ins DenseI64ArrayAttr:$row_lengths,
                   Variadic<RunMat_ValueType>:$elements);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$row_lengths `(` $elements `)` attr-dict";
}

//===----------------------------------------------------------------------===//
// try/catch
//===----------------------------------------------------------------------===//

def RunMat_TryBeginOp : RunMat_Op<"try_begin"> {
  let summary = "enters a try block";
  let description = [{
    Installs an error handler. Returns true when entering the try body and
    false when control comes back because an error was raised inside it
    (then the handler is gone and the catch body runs). Lowers to the
    runtime's handler and a `setjmp` in this frame, so the enclosing
    function's variables are kept in memory (volatile) after lowering.

    ```mlir
    %entered = runmat.try_begin
    ```
  }];
  let results = (outs I1:$entered);
  let assemblyFormat = "attr-dict";
  let builders = [OpBuilder<(ins), [{
    build($_builder, $_state, $_builder.getI1Type());
  }]>];
}

def RunMat_TryEndOp : RunMat_Op<"try_end"> {
  let summary = "leaves a try body normally (removes its handler)";
  let description = [{
    ```mlir
    runmat.try_end
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def RunMat_CaughtErrorOp : RunMat_Op<"caught_error"> {
  let summary = "the error a catch block handles, as an MException value";
  let description = [{
    Also restores the call-stack bookkeeping of the function that caught.

    ```mlir
    %err = runmat.caught_error
    ```
  }];
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "attr-dict";
  let builders = [OpBuilder<(ins), [{
    build($_builder, $_state, ValueType::get($_builder.getContext()));
  }]>];
}

//===----------------------------------------------------------------------===//
// Variables and lifetime
//===----------------------------------------------------------------------===//

def RunMat_AllocVarOp : RunMat_Op<"alloc_var"> {
  let summary = "storage for one variable";
  let description = [{
    A variable's storage in the current function, initially unassigned.
    With `workspace`, the storage is the runtime's persistent workspace
    variable of that name (the interactive prompt's variables), which must
    hold `!runmat.value`. With `param`, the variable is an input parameter
    of the function: reading it unassigned (the caller passed fewer
    arguments) raises "Not enough input arguments." (MATLAB:minrhs).
    With `shared`, the storage is the runtime's shared variable of that key,
    which outlives the call and starts as `[]`: a `global` variable (key
    "global NAME", one per program) or a `persistent` one (key
    "persistent FILE>FUNCTION>NAME", one per function, whatever the
    specialization). Workspace and shared slots hold `!runmat.value`.

    ```mlir
    %x = runmat.alloc_var "x" : !runmat.slot<f64>
    ```
  }];
  let arguments = (ins StrAttr:$name, UnitAttr:$workspace, UnitAttr:$param,
                       OptionalAttr<StrAttr>:$shared);
  let results = (outs RunMat_SlotType:$slot);
  let assemblyFormat = "$name attr-dict `:` type($slot)";
  let hasVerifier = 1;
}

def RunMat_LoadVarOp : RunMat_Op<"load_var", [
    TypesMatchWith<"the result has the slot's element type", "slot", "result",
                   "::mlir::cast<::runmat::SlotType>($_self).getElementType()">]> {
  let summary = "reads a variable";
  let description = [{
    Reads the variable; a `!runmat.value` result is borrowed. Reading an
    unassigned variable raises "Unrecognized function or variable", or,
    with `output_of`, the unassigned-output error of that function. With
    `nullable` (value slots only) an unassigned variable reads as null.

    ```mlir
    %v = runmat.load_var %x : !runmat.slot<f64>
    ```
  }];
  let arguments = (ins RunMat_SlotType:$slot, OptionalAttr<StrAttr>:$output_of,
                   UnitAttr:$nullable);
  let results = (outs RunMat_AnyVal:$result);
  let assemblyFormat = "$slot attr-dict `:` type($slot)";
  let builders = [
    OpBuilder<(ins "::mlir::Value":$slot), [{
      build($_builder, $_state,
            ::mlir::cast<SlotType>(slot.getType()).getElementType(), slot,
            ::mlir::StringAttr(), ::mlir::UnitAttr());
    }]>
  ];
}

def RunMat_IsDefinedOp : RunMat_Op<"is_defined"> {
  let summary = "whether a variable has been assigned";
  let description = [{
    ```mlir
    %b = runmat.is_defined %x : !runmat.slot<!runmat.value>
    ```
  }];
  let arguments = (ins RunMat_SlotType:$slot);
  let results = (outs I1:$result);
  let assemblyFormat = "$slot attr-dict `:` type($slot)";
}

def RunMat_StoreVarOp : RunMat_Op<"store_var", [
    TypesMatchWith<"the value has the slot's element type", "slot", "value",
                   "::mlir::cast<::runmat::SlotType>($_self).getElementType()">]> {
  let summary = "assigns a variable";
  let description = [{
    Stores `value` (retaining a `!runmat.value`) and releases what the slot
    held.

    ```mlir
    runmat.store_var %v, %x : !runmat.slot<f64>
    ```
  }];
  let arguments = (ins RunMat_AnyVal:$value, RunMat_SlotType:$slot);
  let assemblyFormat = "$value `,` $slot attr-dict `:` type($slot)";
}

def RunMat_ClearVarOp : RunMat_Op<"clear_var"> {
  let summary = "releases a variable's value and marks it unassigned";
  let description = [{
    ```mlir
    runmat.clear_var %x : !runmat.slot<!runmat.value>
    ```
  }];
  let arguments = (ins RunMat_SlotType:$slot);
  let assemblyFormat = "$slot attr-dict `:` type($slot)";
}

def RunMat_RetainOp : RunMat_Op<"retain"> {
  let summary = "adds a reference";
  let description = [{
    ```mlir
    runmat.retain %v
    ```
  }];
  let arguments = (ins RunMat_ValueType:$input);
  let assemblyFormat = "$input attr-dict";
}

//===----------------------------------------------------------------------===//
// Fused regions
//===----------------------------------------------------------------------===//

def RunMat_FusedElementwiseOp : RunMat_Op<"fused_elementwise",
    [IsolatedFromAbove, AttrSizedOperandSegments]> {
  let summary = "an elementwise chain computed in one pass over the elements";
  let description = [{
    The value an elementwise chain computes, element by element, with no
    temporaries: made by `runmat-fuse-elementwise`, lowered by
    `convert-runmat-to-llvm` to a single loop. The inputs are arrays
    (`!runmat.value`) and scalars (`f64`, broadcast to every element).

    `body` computes one element: its block takes an `f64` per input (the
    element of each array, the scalar itself) and yields the `f64` result.
    It applies when every array input is a real double (or single) array
    and all have the same size, or sizes that combine by implicit expansion
    (each dimension equal or 1; beyond two dimensions, each array has all
    of the result's dimensions after the first or none of them); the
    result then has the combined size. Otherwise (another class, complex
    data, other expansions, incompatible sizes) `fallback` runs: its block takes the inputs themselves, computes the
    chain with the ordinary value operations, releases its temporaries and
    yields the owned result. Both regions compute the same MATLAB value; the
    op is target-neutral (the GPU backend compiles `body` to a kernel).

    With `shape(%rows, %cols)` (made by `runmat-fuse-generators`) the result
    is `rows x cols` and `body` takes one more `f64` argument, last: the
    0-based linear index of the element it computes, from which the body
    computes the elements of array generators (`a:d:b`, `linspace`)
    instead of reading them from memory. The body applies when the sizes
    are non-negative integers, the array inputs are real double and expand
    to exactly that size (with no array input at all, the size alone); the
    fallback makes the generators' arrays itself.

    ```mlir
    %y = runmat.fused_elementwise(%x, %c) : (!runmat.value, f64) body {
    ^bb0(%e: f64, %s: f64):
      %t = runmat.times %e, %s : f64
      runmat.yield %t : f64
    } fallback {
    ^bb0(%v: !runmat.value, %s: f64):
      %b = runmat.box %s : f64
      %t = runmat.times %v, %b : !runmat.value
      runmat.release %b
      runmat.yield %t : !runmat.value
    }
    ```
  }];
  let arguments = (ins Variadic<RunMat_AnyVal>:$inputs, Variadic<F64>:$shape);
  let results = (outs RunMat_ValueType:$result);
  let regions = (region SizedRegion<1>:$body, SizedRegion<1>:$fallback);
  let assemblyFormat = [{
    `(` $inputs `)` `:` `(` type($inputs) `)` (`shape` `(` $shape^ `)`)?
    `body` $body `fallback` $fallback attr-dict
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Type":$result, "::mlir::ValueRange":$inputs), [{
      build($_builder, $_state, result, inputs, ::mlir::ValueRange{});
    }]>
  ];
  let hasVerifier = 1;
}

def RunMat_FusedReduceOp : RunMat_Op<"fused_reduce", [IsolatedFromAbove,
    AttrSizedOperandSegments]> {
  let summary = "a sum or mean of an elementwise chain, in one pass";
  let description = [{
    `sum(chain)`, `sum(chain, dim)`, `sum(chain, 'all')` and the same for
    `mean`, where `chain` is what a `runmat.fused_elementwise` with these
    inputs and `body` computes: made by `runmat-fuse-reductions`, lowered by
    `convert-runmat-to-llvm` to one loop nest that folds each element into
    its output as it is computed (no temporary for the chain). `kind` is
    `sum` or `mean`; `dim` is 1 or 2, `0` for MATLAB's default (the first
    dimension that is not 1) or `-1` for `'all'`. The additions run in the
    order the runtime's `sum` uses (along a column from the top; across a
    row column by column), so the result equals the unfused program's.

    `body` computes one element of the chain (as in `fused_elementwise`);
    it applies when the array inputs are real double or single arrays that
    `fused_elementwise` would take (one size, or sizes combining by
    implicit expansion) and the reduction is along dimension 1, 2 (of a
    matrix) or all. With single data the chain runs in single arithmetic
    and the sum is kept in double, then rounded to single, as the runtime's
    `sum` does; with `out_double` (`sum(x, 'double')`) it stays double.
    Otherwise `fallback` computes the value with ordinary operations.
    With `shape(%rows, %cols)` (made by `runmat-fuse-generators`) the
    chain's size is given and `body` takes the element's linear index last,
    as in `fused_elementwise`.
  }];
  let arguments = (ins Variadic<RunMat_AnyVal>:$inputs, Variadic<F64>:$shape,
                   StrAttr:$kind, I64Attr:$dim, UnitAttr:$out_double);
  let results = (outs RunMat_ValueType:$result);
  let regions = (region SizedRegion<1>:$body, SizedRegion<1>:$fallback);
  let assemblyFormat = [{
    $kind `dim` $dim `(` $inputs `)` `:` `(` type($inputs) `)`
    (`shape` `(` $shape^ `)`)? `body` $body `fallback` $fallback attr-dict
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Type":$result, "::mlir::ValueRange":$inputs,
                   "::mlir::StringAttr":$kind, "::mlir::IntegerAttr":$dim,
                   "::mlir::UnitAttr":$out_double), [{
      build($_builder, $_state, result, inputs, ::mlir::ValueRange{}, kind,
            dim, out_double);
    }]>
  ];
  let hasVerifier = 1;
}

def RunMat_FusedRngLoopOp : RunMat_Op<"fused_rng_loop", [IsolatedFromAbove,
    AttrSizedOperandSegments]> {
  let summary = "a loop of elementwise updates driven by randn, as one kernel";
  let description = [{
    The loop idiom `for t = 1:count, Z = randn(dims); S = f(S, Z, c...); end`
    (made by `runmat-fuse-loop-idiom`): every element of `state` (S) is
    carried through all `count` steps in registers, each step's normals
    drawn in the kernel from the LCG by jump-ahead: the t-th step's
    `randn(dims)` starts where the (t-1)-th left the stream, and element i
    is normal i of that call, so the numbers are the unfused loop's. The
    generator then ends where the loop would have left it.

    `body` computes one step for one element: its block takes the element
    of S, the element of Z and the `scalars` (all `f64`) and yields the new
    element of S. The results are `done`, the final S and, with
    `keep_draw` (Z is read after the loop), the last step's draw: `done`
    is false (and the values null) unless S is a real double array of the
    size `dims` gives, `count` is at least 1 and the current generator is
    the LCG; the loop itself then runs as written.

    ```mlir
    %done, %s, %z = runmat.fused_rng_loop(%S, %count) dims(%n, %one) scalars(%a) body {
    ^bb0(%e: f64, %z: f64, %a: f64):
      ...
      runmat.yield %r : f64
    }
    ```
  }];
  let arguments = (ins RunMat_ValueType:$state, I64:$count,
                       Variadic<F64>:$dims, Variadic<F64>:$scalars,
                       UnitAttr:$keep_draw);
  let results = (outs I1:$done, RunMat_ValueType:$result,
                 RunMat_ValueType:$draw);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $state `,` $count `)` `dims` `(` $dims `)` `scalars` `(` $scalars `)`
    attr-dict `body` $body
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Named patterns: made by the runmat-fuse-* pattern passes from the forms
// users write, each lowered to one runtime kernel (builtins/Patterns.cpp)
// that falls back to the unfused operations for data it does not take.
//===----------------------------------------------------------------------===//

def RunMat_MeanVarOp : RunMat_Op<"mean_var"> {
  let summary = "Welford/MRB: the mean and the variance of one array, one pass";
  let description = [{
    `mu = mean(x, dim)` together with, by `form`, `mean((x - mu).^2, dim)`
    (0), `var(x, 0, dim)` (1) or `var(x, 1, dim)` (2) of the same `x`
    (made by `runmat-fuse-mean-var`). `dim` is the reduced dimension, `0`
    for MATLAB's default or `-1` for `'all'`.

    For real double and single data reduced along contiguous lines the
    kernel reads `x` once: each chunk of `RM_SUM_CHUNK` elements gives its
    sum (so the mean is `mean`'s to the bit) and the squared deviations
    from its own mean while it is in cache; the chunks combine by Chan et
    al.'s formula. The variance then differs from the two-pass form only by
    rounding. Other data runs the unfused builtins.

    ```mlir
    %mu, %v = runmat.mean_var %x dim 1 form 0
    ```
  }];
  let arguments = (ins RunMat_ValueType:$input, I64Attr:$dim, I64Attr:$form);
  let results = (outs RunMat_ValueType:$mean, RunMat_ValueType:$variance);
  let assemblyFormat = "$input `dim` $dim `form` $form attr-dict";
}

def RunMat_CenteredGramOp : RunMat_Op<"centered_gram"> {
  let summary = "CenteredGram: (x - mean(x))' * (x - mean(x)) [/ divisor]";
  let description = [{
    The centred Gram (scatter, or with the divisor covariance) matrix of
    the columns of `x` (made by `runmat-fuse-centered-gram`): `.'` rather
    than `'` without `conjugate`; the mean is `mean(x, 1)` with `columns`,
    else `mean(x)` (which for a row vector is its mean along the row). For a real double matrix of two or more
    rows the kernel centres row panels of `x` into a buffer that stays in
    cache and adds each to the upper triangle by one SYRK, so `x - mean(x)`
    is never written out; other data runs the unfused operations.

    ```mlir
    %g = runmat.centered_gram %x divisor %n : f64 {conjugate}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$input, Optional<RunMat_AnyVal>:$divisor,
                   UnitAttr:$conjugate, UnitAttr:$columns);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = [{
    $input (`divisor` $divisor^ `:` type($divisor))? attr-dict
  }];
}

def RunMat_ExplainedVarianceOp : RunMat_Op<"explained_variance"> {
  let summary = "ExplainedVariance: diag(q' * g * q) [/ trace(g)]";
  let description = [{
    The variance each column of `q` explains of the Gram matrix `g` (made by
    `runmat-fuse-explained-variance`), as a fraction of the total with
    `normalized`. The kernel forms `q' * g` by GEMM and then only the
    diagonal of its product with `q`, not the k x k matrix.

    ```mlir
    %e = runmat.explained_variance %q, %g {conjugate, normalized}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$basis, RunMat_ValueType:$gram,
                   UnitAttr:$normalized, UnitAttr:$conjugate);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$basis `,` $gram attr-dict";
}

def RunMat_PowerStepNormalizeOp : RunMat_Op<"power_step_normalize"> {
  let summary = "PowerStepNormalize: y = a * q; y ./ sqrt(sum(y.^2) + eps)";
  let description = [{
    One step of block power iteration (made by
    `runmat-fuse-power-step`): the product by GEMM, then each column
    scaled to unit norm in the same kernel; `eps` is the program's constant.
    The column sums run in `sum`'s order, so the result is the unfused
    program's to the bit.

    ```mlir
    %q1 = runmat.power_step_normalize %a, %q eps 2.2204460492503131E-16
    ```
  }];
  let arguments = (ins RunMat_ValueType:$matrix, RunMat_ValueType:$basis,
                   F64Attr:$eps);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$matrix `,` $basis `eps` $eps attr-dict";
}

def RunMat_ImageNormalizeOp : RunMat_Op<"image_normalize"> {
  let summary = "ImageNormalize: ((x - mu) ./ sqrt(var + eps)) * gain + bias, clamp, gamma";
  let description = [{
    Per line of `x` along `dim` (each image, with one image per column),
    with `mu` and `var` its mean and population variance:
    `y = ((x - mu) ./ sqrt(var + eps)) * gain + bias`, then with `clamp`
    `max(y, 0)` and with `gamma` `.^gamma` (made by
    `runmat-fuse-image-normalize` from `runmat.mean_var` and the
    operations on its results). `eps`, `gain`, `bias` and `gamma` are the
    program's constants; an absent `gain` or `bias` is not applied. With
    `sum`, the result is `sum(z(:))` of the output z instead (the double
    sum with `out_double`, else rounded to x's class), and z is never
    written.

    For real double and single data reduced along contiguous lines, the
    kernel reads `x` twice: the statistics (as `runmat.mean_var` computes
    them), then every output element in x's class arithmetic, operation by
    operation as the unfused program rounds them (`.^` through the same
    vector math library as fused regions). Other data runs the unfused
    operations.

    ```mlir
    %z = runmat.image_normalize %x dim 1 eps 1.0E-5 {gain = 1.25, bias = 0.1, clamp, gamma = 0.45, sum, out_double}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$input, I64Attr:$dim, F64Attr:$eps,
                   OptionalAttr<F64Attr>:$gain, OptionalAttr<F64Attr>:$bias,
                   UnitAttr:$clamp, OptionalAttr<F64Attr>:$gamma,
                   UnitAttr:$sum, UnitAttr:$out_double);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$input `dim` $dim `eps` $eps attr-dict";
}

def RunMat_MatmulEpilogueOp : RunMat_Op<"matmul_epilogue",
    [AttrSizedOperandSegments]> {
  let summary = "a matrix product with its scaling and addend: one GEMM";
  let description = [{
    `P = op(lhs) * rhs`, then `P * alpha` when `alpha` is given, then
    `P .* scale` when `scale` is given (a row scales the columns, a column
    the rows, a matrix elementwise), then `P + addend` (`P - addend` with
    `subtract_addend`, `addend - P` with `negate_product`), made by
    `runmat-fuse-matmul-epilogue` from `A*B + C`, `s*(A*B)`, `A'*B*s - C`,
    `(A*B) .* w + C` and the like. With a scale, the GEMM writes the result
    and one pass applies the scale and the addend, each rounded as the
    unfused operations round it. `op` is the transpose
    (`'` with `conjugate`) when `transpose_lhs`. For real double matrices
    (both at least 2 x 2 after the transpose) and an addend that is a
    matrix, a row, a column or a scalar of the result's size, the kernel
    writes the broadcast addend into the result and makes one GEMM with
    alpha and beta: the product is never a separate array. Other data runs
    the unfused operations, in the written order.

    ```mlir
    %d = runmat.matmul_epilogue %a, %b alpha(%s : f64) addend(%c) {transpose_lhs}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$lhs, RunMat_ValueType:$rhs,
                   Optional<F64>:$alpha, Optional<RunMat_ValueType>:$scale,
                   Optional<RunMat_ValueType>:$addend,
                   UnitAttr:$transpose_lhs, UnitAttr:$conjugate,
                   UnitAttr:$negate_product, UnitAttr:$subtract_addend);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`alpha` `(` $alpha^ `)`)? (`scale` `(` $scale^ `)`)?
    (`addend` `(` $addend^ `)`)? attr-dict
  }];
}

def RunMat_YieldOp : RunMat_Op<"yield", [Terminator,
    ParentOneOf<["FusedElementwiseOp", "FusedReduceOp",
                "FusedRngLoopOp"]>]> {
  let summary = "the value a fused region's block computes";
  let arguments = (ins RunMat_AnyVal:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

def RunMat_ReleaseOp : RunMat_Op<"release"> {
  let summary = "drops a reference";
  let description = [{
    ```mlir
    runmat.release %v
    ```
  }];
  let arguments = (ins RunMat_ValueType:$input);
  let assemblyFormat = "$input attr-dict";
}

//===----------------------------------------------------------------------===//
// Loops over arrays
//===----------------------------------------------------------------------===//

def RunMat_ForCountOp : RunMat_Op<"for_count"> {
  let summary = "the number of iterations of `for v = A`";
  let description = [{
    The number of columns of `A` (a `for` loop iterates over columns).

    ```mlir
    %n = runmat.for_count %A
    ```
  }];
  let arguments = (ins RunMat_ValueType:$range);
  let results = (outs I64:$count);
  let assemblyFormat = "$range attr-dict";
}

def RunMat_ForColumnOp : RunMat_Op<"for_column"> {
  let summary = "column k (0-based) of a `for` loop's array";
  let description = [{
    ```mlir
    %c = runmat.for_column %A, %k
    ```
  }];
  let arguments = (ins RunMat_ValueType:$range, I64:$index);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$range `,` $index attr-dict";
}

//===----------------------------------------------------------------------===//
// Calls, display, errors
//===----------------------------------------------------------------------===//

def RunMat_BuiltinOp : RunMat_Op<"builtin"> {
  let summary = "calls a runtime builtin";
  let description = [{
    Calls the builtin `callee` with MATLAB's `nargout` of the call site.
    Operands and results are `!runmat.value`s, or native scalars where the
    front end inferred them (the `runmat-lower-scalar-builtins` pass turns
    those into native math; the rest are boxed at the call).

    ```mlir
    %s = runmat.builtin "sum"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
    %m = runmat.builtin "mod"(%a, %b) {nargout = 1 : i32} : (f64, f64) -> f64
    ```
  }];
  let arguments = (ins StrAttr:$callee, Variadic<RunMat_AnyVal>:$args,
                   I32Attr:$nargout);
  let results = (outs Variadic<RunMat_AnyVal>:$results);
  let assemblyFormat = "$callee `(` $args `)` attr-dict `:` functional-type($args, $results)";
}

def RunMat_AssignAnsOp : RunMat_Op<"assign_ans"> {
  let summary = "stores an optional call result into `ans`";
  let description = [{
    For a call statement (`f(x)` with nargout 0): when the call produced a
    value (`value` is not null), stores it in `ans` and, with `display`,
    shows it as `ans = ...`.

    ```mlir
    runmat.assign_ans %r, %ans {display}
    ```
  }];
  let arguments = (ins RunMat_ValueType:$value, RunMat_SlotType:$slot,
                   UnitAttr:$display);
  let assemblyFormat = "$value `,` $slot attr-dict `:` type($slot)";
}

def RunMat_SwitchMatchOp : RunMat_Op<"switch_match"> {
  let summary = "whether a switch subject matches a case";
  let description = [{
    MATLAB's `case` rule: numbers compare with `==`, char arrays with
    `strcmp`, and a cell array case matches when any element does.

    ```mlir
    %m = runmat.switch_match %subject, %case
    ```
  }];
  let arguments = (ins RunMat_ValueType:$subject, RunMat_ValueType:$caseValue);
  let results = (outs I1:$result);
  let assemblyFormat = "$subject `,` $caseValue attr-dict";
}

def RunMat_MakeClosureOp : RunMat_Op<"make_closure"> {
  let summary = "an anonymous function handle `@(x) body`";
  let description = [{
    A function handle calling the generic entry `code` (signature `rm_code`
    of the runtime ABI) with the captured values (null for a name not yet
    assigned). `text` is what func2str returns.

    ```mlir
    %f = runmat.make_closure @__anon_0__entry "@(x)x+a" (%a) {nparams = 1 : i32}
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$code, StrAttr:$text, I32Attr:$nparams,
                   Variadic<RunMat_ValueType>:$captures);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$code $text `(` $captures `)` attr-dict";
}

def RunMat_MakeHandleOp : RunMat_Op<"make_handle"> {
  let summary = "a named function handle `@name`";
  let description = [{
    A handle to the local function whose generic entry is `code`, or, with
    no `code`, to the builtin `name`.

    ```mlir
    %g = runmat.make_handle "myfun" @__fh_myfun__entry {nparams = 2 : i32}
    %s = runmat.make_handle "sin" {nparams = -1 : i32}
    ```
  }];
  let arguments = (ins StrAttr:$name, OptionalAttr<FlatSymbolRefAttr>:$code,
                   I32Attr:$nparams);
  let results = (outs RunMat_ValueType:$result);
  let assemblyFormat = "$name ($code^)? attr-dict";
}

def RunMat_CallValueOp : RunMat_Op<"call_value"> {
  let summary = "`f(args)` where f is a variable (a handle or an array)";
  let description = [{
    Calls a function handle with MATLAB's nargout, or indexes when `f` is
    not a handle. With nargout 0 and one result, the result may be null.

    ```mlir
    %a, %b = runmat.call_value %f(%x) {nargout = 2 : i32} : (!runmat.value) -> (!runmat.value, !runmat.value)
    ```
  }];
  let arguments = (ins RunMat_ValueType:$callee, Variadic<RunMat_ValueType>:$args,
                   I32Attr:$nargout);
  let results = (outs Variadic<RunMat_ValueType>:$results);
  let assemblyFormat = "$callee `(` $args `)` attr-dict `:` functional-type($args, $results)";
}

def RunMat_DisplayOp : RunMat_Op<"display"> {
  let summary = "auto-display `name = ...`";
  let description = [{
    What MATLAB prints for a statement without a semicolon.

    ```mlir
    runmat.display "x", %x : f64
    ```
  }];
  let arguments = (ins StrAttr:$name, RunMat_AnyVal:$input);
  let assemblyFormat = "$name `,` $input attr-dict `:` type($input)";
}

def RunMat_LineOp : RunMat_Op<"line"> {
  let summary = "marks the source line of the statement that follows";
  let description = [{
    Records the executing line for "Error in" messages. Lowers to one store.

    ```mlir
    runmat.line 12
    ```
  }];
  let arguments = (ins I32Attr:$line);
  let assemblyFormat = "$line attr-dict";
}

def RunMat_EnterOp : RunMat_Op<"enter"> {
  let summary = "marks entry into a MATLAB function or script";
  let description = [{
    ```mlir
    runmat.enter "myscript" in "myscript.m"
    ```
  }];
  let arguments = (ins StrAttr:$function, StrAttr:$file);
  let assemblyFormat = "$function `in` $file attr-dict";
}

def RunMat_LeaveOp : RunMat_Op<"leave"> {
  let summary = "marks the return from a MATLAB function";
  let description = [{
    Pairs with `runmat.enter`: restores the caller's location for error
    messages.

    ```mlir
    runmat.leave
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def RunMat_ErrorOp : RunMat_Op<"error"> {
  let summary = "raises a MATLAB error";
  let description = [{
    Raises the error `message` with `identifier` (control does not return).

    ```mlir
    runmat.error "MATLAB:UndefinedFunction", "Unrecognized function or variable 'q'."
    ```
  }];
  let arguments = (ins StrAttr:$identifier, StrAttr:$message);
  let assemblyFormat = "$identifier `,` $message attr-dict";
}

#endif // RUNMAT_OPS_TD
